"""Writing `text/event-stream` bodies, and ending them the way a scenario asks.

A client that goes away mid-stream is normal in tests (timeouts, cancelled tasks): writes to a
dead connection end the stream quietly instead of raising into the logs, and the server also
runs with handler cancellation, so a stream sleeping between chunks stops at once.
"""

from __future__ import annotations

import random
import socket
import struct
from collections.abc import Iterable, Mapping
from contextlib import suppress

import orjson
from aiohttp import web

from mockai.journal import StreamTap
from mockai.streaming.drain import Drain
from mockai.streaming.pacing import Clock, Pacing

DONE = b"data: [DONE]\n\n"
STALL_UNTIL_GONE_S = 3600.0  # a stall with no length lasts until the client gives up


class ClientGone(Exception):
    """The peer closed the connection; nothing more can be sent."""


def data_frame(payload: object) -> bytes:
    return b"data: " + orjson.dumps(payload) + b"\n\n"


def event_frame(event: str, payload: object) -> bytes:
    return b"event: " + event.encode() + b"\ndata: " + orjson.dumps(payload) + b"\n\n"


def malformed(frame: bytes) -> bytes:
    """The frame with its JSON cut in half: what a proxy that mangles a chunk delivers."""
    start = frame.rfind(b"data: ") + len(b"data: ")
    payload = frame[start:].rstrip(b"\n")
    return frame[:start] + payload[: len(payload) // 2] + b"\n\n"


def drop_connection(request: web.BaseRequest, *, reset: bool = True) -> None:
    """Cut the connection, as a crashed upstream or proxy does; `reset`: with a TCP RST, not
    a close (what a client meets before any response)."""
    transport = request.transport
    if transport is None:
        return
    sock = transport.get_extra_info("socket") if reset else None
    if sock is not None:
        with suppress(OSError):
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    transport.abort()


def stall_seconds(stall_ms: float | None) -> float:
    """A stall's length; without one it lasts until the client gives up."""
    return stall_ms / 1000 if stall_ms is not None else STALL_UNTIL_GONE_S


class SSEStream:
    """One `text/event-stream` answer; what it writes also goes to `tap` (the journal's)."""

    def __init__(self, request: web.Request, headers: Mapping[str, str], tap: StreamTap) -> None:
        self.request = request
        self.tap = tap
        self.response = web.StreamResponse(
            status=200,
            headers={
                **headers,
                "Content-Type": "text/event-stream; charset=utf-8",
                "Cache-Control": "no-cache",
            },
        )
        self.frames_sent = 0

    async def open(self) -> None:
        await self.response.prepare(self.request)

    async def write(self, frame: bytes) -> None:
        try:
            await self.response.write(frame)
        except (ConnectionResetError, RuntimeError) as exc:  # closed transport / closing payload
            raise ClientGone() from exc
        self.frames_sent += 1
        self.tap.add(frame)

    async def close(self) -> None:
        try:
            await self.response.write_eof()
        except (ConnectionResetError, RuntimeError):
            pass

    def drop(self) -> None:
        """Cut the connection mid-body."""
        self.tap.cut(self.frames_sent)
        drop_connection(self.request, reset=False)


async def play(
    stream: SSEStream,
    frames: Iterable[tuple[bytes, bool]],
    pacing: Pacing,
    rng: random.Random,
    drain: Drain,
    *,
    done: bytes | None = DONE,
) -> None:
    """Send `(frame, timed)` pairs, waiting for each timed frame's deadline.

    Headers go out at once (as the real API's do); `first_chunk_ms` delays the first chunk.
    While the server drains, the rest goes out without waiting and the stream ends as usual.
    """
    clock = Clock(pacing, rng, drain)
    cut_after = pacing.disconnect_after_chunks
    stall_after = pacing.stall_after_chunks
    try:
        await stream.open()
        for index, (frame, timed) in enumerate(frames):
            if cut_after is not None and stream.frames_sent >= cut_after:
                stream.drop()
                return
            if index == stall_after:
                await _stall(pacing, clock)
            if timed and not pacing.instant:
                await clock.tick()
            await stream.write(malformed(frame) if index == pacing.malformed_chunk_at else frame)
        if cut_after is not None and stream.frames_sent >= cut_after:
            stream.drop()
            return
        if stall_after is not None and stream.frames_sent <= stall_after:
            await _stall(pacing, clock)  # a stream shorter than that stalls before its end
        if done is not None:
            await stream.write(done)
        await stream.close()
    except ClientGone:
        pass


async def _stall(pacing: Pacing, clock: Clock) -> None:
    """Send nothing for `stall_ms`; later chunks keep their spacing after it."""
    seconds = stall_seconds(pacing.stall_ms)
    await clock.drain.sleep(seconds)
    clock.deadline += seconds
