"""Running the scenario step that answers a request: the part every endpoint family shares.

In the real API's order: the scenario is chosen, the rate limiter admits or refuses the
request, chaos may spoil it, and only then does the scenario's sequence move on. A request
refused or spoiled by chaos leaves the sequence where it was, so the client's retry gets the
step the failed attempt would have had.
"""

from __future__ import annotations

import asyncio
import base64
import math
from collections.abc import Iterable
from itertools import chain, islice
from typing import Any

from aiohttp import web

from mockai.errors import DEFAULT, APIError
from mockai.faults import Fault
from mockai.faults.chaos import HEADER as CHAOS_HEADER
from mockai.faults.inject import (
    ConnectionDropped,
    before_response,
    scripted_fault,
    with_stream_fault,
)
from mockai.faults.kinds import BEFORE_RESPONSE, STREAM
from mockai.ratelimits.headers import unloaded
from mockai.ratelimits.limiter import RateLimited, simulated_refusal
from mockai.scenarios.call import Call
from mockai.scenarios.engine import CompiledScenario
from mockai.streaming.sse import data_frame
from mockai.toolkit.state import Exchange, ServerState, exchange_of, state_of
from mockai.vocabulary import ErrorSpec, Event, Step


class ScriptedBody(Exception):
    """A step's literal answer (`body:` JSON, or `body_base64:` bytes, with `status:`): the
    middleware sends it as it is."""

    def __init__(self, body: Any, status: int) -> None:
        super().__init__(status)
        self.body = body
        self.status = status


class ScriptedEvents(Exception):
    """A step's literal stream (`events:`, a recording): the middleware replays it."""

    def __init__(self, events: list[Event]) -> None:
        super().__init__(len(events))
        self.events = events


class Unmatched(Exception):
    """No scenario answers this call and `--proxy-unmatched` is set: the middleware forwards
    the request to the upstream (and records the answer with `--record`)."""

    def __init__(self, call: Call) -> None:
        super().__init__(call.endpoint)
        self.call = call


def scripted_error(spec: ErrorSpec) -> APIError:
    headers = {}
    if spec.retry_after is not None:
        headers["retry-after"] = str(math.ceil(spec.retry_after))
        headers["retry-after-ms"] = str(int(spec.retry_after * 1000))
    if spec.should_retry is not None:
        headers["x-should-retry"] = "true" if spec.should_retry else "false"
    return APIError(
        spec.status,
        spec.message,
        type=spec.type,
        param=spec.param,
        code=DEFAULT if spec.code is None else spec.code,
        headers=headers,
    )


def _admit(
    state: ServerState, exchange: Exchange, call: Call, chosen: CompiledScenario | None
) -> None:
    """Charge the rate limiter, or raise its 429 (recorded for the journal and metrics)."""
    limits = chosen.limits if chosen is not None else None
    if call.model is None or not state.limiter.applies(limits):
        return
    try:
        exchange.ratelimit = state.limiter.admit(
            call.session,
            exchange.api_key or "",
            call.model,
            exchange.tokens,
            chosen.name if chosen is not None else None,
            limits,
        )
    except RateLimited as refusal:
        exchange.limited = refusal.reason
        raise


async def _spoil(exchange: Exchange, call: Call, fault: Fault) -> None:
    """Carry out a fault that strikes before any answer (or stalls, then lets it through)."""
    exchange.fault = fault
    if fault.kind == "429" and call.model is not None:
        raise simulated_refusal(
            exchange.api_key or "", call.model, exchange.ratelimit or unloaded(exchange.tokens)
        )
    if fault.kind == "429":
        raise APIError(429, headers={"retry-after": "1", "retry-after-ms": "1000"})
    await before_response(fault)


