"""Request validation with pydantic, reported in the real API's words.

The real API reports one problem at a time, as `Invalid 'temperature': decimal above maximum
value. ...` with `param` naming the field as a path (`messages[0].role`) and a `code` such as
`invalid_type` or `decimal_above_max_value`. This module turns the first pydantic error into that.
Models used here must avoid pydantic's tagged unions (their branch labels would leak into
`param`); union branch labels that are type names are dropped.
"""

from __future__ import annotations

import types
from collections.abc import Callable, Mapping
from typing import Annotated, Any, TypeVar, Union, get_args, get_origin

from pydantic import BaseModel, BeforeValidator, ValidationError
from pydantic_core import PydanticCustomError

from mockai.errors import APIError, invalid_request, missing_parameter
from mockai.relaxing import relaxed

M = TypeVar("M", bound=BaseModel)


def _not_a_boolean(value: Any) -> Any:
    if isinstance(value, bool):
        raise PydanticCustomError("int_type", "Input should be a valid integer")
    return value


# An integer for models that must stay lax (a form's text "3600" is 3600) where pydantic's lax
# mode would also take `true` as 1: the real API type-checks strictly, a boolean is no integer.
Integer = Annotated[int, BeforeValidator(_not_a_boolean)]

_TYPE_WORDS = {
    "string": "a string",
    "int": "an integer",
    "float": "a decimal",
    "bool": "a boolean",
    "list": "an array",
    "dict": "an object",
    "model": "an object",
    "model_attributes": "an object",
    "tuple": "an array",
    "none": "null",
}
_BRANCH_NAMES = {"str", "int", "float", "bool", "dict", "list", "none", "constrained-str"}


def kind_of(value: Any) -> str:
    """A JSON value's kind as the real API's type errors name it ("an integer", "null")."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, float):
        return "a decimal"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object"


def param_path(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part in _BRANCH_NAMES or "[" in part or "-" in part or part[:1].isupper():
            continue  # a union branch label, not a field
        else:
            out += f".{part}" if out else part
    return out


def _values(expected: str) -> str:
    """pydantic's "'a', 'b' or 'c'" as the real API lists values: "'a', 'b', and 'c'", but
    "'a' and 'b'" for two."""
    head, sep, last = expected.rpartition(" or ")
    if not sep:
        return expected
    return f"{head}, and {last}" if ", " in head else f"{head} and {last}"


def _expected_type(error_type: str) -> str | None:
    base = error_type.removesuffix("_type").removesuffix("_parsing")
    if error_type in ("int_from_float",):
        return "an integer"
    return _TYPE_WORDS.get(base) if error_type.endswith(("_type", "_parsing")) else None


# pydantic error type -> (ctx key, operator, side, limit word);
# codes read e.g. decimal_above_max_value
_BOUNDS = {
    "greater_than_equal": ("ge", ">=", "below", "minimum"),
    "greater_than": ("gt", ">", "below", "minimum"),
    "less_than_equal": ("le", "<=", "above", "maximum"),
    "less_than": ("lt", "<", "above", "maximum"),
}
# pydantic error type -> (what, ctx key, limit word, code)
_LENGTHS = {
    "too_short": ("array", "min_length", "minimum", "array_below_min_length"),
    "too_long": ("array", "max_length", "maximum", "array_above_max_length"),
    "string_too_short": ("string", "min_length", "minimum", "string_below_min_length"),
    "string_too_long": ("string", "max_length", "maximum", "string_above_max_length"),
}


def _number(value: Any) -> str:
    """A bound as the real API prints it: pydantic keeps `le=2` on a float field as 2.0."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _number_kind(bound: Any) -> str:
    """ "integer" or "decimal" by the field's type, not the value sent (`top_p: 5` is still a
    decimal field); pydantic makes a float field's bound a float, so the bound tells."""
    return "integer" if isinstance(bound, int) and not isinstance(bound, bool) else "decimal"


def _branches(annotation: Any) -> tuple[Any, ...]:
    if get_origin(annotation) in (Union, types.UnionType):
        return get_args(annotation)
    return (annotation,)


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def _is_object(annotation: Any) -> bool:
    return annotation is dict or get_origin(annotation) is dict or _is_model(annotation)


