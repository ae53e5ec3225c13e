"""Stored objects (responses, files, batches...) kept per `X-Mockai-Session`, bounded.

Each kind of object has its own namespace; within a session a kind keeps at most `limit`
objects, dropping the oldest, so a long-running server's memory stays flat. `/_mockai/reset`
clears everything or one session's objects.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator
from typing import Any

from mockai.sessions import forget

DEFAULT_LIMIT = 1000


class ObjectStore:
    def __init__(self, limit: int = DEFAULT_LIMIT) -> None:
        self.limit = limit
        self._spaces: dict[tuple[str | None, str], OrderedDict[str, Any]] = {}

    def _space(self, session: str | None, kind: str) -> OrderedDict[str, Any]:
        return self._spaces.setdefault((session, kind), OrderedDict())

    def put(self, session: str | None, kind: str, key: str, value: Any) -> None:
        space = self._space(session, kind)
        space[key] = value
        space.move_to_end(key)
        while len(space) > self.limit:
            space.popitem(last=False)

    def get(self, session: str | None, kind: str, key: str) -> Any | None:
        space = self._spaces.get((session, kind))
        return None if space is None else space.get(key)

    def delete(self, session: str | None, kind: str, key: str) -> bool:
        space = self._spaces.get((session, kind))
        return space is not None and space.pop(key, None) is not None

    def values(self, session: str | None, kind: str) -> Iterator[Any]:
        return iter(list(self._spaces.get((session, kind), {}).values()))

    def clear(self, session: str | None = None, everywhere: bool = False) -> None:
        forget(self._spaces, session, everywhere)
