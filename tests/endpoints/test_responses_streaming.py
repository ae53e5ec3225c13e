"""Streamed Responses compared with the real API's recorded streams
(mockai/spec/streams/responses-*.sse): event order and payloads for text and for a
function call, SSE framing, obfuscation, and the scenario's pacing and disconnects. The
recordings' own texts and arguments are replayed through scenarios, so events can be compared
one for one, ids blanked."""

from __future__ import annotations

import json
import re
import time
from typing import Any

import aiohttp
import pytest
from openapi import RECORDINGS, validate_schema
from responses_support import (
    check_events,
    create,
    deltas,
    post,
    read_events,
    stream,
    token_pieces,
    types,
)

RECORDED_TEXT = "Hey! Not much, just here to help. What about you?"
RECORDED_ARGUMENTS = '{"location":"New York City, USA"}'
RECORDED_TOOL = {
    "type": "function",
    "name": "get_weather",
    "description": "Get the weather for a specified location",
    "parameters": {
        "type": "object",
        "properties": {
            "location": {
                "type": "string",
                "description": "Name of the location to get the weather for",
            }
        },
        "required": ["location"],
        "additionalProperties": False,
    },
    "strict": True,
}
DELTA_TYPES = (
    "response.output_text.delta",
    "response.function_call_arguments.delta",
    "response.reasoning_summary_text.delta",
)


def recorded(name: str) -> list[tuple[str, dict[str, Any] | None]]:
    """(event, payload) pairs of a recording; None where the publisher abbreviated the JSON
    with `…`. The text recording's elided deltas are restored from its own note."""
    out: list[tuple[str, dict[str, Any] | None]] = []
    for frame in (RECORDINGS / name).read_text().split("\n\n"):
        frame = frame.strip()
        if not frame:
            continue
        if frame.startswith("(…"):
            elided = json.loads("[" + re.search(r"deltas (.*) with", frame).group(1) + "]")
            out += [("response.output_text.delta", {"delta": d}) for d in elided]
            continue
        fields = dict(line.split(": ", 1) for line in frame.splitlines())
        try:
            payload = json.loads(fields["data"])
        except ValueError:
            payload = None
        out.append((fields["event"], payload))
    return out


def blank(event: dict[str, Any]) -> dict[str, Any]:
    """An event with what differs run to run removed: ids, obfuscation, encrypted blobs."""
    text = json.dumps({k: v for k, v in event.items() if k not in ("obfuscation", "response")})
    text = re.sub(r'"(id|item_id)": "[a-z]+_[0-9a-f]+"', r'"\1": "ID"', text)
    text = re.sub(r'"call_id": "call_[A-Za-z0-9]+"', '"call_id": "CALL"', text)
    text = re.sub(r'"encrypted_content": "[^"]*"', '"encrypted_content": "BLOB"', text)
    return json.loads(text)


def scripted(**step: Any) -> list[dict[str, Any]]:
    return [{"name": "scripted", "reply": step}]


# -- the recordings -----------------------------------------------------------------------------
async def test_text_stream_matches_the_recording_event_for_event(serve):
    real = recorded("responses-text.sse")
    client = await serve(scripted(content=RECORDED_TEXT))
    ours = await stream(client, input="Hey, what's up?")
    assert types(ours) == [name for name, _ in real]
    for (name, theirs), mine in zip(real, ours, strict=False):
        if theirs is None or "response" in theirs:
            continue  # abbreviated, or a response snapshot (compared below)
        if name == "response.output_text.delta" and "sequence_number" not in theirs:
            assert mine["delta"] == theirs["delta"]
            continue
        assert blank(mine) == blank(theirs), name
    assert deltas(ours) == token_pieces(RECORDED_TEXT)
    for status, event in (
        ("in_progress", ours[0]),
        ("in_progress", ours[1]),
        ("completed", ours[-1]),
    ):
        assert event["response"]["status"] == status
    assert ours[0]["response"]["output"] == [] and ours[0]["response"]["usage"] is None
    assert ours[-1]["response"]["output"] == [ours[-2]["item"]]


