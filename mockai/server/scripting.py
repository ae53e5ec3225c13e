"""Running the scenario step that answers a request: the part every endpoint family shares."""

from __future__ import annotations

import asyncio
import math
from itertools import chain, islice
from typing import Iterable

from aiohttp import web

from mockai.errors import DEFAULT, APIError
from mockai.scenarios.call import Call
from mockai.scenarios.schema import ErrorSpec, Step
from mockai.server.state import exchange_of, state_of
from mockai.streaming.sse import data_frame


def scripted_error(spec: ErrorSpec) -> APIError:
    headers = {}
    if spec.retry_after is not None:
        headers["retry-after"] = str(math.ceil(spec.retry_after))
        headers["retry-after-ms"] = str(int(spec.retry_after * 1000))
    return APIError(spec.status, spec.message, type=spec.type, param=spec.param,
                    code=DEFAULT if spec.code is None else spec.code, headers=headers)


async def answer_step(request: web.Request, call: Call, *, streaming: bool,
                      optional: bool = False) -> Step | None:
    """Pick the scenario step for this call and apply its headers, latency and error.

    Returns the step to render, or None when nothing matched (the caller generates a default).
    A streamed request whose step fails mid-stream gets the step back with its error: the
    caller sends `stream.error_after_chunks` chunks, then the error in its own stream format.
    `optional`: the route answers from stored state, not generated content (listing models,
    stored objects), so `--strict` does not refuse it when no scenario matched.
    """
    state = state_of(request)
    exchange = exchange_of(request)
    selection = state.engine.select(call)
    if selection is None:
        if state.settings.strict and not optional:
            raise APIError(404, "No scenario matched this request (mockai --strict).",
                           code="no_scenario_matched")
        return None
    exchange.scenario = selection.scenario.name
    exchange.step = selection.index
    step = selection.step
    if step.headers:
        exchange.headers.update(step.headers)
    if step.latency_ms and (not streaming or step.error is not None):
        await asyncio.sleep(step.latency_ms / 1000)
    if step.error is not None and not (streaming and step.fails_mid_stream):
        raise scripted_error(step.error)
    return step


def with_error_frame(frames: Iterable[tuple[bytes, bool]], step: Step | None,
                     request_id: str) -> Iterable[tuple[bytes, bool]]:
    """Chat-style streams (chat, legacy completions) fail mid-way as the real API does: a
    `data: {"error": {...}}` frame after `stream.error_after_chunks` frames, then `[DONE]`."""
    if step is None or not step.fails_mid_stream:
        return frames
    error = scripted_error(step.error).body(request_id)  # type: ignore[arg-type]
    return chain(islice(frames, step.stream.error_after_chunks),  # type: ignore[union-attr]
                 [(data_frame(error), False)])
