"""A response body generated from the operation's schema: valid, realistic and reproducible.

`body(operation, seed=..., request_digest=...)` draws everything from
`mockai.generation.rng_for(seed, operationId, digest)`, so the same server seed and request get
the same body and another request another one (timestamps say `now`, which callers may fix).
What it does with a schema:

- `object` constants and one-value enums exactly; other enums a random member.
- Unions (`anyOf`, the prepared `oneOf`) pick one alternative; the discriminating property
  (`type`) then holds that alternative's value, or the `discriminator.mapping` key naming it.
  `allOf` is merged. Nullable: a value, except that an optional nullable field is null a third
  of the time (the real API sends many such nulls).
- Objects carry every required property and the optional ones too (the real API returns full
  objects), but not an optional one that is deprecated or said to be "only returned"/"only
  present" in some cases; below `FULL_DEPTH` only required ones, and a `$ref` already being
  expanded (a cycle) is not expanded again: an optional field ends there, an array is empty.
- Arrays are short (one or two items) within `minItems`/`maxItems`; numbers within bounds;
  strings by format and field name (values.py); times are now.
- Ids: an object's `id` has its type's real prefix and form (idshapes: `asst_`, `vs_`,
  `ftjob-`...), a `*_id` field that of what it names.
- `overrides`: values to merge in (the created object's request fields, a known id). A
  mapping merges into an object (nested mappings into nested objects, a discriminator value
  choosing the alternative), anything else replaces the generated value, where the schema
  allows that value; a key the schema does not declare is dropped unless the object is
  free-form.
"""

from __future__ import annotations

import random
import time
from collections.abc import Mapping
from typing import Any

from mockai import ids
from mockai.generation import rng_for
from mockai.openapi import values
from mockai.openapi.document import ref_name, resolve
from mockai.openapi.idshapes import DEFAULT, object_of_schema, shape_for_field, shape_for_object
from mockai.openapi.operations import Operation, operation
from mockai.openapi.schemas import Branch, branches, const, types

__all__ = ["body", "instance"]

FULL_DEPTH = 7  # below this, objects carry their required properties only
MAX_DEPTH = 24
NULL_CHANCE = 1 / 3
_ABSENT = (
    "only returned",
    "only present",
    "only included",
    "only set",
    "only populated",
    "not returned",
    "omitted",
)
_MISSING = object()
_TEXT = {"type": "string"}
_CONTAINERS = ("data", "items", "results", "output", "")  # not what the object is


def body(
    found: Operation | str,
    *,
    seed: int = 0,
    request_digest: str = "",
    overrides: Mapping[str, Any] | None = None,
    now: int | None = None,
) -> Any:
    """A body for `found`'s JSON success response (an operationId or an `Operation`).
    ValueError when the operation answers no JSON."""
    found = operation(found) if isinstance(found, str) else found
    if found.success.schema is None:
        raise ValueError(f"{found} answers no JSON body")
    rng = rng_for(seed, found.operation_id, {"request": request_digest})
    return instance(found.success.schema, rng, overrides=overrides, now=now)


def instance(
    schema: Any,
    rng: random.Random,
    *,
    overrides: Any = None,
    now: int | None = None,
    name: str = "",
) -> Any:
    """A value valid against `schema` (a node of the description), drawn from `rng`."""
    now = int(time.time()) if now is None else now
    given = _MISSING if overrides is None else overrides
    return _Generator(rng, now).make(schema, name, given, 0, frozenset(), required=True)


