"""Reading a session's journal for assertions: which entries match a filter, and a failure
message that shows what was recorded instead, so a failed assertion needs no debugging run."""

from __future__ import annotations

from collections.abc import Mapping
from fnmatch import fnmatchcase
from typing import Any

from mockai.faults.kinds import label


class _Any:
    """The default of a filter that was not given (None is a value: "no scenario")."""

    def __repr__(self) -> str:
        return "ANY"


ANY: Any = _Any()
_GLOBS = {"scenario", "path"}


def matches(entry: Mapping[str, Any], wanted: Mapping[str, Any]) -> bool:
    for name, expected in wanted.items():
        value = entry[name]
        if name in _GLOBS and isinstance(expected, str) and isinstance(value, str):
            if not fnmatchcase(value, expected):
                return False
        elif name == "method" and isinstance(expected, str):
            if value != expected.upper():
                return False
        elif value != expected:
            return False
    return True


def describe(
    entries: list[dict[str, Any]],
    wanted: Mapping[str, Any],
    times: int | None,
    found: int,
    session: str,
) -> str:
    """E.g. `expected 2 requests with scenario='flaky', got 1`, then one line per entry."""
    what = ", ".join(f"{k}={v!r}" for k, v in wanted.items()) or "any request"
    expected = "at least 1" if times is None else str(times)
    lines = [f"mockai: expected {expected} request(s) matching {what}; {found} matched."]
    if not entries:
        lines.append(
            f"The journal of session {session} is empty: no request with its "
            "X-Mockai-Session header (mockai.client() and mockai.headers carry it) "
            "reached mockai."
        )
        return "\n".join(lines)
    lines.append(
        f"The journal of session {session} ({len(entries)} request(s), '>' marks a match):"
    )
    for entry in entries:
        mark = ">" if matches(entry, wanted) else " "
        lines.append(f"  {mark} {_line(entry)}")
    return "\n".join(lines)


def _line(entry: Mapping[str, Any]) -> str:
    status = "dropped" if entry["status"] is None else entry["status"]
    parts = [
        f"{entry['method']} {entry['path']}",
        f"scenario={entry['scenario'] or '-'}",
        f"step={'-' if entry['step'] is None else entry['step']}",
        f"status={status}",
    ]
    if entry.get("stream"):
        parts.append("stream")
    if entry.get("fault"):
        parts.append(f"fault={label(entry['fault'])}")
    if entry.get("rate_limited"):
        parts.append(f"rate_limited={entry['rate_limited']}")
    return "  ".join(parts)
