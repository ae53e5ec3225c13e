"""The one cache type: bounded, and holding only what cannot be changed in place.

Every memo in mockai is a `Cache` (or a function wrapped by `memoized`, which uses one):
parsed request bodies, what a handler derives from one, scripted outcomes, token counts,
rendered pictures, embedding vectors, rate-limit headers. Two rules, enforced here rather than
written in comments:

- **Bound.** At most `limit` entries; storing one more drops the oldest stored. A long-running
  server's memory stays flat whatever its clients send.
- **Immutability.** An entry is shared by every request that hits it, so `put` refuses (with a
  TypeError naming the type) a value that can be changed in place. Accepted: None, bool, int,
  float, str, bytes, a compiled regex, a tuple or frozenset of accepted values, a read-only
  mapping (`types.MappingProxyType`), a frozen dataclass, a frozen pydantic model, and another
  `Cache` (which applies the same rules to its own entries). The check is shallow for
  dataclasses and models: what they refer to is theirs to freeze (a frozen dataclass holds a
  `MappingProxyType` or a tuple, not a dict or a list).

Safe to share between threads (the pytest plugin serves from its own thread, and the
tokenizers are shared): reads are single dictionary lookups, writes take a lock.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import threading
from collections.abc import Callable, Hashable
from types import MappingProxyType
from typing import Any, Generic, ParamSpec, TypeVar

from pydantic import BaseModel

__all__ = ["Cache", "memoized"]

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")
P = ParamSpec("P")
R = TypeVar("R")

_SCALARS = (type(None), bool, int, float, complex, str, bytes)
_KNOWN_FROZEN: set[type] = {*_SCALARS, frozenset, MappingProxyType, re.Pattern}


def _frozen(value: object) -> bool:
    kind = type(value)
    if kind in _KNOWN_FROZEN:
        return True
    if kind is tuple:
        return all(_frozen(item) for item in value)  # type: ignore[attr-defined]
    if isinstance(value, Cache):
        return True
    params = getattr(kind, "__dataclass_params__", None)
    frozen = (
        params.frozen
        if params is not None and dataclasses.is_dataclass(kind)
        else isinstance(value, BaseModel) and bool(kind.model_config.get("frozen"))  # type: ignore[attr-defined]
    )
    if frozen:
        _KNOWN_FROZEN.add(kind)
    return frozen


class Cache(Generic[K, V]):
    """A bounded memo of values that cannot be changed in place (see the module docstring)."""

    __slots__ = ("limit", "_entries", "_lock")

    def __init__(self, limit: int) -> None:
        if limit < 1:
            raise ValueError("a cache holds at least one entry")
        self.limit = limit
        self._entries: dict[K, V] = {}
        self._lock = threading.Lock()

    def get(self, key: K) -> V | None:
        return self._entries.get(key)

    def put(self, key: K, value: V) -> V:
        """Keep `value` under `key` (dropping the oldest entry when full) and return it."""
        if not _frozen(value):
            raise TypeError(
                f"a cached value must not be changeable in place; got {type(value).__name__}"
            )
        with self._lock:
            entries = self._entries
            if key not in entries and len(entries) >= self.limit:
                del entries[next(iter(entries))]
            entries[key] = value
        return value

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()

    def __len__(self) -> int:
        return len(self._entries)

    def __repr__(self) -> str:
        return f"<Cache {len(self._entries)}/{self.limit}>"


def memoized(limit: int) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """`fn`'s results by its (hashable) arguments, in a `Cache` of `limit` entries."""

    def wrap(fn: Callable[P, R]) -> Callable[P, R]:
        cache: Cache[Any, Any] = Cache(limit)
        missing = object()

        @functools.wraps(fn)
        def call(*args: P.args, **kwargs: P.kwargs) -> R:
            key = (args, tuple(kwargs.items())) if kwargs else args
            found = cache._entries.get(key, missing)
            if found is missing:
                return cache.put(key, fn(*args, **kwargs))
            return found

        call.cache = cache  # type: ignore[attr-defined]
        return call

    return wrap