class _Generator:
    def __init__(self, rng: random.Random, now: int) -> None:
        self.rng = rng
        self.now = now
        self.names: list[str] = []  # the fields holding the objects being made, outermost first

    def make(
        self, node: Any, name: str, given: Any, depth: int, refs: frozenset[str], required: bool
    ) -> Any:
        options = branches(node, None, refs)
        if not options:
            return _MISSING  # nothing but a cycle: the caller leaves the field out
        nulls = [b for b in options if types(b.schema) == ["null"]]
        nullable = bool(nulls) or any("null" in types(b.schema) for b in options)
        if given is None and nullable:
            return None
        real = [b for b in options if b not in nulls] or options
        if given is not _MISSING and not isinstance(given, Mapping) and not isinstance(given, list):
            if any(_accepts(b.schema, given) for b in real):
                return given
            given = _MISSING
        if nullable and not required and given is _MISSING and self.rng.random() < NULL_CHANCE:
            return None
        chosen = self._choose(real, given)
        given = _discriminated(node, chosen, given)
        return self.plain(chosen, name, given, depth, required, nullable)

    def _choose(self, options: list[Branch], given: Any) -> Branch:
        """One alternative: the one an override's constants name, else any (preferring ones
        with a shape over free-form ones)."""
        if isinstance(given, Mapping):
            fitting = [b for b in options if _fits(b.schema, given)]
            options = fitting or options
        shaped = [b for b in options if types(b.schema) or "properties" in b.schema]
        options = shaped or options
        if isinstance(given, list):
            options = [b for b in options if "array" in types(b.schema)] or options
        return options[self.rng.randrange(len(options))]

    def plain(
        self, branch: Branch, name: str, given: Any, depth: int, required: bool, nullable: bool
    ) -> Any:
        schema = branch.schema
        fixed = const(schema)
        if fixed is not None:
            return fixed
        enum = [v for v in schema.get("enum") or () if v is not None]
        if enum:
            return enum[self.rng.randrange(len(enum))]
        kinds = [t for t in types(schema) if t != "null"]
        if not kinds:
            kinds = ["object"] if "properties" in schema else ["array"] if "items" in schema else []
        kind = kinds[self.rng.randrange(len(kinds))] if kinds else "string"
        if isinstance(given, Mapping) and "object" in kinds:
            kind = "object"
        if kind == "object":
            self.names.append(name)
            try:
                return self.obj(branch, given if isinstance(given, Mapping) else {}, depth)
            finally:
                self.names.pop()
        if kind == "array":
            return self.array(branch, name, given, depth)
        if kind == "integer" or kind == "number":
            return values.number(schema, self.rng, name, kind == "integer", self.now)
        if kind == "boolean":
            return values.boolean(self.rng, name)
        if kind == "null":
            return None
        if name.endswith("_ids") and not schema.get("pattern"):
            shape = shape_for_field(name.removesuffix("s"))
            if shape is not None:
                return shape.make(self.rng)
        return values.string(schema, self.rng, name, self.now)

    def array(self, branch: Branch, name: str, given: Any, depth: int) -> list[Any]:
        schema = branch.schema
        items = schema.get("items", {})
        if isinstance(given, list):
            made = [self.make(items, name, g, depth + 1, branch.refs, True) for g in given]
            return [m for m in made if m is not _MISSING]
        low = int(schema.get("minItems", 0))
        high = int(schema.get("maxItems", low + 2))
        count = low if depth >= FULL_DEPTH else min(high, max(low, 1 + self.rng.randrange(2)))
        made = []
        for _ in range(count):
            item = self.make(items, name, _MISSING, depth + 1, branch.refs, True)
            if item is _MISSING:
                break  # a cycle: as few items as allowed
            made.append(item)
        return made

    def obj(self, branch: Branch, given: Mapping[str, Any], depth: int) -> dict[str, Any]:
        schema = branch.schema
        props: Mapping[str, Any] = schema.get("properties") or {}
        required = set(schema.get("required") or ())
        extra = schema.get("additionalProperties", True if not props else False)
        kind = const(props.get("object")) if "object" in props else None
        out: dict[str, Any] = {}
        for key, sub in props.items():
            wanted = given.get(key, _MISSING)
            needed = key in required
            if not needed and wanted is _MISSING and not self._present(sub, depth):
                continue
            value = self.special(key, sub, kind, branch, wanted)
            if value is _MISSING and key == "object" and kind is None and wanted is _MISSING:
                value = _object_value(branch, props)
            if value is _MISSING:
                value = self.make(sub, key, wanted, depth + 1, branch.refs, needed)
            if value is _MISSING:
                if needed:
                    value = self.fallback(sub)
                else:
                    continue
            out[key] = value
        for key in sorted(required - set(props)):  # required, yet not declared (a quirk)
            value = given.get(key, _MISSING)
            if value is _MISSING:
                value = self.special(key, _TEXT, kind, branch, _MISSING)
            out[key] = values.string({}, self.rng, key, self.now) if value is _MISSING else value
        if extra is not False:
            out.update({k: v for k, v in given.items() if k not in props})
        for banned in _forbidden_together(schema):
            kept = next((key for key in banned if key in required), banned[0])
            for key in banned:
                if key != kept and key not in required:
                    out.pop(key, None)
        return out

    def _present(self, sub: Any, depth: int) -> bool:
        """Whether an optional property is sent (the real API sends full objects)."""
        if depth >= FULL_DEPTH:
            return False
        plain = resolve(sub)
        if not isinstance(plain, Mapping):
            return True
        text = str(plain.get("description", "")).lower()
        return not plain.get("deprecated") and not any(phrase in text for phrase in _ABSENT)

    def special(self, key: str, sub: Any, kind: Any, branch: Branch, wanted: Any) -> Any:
        """An id in its real form; otherwise _MISSING (the schema decides)."""
        if wanted is not _MISSING or (key != "id" and not key.endswith("_id")):
            return _MISSING
        options = [b for b in branches(sub) if b.schema]
        if not options or any(
            const(b.schema) is not None or b.schema.get("enum") or b.schema.get("pattern")
            for b in options
        ):
            return _MISSING
        if not any(types(b.schema) in (["string"], ["string", "null"]) for b in options):
            return _MISSING
        if key == "id":
            shape = shape_for_object(kind if isinstance(kind, str) else None, branch.name)
            if shape is None:  # `"user": {"id": ...}` is a user's id, so are `"users"`' items
                holder = next((n for n in reversed(self.names) if n not in _CONTAINERS), "")
                shape = shape_for_field(holder.removesuffix("s") + "_id") if holder else None
            if shape is None:
                return ids.seeded(self.rng, "", DEFAULT[0], DEFAULT[1])
        else:
            shape = shape_for_field(key, branch.name)
        return shape.make(self.rng) if shape is not None else _MISSING

    def fallback(self, sub: Any) -> Any:
        """A required field whose every alternative loops back: the emptiest value it allows."""
        for b in branches(sub):
            for kind in types(b.schema) or ["object"]:
                if kind in ("array", "object", "null", "string"):
                    return {"array": [], "object": {}, "null": None, "string": ""}[kind]
        return None