async def answer_step(
    request: web.Request,
    call: Call,
    *,
    streaming: bool,
    background: bool = False,
    optional: bool = False,
) -> Step | None:
    """Pick the scenario step for this call and apply limits, chaos, headers, latency and error.

    Returns the step to render, or None when nothing matched and no fault needs a step (the
    caller generates a default). A streamed request whose step fails mid-stream gets the step
    back with its error: the caller sends `stream.error_after_chunks` chunks, then the error
    in its own stream format; so does a `background` one (a Responses answer produced after the
    request returned), whose stored response then ends failed. `optional`: the route answers
    from stored state, not generated content (listing models, stored objects), so `--strict`
    does not refuse it when no scenario matched.
    """
    state = state_of(request)
    exchange = exchange_of(request)
    chosen = state.engine.choose(call)
    if chosen is None and state.settings.proxy_unmatched and not request.headers.get("Upgrade"):
        raise Unmatched(call)  # (not the Realtime socket: a WebSocket is not proxied)
    if chosen is None and state.settings.strict and not optional:
        raise APIError(
            404, "No scenario matched this request (mockai --strict).", code="no_scenario_matched"
        )
    if chosen is not None:
        exchange.scenario = chosen.name
    _admit(state, exchange, call, chosen)
    chaos = state.chaos.roll(
        call.session,
        chosen.chaos if chosen is not None else None,
        request.headers.get(CHAOS_HEADER),
        streaming,
        background,
    )
    later = streaming or background  # the answer's body is produced over time
    if chaos is not None and chaos.kind in BEFORE_RESPONSE:
        await _spoil(exchange, call, chaos)
        chaos = None  # a stall has passed: the request goes on as usual
    step = None
    if chosen is not None:
        selection = state.engine.step(chosen, call)
        step = selection.step
        fails_first = step.reset or (
            step.error is not None and not (later and step.fails_mid_stream)
        )
        if chaos is None or fails_first:  # chaos spoils the answer: the retry gets this step
            state.engine.advance(chosen, call)
        exchange.step = selection.index
        exchange.fault = exchange.fault or scripted_fault(step, later)
        if step.headers:
            exchange.headers.update(step.headers)
        if step.latency_ms and (not later or step.error is not None or step.reset):
            await asyncio.sleep(step.latency_ms / 1000)
        if step.reset:
            raise ConnectionDropped()
        if fails_first and step.error is not None:
            raise scripted_error(step.error)
        if step.body is not None:
            raise ScriptedBody(step.body, step.status or 200)
        if step.body_base64 is not None:
            raise ScriptedBody(base64.b64decode(step.body_base64), step.status or 200)
        if step.events is not None:
            raise ScriptedEvents(step.events)
    if chaos is not None:
        exchange.fault = chaos
        if chaos.kind in STREAM:
            step = with_stream_fault(step, chaos)
    return step


def with_error_frame(
    frames: Iterable[tuple[bytes, bool]], step: Step | None, request_id: str
) -> Iterable[tuple[bytes, bool]]:
    """Chat-style streams (chat, legacy completions) fail mid-way as the real API does: a
    `data: {"error": {...}}` frame after `stream.error_after_chunks` frames, then `[DONE]`."""
    if step is None or not step.fails_mid_stream:
        return frames
    error = scripted_error(step.error).body(request_id)  # type: ignore[arg-type]
    return chain(
        islice(frames, step.stream.error_after_chunks),  # type: ignore[union-attr]
        [(data_frame(error), False)],
    )


async def answer_if_targeted(
    request: web.Request, endpoint: str, body: dict[str, Any], *, file_name: str | None = None
) -> Step | None:
    """Apply a targeted scenario's step (headers, latency, scripted error); None otherwise.

    File, upload and batch requests are bookkeeping around the model calls, so a scenario
    answers them only when it names their endpoint (`match: {endpoint: files}`, or a glob such
    as `"batch*"`) and is the first to match, or when `X-Mockai-Scenario` forces it: a catch-all
    scenario written for chat replies must not have its sequence advanced by the upload that
    precedes a batch."""
    session = exchange_of(request).session
    call = Call(endpoint, body, request.headers, session, file_name=file_name)
    first = next((s for s in state_of(request).engine.candidates(session) if s.matches(call)), None)
    targeted = "x-mockai-scenario" in call.headers or (
        first is not None and first.located.scenario.match.endpoint is not None
    )
    if not targeted:
        return None
    return await answer_step(request, call, streaming=False)
