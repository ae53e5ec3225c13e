"""How scripted streams are paced and cut: exact `chunks:` replay, `chunk_tokens` grouping,
`first_chunk_ms` / `chunk_ms` / `latency_ms` delays (lower bounds only, with wide margins),
and `disconnect_after_chunks` as the raw client and the official SDK experience it."""

from __future__ import annotations

import json
import time

import aiohttp
import openai
import pytest
from helpers import AUTH, api_json, chat_body, post_chat, sse
from openapi import validate_chat_chunk

from mockai.tokenizer import encoding_sync

TEXT = "The quick brown fox jumps over the lazy dog near the river bank."


def content_deltas(events: list) -> list[str]:
    return [
        e["choices"][0]["delta"]["content"]
        for e in events[:-1]
        if e["choices"] and e["choices"][0]["delta"].get("content")
    ]


def token_pieces(text: str) -> list[str]:
    enc = encoding_sync("o200k_base")
    return [enc.decode([t]) for t in enc.encode_ordinary(text)]


async def stream_events(client, **extra) -> list:
    return await sse(await post_chat(client, stream=True, **extra))


async def test_exact_chunks_replay_gives_exactly_those_deltas(serve):
    chunks = [{"text": "Hel"}, {"text": "lo, w"}, {"text": "orld"}, {"text": "!"}]
    client = await serve([{"name": "exact", "reply": {"stream": {"chunks": chunks}}}])
    events = await stream_events(client)
    assert content_deltas(events) == ["Hel", "lo, w", "orld", "!"]
    body = await api_json(await post_chat(client))
    assert body["choices"][0]["message"]["content"] == "Hello, world!"


async def test_exact_chunks_are_cut_by_a_stop_sequence(serve):
    chunks = [{"text": "Hello"}, {"text": " wor"}, {"text": "ld STOP more"}, {"text": " text"}]
    client = await serve([{"name": "exact", "reply": {"stream": {"chunks": chunks}}}])
    events = await stream_events(client, stop="STOP")
    assert content_deltas(events) == ["Hello", " wor", "ld "]
    assert events[-2]["choices"][0]["finish_reason"] == "stop"


@pytest.mark.parametrize("size", [1, 3, 5])
async def test_chunk_tokens_groups_tokens(serve, size):
    client = await serve(
        [{"name": "grouped", "reply": {"content": TEXT}, "stream": {"chunk_tokens": size}}]
    )
    pieces = token_pieces(TEXT)
    expected = ["".join(pieces[i : i + size]) for i in range(0, len(pieces), size)]
    assert content_deltas(await stream_events(client)) == expected


async def test_step_stream_settings_override_the_scenario_ones(serve):
    client = await serve(
        [
            {
                "name": "s",
                "stream": {"chunk_tokens": 2},
                "replies": [{"content": TEXT}, {"content": TEXT, "stream": {"chunk_tokens": 4}}],
            }
        ]
    )
    first = content_deltas(await stream_events(client))
    second = content_deltas(await stream_events(client))
    pieces = token_pieces(TEXT)
    assert first[0] == "".join(pieces[:2]) and second[0] == "".join(pieces[:4])
    assert "".join(first) == "".join(second) == TEXT


async def test_first_chunk_ms_delays_the_first_chunk_not_the_headers(serve):
    client = await serve(
        [{"name": "slow", "reply": {"content": "Late."}, "stream": {"first_chunk_ms": 300}}]
    )
    started = time.monotonic()
    response = await post_chat(client, stream=True)
    headers_at = time.monotonic() - started
    first_frame = await response.content.readuntil(b"\n\n")
    first_at = time.monotonic() - started
    assert first_frame.startswith(b"data: {")
    validate_chat_chunk(json.loads(first_frame[len(b"data: ") :]))
    assert first_at >= 0.25
    assert headers_at < first_at
    rest = (await response.read()).decode()
    assert rest.endswith("data: [DONE]\n\n")


async def test_chunk_ms_spaces_the_chunks(serve):
    client = await serve(
        [{"name": "paced", "reply": {"content": "one two three four"}, "stream": {"chunk_ms": 100}}]
    )
    started = time.monotonic()
    events = await stream_events(client)
    assert content_deltas(events) == ["one", " two", " three", " four"]
    assert time.monotonic() - started >= 0.3  # five gaps of 100 ms after the role chunk


async def test_exact_chunks_follow_their_after_ms(serve):
    chunks = [{"text": "Quick", "after_ms": 0}, {"text": " then slow", "after_ms": 300}]
    client = await serve([{"name": "exact", "reply": {"stream": {"chunks": chunks}}}])
    started = time.monotonic()
    assert content_deltas(await stream_events(client)) == ["Quick", " then slow"]
    assert time.monotonic() - started >= 0.25


async def test_latency_ms_delays_a_plain_reply(serve):
    client = await serve([{"name": "slow", "latency_ms": 300, "reply": {"content": "Waited."}}])
    started = time.monotonic()
    body = await api_json(await post_chat(client))
    assert time.monotonic() - started >= 0.25
    assert body["choices"][0]["message"]["content"] == "Waited."


CUT = [{"name": "cut", "reply": {"content": TEXT}, "stream": {"disconnect_after_chunks": 3}}]


async def test_disconnect_after_chunks_cuts_the_raw_stream(serve):
    client = await serve(CUT)
    response = await post_chat(client, stream=True)
    assert response.status == 200
    received = b""
    with pytest.raises(aiohttp.ClientPayloadError):
        async for piece in response.content.iter_any():
            received += piece
    frames = [f for f in received.decode().split("\n\n") if f]
    assert len(frames) == 3 and b"[DONE]" not in received
    for frame in frames:
        assert frame.startswith("data: ")
        validate_chat_chunk(json.loads(frame[len("data: ") :]))


async def test_disconnect_after_zero_chunks_sends_only_headers(serve):
    client = await serve(
        [{"name": "cut", "reply": {"content": TEXT}, "stream": {"disconnect_after_chunks": 0}}]
    )
    response = await post_chat(client, stream=True)
    assert response.status == 200
    with pytest.raises(aiohttp.ClientPayloadError):
        await response.read()


async def test_disconnect_beyond_the_end_is_a_complete_stream(serve):
    client = await serve(
        [
            {
                "name": "long",
                "reply": {"content": "Short."},
                "stream": {"disconnect_after_chunks": 100},
            }
        ]
    )
    events = await stream_events(client)
    assert events[-1] == "[DONE]" and content_deltas(events) == ["Short", "."]


async def test_disconnect_does_not_affect_plain_replies(serve):
    client = await serve(CUT)
    response = await client.post("/v1/chat/completions", data=json.dumps(chat_body()), headers=AUTH)
    assert (await api_json(response))["choices"][0]["message"]["content"] == TEXT


def test_sdk_raises_a_connection_error_after_the_chunks_it_got(mockai):
    mockai.add_scenario(CUT[0])
    received = []
    stream = mockai.client(max_retries=0).chat.completions.create(
        model="gpt-4o", messages=[{"role": "user", "content": "hi"}], stream=True
    )
    with pytest.raises(openai.APIConnectionError):
        for chunk in stream:
            received.append(chunk)
    assert len(received) == 3
    assert received[0].choices[0].delta.role == "assistant"
    assert all(c.choices[0].finish_reason is None for c in received)
    (entry,) = mockai.requests
    assert (entry["status"], entry["stream"], entry["scenario"]) == (200, True, "cut")
