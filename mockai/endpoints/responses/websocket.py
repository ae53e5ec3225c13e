"""The handler of the Responses WebSocket mode: `GET /v1/responses` upgraded to a WebSocket
(`client.responses.connect()`).

The upgrade goes through the middleware like any request (the API key, `X-Mockai-Session`,
one journal entry for the connection, status 101). Then each client event is read in turn:
`response.create` goes to its lane (`lanes.py`), `response.steer` to `steering.py`, and
anything else (not JSON, not an object, an unknown `type`, a bad `stream_id`, `background`)
gets the `error` event the description defines, the connection staying open.
"""

from __future__ import annotations

import asyncio
import re
from typing import Any

import orjson
from aiohttp import WSMsgType, web

from mockai.endpoints.responses import steering
from mockai.endpoints.responses.lanes import Connection, Running, error_event
from mockai.errors import APIError, invalid_request
from mockai.streaming.sse import drop_connection
from mockai.toolkit.http import decode_json, standard_headers
from mockai.toolkit.loopback import loopback
from mockai.toolkit.state import exchange_of, state_of

# Tags the journal entries of the creates sent on a connection with the upgrade's request id.
HEADER = "x-mockai-websocket"
_STREAM_ID = re.compile(r"[A-Za-z0-9_.-]{1,256}")
_GOING_AWAY = 1001


def _stream_id(event: dict[str, Any]) -> str | None:
    stream_id = event.get("stream_id")
    if stream_id is None:
        return None
    if not isinstance(stream_id, str) or not _STREAM_ID.fullmatch(stream_id):
        raise invalid_request(
            "Invalid 'stream_id': expected 1 to 256 letters, digits, '_', '-' or '.'.",
            "stream_id",
            "invalid_stream_id",
        )
    return stream_id


def _create(connection: Connection, stream_id: str | None, event: dict[str, Any]) -> None:
    if event.get("background"):
        raise invalid_request(
            "Invalid 'background': background responses are not supported over WebSocket.",
            "background",
            "unsupported_value",
        )
    body = {k: v for k, v in event.items() if k not in ("type", "stream_id", "stream")}
    if not connection.submit(Running(stream_id, steering.with_pending(connection, body))):
        raise invalid_request(
            "This WebSocket connection has reached its stream limit.",
            "stream_id",
            "websocket_stream_limit_reached",
        )


async def _handle(connection: Connection, data: str) -> None:
    """One client event; what is wrong with it is answered with an `error` event, on the
    lane it names when it names a valid one."""
    stream_id = None
    try:
        event = decode_json(data)
        kind = event.get("type")
        if kind == "response.create":
            stream_id = _stream_id(event)
            _create(connection, stream_id, event)
        elif kind == "response.steer":
            await steering.steer(connection, event)
        else:
            raise invalid_request(
                f"Invalid value: {orjson.dumps(kind).decode()}. Supported values are: "
                "'response.create' and 'response.steer'.",
                "type",
                "invalid_value",
            )
    except APIError as error:
        await connection.send(
            error_event(error.status, error.body(connection.request_id)["error"], stream_id)
        )


async def connect(request: web.Request) -> web.StreamResponse:
    ws = web.WebSocketResponse(max_msg_size=state_of(request).settings.max_body_mb * 1024 * 1024)
    if not ws.can_prepare(request).ok:  # a plain GET: there is no such HTTP route
        raise web.HTTPMethodNotAllowed(request.method, ["POST"])
    exchange = exchange_of(request)
    ws.headers.update(standard_headers(request))
    exchange.stream = ws
    await ws.prepare(request)
    target = loopback(request)
    target.headers[HEADER] = exchange.request_id
    state = state_of(request)
    async with target.client() as http:
        connection = Connection(
            ws, target, http, exchange.request_id, lambda: drop_connection(request)
        )
        steering.attach(connection, state, exchange.session)
        closing: list[asyncio.Task[bool]] = []  # referenced until done
        stop = state.drain.on_start(
            lambda: closing.append(asyncio.ensure_future(ws.close(code=_GOING_AWAY)))
        )
        try:
            async for message in ws:
                if message.type == WSMsgType.TEXT:
                    await _handle(connection, message.data)
                elif message.type == WSMsgType.BINARY:  # events are text frames: not one
                    await _handle(connection, "")
        finally:
            stop()
            await connection.close()
    return ws
