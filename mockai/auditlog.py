"""The audit log: the administrative actions really taken against this server, per session,
bounded, as `GET /organization/audit_logs` lists them.

Whatever changes the organization's setup (an API key or admin key created or deleted, a
project or user changed...) records one event here through `record` (routes call it with
`toolkit.audit.record_action`, which fills in the actor from the request). An event is the
real AuditLog object: `id`, `type`, `effective_at`, `actor`, `project` when the action was in
one, and the details under a key named after the type (`"api_key.created": {...}`). A session
keeps its latest `MAX_EVENTS`; `/_mockai/reset` forgets a session's.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Mapping
from typing import Any

from mockai import ids
from mockai.sessions import forget

__all__ = ["MAX_EVENTS", "AuditLog"]

MAX_EVENTS = 1000


class AuditLog:
    def __init__(self, size: int = MAX_EVENTS) -> None:
        self.size = size
        self._sessions: dict[str | None, deque[dict[str, Any]]] = {}

    def record(
        self,
        session: str | None,
        event_type: str,
        details: Mapping[str, Any],
        *,
        actor: Mapping[str, Any] | None = None,
        project: Mapping[str, Any] | None = None,
        when: float | None = None,
    ) -> dict[str, Any]:
        """Keep one event (`details` as the real object's `<type>` field) and return it."""
        event: dict[str, Any] = {
            "id": ids.audit_log_id(),
            "type": event_type,
            "effective_at": int(time.time() if when is None else when),
        }
        if project is not None:
            event["project"] = dict(project)
        event["actor"] = dict(actor) if actor is not None else None
        event[event_type] = dict(details)
        events = self._sessions.get(session)
        if events is None:
            events = self._sessions[session] = deque(maxlen=self.size)
        events.append(event)
        return event

    def events(self, session: str | None) -> list[dict[str, Any]]:
        """The session's events, oldest first."""
        return list(self._sessions.get(session, ()))

    def reset(self, session: str | None = None, everywhere: bool = False) -> None:
        forget(self._sessions, session, everywhere)
