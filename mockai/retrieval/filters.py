"""Attribute filters (the description's ComparisonFilter and CompoundFilter): their models,
checked like the real API's requests, and whether a file's `attributes` pass one.

Comparisons: `eq`, `ne`, `in` and `nin` compare values of the same type (a boolean is not the
number 1); `gt`, `gte`, `lt` and `lte` order numbers with numbers and strings with strings
(ISO dates compare as they read); `in`/`nin` take an array. A file without the key fails every
comparison but `ne` and `nin`. Compounds: `and` (every filter), `or` (any).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Discriminator, Tag

from mockai.validation import validate_at

Scalar = Union[str, int, float, bool]
Value = Union[str, int, float, bool, list[Union[str, int, float]]]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class ComparisonFilter(_Strict):
    type: Literal["eq", "ne", "gt", "gte", "lt", "lte", "in", "nin"]
    key: str
    value: Value


def _which(value: Any) -> str:
    """A filter's kind, from its `type`, so that its errors are the ones of its own kind (the
    tags are type names: `mockai.validation` leaves them out of `param`)."""
    compound = isinstance(value, dict) and value.get("type") in ("and", "or")
    return "CompoundFilter" if compound or isinstance(value, CompoundFilter) else "ComparisonFilter"


class CompoundFilter(_Strict):
    type: Literal["and", "or"]
    filters: list[Filter]


Filter = Annotated[
    Union[
        Annotated[ComparisonFilter, Tag("ComparisonFilter")],
        Annotated[CompoundFilter, Tag("CompoundFilter")],
    ],
    Discriminator(_which),
]
CompoundFilter.model_rebuild()


class Filtering(_Strict):
    """A request's `filters`, checked where the request has them."""

    filters: Filter | None = None


def parse(value: Any, where: str) -> Filter | None:
    """`value` as a filter, or the real API's 400 naming `<where>.filters...`."""
    return validate_at(Filtering, {"filters": value}, where).filters


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    return "number" if isinstance(value, (int, float)) else type(value).__name__


def _same(a: Any, b: Any) -> bool:
    return _kind(a) == _kind(b) and a == b


def _ordered(op: str, have: Any, want: Any) -> bool:
    if _kind(have) != _kind(want) or _kind(have) not in ("number", "str"):
        return False
    if op == "gt":
        return bool(have > want)
    if op == "gte":
        return bool(have >= want)
    if op == "lt":
        return bool(have < want)
    return bool(have <= want)


def _compare(rule: ComparisonFilter, attributes: Mapping[str, Scalar]) -> bool:
    if rule.key not in attributes:
        return rule.type in ("ne", "nin")
    have = attributes[rule.key]
    options = rule.value if isinstance(rule.value, list) else [rule.value]
    if rule.type in ("eq", "ne"):
        return (rule.type == "eq") == _same(have, rule.value)
    if rule.type in ("in", "nin"):
        return (rule.type == "in") == any(_same(have, option) for option in options)
    return _ordered(rule.type, have, rule.value)


def matches(rule: Filter | None, attributes: Mapping[str, Scalar]) -> bool:
    """Whether a file with these `attributes` passes `rule` (no rule: every file)."""
    if rule is None:
        return True
    if isinstance(rule, ComparisonFilter):
        return _compare(rule, attributes)
    if rule.type == "and":
        return all(matches(inner, attributes) for inner in rule.filters)
    return any(matches(inner, attributes) for inner in rule.filters)
