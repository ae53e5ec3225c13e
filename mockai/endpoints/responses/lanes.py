"""The lanes of a Responses WebSocket connection: where each `response.create` runs.

Each `stream_id` (and the default lane, without one) runs its creates one after another, in
the order they came; lanes run side by side, at most `ACTIVE_RESPONSES` responses at once (the
rest wait their turn), as the real service does. A create is answered by the HTTP route itself,
through a loopback `POST /v1/responses` with `stream: true` (`mockai.toolkit.loopback`), so it
is validated, scripted, rate limited, spoiled by chaos, stored and journaled exactly as the
same request over HTTP; its SSE events are forwarded as JSON text frames, numbered per
response and echoing the lane's `stream_id`. An HTTP error becomes the `error` event, a
connection the fault drops drops the WebSocket too.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import aiohttp
import orjson
from aiohttp import web

from mockai.errors import DEFAULTS, APIError
from mockai.toolkit.loopback import Loopback

ACTIVE_RESPONSES = 16  # responses a connection runs at once; further creates wait
NAMED_LANES = 32  # distinct `stream_id`s a connection accepts (the default lane not counted)
TERMINAL = frozenset({"response.completed", "response.incomplete", "response.failed"})
# An HTTP error's headers that the `error` event carries (ErrorPayload.headers).
_ERROR_HEADERS = ("x-request-id", "retry-after", "retry-after-ms", "x-should-retry")
# The error type for a mid-stream `error` event's code, which the SSE form leaves out.
_TYPE_OF_CODE = {code: kind for _, kind, code in DEFAULTS.values() if code is not None}
_TYPE_OF_CODE["insufficient_quota"] = "insufficient_quota"

Event = dict[str, Any]
log = logging.getLogger("mockai")


def error_event(status: int, error: dict[str, Any], stream_id: str | None) -> Event:
    """The WebSocket `error` event (ResponseWsError) for an HTTP status and error body."""
    event: Event = {"type": "error", "status": status, "error": error}
    if stream_id is not None:
        event["stream_id"] = stream_id
    return event


@dataclass
class Running:
    """A response on its lane: its create fields, and what it has streamed so far (what
    steering needs to find it, stop it at an item boundary and continue from it)."""

    stream_id: str | None
    body: dict[str, Any]  # the `response.create` fields, without `type` and `stream_id`
    id: str | None = None  # known from its `response.created`
    response: dict[str, Any] = field(default_factory=dict)  # the latest Response object seen
    items: list[dict[str, Any]] = field(default_factory=list)  # output items done so far
    open_items: int = 0
    sequence: int = 0
    ended: bool = False  # its terminal event was sent
    steers: list[Any] = field(default_factory=list)  # accepted steering, not yet committed

    def observe(self, event: Event) -> None:
        kind = event.get("type")
        if "response" in event and isinstance(event["response"], dict):
            self.response = event["response"]
            self.id = self.response.get("id", self.id)
        if kind == "response.output_item.added":
            self.open_items += 1
        elif kind == "response.output_item.done":
            self.open_items -= 1
            self.items.append(event["item"])
        self.ended = self.ended or kind in TERMINAL


async def _data(content: aiohttp.StreamReader) -> AsyncIterator[bytes]:
    """Each SSE event's `data:` payload, however the body is chunked."""
    buffer = b""
    async for chunk in content.iter_any():
        buffer += chunk
        *frames, buffer = buffer.split(b"\n\n")
        for frame in frames:
            for line in frame.split(b"\n"):
                if line.startswith(b"data: "):
                    yield line[6:]


def _ws_event(payload: bytes, stream_id: str | None) -> Event | bytes:
    """The WebSocket form of one SSE event: the `stream_id` added, a mid-stream `error` in
    the ResponseWsError shape. A payload that is not JSON (a `malformed_chunk_at` fault) is
    sent as it came."""
    try:
        event = orjson.loads(payload)
    except orjson.JSONDecodeError:
        return payload
    if event.get("type") == "error" and "error" not in event:
        code = event.pop("code", None)
        event["error"] = {
            "type": _TYPE_OF_CODE.get(code, "invalid_request_error"),
            "code": code,
            "message": event.pop("message", ""),
            "param": event.pop("param", None),
        }
    if stream_id is not None:
        event["stream_id"] = stream_id
    return event


async def _no_successor(running: Running) -> Running | None:
    return None


