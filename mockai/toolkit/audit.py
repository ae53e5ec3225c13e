"""Recording an administrative action in the session's audit log, as the request's actor.

Any route that changes the organization's setup (creating or deleting an API key or admin key,
changing a project or a user...) calls `record_action` once the change is made, so that
`GET /organization/audit_logs` lists it. The actor is the API key that made the call, named by
its tracking id (`ids.api_key_id`), never by the key itself.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from aiohttp import web

from mockai import ids
from mockai.toolkit.state import exchange_of, state_of


def actor(request: web.Request) -> dict[str, Any] | None:
    """The AuditLogActor of a request: the API key it carried."""
    key = exchange_of(request).api_key
    if not key:
        return None
    return {"type": "api_key", "api_key": {"id": ids.api_key_id(key), "type": "user"}}


def record_action(
    request: web.Request,
    event_type: str,
    details: Mapping[str, Any],
    *,
    project: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """Log `event_type` (an AuditLogEventType, e.g. `api_key.created`) with its `details`
    (the AuditLog object's `<type>` field, e.g. `{"id": "key_...", "data": {"scopes": [...]}}`)
    and, for an action within a project, the project (`{"id": ..., "name": ...}`)."""
    return state_of(request).audit.record(
        exchange_of(request).session,
        event_type,
        details,
        actor=actor(request),
        project=project,
    )