def _objects_expected(model: type[BaseModel] | None, loc: tuple[Any, ...]) -> bool:
    """Whether the array expected at `loc` holds objects: the real API then says
    "expected an array of objects", where pydantic only reports "a valid list"."""
    found: Any = model
    for part in loc:
        if isinstance(part, int):
            found = next((get_args(b)[0] for b in _branches(found) if get_origin(b) is list), None)
            continue
        owner = next((b for b in _branches(found) if _is_model(b) and part in b.model_fields), None)
        if owner is not None:  # else `part` is a union branch label, not a field
            found = owner.model_fields[part].annotation
    lists = [b for b in _branches(found) if get_origin(b) is list]
    return any(_is_object(get_args(b)[0]) for b in lists)


def to_api_error(
    exc: ValidationError, *, model: type[BaseModel] | None = None, unknown_parameter: bool = False
) -> APIError:
    """The real API's error for the first problem; `model` (the validated class) lets array
    types be named as precisely as the real API names them."""
    errors = exc.errors(include_url=False)
    first = errors[0]
    # In a union, a branch of the right type that failed a constraint explains more than the
    # branches of the wrong type: report it.
    for error in errors:
        if param_path(error["loc"]) == param_path(first["loc"]) and not _expected_type(
            error["type"]
        ):
            first = error
            break
    # Likewise a branch that took the value's type and failed inside it (`content` given as an
    # array whose part is wrong) explains more than the branch of another type (a string).
    if _expected_type(first["type"]):
        inside = [
            e
            for e in errors
            if len(e["loc"]) > len(first["loc"])
            and param_path(e["loc"]).startswith(param_path(first["loc"]) + "[")
        ]
        first = inside[0] if inside else first
    param = param_path(first["loc"])
    kind = first["type"]
    value = first.get("input")
    ctx = first.get("ctx") or {}

    if kind == "missing":
        return missing_parameter(param)
    if kind == "extra_forbidden":
        if len(first["loc"]) == 1 and not unknown_parameter:  # chat and completions' wording
            return invalid_request(f"Unrecognized request argument supplied: {param}")
        return invalid_request(f"Unknown parameter: '{param}'.", param, "unknown_parameter")
    expected = _expected_type(kind)
    if expected is not None:
        same_place = [
            e
            for e in errors
            if e["loc"][: len(first["loc"]) - 1] == first["loc"][:-1]
            and param_path(e["loc"]) == param
            and _expected_type(e["type"])
        ]
        words = sorted(
            {word for e in same_place if (word := _expected_type(e["type"])) is not None},
            key=list(_TYPE_WORDS.values()).index,
        )
        if "an array" in words and _objects_expected(model, first["loc"]):
            words[words.index("an array")] = "an array of objects"
        wanted = words[0] if len(words) == 1 else "one of " + " or ".join(words)
        return invalid_request(
            f"Invalid type for '{param}': expected {wanted}, but got {kind_of(value)} instead.",
            param,
            "invalid_type",
        )
    if kind in _BOUNDS:
        key, op, side, limit = _BOUNDS[kind]
        bound = ctx.get(key)
        number = _number_kind(bound)
        return invalid_request(
            f"Invalid '{param}': {number} {side} {limit} value. Expected a value {op} "
            f"{_number(bound)}, but got {value} instead.",
            param,
            f"{number}_{side}_{limit[:3]}_value",
        )
    if kind == "too_short" and isinstance(value, (list, tuple)) and not value:
        return invalid_request(
            f"Invalid '{param}': empty array. Expected an array with minimum length "
            f"{ctx.get('min_length')}, but got an empty array instead.",
            param,
            "empty_array",
        )
    if kind in _LENGTHS:
        what, key, limit, code = _LENGTHS[kind]
        article = "an" if what == "array" else "a"
        return invalid_request(
            f"Invalid '{param}': {what} too {'short' if limit == 'minimum' else 'long'}. Expected "
            f"{article} {what} with {limit} length {ctx.get(key)}, but got "
            f"{article} {what} with length {len(value)} instead.",
            param,
            code,
        )
    if kind == "string_pattern_mismatch":
        return invalid_request(
            f"Invalid '{param}': string does not match pattern. Expected a string that matches "
            f"the pattern '{ctx.get('pattern')}'.",
            param,
            "invalid_value",
        )
    if kind in ("literal_error", "enum"):
        return invalid_request(
            f"Invalid value: '{value}'. Supported values are: {_values(ctx.get('expected', ''))}.",
            param,
            "invalid_value",
        )
    if kind == "value_error":
        return invalid_request(
            str(first["msg"]).removeprefix("Value error, "), param, "invalid_value"
        )
    return invalid_request(f"Invalid '{param}': {first['msg']}.", param, "invalid_value")


