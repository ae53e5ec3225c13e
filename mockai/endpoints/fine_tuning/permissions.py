"""The handlers of a checkpoint's permissions (see the package's docstring): list, create and
delete the projects a fine-tuned checkpoint is shared with. The real API takes admin keys
only on these routes (the server's middleware refuses any other key, as on the Admin API)."""

from __future__ import annotations

import time
from typing import Any

from aiohttp import web

from mockai import ids
from mockai.endpoints.fine_tuning import render
from mockai.endpoints.fine_tuning.request import CreatePermission
from mockai.endpoints.fine_tuning.state import KIND, PERMISSIONS, StoredPermission
from mockai.errors import APIError
from mockai.toolkit.http import json_response, read_body
from mockai.toolkit.pagination import page
from mockai.toolkit.scripted import answer_if_targeted
from mockai.toolkit.state import exchange_of, state_of, stored

ENDPOINT = "fine_tuning.checkpoints"


def _checkpoint(request: web.Request) -> str:
    """The checkpoint the route names: one of the session's jobs' checkpoints (its final one
    is the fine-tuned model), any name under `--lenient`; else a 404 (wording not known)."""
    name = request.match_info["fine_tuned_model_checkpoint"]
    state = state_of(request)
    if state.settings.lenient:
        return name
    for job in state.store.values(exchange_of(request).session, KIND):
        if any(c["fine_tuned_model_checkpoint"] == name for c in render.checkpoints(job)):
            return name
    raise APIError(
        404, f"Checkpoint {name} not found.", param="fine_tuned_model_checkpoint", code=None
    )


def _permissions(request: web.Request, checkpoint: str) -> list[StoredPermission]:
    found = state_of(request).store.values(exchange_of(request).session, PERMISSIONS)
    return [p for p in found if p.checkpoint == checkpoint]


async def create(request: web.Request) -> web.Response:
    req, body = await read_body(request, CreatePermission)
    await answer_if_targeted(request, ENDPOINT, body)
    checkpoint = _checkpoint(request)
    state = state_of(request)
    session = exchange_of(request).session
    made = []
    for project in req.project_ids:
        permission_id = ids.checkpoint_permission_id()
        permission: dict[str, Any] = {
            "object": "checkpoint.permission",
            "id": permission_id,
            "created_at": int(time.time()),
            "project_id": project,
        }
        state.store.put(
            session, PERMISSIONS, permission_id, StoredPermission(permission, checkpoint)
        )
        made.append(permission)
    return json_response(
        {
            "object": "list",
            "data": made,
            "first_id": made[0]["id"] if made else None,
            "last_id": made[-1]["id"] if made else None,
            "has_more": False,
        }
    )


async def list_permissions(request: web.Request) -> web.Response:
    await answer_if_targeted(request, ENDPOINT, dict(request.query))
    project = request.query.get("project_id")
    listed = [
        p.body
        for p in _permissions(request, _checkpoint(request))
        if project is None or p.body["project_id"] == project
    ]
    return json_response(
        page(listed, request, default_limit=10, spellings=("ascending", "descending"))
    )


def _stand_in(request: web.Request, permission_id: str) -> StoredPermission:
    """`--lenient`: a permission never granted, as if it had been, on the route's checkpoint."""
    body = {
        "object": "checkpoint.permission",
        "id": permission_id,
        "created_at": int(time.time()),
        "project_id": "proj_" + permission_id[-24:],
    }
    return StoredPermission(body, request.match_info["fine_tuned_model_checkpoint"])


async def delete(request: web.Request) -> web.Response:
    await answer_if_targeted(request, ENDPOINT, {})
    checkpoint = _checkpoint(request)
    permission = stored(request, PERMISSIONS, "permission_id", _stand_in)
    if permission.checkpoint != checkpoint and not state_of(request).settings.lenient:
        raise PERMISSIONS.not_found(permission.body["id"])
    state_of(request).store.delete(exchange_of(request).session, PERMISSIONS, permission.body["id"])
    return json_response(
        {"object": "checkpoint.permission", "id": permission.body["id"], "deleted": True}
    )