def _object_value(branch: Branch, props: Mapping[str, Any]) -> Any:
    """A free-string `object`: what the examples show for the schema, `list` for a page, else
    _MISSING (the prose, or generated text)."""
    shown = object_of_schema(branch.name)
    if shown is not None:
        return shown
    return "list" if "data" in props and ("has_more" in props or "first_id" in props) else _MISSING


def _discriminated(node: Any, chosen: Branch, given: Any) -> Any:
    """`given` with the discriminator's mapping key for the chosen alternative, when the union
    maps values to schemas (`discriminator.mapping`); alternatives that hold their value as a
    constant need nothing."""
    union = resolve(node)
    found = union.get("discriminator") if isinstance(union, Mapping) else None
    if not isinstance(found, Mapping) or not isinstance(found.get("mapping"), Mapping):
        return given
    prop = found.get("propertyName")
    keys = [k for k, ref in found["mapping"].items() if ref_name(str(ref)) == chosen.name]
    if not keys or not isinstance(prop, str):
        return given
    if isinstance(given, Mapping):
        return given if prop in given else {**given, prop: keys[0]}
    return {prop: keys[0]} if given is _MISSING else given


def _forbidden_together(schema: Mapping[str, Any]) -> list[list[str]]:
    """`not: {required: [a, b]}`: a and b must not both be there (keep a required one, else
    the first)."""
    banned = schema.get("not")
    if isinstance(banned, Mapping) and isinstance(banned.get("required"), list):
        return [list(banned["required"])]
    return []


def _fits(schema: Mapping[str, Any], given: Mapping[str, Any]) -> bool:
    """No constant of the alternative contradicts an override (its discriminator, mostly)."""
    props = schema.get("properties") or {}
    return all(
        const(props[key]) is None or const(props[key]) == value
        for key, value in given.items()
        if key in props
    ) and ("object" in types(schema) or "properties" in schema)


def _accepts(schema: Mapping[str, Any], value: Any) -> bool:
    """Whether a plain alternative allows the scalar `value` (type, enum, const, length)."""
    fixed = const(schema)
    if fixed is not None:
        return value == fixed
    if schema.get("enum") and value not in schema["enum"]:
        return False
    kinds = types(schema)
    if not kinds:
        return True
    checks = {
        "string": isinstance(value, str),
        "integer": isinstance(value, int) and not isinstance(value, bool),
        "number": isinstance(value, (int, float)) and not isinstance(value, bool),
        "boolean": isinstance(value, bool),
        "null": value is None,
    }
    if not any(checks.get(kind, False) for kind in kinds):
        return False
    if isinstance(value, str):
        return schema.get("minLength", 0) <= len(value) <= schema.get("maxLength", len(value))
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return schema.get("minimum", value) <= value <= schema.get("maximum", value)
    return True