class Connection:
    """One WebSocket connection's lanes, and the one writer of its frames."""

    def __init__(
        self,
        ws: web.WebSocketResponse,
        target: Loopback,
        http: aiohttp.ClientSession,
        request_id: str,
        drop: Callable[[], None],
    ) -> None:
        self._ws = ws
        self.request_id = request_id  # the upgrade's: what errors of the connection quote
        self._url = target.base_url + "/v1/responses"
        self._headers = target.headers
        self._http = http
        self._drop = drop
        self._lock = asyncio.Lock()
        self._active = asyncio.Semaphore(ACTIVE_RESPONSES)
        self._lanes: dict[str | None, asyncio.Queue[Running]] = {}
        self._workers: list[asyncio.Task[None]] = []
        self.running: dict[str, Running] = {}  # by response id, while streaming
        self.ended: dict[str, str | None] = {}  # responses that ended here: id -> lane
        # Accepted steering waiting for an explicit create continuing its response, by its id.
        self.pending: dict[str, list[Any]] = {}
        # What steering plugs in: called after each response streamed, returns its successor.
        self.after: Callable[[Running], Awaitable[Running | None]] = _no_successor

    async def send(self, event: Event | bytes, running: Running | None = None) -> None:
        """Send one frame; within a response, numbered in order (`sequence_number`)."""
        async with self._lock:
            if isinstance(event, dict) and running is not None:
                event["sequence_number"] = running.sequence
                running.sequence += 1
            if not self._ws.closed:
                await self._ws.send_str(
                    event.decode(errors="replace")
                    if isinstance(event, bytes)
                    else orjson.dumps(event).decode()
                )

    def submit(self, running: Running) -> bool:
        """Queue a create on its lane; False when that would open one lane too many."""
        queue = self._lanes.get(running.stream_id)
        if queue is None:
            if (
                running.stream_id is not None
                and len(self._lanes) - (None in self._lanes) >= NAMED_LANES
            ):
                return False
            queue = self._lanes[running.stream_id] = asyncio.Queue()
            self._workers.append(asyncio.get_running_loop().create_task(self._lane(queue)))
        queue.put_nowait(running)
        return True

    async def close(self) -> None:
        for worker in self._workers:
            worker.cancel()
        await asyncio.gather(*self._workers, return_exceptions=True)

    async def _lane(self, queue: asyncio.Queue[Running]) -> None:
        while True:
            running: Running | None = await queue.get()
            async with self._active:
                while running is not None:
                    current = running
                    try:
                        await self._respond(current)
                        running = await self.after(current)
                    except Exception:  # noqa: BLE001 - the lane answers in OpenAI's shape and lives on
                        log.exception("WebSocket lane %s crashed", current.stream_id)
                        await self.send(
                            error_event(
                                500, APIError(500).body(self.request_id)["error"], current.stream_id
                            )
                        )
                        running = None

    async def _respond(self, running: Running) -> None:
        body = orjson.dumps({**running.body, "stream": True})
        try:
            async with self._http.post(self._url, data=body, headers=self._headers) as answer:
                if answer.status != 200:
                    await self.send(await _http_error(answer, running.stream_id))
                    return
                async for payload in _data(answer.content):
                    event = _ws_event(payload, running.stream_id)
                    if isinstance(event, dict):
                        if (
                            running.steers
                            and running.open_items == 0
                            and event.get("type") not in TERMINAL
                        ):
                            return  # steered: stop at this item boundary
                        running.observe(event)
                        if running.id is not None:
                            self.running[running.id] = running
                    await self.send(event, running)
        except aiohttp.ClientError:  # the fault dropped the connection: so does this one
            self._drop()
        finally:
            if running.id is not None:
                self.running.pop(running.id, None)
                self.ended[running.id] = running.stream_id


async def _http_error(answer: aiohttp.ClientResponse, stream_id: str | None) -> Event:
    raw = await answer.read()
    try:
        error = orjson.loads(raw)["error"]
    except (orjson.JSONDecodeError, KeyError, TypeError):
        error = {
            "type": "server_error",
            "code": None,
            "message": raw.decode(errors="replace"),
            "param": None,
        }
    headers = {
        name.lower(): value
        for name, value in answer.headers.items()
        if name.lower() in _ERROR_HEADERS or name.lower().startswith("x-ratelimit-")
    }
    return error_event(answer.status, {**error, "headers": headers}, stream_id)