async def test_function_call_stream_matches_the_recording_event_for_event(serve):
    real = recorded("responses-function-call.sse")
    client = await serve(
        scripted(tool_calls=[{"name": "get_weather", "arguments": RECORDED_ARGUMENTS}])
    )
    ours = await stream(
        client,
        model="gpt-5",
        input="What's the weather in New York?",
        tools=[RECORDED_TOOL],
        include=["reasoning.encrypted_content"],
        reasoning={"effort": "minimal", "summary": "detailed"},
    )
    assert types(ours) == [name for name, _ in real]
    for (name, theirs), mine in zip(real, ours, strict=False):
        if theirs is None or "response" in theirs:
            continue
        mine = blank(mine)
        if name == "response.function_call_arguments.done":
            # The spec (2026) requires `name` here; the 2025 recording predates it.
            assert mine.pop("name") == "get_weather"
        assert mine == blank(theirs), name
    added = ours[4]["item"]
    assert (added["status"], added["arguments"]) == ("in_progress", "")
    (done,) = [e for e in ours if e["type"] == "response.function_call_arguments.done"]
    assert (done["name"], done["arguments"]) == ("get_weather", RECORDED_ARGUMENTS)
    assert "".join(deltas(ours, "response.function_call_arguments.delta")) == RECORDED_ARGUMENTS


async def test_response_snapshots_carry_every_field_the_recording_has(serve):
    real = dict((n, p) for n, p in recorded("responses-function-call.sse") if p is not None)
    client = await serve(
        scripted(tool_calls=[{"name": "get_weather", "arguments": RECORDED_ARGUMENTS}])
    )
    ours = await stream(
        client,
        model="gpt-5",
        input="Weather?",
        tools=[RECORDED_TOOL],
        reasoning={"effort": "minimal", "summary": "detailed"},
    )
    for name in ("response.created", "response.completed"):
        theirs, mine = (
            real[name]["response"],
            next(e for e in ours if e["type"] == name)["response"],
        )
        assert set(theirs) <= set(mine), name
        for key in (
            "status",
            "background",
            "error",
            "incomplete_details",
            "instructions",
            "max_output_tokens",
            "model",
            "parallel_tool_calls",
            "reasoning",
            "service_tier",
            "store",
            "temperature",
            "text",
            "tool_choice",
            "tools",
            "top_logprobs",
            "top_p",
            "truncation",
            "user",
            "metadata",
        ):
            assert mine[key] == theirs[key], (name, key)
    assert set(real["response.completed"]["response"]["usage"]) == set(
        ours[-1]["response"]["usage"]
    )


async def test_minimal_effort_leaves_the_summary_empty_as_recorded(serve):
    client = await serve(scripted(content="Quick."))
    body = await create(
        client, model="gpt-5", input="Hi", reasoning={"effort": "minimal", "summary": "detailed"}
    )
    assert body["output"][0]["summary"] == []


async def test_sse_framing_headers_and_no_done(serve):
    client = await serve(scripted(content="Framed."))
    response = await post(client, {"model": "gpt-4o", "input": "Hi", "stream": True})
    assert response.status == 200
    assert response.headers["Content-Type"] == "text/event-stream; charset=utf-8"
    assert re.fullmatch(r"req_[0-9a-f]{32}", response.headers["x-request-id"])
    text = await response.text()
    assert "[DONE]" not in text and text.endswith("}\n\n")
    assert text.startswith(
        'event: response.created\ndata: {"type":"response.created","sequence_number":0,'
    )
    check_events(text)


