"""The handlers of the stored chat completions (`store: true`): list, retrieve, update
metadata, delete and list messages; imported on the family's first request to them."""

from __future__ import annotations

from aiohttp import web

from mockai.endpoints.chat.request import MetadataUpdate, check_metadata
from mockai.endpoints.chat.state import KIND, StoredCompletion
from mockai.scenarios.call import Call
from mockai.toolkit.http import json_response, read_json
from mockai.toolkit.lenient import generated
from mockai.toolkit.pagination import page
from mockai.toolkit.scripted import answer_step
from mockai.toolkit.state import exchange_of, state_of, stored
from mockai.validation import validate


async def _scripted(request: web.Request) -> None:
    """Scenarios may script errors, latency and headers (endpoint `chat.completions.stored`)."""
    call = Call(
        endpoint="chat.completions.stored",
        body=exchange_of(request).body or {},
        headers=request.headers,
        session=exchange_of(request).session,
    )
    await answer_step(request, call, streaming=False, optional=True)


def _stand_in(request: web.Request, completion_id: str) -> StoredCompletion:
    """`--lenient`: a completion never stored, as if it had been (without messages)."""
    body = generated(request, "getChatCompletion", completion_id)
    return StoredCompletion(body, body["model"], [])


def _stored(request: web.Request) -> StoredCompletion:
    return stored(request, KIND, "completion_id", _stand_in)


def _matches(stored: StoredCompletion, model: str | None, metadata: dict[str, str]) -> bool:
    if model is not None and model not in (stored.requested_model, stored.body["model"]):
        return False
    kept = stored.body.get("metadata") or {}
    return all(kept.get(key) == value for key, value in metadata.items())


async def list_completions(request: web.Request) -> web.Response:
    await _scripted(request)
    metadata = {
        key[len("metadata[") : -1]: value
        for key, value in request.query.items()
        if key.startswith("metadata[") and key.endswith("]")
    }
    model = request.query.get("model")
    kept = state_of(request).store.values(exchange_of(request).session, KIND)
    return json_response(
        page([s.body for s in kept if _matches(s, model, metadata)], request, default_order="asc")
    )


async def retrieve(request: web.Request) -> web.Response:
    await _scripted(request)
    return json_response(_stored(request).body)


async def update(request: web.Request) -> web.Response:
    body = await read_json(request)
    await _scripted(request)
    stored = _stored(request)
    metadata = (
        validate(
            MetadataUpdate, body, unknown_parameter=True, lenient=state_of(request).settings.lenient
        ).metadata
        or {}
    )
    check_metadata(metadata)
    stored.body["metadata"] = metadata  # in place: the store keeps creation order
    return json_response(stored.body)


async def delete(request: web.Request) -> web.Response:
    await _scripted(request)
    stored = _stored(request)
    state_of(request).store.delete(exchange_of(request).session, KIND, stored.body["id"])
    return json_response(
        {"object": "chat.completion.deleted", "id": stored.body["id"], "deleted": True}
    )


async def messages(request: web.Request) -> web.Response:
    await _scripted(request)
    return json_response(page(_stored(request).messages, request, default_order="asc"))
