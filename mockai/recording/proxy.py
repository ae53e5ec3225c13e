"""Forwarding a request to the upstream with the caller's own credentials, and handing its
answer back unchanged as it arrives (a stream chunk by chunk, a binary body byte for byte)
while capturing it, and a WebSocket frame by frame; and `recording_app`, the `mockai record`
proxy that forwards everything (a Realtime session recorded response by response).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

import aiohttp
import orjson
from aiohttp import web

from mockai.recording.capture import Captured, EventSplitter
from mockai.recording.facts import from_body
from mockai.recording.sockets import Frame, realtime_responses
from mockai.recording.steps import Facts
from mockai.recording.writer import DEFAULT_GROUP, GROUP_HEADER, Recorder

# Hop-by-hop headers, and those the proxy sets itself (the body is re-framed; the upstream is
# asked for an unencoded body so it can be written down).
REQUEST_SKIP = frozenset(
    {"host", "content-length", "transfer-encoding", "connection", "keep-alive", "upgrade", "te"}
    | {"accept-encoding", GROUP_HEADER}
)
RESPONSE_SKIP = frozenset(
    {"content-length", "transfer-encoding", "connection", "keep-alive", "content-encoding"}
)
SECRET_HEADERS = ("authorization", "x-api-key", "api-key", "cookie")


class Forwarder:
    """One upstream and its connection pool, opened on the first request."""

    def __init__(self, upstream: str) -> None:
        self.upstream = upstream.rstrip("/")
        self.session: aiohttp.ClientSession | None = None

    def url(self, request: web.BaseRequest) -> str:
        path = request.rel_url.path_qs
        if self.upstream.endswith("/v1") and path.startswith("/v1/"):
            path = path[len("/v1") :]  # `--upstream https://api.openai.com/v1` works too
        return self.upstream + path

    async def forward(
        self,
        request: web.BaseRequest,
        before_end: Callable[[Captured], Awaitable[None]] | None = None,
    ) -> web.StreamResponse:
        """Forward `request`; once the whole answer has come, `before_end` gets it before the
        response ends, so a client that has its answer finds it written down."""
        session = self._session()
        headers = {k: v for k, v in request.headers.items() if k.lower() not in REQUEST_SKIP}
        headers["Accept-Encoding"] = "identity"
        body = await request.read()
        loop = asyncio.get_running_loop()
        async with session.request(
            request.method, self.url(request), data=body, headers=headers, allow_redirects=False
        ) as upstream:
            started = loop.time()
            captured = Captured(upstream.status, list(upstream.headers.items()))
            response = web.StreamResponse(status=upstream.status, reason=upstream.reason)
            for key, value in upstream.headers.items():
                if key.lower() not in RESPONSE_SKIP:
                    response.headers.add(key, value)
            sse = "text/event-stream" in upstream.headers.get("content-type", "")
            splitter = EventSplitter(captured) if sse else None
            await response.prepare(request)
            try:
                async for chunk in upstream.content.iter_any():
                    if splitter is not None:
                        splitter.feed(chunk, (loop.time() - started) * 1000)
                    else:
                        captured.body += chunk
                    await response.write(chunk)
            except (ConnectionResetError, RuntimeError):  # the client left: nothing to record
                return response
        if before_end is not None:
            await before_end(captured)
        await response.write_eof()
        return response

    async def tunnel(
        self, request: web.Request, frames: list[Frame] | None = None
    ) -> web.StreamResponse:
        """A WebSocket (the Realtime API, the Responses WebSocket mode) forwarded frame by
        frame both ways, with the caller's headers and offered subprotocols, until either side
        closes; the other side then closes with the same code. Not written down yet."""
        session = self._session()
        headers = {
            k: v
            for k, v in request.headers.items()
            if k.lower() not in REQUEST_SKIP and not k.lower().startswith("sec-websocket")
        }
        offered = request.headers.get("Sec-WebSocket-Protocol", "")
        protocols = tuple(p.strip() for p in offered.split(",") if p.strip())
        try:
            upstream = await session.ws_connect(
                self.url(request), headers=headers, protocols=protocols, autoclose=False
            )
        except aiohttp.WSServerHandshakeError as refused:  # the upstream's own refusal
            return web.Response(status=refused.status, text=refused.message)
        async with upstream:
            ws = web.WebSocketResponse(
                protocols=(upstream.protocol,) if upstream.protocol else (), autoclose=False
            )
            await ws.prepare(request)
            opened = asyncio.get_running_loop().time()
            pumps: dict[asyncio.Future[int | None], Any] = {
                asyncio.ensure_future(_pump(ws, upstream, "client", frames, opened)): upstream,
                asyncio.ensure_future(_pump(upstream, ws, "server", frames, opened)): ws,
            }
            done, pending = await asyncio.wait(pumps, return_when=asyncio.FIRST_COMPLETED)
            for task in pending:  # one side closed: stop reading the other before closing it
                task.cancel()
            await asyncio.gather(*pending, return_exceptions=True)
            ended = next(iter(done))
            sink = pumps[ended]
            if not sink.closed:
                await sink.close(code=ended.result() or 1000, message=b"")
        return ws

    def _session(self) -> aiohttp.ClientSession:
        if self.session is None:
            self.session = aiohttp.ClientSession(
                timeout=aiohttp.ClientTimeout(total=None, sock_connect=30), auto_decompress=False
            )
        return self.session

    async def close(self) -> None:
        if self.session is not None:
            await self.session.close()


async def _pump(
    source: Any, sink: Any, side: str, frames: list[Frame] | None, opened: float
) -> int | None:
    """Frames from `source` to `sink` (either side: aiohttp's server or client WebSocket) as
    they come, until `source` closes; its close code."""
    async for message in source:
        if sink.closed:
            break
        if message.type == aiohttp.WSMsgType.TEXT:
            if frames is not None:  # what a recording keeps: text frames and when they came
                at_ms = (asyncio.get_running_loop().time() - opened) * 1000
                frames.append((side, message.data, at_ms))
            await sink.send_str(message.data)
        elif message.type == aiohttp.WSMsgType.BINARY:
            await sink.send_bytes(message.data)
        elif message.type == aiohttp.WSMsgType.CLOSE:
            return int(message.data) if isinstance(message.data, int) else source.close_code
    return source.close_code


def secrets_of(request: web.BaseRequest) -> list[str]:
    """The caller's credentials, so that they are redacted wherever else they appear."""
    found = []
    for name in SECRET_HEADERS:
        value = request.headers.get(name)
        if value:
            found.append(value.partition(" ")[2] if " " in value else value)
    return found


def group_of(request: web.BaseRequest) -> str:
    return request.headers.get(GROUP_HEADER) or DEFAULT_GROUP


async def forward_and_record(
    request: web.BaseRequest, forwarder: Forwarder, recorder: Recorder | None, facts: Facts
) -> web.StreamResponse:
    async def write_down(captured: Captured) -> None:
        if recorder is not None:
            group = recorder.group or group_of(request)
            await recorder.add(group, facts, captured, secrets_of(request))

    return await forwarder.forward(request, write_down)


FORWARDER = web.AppKey("forwarder", Forwarder)
RECORDER = web.AppKey("recorder", Recorder)


def recording_app(
    upstream: str, endpoint_of: Callable[[str, str], str | None], recorder: Recorder
) -> web.Application:
    """The `mockai record` proxy: every request goes to `upstream`, every answer is written
    down by `recorder`; `endpoint_of(method, path)` names the scenario endpoint of a route."""
    app = web.Application(client_max_size=1024**3)
    forwarder = Forwarder(upstream)
    app[FORWARDER], app[RECORDER] = forwarder, recorder

    async def handle(request: web.Request) -> web.StreamResponse:
        if request.headers.get("Upgrade", "").lower() == "websocket":
            frames: list[Frame] = []
            response = await forwarder.tunnel(request, frames)
            if request.path.rstrip("/").endswith("/realtime"):
                model = request.query.get("model")
                for facts, captured in realtime_responses(frames, model):
                    await recorder.add(
                        recorder.group or group_of(request), facts, captured, secrets_of(request)
                    )
            return response
        endpoint = endpoint_of(request.method, request.path)
        body = await request.read()
        parsed = None
        if "json" in request.content_type:
            try:
                parsed = orjson.loads(body)
            except orjson.JSONDecodeError:
                pass
        return await forward_and_record(request, forwarder, recorder, from_body(endpoint, parsed))

    async def close(_: web.Application) -> None:
        await forwarder.close()

    app.router.add_route("*", "/{tail:.*}", handle)
    app.on_cleanup.append(close)
    return app