async def test_stream_invariants_for_a_mixed_output(serve):
    client = await serve(
        scripted(
            content="Checking the weather.",
            reasoning="Plan the call.",
            tool_calls=[{"name": "get_weather", "arguments": {"location": "Oslo"}}],
        )
    )
    events = await stream(
        client, model="o3", input="Weather?", tools=[RECORDED_TOOL], reasoning={"summary": "auto"}
    )
    added = [e for e in events if e["type"] == "response.output_item.added"]
    done = [e for e in events if e["type"] == "response.output_item.done"]
    assert [e["output_index"] for e in added] == [e["output_index"] for e in done] == [0, 1, 2]
    assert [e["item"]["type"] for e in done] == ["reasoning", "message", "function_call"]
    assert [a["item"]["id"] for a in added] == [d["item"]["id"] for d in done]
    final = events[-1]["response"]
    assert final["output"] == [e["item"] for e in done]
    validate_schema("Response", final)
    # every event about an item sits between that item's added and done
    for index, (a, d) in enumerate(zip(added, done, strict=False)):
        start, end = events.index(a), events.index(d)
        inner = [e for e in events if e.get("output_index") == index]
        assert all(start <= events.index(e) <= end for e in inner)
    (text_done,) = [e for e in events if e["type"] == "response.output_text.done"]
    assert text_done["text"] == "".join(deltas(events)) == "Checking the weather."


async def test_streamed_and_plain_responses_agree(serve):
    client = await serve(scripted(content="Same either way."))
    plain = await create(client, input="Hi")
    final = (await stream(client, input="Hi"))[-1]["response"]
    assert final["usage"] == plain["usage"]
    assert [i["content"] for i in final["output"]] == [i["content"] for i in plain["output"]]
    stored = await (
        await client.get(
            f"/v1/responses/{final['id']}", headers={"Authorization": "Bearer sk-test"}
        )
    ).json()
    assert stored["output"] == final["output"] and stored["status"] == "completed"


# -- obfuscation ----------------------------------------------------------------------------------
def test_recorded_obfuscation_pads_each_delta_to_16_characters():
    """The premise of the next test, checked on the recordings themselves."""
    padded = [
        p
        for name in ("responses-text.sse", "responses-function-call.sse")
        for _, p in recorded(name)
        if p and "obfuscation" in p
    ]
    assert len(padded) == 11
    assert all(len(p["delta"]) + len(p["obfuscation"]) == 16 for p in padded)


async def test_obfuscation_on_every_delta_by_default(serve):
    client = await serve(
        scripted(
            content=RECORDED_TEXT,
            reasoning="Short plan.",
            tool_calls=[{"name": "get_weather", "arguments": RECORDED_ARGUMENTS}],
        )
    )
    events = await stream(
        client, model="o3", input="Hi", tools=[RECORDED_TOOL], reasoning={"summary": "auto"}
    )
    padded = [e for e in events if e["type"] in DELTA_TYPES]
    assert {e["type"] for e in padded} == set(DELTA_TYPES)
    for event in padded:
        assert re.fullmatch(r"[A-Za-z0-9]*", event["obfuscation"])
        if len(event["delta"]) < 16:
            assert len(event["delta"]) + len(event["obfuscation"]) == 16, event
    assert not any(
        "obfuscation" in e
        for e in events
        if e["type"] not in DELTA_TYPES and not e["type"].endswith(".delta")
    )


async def test_include_obfuscation_false_removes_it(serve):
    client = await serve(
        scripted(
            content=RECORDED_TEXT,
            tool_calls=[{"name": "get_weather", "arguments": RECORDED_ARGUMENTS}],
        )
    )
    events = await stream(
        client, input="Hi", tools=[RECORDED_TOOL], stream_options={"include_obfuscation": False}
    )
    assert deltas(events) and deltas(events, "response.function_call_arguments.delta")
    assert not any("obfuscation" in e for e in events)
    explicit = await stream(client, input="Hi", stream_options={"include_obfuscation": True})
    assert all("obfuscation" in e for e in explicit if e["type"] == "response.output_text.delta")


# -- pacing and disconnects -----------------------------------------------------------------------
TEXT = "The quick brown fox jumps over the lazy dog near the river bank."


async def test_exact_chunks_replay_gives_exactly_those_deltas(serve):
    chunks = [{"text": "Hel"}, {"text": "lo, w"}, {"text": "orld"}, {"text": "!"}]
    client = await serve(scripted(stream={"chunks": chunks}))
    events = await stream(client, input="Hi")
    assert deltas(events) == ["Hel", "lo, w", "orld", "!"]
    (done,) = [e for e in events if e["type"] == "response.output_text.done"]
    assert done["text"] == "Hello, world!"
    body = await create(client, input="Hi")
    assert body["output"][0]["content"][0]["text"] == "Hello, world!"


