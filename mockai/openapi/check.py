"""A request checked against its operation's schemas, refused in the real API's words.

Path, query and JSON (or form) inputs are validated with the description's own schemas (JSON
Schema 2020-12 over the prepared document); the first problem becomes the 400 the real API
gives for it, worded as mockai's hand-built families word theirs (`mockai.validation`): a
missing field, a wrong type, a value outside an enum or a bound, an unknown parameter.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import orjson
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError, best_match
from multidict import MultiMapping
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from mockai.caches import memoized
from mockai.errors import APIError, invalid_request, missing_parameter
from mockai.openapi.document import load_json
from mockai.openapi.operations import Operation
from mockai.openapi.schemas import branches
from mockai.validation import kind_of, param_path

__all__ = ["check_body", "check_form", "check_query"]

_URI = "urn:mockai:openapi"
_JSON_TYPES = {
    "string": "a string",
    "integer": "an integer",
    "number": "a number",
    "boolean": "a boolean",
    "array": "an array",
    "object": "an object",
    "null": "null",
}


@dataclass(frozen=True)
class _Held:
    """A jsonschema or referencing object held frozen for the cache (only ever read)."""

    value: Any


@memoized(limit=1)
def _registry() -> _Held:
    resource = DRAFT202012.create_resource({"$id": _URI, **orjson.loads(load_json())})
    return _Held(Registry().with_resource(_URI, resource))


@memoized(limit=512)
def _validator(pointer: str) -> _Held:
    return _Held(Draft202012Validator({"$ref": f"{_URI}#{pointer}"}, registry=_registry().value))


def _pointer(*parts: str) -> str:
    return "/" + "/".join(p.replace("~", "~0").replace("/", "~1") for p in parts)


def check_body(found: Operation, content_type: str, body: Any) -> None:
    """400 for the first way `body` breaks the operation's request schema."""
    pointer = _pointer(
        "paths", found.path, found.method.lower(), "requestBody", "content", content_type, "schema"
    )
    _raise_first(_validator(pointer).value, body, ())


def check_form(found: Operation, fields: dict[str, Any]) -> dict[str, Any]:
    """The form's fields (text, or a file's name in a file field; objects and arrays already
    rebuilt, `toolkit.multipart.nested`) as the JSON values the multipart schema describes
    (`"3"` for an integer is 3, `"true"` for a boolean is true), after a 400 for the first way
    they break it."""
    form = next((b for b in found.bodies.values() if b.multipart), None)
    if form is None or form.schema is None:
        return fields
    typed = _typed(form.schema, fields)
    pointer = _pointer(
        "paths",
        found.path,
        found.method.lower(),
        "requestBody",
        "content",
        form.content_type,
        "schema",
    )
    _raise_first(_validator(pointer).value, typed, ())
    return typed


def _typed(schema: Any, value: Any) -> Any:
    """`value` read from form text as the type `schema` wants, where the text is one."""
    options = [b.schema for b in branches(schema)]
    if isinstance(value, dict):
        props: dict[str, Any] = {}
        for option in options:
            props.update(option.get("properties") or {})
        return {k: _typed(props[k], v) if k in props else v for k, v in value.items()}
    if isinstance(value, list):
        items: Any = next((o["items"] for o in options if "items" in o), {})
        return [_typed(items, v) for v in value]
    if not isinstance(value, str):
        return value
    kinds = {kind for option in options for kind in _types(option)}
    if "string" in kinds:
        return value
    if "boolean" in kinds and value in ("true", "false"):
        return value == "true"
    for kind, read in (("integer", int), ("number", float)):
        if kind in kinds:
            try:
                return read(value)
            except ValueError:
                pass
    if "null" in kinds and value in ("", "null"):
        return None
    return value


def check_query(found: Operation, query: MultiMapping[str]) -> None:
    """400 for a missing required query parameter or one whose value its schema refuses."""
    for parameter in found.parameters_in("query"):
        raw = query.get(parameter.name)
        if raw is None:
            if parameter.required:
                raise missing_parameter(parameter.name)
            continue
        value: Any = raw
        kinds = set(_types(parameter.schema))
        if kinds & {"integer", "number"}:
            try:
                value = int(raw) if "integer" in kinds else float(raw)
            except ValueError:
                value = raw
        elif "boolean" in kinds and raw in ("true", "false"):
            value = raw == "true"
        elif "array" in kinds:
            value = query.getall(parameter.name)
        index = next(i for i, p in enumerate(found.parameters) if p is parameter)
        pointer = _pointer("paths", found.path, found.method.lower(), "parameters", str(index))
        pointer += "/schema"
        _raise_first(_validator(pointer).value, value, (parameter.name,))


def _types(schema: Any) -> list[str]:
    kind = schema.get("type") if isinstance(schema, Mapping) else None
    return [kind] if isinstance(kind, str) else list(kind or ())


def _raise_first(validator: Draft202012Validator, value: Any, where: tuple[Any, ...]) -> None:
    error = best_match(validator.iter_errors(value))
    if error is not None:
        raise _as_api_error(error, where)


def _wanted_types(error: ValidationError) -> list[str]:
    """The types a type error wanted; for a union every branch of which failed on its type
    (a nullable string given a number), all of theirs."""
    if error.validator == "type":
        wanted: Any = error.validator_value
        return [wanted] if isinstance(wanted, str) else list(wanted)
    if error.validator in ("anyOf", "oneOf") and error.context:
        direct = [e for e in error.context if not e.relative_path]
        if direct and all(e.validator == "type" for e in direct):
            return list(dict.fromkeys(t for e in direct for t in _wanted_types(e)))
    return []


def _as_api_error(error: ValidationError, where: tuple[Any, ...]) -> APIError:
    loc = where + tuple(error.absolute_path)
    param = param_path(loc) if loc else None
    kind = error.validator
    if kind == "required":
        missing = str(error.message).split("'")[1]
        return missing_parameter(param_path((*loc, missing)))
    if kind == "additionalProperties":
        extra = str(error.message).split("'")[1]
        name = param_path((*loc, extra))
        return invalid_request(f"Unknown parameter: '{name}'.", name, "unknown_parameter")
    if kind in ("anyOf", "oneOf") and error.context:
        # One of several fields is required (`file_ids` or `files`): the first is named
        # missing, as a plain required field would be.
        direct = [e for e in error.context if not e.relative_path]
        if direct and all(e.validator == "required" for e in direct):
            return _as_api_error(direct[0], where)
    names = _wanted_types(error)
    if names:
        # The real API names the types it wanted, not `null` beside them (a nullable field).
        shown = [n for n in names if n != "null"] or names
        expected = " or ".join(_JSON_TYPES.get(n, n) for n in shown)
        return invalid_request(
            f"Invalid type for '{param}': expected {expected}, but got "
            f"{kind_of(error.instance)} instead.",
            param,
            "invalid_type",
        )
    if kind in ("enum", "const"):
        value: Any = error.validator_value
        allowed = value if kind == "enum" else [value]
        listed = ", ".join(f"'{v}'" for v in allowed)
        return invalid_request(
            f"Invalid value: '{error.instance}'. Supported values are: {listed}.",
            param,
            "invalid_value",
        )
    if param is None:  # the body as a whole
        return invalid_request(f"Invalid body: {error.message}.", None, "invalid_value")
    return invalid_request(f"Invalid '{param}': {error.message}.", param, "invalid_value")
