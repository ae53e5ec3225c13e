"""Streamed chat completions compared with the real API's recorded streams
(mockai/spec/streams/chat-*.sse): chunk order and delta shapes, SSE framing, usage and
obfuscation fields. The recordings' own texts and arguments are replayed through scenarios, so
the deltas can be compared one for one."""

from __future__ import annotations

import json
import re

import pytest
from helpers import api_json, chat_body, post_chat, sse
from openapi import RECORDINGS, parse_sse, validate_chat_chunk


def recorded(name: str) -> list:
    return parse_sse((RECORDINGS / name).read_text())


def deltas(events: list) -> list[tuple[dict, str | None]]:
    """(delta, finish_reason) of every chunk that has a choice; ids blanked for comparison."""
    out = []
    for event in events:
        if event == "[DONE]" or not event["choices"]:
            continue
        (choice,) = event["choices"]
        delta = json.loads(json.dumps(choice["delta"]))
        for call in delta.get("tool_calls") or ():
            if "id" in call:
                call["id"] = "ID"
        out.append((delta, choice["finish_reason"]))
    return out


async def stream(client, **extra) -> list:
    return await sse(await post_chat(client, stream=True, **extra))


def tool_scenario(events: list) -> dict:
    """A scenario replaying the tool calls of a recording, arguments as recorded."""
    calls: dict[int, dict] = {}
    for delta, _ in deltas(events):
        for call in delta.get("tool_calls") or ():
            entry = calls.setdefault(call["index"], {"arguments": ""})
            if "function" in call and "name" in call["function"]:
                entry["name"] = call["function"]["name"]
            entry["arguments"] += call["function"].get("arguments", "")
    return {"name": "replay", "reply": {"tool_calls": list(calls.values())}}


async def test_text_cut_by_max_tokens_matches_the_recording(serve):
    real = recorded("chat-text-length-with-usage.sse")
    client = await serve([{"name": "replay", "reply": {"content": '{"name": "Robert"}'}}])
    ours = await stream(client, max_tokens=1, stream_options={"include_usage": True})
    assert deltas(ours) == deltas(real)
    assert ours[-2]["choices"] == [] and ours[-2]["usage"]["completion_tokens"] == 1
    assert ours[-1] == real[-1] == "[DONE]"


async def test_content_with_logprobs_matches_the_recording(serve):
    real = recorded("chat-content-logprobs.sse")
    client = await serve([{"name": "replay", "reply": {"content": "Foo!"}}])
    ours = await stream(client, logprobs=True, stream_options={"include_usage": True})
    assert deltas(ours) == deltas(real)
    for mine, theirs in zip(ours[:-2], real[:-2], strict=False):
        mine_lp, real_lp = mine["choices"][0]["logprobs"], theirs["choices"][0]["logprobs"]
        if real_lp is None:
            assert mine_lp is None
            continue
        assert [e["token"] for e in mine_lp["content"]] == [e["token"] for e in real_lp["content"]]
        assert [e["bytes"] for e in mine_lp["content"]] == [e["bytes"] for e in real_lp["content"]]
        assert all(e["top_logprobs"] == [] for e in mine_lp["content"])
    assert ours[-2]["usage"]["completion_tokens"] == real[-2]["usage"]["completion_tokens"] == 2


async def test_refusal_matches_the_recording(serve):
    real = recorded("chat-refusal.sse")
    text = "".join(d.get("refusal") or "" for d, _ in deltas(real))
    client = await serve([{"name": "replay", "reply": {"refusal": text}}])
    ours = await stream(client, stream_options={"include_usage": True})
    assert deltas(ours) == deltas(real)
    assert ours[-2]["usage"]["completion_tokens"] == 11  # as recorded for these 10 tokens


async def test_tool_call_matches_the_recording(serve):
    real = recorded("chat-tool-call-with-usage.sse")
    client = await serve([tool_scenario(real)])
    ours = await stream(client, stream_options={"include_usage": True})
    assert deltas(ours) == deltas(real)
    first = ours[0]["choices"][0]["delta"]
    assert first["role"] == "assistant" and first["content"] is None
    assert first["tool_calls"][0]["function"]["arguments"] == ""
    assert re.fullmatch(r"call_[A-Za-z0-9]{24}", first["tool_calls"][0]["id"])
    assert ours[-2]["usage"]["completion_tokens"] == real[-2]["usage"]["completion_tokens"]


