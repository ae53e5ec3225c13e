"""The handlers of the routes around a response: retrieve (streaming a background one with
`streams.follow`), delete, cancel, list its input items; count input tokens and compact;
imported on the family's first request to them."""

from __future__ import annotations

import asyncio
import base64
import contextlib
import os
import time
from typing import Any, TypeVar

from aiohttp import web

from mockai import ids, tokenizer
from mockai.endpoints.responses import streams
from mockai.endpoints.responses.images import pricing
from mockai.endpoints.responses.items import count_input, instructions_text, item_text
from mockai.endpoints.responses.request import (
    MULTI_AGENT_BETA,
    CompactRequest,
    TokenCountRequest,
    conversation_id,
)
from mockai.endpoints.responses.state import KIND, StoredResponse
from mockai.errors import invalid_request
from mockai.inputitems import normalise
from mockai.toolkit import conversations
from mockai.toolkit.http import json_response, lenient_check, read_json
from mockai.toolkit.lenient import generated
from mockai.toolkit.pagination import page
from mockai.toolkit.state import exchange_of, state_of, stored
from mockai.validation import validate

Counted = TypeVar("Counted", TokenCountRequest, CompactRequest)


def _stand_in(request: web.Request, response_id: str) -> StoredResponse:
    """`--lenient`: a response never made, as if it had been: a finished background one (so
    it can also be streamed and cancelled), without input items."""
    body = generated(request, "getResponse", response_id, background=True, status="completed")
    return StoredResponse(body, [], [])


def _stored(request: web.Request) -> StoredResponse:
    return stored(request, KIND, "response_id", _stand_in)


def _flag(request: web.Request, name: str) -> bool:
    return request.query.get(name, "").lower() in ("true", "1")


async def retrieve(request: web.Request) -> web.StreamResponse:
    stored = _stored(request)
    if _flag(request, "stream"):
        if not stored.body.get("background"):
            raise invalid_request(
                "Only responses created with background=true can be streamed.", "stream"
            )
        raw = request.query.get("starting_after", "-1")
        if not raw.lstrip("-").isdigit():
            raise invalid_request(
                f"Invalid 'starting_after': expected an integer, but got '{raw}'.",
                "starting_after",
                "invalid_type",
            )
        return await streams.follow(request, stored, int(raw))
    return json_response(stored.body)


async def delete(request: web.Request) -> web.Response:
    stored = _stored(request)
    if stored.task is not None:
        stored.task.cancel()
    state_of(request).store.delete(exchange_of(request).session, KIND, stored.body["id"])
    return json_response({"id": stored.body["id"], "object": "response", "deleted": True})


async def cancel(request: web.Request) -> web.Response:
    stored = _stored(request)
    if not stored.body.get("background"):
        raise invalid_request("Only responses created with background=true can be cancelled.")
    if not stored.finished and stored.task is not None:
        stored.task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await stored.task
        stored.finish({**stored.body, "status": "cancelled", "output": [], "usage": None})
    return json_response(stored.body)


async def input_items(request: web.Request) -> web.Response:
    return json_response(page(_stored(request).input_items, request))


# -- token counts and compaction ---------------------------------------------------------------
# Neither operation needs a model, and the description lets it be null; what the real API
# counts or compacts with then is not documented, so a current general model stands in.
DEFAULT_MODEL = "gpt-4o"


async def _counted(request: web.Request, schema: type[Counted]) -> tuple[Counted, list, Any, int]:
    state = state_of(request)
    req = validate(
        schema,
        await read_json(request),
        unknown_parameter=True,
        lenient=state.settings.lenient,
        spec_check=lenient_check(request),
    )
    model = state.models.resolve(req.model or DEFAULT_MODEL, lenient=state.settings.lenient)
    context: list[dict[str, Any]] = []
    if req.previous_response_id is not None:
        previous = state.store.get(exchange_of(request).session, KIND, req.previous_response_id)
        if previous is None and state.settings.lenient:
            previous = StoredResponse({}, [], [])  # any id exists; this one carries nothing
        if previous is None:
            raise invalid_request(
                f"Previous response with id '{req.previous_response_id}' not found.",
                "previous_response_id",
                "previous_response_not_found",
            )
        context = list(previous.context)
    elif isinstance(req, TokenCountRequest) and (
        (continued := conversation_id(req.conversation)) is not None
    ):  # the conversation's items count, before the input
        context = conversations.find(state, exchange_of(request).session, continued).context()
    beta = MULTI_AGENT_BETA in request.headers.get("OpenAI-Beta", "")
    context += normalise(req.input, multi_agent=beta or state.settings.lenient)
    tok = await tokenizer.encoding(model.encoding)
    tools: list[Any] | None = req.tools if isinstance(req, TokenCountRequest) else None
    functions = [t for t in tools or () if t.type == "function"]
    images = pricing(state, exchange_of(request).session, model.id)
    return (
        req,
        context,
        tok,
        count_input(tok, instructions_text(req.instructions), context, functions, images),
    )


async def input_tokens(request: web.Request) -> web.Response:
    _, _, _, tokens = await _counted(request, TokenCountRequest)
    return json_response({"object": "response.input_tokens", "input_tokens": tokens})


async def compact(request: web.Request) -> web.Response:
    _, context, tok, tokens = await _counted(request, CompactRequest)
    kept = [item for item in context if item["type"] == "message" and item.get("role") == "user"]
    summary = " ".join(item_text(item) for item in context)[:2000]
    output_tokens = max(1, tok.count(summary) // 4)
    # Kept messages are items like any output item: the spec's Message requires id and status.
    output = [
        {
            "id": item["id"],
            "type": "message",
            "status": item["status"],
            "role": "user",
            "content": item["content"],
        }
        for item in kept
    ]
    output.append(
        {
            "id": ids.item_id("cmp_"),
            "type": "compaction",
            "encrypted_content": "gAAAAA" + base64.b64encode(os.urandom(48)).decode(),
        }
    )
    return json_response(
        {
            "id": ids.item_id("resp_"),
            "object": "response.compaction",
            "created_at": int(time.time()),
            "output": output,
            "usage": {
                "input_tokens": tokens,
                "input_tokens_details": {"cached_tokens": 0, "cache_write_tokens": 0},
                "output_tokens": output_tokens,
                "output_tokens_details": {"reasoning_tokens": 0},
                "total_tokens": tokens + output_tokens,
            },
        }
    )
