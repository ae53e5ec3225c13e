"""Per-session tables: what `POST /_mockai/reset` clears, the same way everywhere.

State is kept per `X-Mockai-Session` in plain dicts keyed by the session, or by tuples that
start with it (`(session, kind)`, `(session, key, model)`...). A reset forgets one session's
entries, or every session's when `everywhere` (no session named).
"""

from __future__ import annotations

from typing import Any

__all__ = ["forget"]


def forget(table: dict[Any, Any], session: str | None, everywhere: bool = False) -> None:
    """Drop `session`'s entries from `table` (keys equal to it, or tuples that start with it);
    every entry when `everywhere`."""
    if everywhere:
        table.clear()
        return
    for key in [k for k in table if k == session or (isinstance(k, tuple) and k[:1] == (session,))]:
        del table[key]