def validated(
    model: type[M],
    body: dict[str, Any],
    *,
    unknown_parameter: bool = False,
    lenient: bool = False,
    spec_check: Callable[[dict[str, Any]], None] | None = None,
) -> tuple[M, dict[str, Any]]:
    """The model and the body it was read from: `body` itself, or under `lenient`
    (`--lenient`) a copy relaxed until the model accepts it (`mockai.relaxing`: unknown
    fields dropped, and the model's stricter-than-the-description rules given way where
    `spec_check`, raising the description's own 400, accepts the body).
    `unknown_parameter`: newer APIs (Responses) say "Unknown parameter: 'x'." with a code
    even for top-level arguments, where chat says "Unrecognized request argument supplied"."""
    try:
        return model.model_validate(body), body
    except ValidationError as exc:
        try:
            if not lenient:
                raise
            return relaxed(model, body, exc, spec_check)
        except ValidationError as final:
            raise to_api_error(final, model=model, unknown_parameter=unknown_parameter) from None


def validate(
    model: type[M],
    body: dict[str, Any],
    *,
    unknown_parameter: bool = False,
    lenient: bool = False,
    spec_check: Callable[[dict[str, Any]], None] | None = None,
) -> M:
    """The model alone (see `validated`)."""
    return validated(
        model, body, unknown_parameter=unknown_parameter, lenient=lenient, spec_check=spec_check
    )[0]


def validate_at(
    model: type[M],
    body: dict[str, Any],
    where: str,
    *,
    unknown_parameter: bool = False,
    lenient: bool = False,
    spec_check: Callable[[dict[str, Any]], None] | None = None,
) -> M:
    """`validate` for a part of a request checked on its own (a content part, an input item):
    its errors name the part's full path, `where` + `.` + the field, as the real API does.
    `spec_check` (under `lenient`) checks the part, not the whole body."""
    try:
        return validate(
            model,
            body,
            unknown_parameter=unknown_parameter,
            lenient=lenient,
            spec_check=spec_check,
        )
    except APIError as exc:
        exc.message = exc.message.replace(f"'{exc.param}'", f"'{where}.{exc.param}'")
        exc.param = f"{where}.{exc.param}"
        raise


METADATA_PAIRS = 16
METADATA_KEY = 64
METADATA_VALUE = 512


def check_metadata(pairs: Mapping[str, Any] | None, param: str = "metadata") -> None:
    """`metadata`'s documented limits, in the real API's words: 16 pairs (a real body is quoted
    in openwebui_custom_pipes_filters#3), values up to 512 characters (`param` naming the key,
    spiceai/spiceai#5357) and keys up to 64 (worded like a value, a guess). A vector store
    file's `attributes` (`param`) have the same limits; their numbers and booleans have no
    length."""
    if pairs is None:
        return
    if len(pairs) > METADATA_PAIRS:
        raise invalid_request(
            f"Invalid '{param}': too many properties. Expected an object with at most "
            f"{METADATA_PAIRS} properties, but got an object with {len(pairs)} properties "
            "instead.",
            param,
            "object_above_max_properties",
        )
    for key, value in pairs.items():
        for where, text, limit in (
            (param, key, METADATA_KEY),
            (f"{param}.{key}", value, METADATA_VALUE),
        ):
            if isinstance(text, str) and len(text) > limit:
                raise invalid_request(
                    f"Invalid '{where}': string too long. Expected a string with maximum length "
                    f"{limit}, but got a string with length {len(text)} instead.",
                    where,
                    "string_above_max_length",
                )
