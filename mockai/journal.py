"""The request journal: a bounded ring buffer, so a long-running server's memory stays flat.

Entries keep the request's own read-only header and query views; they are copied into plain
dicts only when somebody reads the journal, not on every request, and that copy is the only way
out: keys, tokens, cookies and other secrets leave it masked (`mockai.masking`). Request bodies
are the caller's own data and are kept as sent.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from typing import Any

from mockai.masking import masked


class Journal:
    def __init__(self, size: int) -> None:
        self._entries: deque[dict[str, Any]] = deque(maxlen=size)

    def record(self, entry: dict[str, Any]) -> None:
        self._entries.append(entry)

    def entries(self, session: str | None = None) -> list[dict[str, Any]]:
        return [_plain(e) for e in self._entries if session is None or e["session"] == session]

    def clear(self, session: str | None = None) -> None:
        if session is None:
            self._entries.clear()
        else:
            kept = [e for e in self._entries if e["session"] != session]
            self._entries.clear()
            self._entries.extend(kept)

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return (_plain(e) for e in self._entries)


def _plain(entry: dict[str, Any]) -> dict[str, Any]:
    return {
        **entry,
        "query": masked(entry["query"].items()),
        "headers": masked(entry["headers"].items()),
    }
