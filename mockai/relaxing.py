"""`--lenient`'s relaxation of a refused body: the real API's rules that are stricter than its
description give way, so that any value the description allows is answered.

mockai's request models hold the real API's rules (a tool name's pattern, an enum of voices, a
bound the description does not state). Under `--lenient` a body they refuse is changed, one
error at a time, until they accept it: fields no model knows are dropped, at any depth; and
where the operation's own schema (`spec_check`, raising the description's 400) accepts the
body, a number is moved to its bound, a string is made to fit its pattern (the characters it
refuses replaced by `_`) or length (cut or padded), and another refused value is dropped so
that its default applies, or, where it cannot be (required, or its default refused too),
replaced by the first value the model allows. Where the description
refuses the body too, the model's error stands (in the real API's words). Only a refused
body pays for this: a copy, then one more validation per round.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from mockai.errors import APIError

M = TypeVar("M", bound=BaseModel)

# pydantic error type -> the key of its bound in the error's ctx
_BOUNDS = {
    "greater_than_equal": "ge",
    "greater_than": "gt",
    "less_than_equal": "le",
    "less_than": "lt",
}
_LENGTHS = {"too_short", "too_long", "string_too_short", "string_too_long"}
_ENUMS = {"literal_error", "enum"}
# A string a pattern or length refuses is kept, made to fit (closer to what was sent than
# dropping it); other refused values are dropped first, replaced only if that fails too.
_STRINGS = {"string_pattern_mismatch", "string_too_long", "string_too_short"}
_RELAXABLE = {*_BOUNDS, *_LENGTHS, *_ENUMS, "string_pattern_mismatch"}
_RELAXABLE |= {"value_error", "assertion_error"}  # a model's own cross-field rules
_ROUNDS = 32  # relaxing one field can reveal another; a body has only so many fields
_CLASS_PATTERN = re.compile(r"\^\[([^\]]+)\][+*](?:\{[^}]*\})?\$")
_GONE = object()


def _parent(body: Any, loc: tuple[Any, ...]) -> Any:
    """What holds the field at `loc` (present or not), following only the parts of `loc`
    that are real keys or indices (the others are union branch labels)."""
    node = body
    for part in loc[:-1]:
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            node = node[part]
    return node


def _at(body: Any, loc: tuple[Any, ...]) -> tuple[Any, Any] | None:
    """The container holding the field at `loc` and its key, where the field is there."""
    node = _parent(body, loc)
    key = loc[-1] if loc else None
    if isinstance(node, dict) and key in node:
        return node, key
    if isinstance(node, list) and isinstance(key, int) and key < len(node):
        return node, key
    return None


def _clamped(value: Any, kind: str, bound: Any) -> Any:
    """The nearest value inside a numeric bound."""
    if kind in ("greater_than_equal", "less_than_equal"):
        return bound
    step = 1 if isinstance(bound, int) and isinstance(value, int) else 1e-9
    return bound + step if kind == "greater_than" else bound - step


def _nearest(value: Any, error: ErrorDetails) -> Any:
    """The value nearest to `value` that the refusing rule takes, or `_GONE`."""
    kind, ctx = error["type"], error.get("ctx") or {}
    if kind in _ENUMS:
        first = re.match(r"'([^']*)'", str(ctx.get("expected", "")))
        return first[1] if first else _GONE
    if not isinstance(value, str):
        return _GONE
    if kind == "string_pattern_mismatch":
        allowed = _CLASS_PATTERN.fullmatch(str(ctx.get("pattern", "")))
        if allowed is None:
            return _GONE
        return re.sub(f"[^{allowed[1]}]", "_", value) or "_"
    if kind == "string_too_long":
        return value[: ctx["max_length"]]
    if kind == "string_too_short":
        return value.ljust(ctx["min_length"], "_")
    return _GONE


class _Relaxer:
    """The body being relaxed, and what was dropped from it (to put back nearer)."""

    def __init__(self, body: dict[str, Any]) -> None:
        self.body = body
        self.dropped: dict[tuple[Any, ...], tuple[Any, ErrorDetails]] = {}

    def unknown(self, errors: list[ErrorDetails]) -> bool:
        """Drop every field no model knows; whether any was there."""
        changed = False
        for error in errors:
            found = (
                _at(self.body, tuple(error["loc"])) if error["type"] == "extra_forbidden" else None
            )
            if found is not None and isinstance(found[0], dict):
                del found[0][found[1]]
                changed = True
        return changed

    def refused(self, error: ErrorDetails) -> bool:
        """Make the body pass one relaxable error, or one that dropping a value caused."""
        loc, kind = tuple(error["loc"]), error["type"]
        if loc in self.dropped:  # dropped, and now missing or its default refused
            original, why = self.dropped.pop(loc)
            nearer = _nearest(original, why)
            parent = _parent(self.body, loc)
            if nearer is _GONE or not isinstance(parent, dict) or not isinstance(loc[-1], str):
                return False
            parent[loc[-1]] = nearer
            return True
        found = _at(self.body, loc)
        if found is None or kind not in _RELAXABLE:
            return False
        container, key = found
        if kind in _BOUNDS and isinstance(container[key], (int, float)):
            bound = (error.get("ctx") or {}).get(_BOUNDS[kind])
            if isinstance(bound, (int, float)) and container[key] != bound:
                container[key] = _clamped(container[key], kind, bound)
                return True
        nearer = _nearest(container[key], error) if kind in _STRINGS else _GONE
        if nearer is _GONE and isinstance(container, dict):
            self.dropped[loc] = (container.pop(key), error)
            return True
        nearer = _nearest(container[key], error) if nearer is _GONE else nearer
        if nearer is _GONE:
            return False
        container[key] = nearer
        return True


def relaxed(
    model: type[M],
    body: dict[str, Any],
    exc: ValidationError,
    spec_check: Callable[[dict[str, Any]], None] | None,
) -> tuple[M, dict[str, Any]]:
    """The model and the relaxed copy of `body` it accepts (see the module docstring), or
    the last ValidationError. `spec_check` raises its APIError where the description
    itself refuses the body; without one, only unknown fields are dropped."""
    relaxer = _Relaxer(copy.deepcopy(body))
    checked = False
    for _ in range(_ROUNDS):
        errors = exc.errors(include_url=False)
        changed = relaxer.unknown(errors)
        if not changed and spec_check is not None:
            candidates = [
                e for e in errors if e["type"] in _RELAXABLE or tuple(e["loc"]) in relaxer.dropped
            ]
            if candidates:
                if not checked:
                    try:
                        spec_check(relaxer.body)
                    except APIError:
                        raise exc from None  # the description's own constraint: refused
                    checked = True
                changed = relaxer.refused(candidates[0])
        if not changed:
            raise exc
        try:
            return model.model_validate(relaxer.body), relaxer.body
        except ValidationError as again:
            exc = again
    raise exc
