"""Stored objects (responses, files, batches...) kept per `X-Mockai-Session`, bounded.

Each kind of object has its own namespace, named by a typed `Kind` (like aiohttp's
`web.AppKey`): `store.get(session, FILES, id)` is a `StoredFile | None` to the type checker,
and two families cannot share a namespace by spelling its name alike. Within a session a kind
keeps at most `limit` objects, dropping the oldest, so a long-running server's memory stays
flat. `/_mockai/reset` clears everything or one session's objects.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator
from typing import Any, Generic, TypeVar, final

from mockai.errors import APIError
from mockai.sessions import forget

DEFAULT_LIMIT = 1000

T = TypeVar("T")


@final
class Kind(Generic[T]):
    """A namespace of stored objects of type `T`: `FILES: Kind[StoredFile] = Kind("files")`.
    Kinds compare by identity; the name is for messages and must be unique. A kind clients
    address by id says how the real API words its 404 (`missing`, with `{id}`, and the `param`
    it names), each API its own way."""

    __slots__ = ("name", "missing", "param")
    _names: set[str] = set()

    def __init__(self, name: str, missing: str | None = None, param: str | None = None) -> None:
        if name in Kind._names:
            raise ValueError(f"a stored-object kind named {name!r} already exists")
        Kind._names.add(name)
        self.name = name
        self.missing = missing
        self.param = param

    def not_found(self, key: str, param: str | None = None) -> APIError:
        """The real API's 404 for an id of this kind it does not hold (`param`: where the id
        was given, when not the kind's usual place)."""
        if self.missing is None:
            raise TypeError(f"kind {self.name!r} is not addressed by id")
        return APIError(404, self.missing.format(id=key), param=param or self.param, code=None)

    def __repr__(self) -> str:
        return f"<Kind {self.name}>"


class ObjectStore:
    def __init__(self, limit: int = DEFAULT_LIMIT) -> None:
        self.limit = limit
        self._spaces: dict[tuple[str | None, Kind[Any]], OrderedDict[str, Any]] = {}

    def put(self, session: str | None, kind: Kind[T], key: str, value: T) -> None:
        space = self._spaces.setdefault((session, kind), OrderedDict())
        space[key] = value
        space.move_to_end(key)
        while len(space) > self.limit:
            space.popitem(last=False)

    def get(self, session: str | None, kind: Kind[T], key: str) -> T | None:
        space = self._spaces.get((session, kind))
        return None if space is None else space.get(key)

    def delete(self, session: str | None, kind: Kind[T], key: str) -> bool:
        space = self._spaces.get((session, kind))
        return space is not None and space.pop(key, None) is not None

    def values(self, session: str | None, kind: Kind[T]) -> Iterator[T]:
        return iter(list(self._spaces.get((session, kind), {}).values()))

    def clear(self, session: str | None = None, everywhere: bool = False) -> None:
        forget(self._spaces, session, everywhere)