async def test_parallel_tool_calls_follow_the_recording(serve):
    real = recorded("chat-parallel-tool-calls.sse")
    scenario = tool_scenario(real)
    client = await serve([scenario])
    ours = await stream(client, stream_options={"include_usage": True})
    calls = [c for d, _ in deltas(ours) for c in d.get("tool_calls") or ()]
    indexes = [c["index"] for c in calls]
    assert indexes == sorted(indexes) and set(indexes) == {0, 1}
    headers = [c for c in calls if "id" in c]
    assert [(h["index"], h["type"], h["function"]) for h in headers] == [
        (i, "function", {"name": s["name"], "arguments": ""})
        for i, s in enumerate(scenario["reply"]["tool_calls"])
    ]
    for index, call in enumerate(scenario["reply"]["tool_calls"]):
        fragments = [c for c in calls if c["index"] == index and "id" not in c]
        assert all(
            c == {"index": index, "function": {"arguments": c["function"]["arguments"]}}
            for c in fragments
        )
        assert "".join(c["function"]["arguments"] for c in fragments) == call["arguments"]
    assert deltas(ours)[-1] == deltas(real)[-1] == ({}, "tool_calls")
    assert ours[-2]["usage"]["completion_tokens"] == real[-2]["usage"]["completion_tokens"]


async def test_sse_framing_is_data_frames_ending_in_done(serve):
    client = await serve([{"name": "s", "reply": {"content": "Frame me."}}])
    response = await post_chat(client, stream=True)
    assert response.headers["Content-Type"] == "text/event-stream; charset=utf-8"
    assert response.headers["x-request-id"].startswith("req_")
    text = await response.text()
    assert text.endswith("\n\ndata: [DONE]\n\n")
    frames = text.split("\n\n")
    assert frames[-1] == ""
    assert all(f.startswith("data: ") and "\n" not in f for f in frames[:-1])
    events = parse_sse(text)
    for event in events[:-1]:
        validate_chat_chunk(event)
    assert len({(e["id"], e["created"], e["model"]) for e in events[:-1]}) == 1


@pytest.mark.parametrize(
    "options, has_usage_key",
    [(None, False), ({"include_usage": False}, False), ({"include_usage": True}, True)],
)
async def test_usage_null_on_every_chunk_only_when_included(serve, options, has_usage_key):
    client = await serve([{"name": "s", "reply": {"content": "Usage please."}}])
    extra = {"stream_options": options} if options is not None else {}
    events = (await stream(client, **extra))[:-1]
    if has_usage_key:
        *chunks, last = events
        assert last["choices"] == [] and last["usage"]["total_tokens"] > 0
        assert all(c["usage"] is None for c in chunks)
    else:
        assert all("usage" not in c and c["choices"] for c in events)


@pytest.mark.parametrize(
    "options, present",
    [
        (None, True),
        ({"include_usage": True}, True),
        ({"include_obfuscation": True}, True),
        ({"include_obfuscation": False}, False),
        ({"include_usage": True, "include_obfuscation": False}, False),
    ],
)
async def test_obfuscation_by_default_and_off_on_request(serve, options, present):
    client = await serve([{"name": "s", "reply": {"content": "Hide my length."}}])
    extra = {"stream_options": options} if options is not None else {}
    events = (await stream(client, **extra))[:-1]
    for event in events:
        if present:
            assert re.fullmatch(r"[A-Za-z0-9]+", event["obfuscation"])
        else:
            assert "obfuscation" not in event


async def test_n_choices_each_get_role_content_and_finish(serve):
    client = await serve([{"name": "s", "reply": {"content": "Twice said."}}])
    events = await stream(client, n=2)
    for index in (0, 1):
        mine = [e["choices"][0] for e in events[:-1] if e["choices"][0]["index"] == index]
        assert mine[0]["delta"]["role"] == "assistant"
        assert "".join(c["delta"].get("content") or "" for c in mine) == "Twice said."
        assert (mine[-1]["delta"], mine[-1]["finish_reason"]) == ({}, "stop")


async def test_legacy_function_call_stream(serve):
    client = await serve(
        [{"name": "f", "reply": {"tool_calls": [{"name": "lookup", "arguments": {"q": "mockai"}}]}}]
    )
    events = await stream(client, functions=[{"name": "lookup", "parameters": {"type": "object"}}])
    chunks = deltas(events)
    assert chunks[0][0]["function_call"] == {"name": "lookup", "arguments": ""}
    assert "tool_calls" not in chunks[0][0]
    args = "".join(d["function_call"]["arguments"] for d, _ in chunks[1:-1])
    assert json.loads(args) == {"q": "mockai"}
    assert chunks[-1] == ({}, "function_call")


async def test_scripted_error_on_a_stream_request_is_plain_json(serve):
    client = await serve([{"name": "e", "reply": {"error": 429}}])
    response = await post_chat(client, body=chat_body(stream=True))
    assert response.status == 429
    assert response.headers["Content-Type"].startswith("application/json")
    assert (await api_json(response))["error"]["code"] == "rate_limit_exceeded"
