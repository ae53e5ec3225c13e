"""A Realtime connection's writer and its responses: each server event numbered (`event_id`),
journaled and counted; each `response.create` answered by a scenario step (or a generated
reply) through the same `toolkit.scripted.answer_step` as chat, paced by its `stream:` and
spoiled by its `socket:` faults (close with a code, stall, a malformed frame) or stream faults
(`disconnect_after_chunks`, `malformed_chunk_at`, `stall_after_chunks`, `error_after_chunks`:
counted in deltas). `response.cancel` ends the running response with status `cancelled`.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from typing import Any

import orjson
from aiohttp import web

from mockai import generation, tokenizer
from mockai.endpoints.realtime import audio
from mockai.endpoints.realtime.events import MODELS, ResponseParams
from mockai.endpoints.realtime.recorded import replay
from mockai.endpoints.realtime.render import Event, ResponseRender
from mockai.endpoints.realtime.session import (
    Session,
    conversation_item,
    input_tokens,
    item_text,
    new_id,
    shown,
)
from mockai.errors import APIError
from mockai.models import Model
from mockai.ratelimits.headers import unloaded
from mockai.replies import Limits, apply_limits, generated, scripted_outcome
from mockai.scenarios.call import Call
from mockai.streaming.pacing import Clock, Pacing
from mockai.streaming.sse import stall_seconds
from mockai.toolkit.scripted import ScriptedEvents, answer_step, scripted_error
from mockai.toolkit.state import exchange_of, state_of
from mockai.vocabulary import Socket, Step

JOURNALED_EVENTS = 1000  # per connection; later events are counted, not kept
ENDPOINT = "/v1/realtime"
# The base64 payloads the journal keeps only the size of.
_AUDIO_FIELDS = {"input_audio_buffer.append": "audio", "response.output_audio.delta": "delta"}
INTERNAL_ERROR = 1011


def error_event(error: APIError, event_id: str | None) -> Event:
    """The `error` event (RealtimeServerEventError) quoting the offending client event."""
    return {
        "type": "error",
        "error": {
            "type": error.type,
            "code": error.code,
            "message": error.message,
            "param": error.param,
            "event_id": event_id,
        },
    }


class Connection:
    """One Realtime WebSocket: its session, the one writer of its frames, its response."""

    def __init__(
        self,
        request: web.Request,
        ws: web.WebSocketResponse,
        model: Model,
        drop: Callable[[], None],
    ) -> None:
        self.request = request
        self.ws = ws
        self.model = model
        self.session = Session("realtime", model.served_as)
        self.drop = drop
        self.state = state_of(request)
        self.journal: list[dict[str, Any]] = []
        self.exchange = exchange_of(request)
        self.exchange.body = {"model": model.id, "events": self.journal}
        self.active: asyncio.Task[None] | None = None
        self.active_id: str | None = None
        self.cancel_reason = "client_cancelled"  # why the running response was cancelled
        self.last_response: str | None = None
        self.lock = asyncio.Lock()

    def record(self, side: str, event: dict[str, Any]) -> None:
        kind = str(event.get("type"))
        known = side == "server" or kind in MODELS
        self.state.metrics.socket_event(ENDPOINT, side, kind if known else "invalid")
        if len(self.journal) >= JOURNALED_EVENTS:
            return
        field = _AUDIO_FIELDS.get(kind)
        if field is not None and isinstance(event.get(field), str):
            event = {**event, field: f"<{len(event[field])} base64 characters>"}
        # t_ms: when, since the upgrade request came in (the dashboard's timeline of the session)
        self.journal.append(
            {"from": side, "event": event, "t_ms": round(self.exchange.elapsed_ms(), 1)}
        )

    async def send(self, event: Event, *, malformed: bool = False) -> None:
        event = {"type": event["type"], "event_id": new_id("event_"), **event}
        text = orjson.dumps(event).decode()
        async with self.lock:
            if self.ws.closed:
                return
            self.record("server", event)
            await self.ws.send_str(text[: len(text) // 2] if malformed else text)

    async def close(self, code: int, reason: str = "") -> None:
        await self.ws.close(code=code, message=reason.encode())

    # -- responses ---------------------------------------------------------------------
    def start(self, params: ResponseParams, event_id: str | None) -> None:
        out_of_band = params.conversation == "none"
        if not out_of_band and self.active is not None:
            raise APIError(
                400,
                f"Conversation already has an active response in progress: {self.active_id}. "
                "Wait until the response is finished before creating a new one.",
                type="invalid_request_error",
                code="conversation_already_has_active_response",
            )
        run = _Run(self, params, event_id)
        task = asyncio.ensure_future(run.run())
        if not out_of_band:
            self.active, self.active_id = task, run.render_id
            task.add_done_callback(lambda _: self._finished(task))

    def _finished(self, task: asyncio.Task[None]) -> None:
        if self.active is task:
            self.active = self.active_id = None

    def cancel(self, reason: str = "client_cancelled") -> None:
        """End the running response (`reason`: `client_cancelled`, or `turn_detected` when the
        user's speech interrupts it)."""
        if self.active is None:
            raise APIError(
                400,
                "Cancellation failed: no active response found",
                type="invalid_request_error",
                code="response_cancel_not_active",
            )
        self.cancel_reason = reason
        self.active.cancel()

    async def stop(self) -> None:
        if self.active is not None:
            self.active.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self.active


class _Run:
    """One response: its scenario step, events, pacing and faults."""

    def __init__(
        self, connection: Connection, params: ResponseParams, event_id: str | None
    ) -> None:
        self.connection = connection
        self.params = params
        self.event_id = event_id
        self.render_id = new_id("resp_")
        self.sent = 0  # events of this response sent so far
        self.deltas = 0

    def _items(self) -> list[dict[str, Any]]:
        session = self.connection.session
        if self.params.input is not None:
            return [conversation_item(item) for item in self.params.input]
        return list(session.items.values())

    def _call(
        self, items: list[dict[str, Any]], instructions: str, tools: list[dict[str, Any]]
    ) -> Call:
        connection = self.connection
        users = [i for i in items if i.get("role") == "user"]
        body = {
            "model": connection.model.id,
            "instructions": instructions,
            "tools": tools,
            "input": [shown(i) for i in items],
            **self.params.model_dump(exclude_none=True, exclude={"input", "instructions", "tools"}),
        }
        return Call(
            "realtime",
            body,
            connection.request.headers,
            exchange_of(connection.request).session,
            model=connection.model.id,
            last_user_message=item_text(users[-1]) if users else "",
            system_message=instructions,
            tool_names=frozenset(t.get("name", "") for t in tools),
            tool_result=bool(items) and items[-1].get("type") == "function_call_output",
            messages=body["input"],
        )

    async def run(self) -> None:
        connection = self.connection
        config = connection.session.config
        params = self.params
        instructions = (
            params.instructions
            if params.instructions is not None
            else config.get("instructions", "")
        )
        tools = params.tools if params.tools is not None else config.get("tools", [])
        items = self._items()
        call = self._call(items, instructions, tools)
        tok = await tokenizer.encoding(connection.model.encoding)
        counted = input_tokens(items, instructions, tok)
        # What the limiter charges this response (the tokens per minute `rate_limits.updated`
        # then shows): its input, as for an HTTP request.
        exchange_of(connection.request).tokens = sum(counted.values())
        try:
            step = await answer_step(connection.request, call, streaming=True)
        except ScriptedEvents as recorded:  # a recorded response (`events:`): sent as it was
            await replay(connection, recorded.events, self.params.conversation != "none")
            return
        except APIError as error:
            await connection.send(error_event(error, self.event_id))
            return
        limit = params.max_output_tokens or config.get("max_output_tokens", "inf")
        budget = None if limit == "inf" else int(limit)
        limits = Limits(budget)
        if step is not None and step.says_something:
            outcome = scripted_outcome(step, tok, limits)
        else:
            rng = generation.rng_for(connection.state.settings.seed, "realtime", call.body)
            outcome = apply_limits(generated(rng), tok, limits)
        pacing = Pacing.from_spec(step.stream if step is not None else None)
        out_audio = {
            **config.get("audio", {}).get("output", {}),
            **(params.audio or {}).get("output", {}),
        }
        render = ResponseRender(
            outcome=outcome,
            tok=tok,
            modalities=list(params.output_modalities or config.get("output_modalities", ["audio"])),
            audio_output={k: v for k, v in out_audio.items() if k in ("format", "voice")},
            conversation_id=None
            if params.conversation == "none"
            else connection.session.conversation_id,
            max_output_tokens=limit,
            metadata=params.metadata,
            input_tokens=counted,
            usage_override=step.usage if step is not None else None,
            chunk_tokens=pacing.chunk_tokens,
            seed=connection.state.settings.seed,
            id=self.render_id,
        )
        await self._stream(render, step, pacing)

    async def _stream(self, render: ResponseRender, step: Step | None, pacing: Pacing) -> None:
        connection = self.connection
        in_conversation = render.conversation_id is not None
        previous = connection.session.previous() if in_conversation else None
        clock = Clock(
            pacing,
            generation.rng_for(connection.state.settings.seed, "realtime.pacing", {}),
            connection.state.drain,
        )
        fails_at = (
            step.stream.error_after_chunks
            if step is not None and step.stream is not None and step.fails_mid_stream
            else None
        )
        connection.last_response = render.id
        playing = Playback(connection.state.settings.realtime_audio_pace, render.audio_output)
        try:
            for event, delta in render.events(previous):
                if event["type"] == "response.output_audio.delta":
                    await playing.before(event["delta"])
                if delta:
                    if self.deltas == fails_at:
                        await self._failed(render, step)
                        return
                    await clock.tick()
                    if not await self._stream_fault(pacing):
                        return
                    self.deltas += 1
                cut = delta and pacing.malformed_chunk_at == self.deltas - 1
                if not await self._emit(event, step.socket if step else None, cut):
                    return
                if event["type"] == "response.output_item.done" and in_conversation:
                    connection.session.add(dict(render.output[event["output_index"]]))
        except asyncio.CancelledError:
            reason = connection.cancel_reason
            await self._finish(render, "cancelled", {"type": "cancelled", "reason": reason})
            return
        status = "incomplete" if render.outcome.finish_reason == "length" else "completed"
        details = (
            {"type": "incomplete", "reason": "max_output_tokens"}
            if status == "incomplete"
            else None
        )
        await self._finish(render, status, details)

    async def _finish(
        self, render: ResponseRender, status: str, details: dict[str, Any] | None
    ) -> None:
        for item in render.output:
            if item["status"] == "in_progress" and render.conversation_id is not None:
                self.connection.session.add({**item, "status": "incomplete"})
        await self.connection.send(render.done(status, details))
        await self.connection.send(rate_limits(self.connection, render))

    async def _failed(self, render: ResponseRender, step: Step | None) -> None:
        error = scripted_error(step.error)  # type: ignore[union-attr, arg-type]
        await self._finish(
            render, "failed", {"type": "failed", "error": {"type": error.type, "code": error.code}}
        )

    async def _stream_fault(self, pacing: Pacing) -> bool:
        """The scenario's stream faults, counted in deltas; False when the connection is gone."""
        if pacing.stall_after_chunks == self.deltas:
            await asyncio.sleep(stall_seconds(pacing.stall_ms))
        if pacing.disconnect_after_chunks == self.deltas:
            self.connection.drop()
            return False
        return True

    async def _emit(self, event: Event, socket: Socket | None, malformed: bool) -> bool:
        """Send one event under the step's socket faults; False when the connection closed."""
        connection = self.connection
        if socket is not None:
            if socket.stall_after_events == self.sent:
                await asyncio.sleep(stall_seconds(socket.stall_ms))
            if socket.close_after_events == self.sent:
                await connection.close(
                    socket.close_code or INTERNAL_ERROR, socket.close_reason or ""
                )
                return False
            malformed = malformed or socket.malformed_event_at == self.sent
        await connection.send(event, malformed=malformed)
        self.sent += 1
        return True


def rate_limits(connection: Connection, render: ResponseRender) -> Event:
    """`rate_limits.updated` after a response, from the limiter's view of this key and model
    (a generous unloaded account when no limit is configured)."""
    headers = exchange_of(connection.request).ratelimit or unloaded(render.usage()["total_tokens"])
    return {
        "type": "rate_limits.updated",
        "rate_limits": [
            {
                "name": unit,
                "limit": int(headers[f"x-ratelimit-limit-{unit}"]),
                "remaining": int(headers[f"x-ratelimit-remaining-{unit}"]),
                "reset_seconds": _seconds(headers[f"x-ratelimit-reset-{unit}"]),
            }
            for unit in ("requests", "tokens")
        ],
    }


def _seconds(duration: str) -> float:
    """A Go-style duration (`120ms`, `6m0s`, `1h2m3.5s`) in seconds."""
    total, number = 0.0, ""
    units = {"h": 3600.0, "m": 60.0, "s": 1.0, "ms": 0.001}
    index = 0
    while index < len(duration):
        char = duration[index]
        if char.isdigit() or char == ".":
            number += char
        else:
            unit = "ms" if duration.startswith("ms", index) else char
            total += float(number) * units[unit]
            number, index = "", index + len(unit) - 1
        index += 1
    return round(total, 3)


class Playback:
    """Output audio sent at the pace it plays (`realtime_audio_pace`: 1 real time, 2 twice as
    fast, 0 at once): each delta waits until the audio before it has played, measured from
    the first, so a slow send does not add up."""

    def __init__(self, pace: float, output: dict[str, Any]) -> None:
        self.pace = pace
        self.per_ms = audio.bytes_per_ms(output.get("format"))
        self.played_ms = 0.0
        self.start: float | None = None

    async def before(self, payload: str) -> None:
        if self.pace <= 0:
            return
        loop = asyncio.get_running_loop()
        if self.start is None:
            self.start = loop.time()
        wait = self.start + self.played_ms / 1000 / self.pace - loop.time()
        if wait > 0:
            await asyncio.sleep(wait)
        self.played_ms += len(payload) * 3 / 4 / self.per_ms
