"""Request validation with pydantic, reported in the real API's words.

The real API reports one problem at a time, as `Invalid 'temperature': decimal above maximum
value. ...` with `param` naming the field as a path (`messages[0].role`) and a `code` such as
`invalid_type` or `decimal_above_max_value`. This module turns the first pydantic error into that.
Models used here must avoid pydantic's tagged unions (their branch labels would leak into
`param`); union branch labels that are type names are dropped.
"""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from mockai.errors import APIError, invalid_request

M = TypeVar("M", bound=BaseModel)

_TYPE_WORDS = {
    "string": "a string", "int": "an integer", "float": "a decimal", "bool": "a boolean",
    "list": "an array", "dict": "an object", "model": "an object", "model_attributes": "an object",
    "tuple": "an array", "none": "null",
}
_BRANCH_NAMES = {"str", "int", "float", "bool", "dict", "list", "none", "constrained-str"}


def _kind_of(value: Any) -> str:
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
    head, sep, last = expected.rpartition(" or ")
    return f"{head}, and {last}" if sep else expected


def _expected_type(error_type: str) -> str | None:
    base = error_type.removesuffix("_type").removesuffix("_parsing")
    if error_type in ("int_from_float",):
        return "an integer"
    return _TYPE_WORDS.get(base) if error_type.endswith(("_type", "_parsing")) else None


def to_api_error(exc: ValidationError, *, top_level_unknown: str = "unrecognized") -> APIError:
    errors = exc.errors(include_url=False)
    first = errors[0]
    # In a union, a branch of the right type that failed a constraint explains more than the
    # branches of the wrong type: report it.
    for error in errors:
        if param_path(error["loc"]) == param_path(first["loc"]) and not _expected_type(error["type"]):
            first = error
            break
    param = param_path(first["loc"])
    kind = first["type"]
    value = first.get("input")
    ctx = first.get("ctx") or {}

    if kind == "missing":
        return invalid_request(f"Missing required parameter: '{param}'.", param,
                               "missing_required_parameter")
    if kind == "extra_forbidden":
        if len(first["loc"]) == 1 and top_level_unknown == "unrecognized":
            return invalid_request(f"Unrecognized request argument supplied: {param}")
        return invalid_request(f"Unknown parameter: '{param}'.", param, "unknown_parameter")
    expected = _expected_type(kind)
    if expected is not None:
        same_place = [e for e in errors if e["loc"][:len(first["loc"]) - 1] == first["loc"][:-1]
                      and param_path(e["loc"]) == param and _expected_type(e["type"])]
        words = sorted({_expected_type(e["type"]) for e in same_place}, key=list(_TYPE_WORDS.values()).index)  # type: ignore[arg-type]
        wanted = words[0] if len(words) == 1 else "one of " + " or ".join(words)
        return invalid_request(
            f"Invalid type for '{param}': expected {wanted}, but got {_kind_of(value)} instead.",
            param, "invalid_type")
    number = "integer" if isinstance(value, int) and not isinstance(value, bool) else "decimal"
    if kind in ("greater_than_equal", "greater_than"):
        bound = ctx.get("ge", ctx.get("gt"))
        op = ">=" if kind == "greater_than_equal" else ">"
        return invalid_request(
            f"Invalid '{param}': {number} below minimum value. Expected a value {op} {bound}, "
            f"but got {value} instead.", param, f"{number}_below_min_value")
    if kind in ("less_than_equal", "less_than"):
        bound = ctx.get("le", ctx.get("lt"))
        op = "<=" if kind == "less_than_equal" else "<"
        return invalid_request(
            f"Invalid '{param}': {number} above maximum value. Expected a value {op} {bound}, "
            f"but got {value} instead.", param, f"{number}_above_max_value")
    if kind == "too_short":
        if isinstance(value, (list, tuple)) and not value:
            return invalid_request(
                f"Invalid '{param}': empty array. Expected an array with minimum length "
                f"{ctx.get('min_length')}, but got an empty array instead.", param, "empty_array")
        return invalid_request(
            f"Invalid '{param}': array too short. Expected an array with minimum length "
            f"{ctx.get('min_length')}, but got an array with length {len(value)} instead.",
            param, "array_below_min_length")
    if kind == "too_long":
        return invalid_request(
            f"Invalid '{param}': array too long. Expected an array with maximum length "
            f"{ctx.get('max_length')}, but got an array with length {len(value)} instead.",
            param, "array_above_max_length")
    if kind == "string_too_long":
        return invalid_request(
            f"Invalid '{param}': string too long. Expected a string with maximum length "
            f"{ctx.get('max_length')}, but got a string with length {len(value)} instead.",
            param, "string_above_max_length")
    if kind == "string_too_short":
        return invalid_request(
            f"Invalid '{param}': string too short. Expected a string with minimum length "
            f"{ctx.get('min_length')}, but got a string with length {len(value)} instead.",
            param, "string_below_min_length")
    if kind == "string_pattern_mismatch":
        return invalid_request(
            f"Invalid '{param}': string does not match pattern. Expected a string that matches "
            f"the pattern '{ctx.get('pattern')}'.", param, "invalid_value")
    if kind in ("literal_error", "enum"):
        return invalid_request(
            f"Invalid value: '{value}'. Supported values are: {_values(ctx.get('expected', ''))}.",
            param, "invalid_value")
    if kind == "value_error":
        return invalid_request(str(first["msg"]).removeprefix("Value error, "), param, "invalid_value")
    return invalid_request(f"Invalid '{param}': {first['msg']}.", param, "invalid_value")


def validate(model: type[M], body: dict[str, Any]) -> M:
    try:
        return model.model_validate(body)
    except ValidationError as exc:
        raise to_api_error(exc) from None