async def test_exact_chunks_follow_their_after_ms(serve):
    chunks = [{"text": "Quick", "after_ms": 0}, {"text": " then slow", "after_ms": 300}]
    client = await serve(scripted(stream={"chunks": chunks}))
    response = await post(client, {"model": "gpt-4o", "input": "Hi", "stream": True})
    arrivals: dict[str, float] = {}
    started = time.monotonic()
    buffer = b""
    async for piece in response.content.iter_any():
        buffer += piece
        for delta in ("Quick", " then slow"):
            if delta not in arrivals and f'"delta":"{delta}"'.encode() in buffer:
                arrivals[delta] = time.monotonic() - started
    check_events(buffer.decode())
    assert arrivals[" then slow"] - arrivals["Quick"] >= 0.25


@pytest.mark.parametrize("size", [1, 3, 5])
async def test_chunk_tokens_groups_tokens(serve, size):
    client = await serve(
        [{"name": "grouped", "reply": {"content": TEXT}, "stream": {"chunk_tokens": size}}]
    )
    pieces = token_pieces(TEXT)
    expected = ["".join(pieces[i : i + size]) for i in range(0, len(pieces), size)]
    assert deltas(await stream(client, input="Hi")) == expected


async def test_chunk_tokens_groups_function_arguments_too(serve):
    client = await serve(
        [
            {
                "name": "grouped",
                "stream": {"chunk_tokens": 4},
                "reply": {"tool_calls": [{"name": "get_weather", "arguments": RECORDED_ARGUMENTS}]},
            }
        ]
    )
    pieces = token_pieces(RECORDED_ARGUMENTS)
    got = deltas(
        await stream(client, input="Hi", tools=[RECORDED_TOOL]),
        "response.function_call_arguments.delta",
    )
    assert got == ["".join(pieces[i : i + 4]) for i in range(0, len(pieces), 4)]


async def test_first_chunk_ms_delays_the_text_not_the_headers(serve):
    client = await serve(
        [{"name": "slow", "reply": {"content": "Late."}, "stream": {"first_chunk_ms": 300}}]
    )
    started = time.monotonic()
    response = await post(client, {"model": "gpt-4o", "input": "Hi", "stream": True})
    headers_at = time.monotonic() - started
    body = b""
    first_delta_at = None
    async for piece in response.content.iter_any():
        body += piece
        if first_delta_at is None and b"response.output_text.delta" in body:
            first_delta_at = time.monotonic() - started
    assert first_delta_at is not None and first_delta_at >= 0.25
    assert headers_at < first_delta_at
    assert deltas(check_events(body.decode())) == ["Late", "."]


async def test_chunk_ms_spaces_the_deltas(serve):
    client = await serve(
        [{"name": "paced", "reply": {"content": "one two three four"}, "stream": {"chunk_ms": 100}}]
    )
    started = time.monotonic()
    events = await stream(client, input="Hi")
    assert deltas(events) == ["one", " two", " three", " four"]
    assert time.monotonic() - started >= 0.35  # at least four paced gaps of 100 ms


async def test_disconnect_after_chunks_cuts_the_stream(serve):
    client = await serve(
        [{"name": "cut", "reply": {"content": TEXT}, "stream": {"disconnect_after_chunks": 5}}]
    )
    response = await post(client, {"model": "gpt-4o", "input": "Hi", "stream": True})
    assert response.status == 200
    received = b""
    with pytest.raises(aiohttp.ClientPayloadError):
        async for piece in response.content.iter_any():
            received += piece
    events = check_events(received.decode())
    assert types(events) == [
        "response.created",
        "response.in_progress",
        "response.output_item.added",
        "response.content_part.added",
        "response.output_text.delta",
    ]


async def test_disconnect_beyond_the_end_is_a_complete_stream(serve):
    client = await serve(
        [
            {
                "name": "cut",
                "reply": {"content": "Short."},
                "stream": {"disconnect_after_chunks": 500},
            }
        ]
    )
    events = await read_events(
        await post(client, {"model": "gpt-4o", "input": "Hi", "stream": True})
    )
    assert types(events)[-1] == "response.completed"
