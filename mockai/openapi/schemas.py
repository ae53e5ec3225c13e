"""Schemas as alternatives: `$ref`, `allOf` and `anyOf` (the prepared `oneOf`) flattened.

A response schema of the description is rarely one plain object: it is a reference to a
reference, an `allOf` of a base and an extension, a union of thirty event types, or a value
made nullable by `anyOf: [X, {type: null}]`. `branches` turns any of them into the list of
plain alternatives (`Branch`: a schema with no `$ref`, `allOf` or `anyOf` left at its top, and
the name of the component it came from), which is what both generating a body and reading an
example alongside its schema need. A reference already being expanded (a cycle) contributes no
branch; a union wider than `LIMIT` is cut there.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from mockai.openapi.document import lookup, ref_name, resolve

__all__ = ["Branch", "branches", "const", "merge", "types"]

LIMIT = 256


@dataclass(frozen=True)
class Branch:
    name: str | None  # the component schema this alternative is (or extends), if any
    schema: Mapping[str, Any]  # no `$ref`, `allOf` or `anyOf` at its top
    refs: frozenset[str]  # the references expanded to reach it (for bounding cycles)


def branches(
    node: Any, name: str | None = None, refs: frozenset[str] = frozenset()
) -> list[Branch]:
    """The plain alternatives `node` allows (see the module docstring)."""
    if not isinstance(node, Mapping):
        return [Branch(name, {}, refs)]
    if isinstance(node.get("$ref"), str):
        ref = node["$ref"]
        if ref in refs:
            return []
        rest = {k: v for k, v in node.items() if k != "$ref"}
        inner = branches(lookup(ref), ref_name(ref), refs | {ref})
        return [Branch(b.name, merge(b.schema, rest), b.refs) for b in inner] if rest else inner
    own = {k: v for k, v in node.items() if k not in ("allOf", "anyOf", "discriminator")}
    found = [Branch(name, own, refs)]
    for member in node.get("allOf") or ():
        parts = branches(member, None, refs)
        found = [
            Branch(b.name or p.name, merge(b.schema, p.schema), b.refs | p.refs)
            for b in found
            for p in parts
        ][:LIMIT]
    if node.get("anyOf"):
        options = [o for member in node["anyOf"] for o in branches(member, None, refs)][:LIMIT]
        found = [
            Branch(o.name or b.name, merge(b.schema, o.schema), b.refs | o.refs)
            for b in found
            for o in options
        ][:LIMIT]
    return found


def merge(a: Mapping[str, Any], b: Mapping[str, Any]) -> Mapping[str, Any]:
    """Both schemas at once (allOf): properties and required lists united, a property both
    declare becomes the allOf of the two, types intersected, other keywords `b`'s."""
    if not a:
        return b
    if not b:
        return a
    out = {**a, **b}
    if "properties" in a and "properties" in b:
        props = dict(a["properties"])
        for key, sub in b["properties"].items():
            props[key] = {"allOf": [props[key], sub]} if key in props else sub
        out["properties"] = props
    if "required" in a and "required" in b:
        out["required"] = list(dict.fromkeys([*a["required"], *b["required"]]))
    if "type" in a and "type" in b:
        both = [t for t in types(a) if t in types(b)]
        out["type"] = both if len(both) != 1 else both[0]
    if "enum" in a and "enum" in b:
        out["enum"] = [v for v in a["enum"] if v in b["enum"]]
    return out


def types(schema: Mapping[str, Any]) -> list[str]:
    """The JSON types a plain schema names ([] when it names none)."""
    kind = schema.get("type")
    if isinstance(kind, str):
        return [kind]
    return list(kind) if isinstance(kind, (list, tuple)) else []


def const(schema: Any) -> Any:
    """The one value a schema allows (`const`, or a one-value `enum`), else None."""
    schema = resolve(schema)
    if not isinstance(schema, Mapping):
        return None
    if "const" in schema:
        return schema["const"]
    enum = [v for v in schema.get("enum") or () if v is not None]
    return enum[0] if len(enum) == 1 else None
