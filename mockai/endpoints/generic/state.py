"""The objects spec-driven operations create, kept per session: one stored-object kind per
collection of the description (`/threads/{thread_id}/messages`), each object under its
concrete path (`/threads/thread_abc/messages/msg_def`), a singleton under its own path."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from mockai.store import Kind


@dataclass
class Entry:
    path: str  # the object's concrete path
    body: dict[str, Any]  # what GET returns


_KINDS: dict[str, Kind[Entry]] = {}


def kind_for(template: str) -> Kind[Entry]:
    """The kind holding `template`'s objects (made on first use; kind names are unique)."""
    found = _KINDS.get(template)
    if found is None:
        noun = template.rstrip("/").rsplit("/", 1)[-1].replace("_", " ")
        noun = noun[:-1] if noun.endswith("s") else noun
        # Worded as the hand-built families' real 404s are ("No batch found with id 'x'.");
        # each resource's own wording is not verified.
        missing = f"No {noun} found with id '{{id}}'."
        found = _KINDS[template] = Kind(f"spec {template}", missing=missing)
    return found


def concrete(template: str, params: Mapping[str, str]) -> str:
    """`/threads/{thread_id}/messages` with the request's path parameters filled in."""
    return template.format_map(dict(params))


def under(entries: list[Entry], collection: str) -> list[dict[str, Any]]:
    """The bodies of the objects directly under the concrete `collection`, oldest first."""
    prefix = collection + "/"
    return [
        e.body for e in entries if e.path.startswith(prefix) and "/" not in e.path[len(prefix) :]
    ]
