"""The audit-log event each spec-driven administrative change records (`GET
/organization/audit_logs` then lists it): the operation, the AuditLogEventType it is, and the
details it carries (the object's id, and the request's payload as `data`, as the real log does
for a created project)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from aiohttp import web

from mockai.caches import memoized
from mockai.openapi.document import document, resolve
from mockai.toolkit.audit import record_action

EVENTS: Mapping[str, str] = {
    "create-project": "project.created",
    "modify-project": "project.updated",
    "archive-project": "project.archived",
    "admin-api-keys-create": "api_key.created",
    "admin-api-keys-delete": "api_key.deleted",
    "delete-project-api-key": "api_key.deleted",
    "inviteUser": "invite.sent",
    "delete-invite": "invite.deleted",
    "modify-user": "user.updated",
    "delete-user": "user.deleted",
    "create-project-user": "user.added",
    "modify-project-user": "user.updated",
    "delete-project-user": "user.deleted",
    "create-project-service-account": "service_account.created",
    "delete-project-service-account": "service_account.deleted",
    "uploadCertificate": "certificate.created",
    "modifyCertificate": "certificate.updated",
    "deleteCertificate": "certificate.deleted",
    "activateOrganizationCertificates": "certificates.activated",
    "deactivateOrganizationCertificates": "certificates.deactivated",
    "create-group": "group.created",
    "update-group": "group.updated",
    "delete-group": "group.deleted",
    "create-role": "role.created",
    "update-role": "role.updated",
    "delete-role": "role.deleted",
    "update-project-rate-limits": "rate_limit.updated",
}


def record(
    request: web.Request,
    operation_id: str,
    answer: Any,
    body: Mapping[str, Any],
    project_id: str | None,
) -> None:
    """Log the change `operation_id` made, if it is an administrative one (`project_id`: the
    project it was made within, if any)."""
    event = EVENTS.get(operation_id)
    if event is None:
        return
    details: dict[str, Any] = {}
    if isinstance(answer, Mapping) and isinstance(answer.get("id"), str):
        details["id"] = answer["id"]
    data = {k: v for k, v in body.items() if k in _data_fields(event)}
    if data:
        details["data"] = data
    project = {"id": project_id} if project_id is not None and event != "project.created" else None
    record_action(request, event, details, project=project)


@memoized(limit=64)
def _data_fields(event: str) -> frozenset[str]:
    """The request fields the AuditLog's details for `event` carry as `data` (none when it
    has no `data`)."""
    log = resolve(document()["components"]["schemas"]["AuditLog"])
    details = resolve(log.get("properties", {}).get(event, {}))
    data = resolve((details.get("properties") or {}).get("data", {}))
    return frozenset(data.get("properties") or ())
