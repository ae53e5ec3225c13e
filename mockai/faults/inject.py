"""Carrying out a fault: before the response, on a finished body, or inside a stream."""

from __future__ import annotations

import asyncio

from aiohttp import web

from mockai.errors import APIError
from mockai.faults.kinds import ERRORS, Fault
from mockai.streaming.sse import stall_seconds
from mockai.vocabulary import ErrorSpec, Step, Stream

# What a client gets when its base URL points at a web page instead of the API (a proxy,
# a captive portal, the platform's own site): a 200 that is not JSON.
HTML_PAGE = (
    b'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>OpenAI '
    b"Platform</title></head><body><noscript>You need to enable JavaScript to run this "
    b'app.</noscript><div id="root"></div></body></html>\n'
)


class ConnectionDropped(Exception):
    """Raised below a handler to close the connection without any response."""


async def before_response(fault: Fault) -> None:
    """Raise the fault's error or drop, or stall and then let the request go on. (Kind `429`
    is the limiter's to word: see `toolkit.scripted`.)"""
    if fault.kind in ERRORS:
        raise APIError(int(fault.kind))
    if fault.kind == "reset":
        raise ConnectionDropped()
    if fault.kind == "stall":
        await asyncio.sleep(stall_seconds(fault.stall_ms))


def broken_body(response: web.Response, fault: Fault) -> web.Response:
    """A non-streamed answer spoiled on its way out: cut in half, or an HTML page."""
    if fault.kind == "wrong_content_type":
        return web.Response(body=HTML_PAGE, status=200, content_type="text/html", charset="utf-8")
    body = response.body if isinstance(response.body, bytes) else b""
    return web.Response(
        body=body[: len(body) // 2], status=response.status, content_type="application/json"
    )


_STREAM_SETTINGS = {
    "disconnect": "disconnect_after_chunks",
    "malformed_chunk": "malformed_chunk_at",
    "stream_stall": "stall_after_chunks",
    "stream_error": "error_after_chunks",
}


def with_stream_fault(step: Step | None, fault: Fault) -> Step:
    """The step (or an empty one, for a generated reply) with the fault in its `stream:`."""
    base = step or Step()
    updates: dict[str, object] = {_STREAM_SETTINGS[fault.kind]: fault.after_chunks}
    if fault.kind == "stream_stall":
        updates["stall_ms"] = fault.stall_ms
    changes: dict[str, object] = {"stream": (base.stream or Stream()).model_copy(update=updates)}
    if fault.kind == "stream_error":
        changes["error"] = ErrorSpec(status=500)
    return base.model_copy(update=changes)


def scripted_fault(step: Step, streaming: bool) -> Fault | None:
    """How the journal and metrics name a step's own failure, if it has one."""
    if step.reset:
        return Fault("reset", "scripted")
    if step.error is not None and not (streaming and step.fails_mid_stream):
        return Fault(str(step.error.status), "scripted")
    stream = step.stream
    if not streaming or stream is None:
        return None
    for kind, setting in _STREAM_SETTINGS.items():
        after = getattr(stream, setting)
        if after is not None and (kind != "stream_error" or step.error is not None):
            return Fault(kind, "scripted", after, stream.stall_ms)
    return None
