"""The handler of the Realtime WebSocket: `GET /v1/realtime?model=...` upgraded, then each
client event read in turn and dispatched.

The upgrade goes through the middleware like any request (the API key, `X-Mockai-Session`, one
journal entry for the connection, status 101, recorded when it closes with every event both
ways in its `body.events`). Then `session.created`; each client event is validated
(`events.py`) and answered with its server events; a bad one gets the `error` event quoting its
`event_id`, the session going on.

The beta interface: the real API now accepts the upgrade of a client sending `OpenAI-Beta:
realtime=v1`, sends one `error` event (`invalid_request_error`, code
`beta_api_shape_disabled`, "The Realtime Beta API is no longer supported. Please use
/v1/realtime for the GA API.") and closes with code 4000, reason
`invalid_request_error.beta_api_shape_disabled`, as reported since May 2026 by projects whose
realtime clients broke (smg-project/smg#1516, OpenWhispr/openwhispr#787,
langwatch/scenario#602). A connection refused for its model is closed the same way (inferred).
"""

from __future__ import annotations

import asyncio
import base64
import binascii
from typing import Any

from aiohttp import WSMsgType, web

from mockai.endpoints.realtime import events, listening
from mockai.endpoints.realtime.session import Session, conversation_item, new_id, shown
from mockai.endpoints.realtime.turn import Connection, error_event
from mockai.ephemeral import SUBPROTOCOL
from mockai.errors import APIError, invalid_request, missing_parameter
from mockai.models import Model, capabilities
from mockai.streaming.sse import drop_connection
from mockai.toolkit.http import decode_json, standard_headers
from mockai.toolkit.state import exchange_of, state_of

REFUSED = 4000  # the close code after a refusal (beta interface, model)
_GOING_AWAY = 1001
BETA_MESSAGE = (
    "The Realtime Beta API is no longer supported. Please use /v1/realtime for the GA API."
)


async def _refuse(ws: web.WebSocketResponse, error: APIError) -> None:
    """The `error` event, then the close with code 4000 and reason `<type>.<code>`."""
    await ws.send_json({"event_id": new_id("event_"), **error_event(error, None)})
    await ws.close(code=REFUSED, message=f"{error.type}.{error.code}".encode()[:123])


def _model(request: web.Request) -> Model:
    """The session's model (`?model=`, else the one its ephemeral key's session names), or the
    error refusing the connection."""
    secret = exchange_of(request).client_secret
    name = request.query.get("model") or (secret.config.get("model") if secret else None)
    if not name:
        raise missing_parameter("model")
    state = state_of(request)
    model = state.models.resolve(name, lenient=state.settings.lenient)
    if not state.settings.lenient:
        capabilities.check_endpoint(model, "realtime")
    return model


async def connect(request: web.Request) -> web.StreamResponse:
    state = state_of(request)
    # A browser offers `realtime` beside its key (`openai-insecure-api-key.ek_...`): the
    # answer selects `realtime` (mockai.ephemeral).
    ws = web.WebSocketResponse(
        protocols=(SUBPROTOCOL,), max_msg_size=state.settings.max_body_mb * 1024 * 1024
    )
    if not ws.can_prepare(request).ok:  # a plain GET: there is no such HTTP route
        raise web.HTTPMethodNotAllowed(request.method, [])
    exchange = exchange_of(request)
    ws.headers.update(standard_headers(request))
    exchange.stream = ws
    await ws.prepare(request)
    if "realtime=v1" in request.headers.get("OpenAI-Beta", ""):
        await _refuse(ws, invalid_request(BETA_MESSAGE, None, "beta_api_shape_disabled"))
        return ws
    try:
        model = _model(request)
    except APIError as error:
        await _refuse(ws, error)
        return ws
    connection = Connection(request, ws, model, lambda: drop_connection(request))
    secret = exchange.client_secret
    if request.query.get("intent") == "transcription" or (
        secret is not None and secret.config.get("type") == "transcription"
    ):
        connection.session = Session("transcription", model.served_as)
    if secret is not None:  # the session the key was issued for
        connection.session.configure(secret.config)
    state.metrics.socket_opened("/v1/realtime", connection.session.kind)
    closing: list[asyncio.Task[bool]] = []  # referenced until done
    stop = state.drain.on_start(
        lambda: closing.append(asyncio.ensure_future(ws.close(code=_GOING_AWAY)))
    )
    await connection.send({"type": "session.created", "session": connection.session.config})
    try:
        async for message in ws:
            if message.type in (WSMsgType.TEXT, WSMsgType.BINARY):
                await _handle(connection, message.data if message.type == WSMsgType.TEXT else "")
    finally:
        stop()
        await connection.stop()
    return ws


async def _handle(connection: Connection, data: str) -> None:
    event_id = None
    try:
        raw = decode_json(data)
        event_id = events.event_id_of(raw)
        connection.record("client", raw)
        await _dispatch(connection, events.parse(raw))
    except APIError as error:
        await connection.send(error_event(error, event_id))


def _audio(data: str) -> bytes:
    try:
        return base64.b64decode(data, validate=True)
    except (binascii.Error, ValueError):
        raise invalid_request(
            "Invalid 'audio'. Expected base64-encoded audio bytes.", "audio", "invalid_value"
        ) from None


async def _dispatch(connection: Connection, event: Any) -> None:
    session = connection.session
    send = connection.send
    if isinstance(event, events.SessionUpdate):
        if event.session.type != session.kind:
            connection.session = session = Session(event.session.type, connection.model.served_as)
        session.update(event.session)
        await send({"type": "session.updated", "session": session.config})
    elif isinstance(event, events.ItemCreate):
        item = conversation_item(event.item)
        previous = session.add(item, event.previous_item_id)
        for kind in ("conversation.item.added", "conversation.item.done"):
            await send({"type": kind, "previous_item_id": previous, "item": shown(item)})
    elif isinstance(event, events.ItemRetrieve):
        await send(
            {"type": "conversation.item.retrieved", "item": shown(session.get(event.item_id))}
        )
    elif isinstance(event, events.ItemTruncate):
        session.truncate(event.item_id, event.content_index, event.audio_end_ms)
        await send(
            {
                "type": "conversation.item.truncated",
                "item_id": event.item_id,
                "content_index": event.content_index,
                "audio_end_ms": event.audio_end_ms,
            }
        )
    elif isinstance(event, events.ItemDelete):
        session.delete(event.item_id)
        await send({"type": "conversation.item.deleted", "item_id": event.item_id})
    elif isinstance(event, events.AudioAppend):
        await listening.append(connection, _audio(event.audio))
    elif isinstance(event, events.AudioCommit):
        await listening.commit(connection)
    elif isinstance(event, events.AudioClear):
        await listening.clear(connection)
    elif isinstance(event, events.OutputAudioClear):
        if connection.last_response is None:
            raise invalid_request("There is no output audio to clear.", None, "invalid_value")
        await send({"type": "output_audio_buffer.cleared", "response_id": connection.last_response})
    elif isinstance(event, events.ResponseCreate):
        if session.kind == "transcription":
            raise invalid_request(
                "Responses are not available in a transcription session.", "type", "invalid_value"
            )
        connection.start(event.response or events.ResponseParams(), event.event_id)
    elif isinstance(event, events.ResponseCancel):
        connection.cancel()
