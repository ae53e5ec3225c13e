"""The handlers of this family's `ROUTES` (see the package's docstring): list, retrieve and
delete models; imported on the family's first request."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from aiohttp import web

from mockai.endpoints.models.state import DELETED
from mockai.errors import APIError
from mockai.models import Model
from mockai.scenarios.call import Call
from mockai.toolkit import finetuned
from mockai.toolkit.http import json_response
from mockai.toolkit.scripted import answer_step
from mockai.toolkit.state import exchange_of, state_of


def _model_object(model: Model) -> dict[str, Any]:
    return {"id": model.id, "object": "model", "created": model.created, "owned_by": model.owned_by}


async def _scripted(request: web.Request, model: str | None) -> None:
    """Scenarios may script errors, latency and headers for these routes (endpoint `models`)."""
    call = Call(
        endpoint="models",
        body={},
        headers=request.headers,
        session=exchange_of(request).session,
        model=model,
    )
    await answer_step(request, call, streaming=False, optional=True)


def _found(request: web.Request) -> Model:
    model_id = request.match_info["model"]
    state = state_of(request)
    if state.settings.lenient:  # any id exists, served as `--lenient` serves it
        return state.models.resolve(model_id, lenient=True)
    model = state.models.get(model_id)
    if model is None or state.store.get(exchange_of(request).session, DELETED, model_id):
        raise APIError(
            404, f"The model '{model_id}' does not exist", param="model", code="model_not_found"
        )
    return model


def _made(request: web.Request) -> list[Model]:
    """The session's fine-tuned models (their jobs succeeded), not deleted since, each owned
    by the organization that trained it."""
    state = state_of(request)
    session = exchange_of(request).session
    return [
        replace(Model(made.id), created=made.created, owned_by=made.owned_by)
        for made in finetuned.made(state, session)
        if not state.store.get(session, DELETED, made.id)
    ]


async def list_models(request: web.Request) -> web.Response:
    await _scripted(request, None)
    listed = [*state_of(request).models, *_made(request)]
    return json_response({"object": "list", "data": [_model_object(m) for m in listed]})


async def retrieve(request: web.Request) -> web.Response:
    await _scripted(request, request.match_info["model"])
    found = _found(request)
    made = next((m for m in _made(request) if m.id == found.id), found)
    return json_response(_model_object(made))


async def delete(request: web.Request) -> web.Response:
    await _scripted(request, request.match_info["model"])
    model = _found(request)
    if not model.id.startswith("ft:") and not state_of(request).settings.lenient:
        raise APIError(
            403,
            "You have insufficient permissions for this operation.",
            type="invalid_request_error",
            code=None,
        )
    state_of(request).store.put(exchange_of(request).session, DELETED, model.id, True)
    return json_response({"id": model.id, "object": "model", "deleted": True})
