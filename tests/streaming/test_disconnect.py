"""A client that goes away mid-stream costs nothing: the handler stops at once, nothing is
logged as an error, no task is left running, and the journal still records the request."""

from __future__ import annotations

import asyncio
import json
import logging

import aiohttp
from helpers import AUTH, chat_body

SLOW = [{"name": "slow", "stream": {"chunk_ms": 50}, "reply": {"content": "word " * 200}}]
CUT = [
    {
        "name": "cut",
        "stream": {"disconnect_after_chunks": 3},
        "reply": {"content": "one two three four five six"},
    }
]


def _handler_tasks() -> list[asyncio.Task]:
    return [
        t for t in asyncio.all_tasks() if not t.done() and "_handle_request" in repr(t.get_coro())
    ]


async def test_client_leaving_mid_stream_stops_the_handler_quietly(serve, caplog):
    caplog.set_level(logging.DEBUG)
    client = await serve(SLOW)
    response = await client.post(
        "/v1/chat/completions", data=json.dumps(chat_body(stream=True)), headers=AUTH
    )
    assert response.status == 200
    await response.content.readuntil(b"\n\n")
    await response.content.readuntil(b"\n\n")
    assert _handler_tasks(), "the stream should still be running while the client reads"
    response.close()  # drop the connection with ~200 chunks still to send

    for _ in range(50):
        if not _handler_tasks():
            break
        await asyncio.sleep(0.02)
    assert _handler_tasks() == []
    assert [r for r in caplog.records if r.levelno >= logging.WARNING] == []
    journal = await (await client.get("/_mockai/requests")).json()
    assert journal["data"][-1]["scenario"] == "slow"
    assert journal["data"][-1]["stream"] is True


async def test_scripted_disconnect_cuts_the_body_without_logging_errors(serve, caplog):
    caplog.set_level(logging.DEBUG)
    client = await serve(CUT)
    response = await client.post(
        "/v1/chat/completions", data=json.dumps(chat_body(stream=True)), headers=AUTH
    )
    frames = []
    try:
        async for line in response.content:
            if line.startswith(b"data: "):
                frames.append(line)
    except aiohttp.ClientPayloadError:
        pass  # the body ends mid-transfer: that is the point
    assert len(frames) == 3
    assert all(b"[DONE]" not in f for f in frames)
    await asyncio.sleep(0.05)
    assert _handler_tasks() == []
    assert [r for r in caplog.records if r.levelno >= logging.WARNING] == []
