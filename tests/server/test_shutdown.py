"""`mockai serve` stops cleanly on SIGTERM and SIGINT, with requests in flight.

A real subprocess (signal handlers belong to the main thread of the real command): a slow
non-streamed answer still arrives whole, a slowly paced stream sends the rest of its answer at
once and ends with `[DONE]`, new connections are refused as soon as the signal lands, and the
process exits 0 within the grace. A second signal, or a grace that runs out, ends it sooner.
"""

from __future__ import annotations

import asyncio
import json
import signal
import socket
import time
from pathlib import Path

import aiohttp
import openai
import pytest
from openapi import (
    parse_sse,
    parse_sse_events,
    validate_chat_chunk,
    validate_response,
    validate_schema,
)
from serve_process import AUTH, Served, mockai_serve

from mockai.config import Settings
from mockai.endpoints import endpoint_names
from mockai.scenarios import load_text
from mockai.server.app import create_app, start

SLOW_ANSWER_MS = 2500
WORDS = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
SCENARIOS = f"""
- name: slow-answer
  match: {{user: slow answer}}
  latency_ms: {SLOW_ANSWER_MS}
  reply: {{content: "worth the wait"}}
- name: slow-stream
  match: {{user: slow stream}}
  stream: {{chunk_ms: 500}}
  reply: {{content: "{WORDS}"}}
"""


def serve_slowly(tmp_path: Path, *args: str):
    (tmp_path / "slow.yaml").write_text(SCENARIOS)
    return mockai_serve(
        "--port",
        "0",
        "--quiet",
        "--no-watch",
        "--scenarios",
        str(tmp_path / "slow.yaml"),
        *args,
        cwd=tmp_path,
    )


