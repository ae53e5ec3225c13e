"""Responses after creation: streaming, background runs, retrieval, deletion, cancellation,
input items, token counts, compaction and prompt-cache accounting."""

from __future__ import annotations

import asyncio
import base64
import contextlib
import hashlib
import os
import random
import sys
import time
from array import array
from collections.abc import Iterator
from typing import Any, TypeVar

from aiohttp import web

from mockai import ids, tokenizer
from mockai.endpoints.responses.images import pricing
from mockai.endpoints.responses.items import count_input, instructions_text, item_text, normalise
from mockai.endpoints.responses.render import Event, ResponseRender
from mockai.endpoints.responses.request import CompactRequest, ResponseRequest, TokenCountRequest
from mockai.endpoints.responses.state import KIND, StoredResponse
from mockai.errors import invalid_request
from mockai.store import Kind
from mockai.streaming.drain import Drain
from mockai.streaming.pacing import Clock, Pacing
from mockai.streaming.sse import ClientGone, SSEStream, event_frame
from mockai.toolkit.http import json_response, read_json, send_stream, standard_headers
from mockai.toolkit.pagination import page
from mockai.toolkit.state import ServerState, exchange_of, state_of, stored
from mockai.validation import validate

Counted = TypeVar("Counted", TokenCountRequest, CompactRequest)
CACHE_KIND: Kind[set[bytes]] = Kind("prompt_cache")
CACHE_MINIMUM = 1024  # the real API caches prompts of 1024 tokens or more...
CACHE_BLOCK = 128  # ...in 128-token increments
CACHE_ENTRIES = 100_000  # prefix digests kept per session and model before starting afresh


def _numbered(event: Event, number: int) -> Event:
    return {
        "type": event["type"],
        "sequence_number": number,
        **{k: v for k, v in event.items() if k != "type"},
    }


def _frame(event: Event) -> bytes:
    return event_frame(event["type"], event)


# -- streaming -------------------------------------------------------------------------------
async def stream(
    request: web.Request,
    events: Iterator[tuple[Event, bool]],
    pacing: Pacing,
    render: ResponseRender,
) -> web.StreamResponse:
    frames = ((_frame(_numbered(event, n)), timed) for n, (event, timed) in enumerate(events))
    return await send_stream(request, frames, pacing, random.Random(render.id), done=None)


def start_background(
    stored: StoredResponse,
    render: ResponseRender,
    events: Iterator[tuple[Event, bool]],
    pacing: Pacing,
    queued_s: float,
    drain: Drain,
) -> None:
    """Run a background response as a task: queued, then in progress, then done (at once
    when the server stops, so the streams following it end in time)."""
    stored.finished = False
    stored.body = render.snapshot("queued")
    pending = iter(events)
    for event, _ in (next(pending), next(pending)):  # created and queued are known at once
        stored.publish(_numbered(event, len(stored.events)))

    async def run() -> None:
        await drain.sleep(queued_s)
        stored.body = render.snapshot("in_progress")
        clock = Clock(pacing, random.Random(render.id), drain)
        final = render.snapshot(render.status, final=True)
        for event, timed in pending:
            if timed and not pacing.instant:
                await clock.tick()
            stored.publish(_numbered(event, len(stored.events)))
            if event["type"] == "response.failed":
                final = event["response"]
            elif event["type"] == "error":
                final = render.snapshot(
                    "failed", error={"code": event["code"], "message": event["message"]}
                )
        stored.finish(final)

    stored.task = asyncio.get_running_loop().create_task(run())


async def follow(
    request: web.Request, stored: StoredResponse, starting_after: int
) -> web.StreamResponse:
    """Stream a stored response's events after `starting_after`, following a running one."""
    sse = SSEStream(request, standard_headers(request))
    exchange_of(request).stream = sse.response
    await sse.open()
    position = starting_after + 1
    try:
        while True:
            while position < len(stored.events):
                await sse.write(_frame(stored.events[position]))
                position += 1
            if stored.finished:
                break
            await stored.changed()
        await sse.close()
    except ClientGone:
        pass
    return sse.response


# -- lookups -----------------------------------------------------------------------------------
def _stored(request: web.Request) -> StoredResponse:
    return stored(request, KIND, "response_id")


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
        return await follow(request, stored, int(raw))
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
        schema, await read_json(request), unknown_parameter=True, lenient=state.settings.lenient
    )
    model = state.models.resolve(req.model or DEFAULT_MODEL, lenient=state.settings.lenient)
    context: list[dict[str, Any]] = []
    if req.previous_response_id is not None:
        previous = state.store.get(exchange_of(request).session, KIND, req.previous_response_id)
        if previous is None:
            raise invalid_request(
                f"Previous response with id '{req.previous_response_id}' not found.",
                "previous_response_id",
                "previous_response_not_found",
            )
        context = list(previous.context)
    context += normalise(req.input)
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


# -- prompt caching ---------------------------------------------------------------------------
def _packed(tokens: list[int]) -> bytes:
    """Token ids as 4-byte little-endian integers end to end, what the block digests hash:
    packed in C, not one `int.to_bytes` per token (~100 ms for a 100,000-token input)."""
    packed = array("I", tokens)
    if sys.byteorder == "big":
        packed.byteswap()
    return packed.tobytes()


def prompt_cache_hit(
    state: ServerState,
    session: str | None,
    req: ResponseRequest,
    tok: Any,
    context: list[dict[str, Any]],
) -> int:
    """Cached tokens for this input: the longest prefix (in 128-token blocks from 1024 tokens)
    already seen under the same cache key. Prefix digests are chained, so this is linear."""
    text = instructions_text(req.instructions) + "\n" + "\n".join(item_text(i) for i in context)
    tokens = _packed(tok.encode(text))
    count = len(tokens) // 4
    if count < CACHE_MINIMUM:
        return 0
    digest = hashlib.blake2b(digest_size=16)
    digest.update((req.prompt_cache_key or "").encode())
    seen: set[bytes] = state.store.get(session, CACHE_KIND, req.model) or set()
    hit, boundaries = 0, []
    for end in range(CACHE_BLOCK, count + 1, CACHE_BLOCK):
        digest.update(tokens[4 * (end - CACHE_BLOCK) : 4 * end])
        mark = digest.digest()
        boundaries.append(mark)
        if end >= CACHE_MINIMUM and mark in seen:
            hit = end
    if len(seen) > CACHE_ENTRIES:
        seen = set()
    seen.update(boundaries[CACHE_MINIMUM // CACHE_BLOCK - 1 :])
    state.store.put(session, CACHE_KIND, req.model, seen)
    return hit
