"""The one cache type (mockai.caches): its bound, and its refusal to hold what can change."""

from __future__ import annotations

import dataclasses
import re
from types import MappingProxyType

import pytest
from pydantic import BaseModel, ConfigDict

from mockai.caches import Cache, memoized


@dataclasses.dataclass(frozen=True)
class Frozen:
    value: int


@dataclasses.dataclass
class Thawed:
    value: int


class FrozenModel(BaseModel):
    model_config = ConfigDict(frozen=True)
    value: int


class ThawedModel(BaseModel):
    value: int


def test_the_oldest_entry_goes_first_when_full():
    cache: Cache[str, int] = Cache(3)
    for n, key in enumerate("abcd"):
        cache.put(key, n)
    assert [cache.get(k) for k in "abcd"] == [None, 1, 2, 3]
    cache.put("b", 10)  # rewriting an entry does not drop another
    assert len(cache) == 3 and cache.get("c") == 2


@pytest.mark.parametrize(
    "value",
    [
        None,
        1,
        "text",
        b"bytes",
        (1, ("nested", 2.5)),
        frozenset({1}),
        re.compile("a+"),
        MappingProxyType({"a": [1]}),
        Frozen(1),
        FrozenModel(value=1),
        Cache(1),
    ],
    ids=repr,
)
def test_values_that_cannot_change_in_place_are_kept(value):
    cache: Cache[str, object] = Cache(2)
    assert cache.put("k", value) is value and cache.get("k") is value


@pytest.mark.parametrize(
    "value", [{"a": 1}, [1], {1}, (1, [2]), Thawed(1), ThawedModel(value=1)], ids=repr
)
def test_values_that_can_change_are_refused(value):
    cache: Cache[str, object] = Cache(2)
    with pytest.raises(TypeError, match=f"got {type(value).__name__}"):
        cache.put("k", value)
    assert len(cache) == 0


def test_a_cache_holds_at_least_one_entry():
    with pytest.raises(ValueError):
        Cache(0)


def test_memoized_calls_once_per_arguments_and_keeps_its_bound():
    calls = []

    @memoized(limit=2)
    def square(n: int) -> int:
        calls.append(n)
        return n * n

    assert [square(2), square(2), square(3), square(4), square(2)] == [4, 4, 9, 16, 4]
    assert calls == [2, 3, 4, 2]  # 2 was dropped when 4 came in
    assert len(square.cache) == 2  # type: ignore[attr-defined]


def test_memoized_refuses_a_function_returning_something_mutable():
    @memoized(limit=2)
    def listed(n: int) -> list[int]:
        return [n]

    with pytest.raises(TypeError, match="got list"):
        listed(1)