def refused(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
    except ConnectionRefusedError:
        return True
    return False


async def stream_events(
    session: aiohttp.ClientSession, root: str, first: asyncio.Event
) -> tuple[list, float]:
    """A raw chat stream's events, each chunk validated; and when the body ended."""
    body = {
        "model": "gpt-4o",
        "stream": True,
        "messages": [{"role": "user", "content": "slow stream"}],
    }
    async with session.post(f"{root}/v1/chat/completions", json=body, headers=AUTH) as response:
        assert response.status == 200
        raw = b""
        async for line in response.content:
            raw += line
            if line.startswith(b"data: {"):
                first.set()
    events = parse_sse(raw.decode())
    for event in events[:-1]:
        validate_chat_chunk(event)
    return events, time.monotonic()


async def slow_answer(server: Served) -> str | None:
    """The slow non-streamed request through the official SDK, its raw body validated."""
    client = openai.AsyncOpenAI(base_url=f"{server.root}/v1", api_key="sk-test", max_retries=0)
    async with client:
        raw = await client.chat.completions.with_raw_response.create(
            model="gpt-4o", messages=[{"role": "user", "content": "slow answer"}]
        )
    validate_response(
        "POST",
        "/v1/chat/completions",
        raw.http_response.status_code,
        json.loads(raw.http_response.content),
    )
    return raw.parse().choices[0].message.content


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
async def test_a_signal_lets_requests_in_flight_finish_and_exits_0(tmp_path: Path, signum) -> None:
    with serve_slowly(tmp_path) as server:
        async with aiohttp.ClientSession() as session:
            first_chunk = asyncio.Event()
            stream = asyncio.create_task(stream_events(session, server.root, first_chunk))
            answer = asyncio.create_task(slow_answer(server))
            await asyncio.wait_for(first_chunk.wait(), 10)
            await asyncio.sleep(0.3)  # the slow request is in its handler by now
            server.process.send_signal(signum)
            signalled = time.monotonic()

            deadline = signalled + 2
            while not await asyncio.to_thread(refused, server.port):
                assert time.monotonic() < deadline, "still accepting connections"
                await asyncio.sleep(0.05)
            assert not answer.done()  # refused while a request was still being answered

            assert await answer == "worth the wait"
            events, ended = await stream
        assert events[-1] == "[DONE]"
        assert (
            "".join(
                e["choices"][0]["delta"].get("content") or "" for e in events[:-1] if e["choices"]
            )
            == WORDS
        )
        assert ended - signalled < 2  # the rest came at once, not at 500 ms a chunk
        assert await asyncio.to_thread(server.process.wait, 10) == 0
        assert time.monotonic() - signalled < 5 + 1  # the default grace, with some slack
        name = signal.Signals(signum).name
        assert server.stderr().splitlines() == [
            f"mockai: {name}: stopping; in-flight requests get up to 5s, streams end now "
            "(signal again to exit at once)"
        ]


async def test_the_grace_bounds_the_wait_and_a_second_signal_exits_at_once(tmp_path: Path) -> None:
    async def answer_status(server: Served) -> object:
        try:
            await slow_answer(server)
        except openai.APIConnectionError:
            return "cut"
        return "answered"

    # The grace runs out: the request is cut, the process still exits 0, and soon.
    with serve_slowly(tmp_path, "--shutdown-grace", "0.3") as server:
        answer = asyncio.create_task(answer_status(server))
        await asyncio.sleep(0.8)
        server.process.send_signal(signal.SIGTERM)
        signalled = time.monotonic()
        assert await asyncio.to_thread(server.process.wait, 10) == 0
        assert time.monotonic() - signalled < 2  # not the 2.5 s the answer needs
        assert await answer == "cut"

    # A second signal does not wait for the (long) grace at all.
    with serve_slowly(tmp_path, "--shutdown-grace", "60") as server:
        answer = asyncio.create_task(answer_status(server))
        await asyncio.sleep(0.8)
        server.process.send_signal(signal.SIGTERM)
        await asyncio.sleep(0.3)
        server.process.send_signal(signal.SIGTERM)
        signalled = time.monotonic()
        assert await asyncio.to_thread(server.process.wait, 10) == 128 + signal.SIGTERM
        assert time.monotonic() - signalled < 2
        assert await answer == "cut"


async def test_the_stop_itself_ends_a_paced_responses_stream_in_process() -> None:
    """No signal: the stop the pytest plugin's server thread makes (`runner.cleanup()`). A
    Responses stream (no `[DONE]`) still ends with `response.completed`, at once."""
    app = create_app(
        Settings(port=0, watch=False, quiet=True), load_text(SCENARIOS, "<test>", endpoint_names())
    )
    runner, port = await start(app, "127.0.0.1", 0)
    body = {"model": "gpt-4o", "input": "slow stream", "stream": True}
    async with aiohttp.ClientSession() as session:
        async with session.post(
            f"http://127.0.0.1:{port}/v1/responses", json=body, headers=AUTH
        ) as response:
            assert response.status == 200
            first = await response.content.readuntil(b"\n\n")
            stopped = time.monotonic()
            stopping = asyncio.create_task(runner.cleanup())
            rest = await response.content.read()
    await asyncio.wait_for(stopping, 5)
    assert time.monotonic() - stopped < 2  # not 500 ms per remaining chunk
    events = [data for _, data in parse_sse_events((first + rest).decode())]
    for event in events:
        validate_schema("ResponseStreamEvent", event)
    assert events[-1]["type"] == "response.completed"
    assert "".join(e["delta"] for e in events if e["type"] == "response.output_text.delta") == WORDS
    assert await asyncio.to_thread(refused, port)


async def test_a_start_that_cannot_listen_leaves_nothing_behind() -> None:
    """A busy port is an OSError for the caller (the CLI's one line, the plugin's start error),
    with the socket closed and the app's start-up undone: no ResourceWarning, no open runner."""
    import gc
    import socket
    import warnings

    from mockai.config import Settings
    from mockai.server.app import create_app, start

    app = create_app(Settings(port=0, watch=False, quiet=True), [])
    cleaned: list[bool] = []

    async def mark(_app) -> None:
        cleaned.append(True)

    app.on_cleanup.append(mark)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            with pytest.raises(OSError):
                await start(app, "127.0.0.1", taken.getsockname()[1])
            gc.collect()
    assert not [w for w in caught if issubclass(w.category, ResourceWarning)]
    assert cleaned == [True]
