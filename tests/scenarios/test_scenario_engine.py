"""Choosing the scenario and step over HTTP: order, match conditions, sequences,
sessions, forcing, strict mode, default replies, latency, headers and scenario-level defaults."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest
from helpers import AUTH, api_json, chat_body, post_chat

from mockai.config import Settings
from mockai.endpoints import endpoint_names
from mockai.scenarios import load
from mockai.server.app import create_app


def reply(name: str, content: str | None = None, **extra: Any) -> dict[str, Any]:
    return {"name": name, "reply": {"content": content or name}, **extra}


async def ask(client, content: str = "Hello", headers: dict | None = None, **extra: Any):
    """(status, validated body) of one chat request."""
    response = await post_chat(client, chat_body(content, **extra), headers=headers)
    return response.status, await api_json(response)


async def said(client, content: str = "Hello", headers: dict | None = None, **extra: Any) -> str:
    status, body = await ask(client, content, headers, **extra)
    assert status == 200, body
    return body["choices"][0]["message"]["content"]


async def journal(client, session: str | None = None) -> list[dict[str, Any]]:
    query = f"?session={session}" if session else ""
    response = await client.get(f"/_mockai/requests{query}")
    assert response.status == 200
    return (await response.json())["data"]


@pytest.fixture
def serve_files(aiohttp_client, tmp_path: Path):
    """`client = await serve_files({relative path: YAML text}, **settings)`, loaded like the CLI."""

    async def make(files: dict[str, str], **settings: Any):
        for name, text in files.items():
            path = tmp_path / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text)
        options = {
            "port": 0,
            "watch": False,
            "quiet": True,
            "scenarios": [str(tmp_path)],
            **settings,
        }
        return await aiohttp_client(
            create_app(Settings(**options), load([tmp_path], endpoint_names()))
        )

    return make


# -- order -----------------------------------------------------------------------------------


async def test_first_match_wins_within_a_file(serve):
    client = await serve(
        [reply("specific", match={"user": "weather"}), reply("catch-all"), reply("never")]
    )
    assert await said(client, "the weather?") == "specific"
    assert await said(client, "anything else") == "catch-all"


async def test_files_in_sorted_path_order(serve_files):
    # Written in reverse order; "10-..." sorts before "2-...", and "0-sub/..." before both.
    client = await serve_files(
        {
            "2-second.yaml": "- name: second\n  reply: {content: second}\n",
            "10-first.yaml": "- name: first\n  match: {user: one}\n  reply: {content: first}\n",
            "0-sub/nested.yaml": "- name: nested\n  match: {user: nested}\n  reply: {content: nested}\n",
        },
        strict=True,
    )
    assert await said(client, "one nested") == "nested"
    assert await said(client, "one") == "first"
    assert await said(client, "two") == "second"


async def test_runtime_scenarios_are_tried_before_files(serve_files):
    client = await serve_files({"a.yaml": "- name: from-file\n  reply: {content: file}\n"})
    assert await said(client) == "file"
    added = await client.post(
        "/_mockai/scenarios",
        data="- name: added\n  match: {user: hello}\n  reply: {content: runtime}\n",
    )
    assert added.status == 201
    assert await said(client, "hello") == "runtime"
    assert await said(client, "goodbye") == "file"
    assert (await client.delete("/_mockai/scenarios")).status == 200
    assert await said(client, "hello") == "file"


async def test_later_runtime_additions_go_first_and_same_name_replaces(serve):
    client = await serve([reply("file")])
    await client.post("/_mockai/scenarios", data=json.dumps(reply("one")))
    assert await said(client) == "one"
    await client.post("/_mockai/scenarios", data=json.dumps(reply("two")))
    assert await said(client) == "two"
    await client.post("/_mockai/scenarios", data=json.dumps(reply("one", "one again")))
    assert await said(client) == "one again"


# -- match conditions --------------------------------------------------------------------------

WEATHER_TOOL = {
    "type": "function",
    "function": {
        "name": "get_weather",
        "parameters": {"type": "object", "properties": {"city": {"type": "string"}}},
    },
}


def tool(name: str) -> dict[str, Any]:
    return {"type": "function", "function": {"name": name}}


def tool_turn(last_is_result: bool) -> list[dict[str, Any]]:
    messages: list[dict[str, Any]] = [{"role": "user", "content": "weather in Boston?"}]
    if last_is_result:
        messages += [
            {
                "role": "assistant",
                "content": None,
                "tool_calls": [
                    {
                        "id": "call_1",
                        "type": "function",
                        "function": {"name": "get_weather", "arguments": '{"city": "Boston"}'},
                    }
                ],
            },
            {"role": "tool", "tool_call_id": "call_1", "content": "20C"},
        ]
    return messages


# condition -> (request overrides that match, request overrides that do not)
CONDITIONS: dict[str, tuple[dict[str, Any], list[dict[str, Any]], list[dict[str, Any]]]] = {
    "endpoint glob": ({"endpoint": "chat.*"}, [{}], []),
    "endpoint exact": ({"endpoint": "chat.completions"}, [{}], []),
    "endpoint other": ({"endpoint": "embeddings"}, [], [{}]),
    "model glob": (
        {"model": "gpt-4o-m*"},
        [{"model": "gpt-4o-mini"}],
        [{"model": "gpt-4o"}, {"model": "gpt-4.1-mini"}],
    ),
    "model exact": ({"model": "gpt-4o"}, [{"model": "gpt-4o"}], [{"model": "gpt-4o-mini"}]),
    "user contains, case-insensitive": (
        {"user": "WeAtHeR"},
        [{"content": "what's the weather like?"}, {"content": "WEATHER!"}],
        [{"content": "whether or not"}],
    ),
    "user regex": (
        {"user": {"regex": r"^order #\d+$"}},
        [{"content": "order #42"}],
        [{"content": "my order #42"}, {"content": "order #x"}],
    ),
    "user is the last user message": (
        {"user": "first"},
        [
            {
                "messages": [
                    {"role": "user", "content": "second"},
                    {"role": "assistant", "content": "ok"},
                    {"role": "user", "content": "the first one"},
                ]
            }
        ],
        [
            {
                "messages": [
                    {"role": "user", "content": "first"},
                    {"role": "assistant", "content": "ok"},
                    {"role": "user", "content": "second"},
                ]
            }
        ],
    ),
    "system contains": (
        {"system": "travel agent"},
        [
            {
                "messages": [
                    {"role": "system", "content": "You are a Travel Agent."},
                    {"role": "user", "content": "hi"},
                ]
            },
            {
                "messages": [
                    {"role": "developer", "content": "act as a travel agent"},
                    {"role": "user", "content": "hi"},
                ]
            },
        ],
        [
            {
                "messages": [
                    {"role": "system", "content": "You are a chef."},
                    {"role": "user", "content": "travel agent"},
                ]
            }
        ],
    ),
    "system regex": (
        {"system": {"regex": "^You are (a|an) .*agent"}},
        [
            {
                "messages": [
                    {"role": "system", "content": "You are an insurance agent."},
                    {"role": "user", "content": "hi"},
                ]
            }
        ],
        [
            {
                "messages": [
                    {"role": "system", "content": "Be an agent."},
                    {"role": "user", "content": "hi"},
                ]
            }
        ],
    ),
    "tools subset": (
        {"tools": ["get_weather", "get_time"]},
        [{"tools": [tool("get_time"), tool("search"), WEATHER_TOOL]}],
        [{"tools": [WEATHER_TOOL]}, {}],
    ),
    "tool_result true": (
        {"tool_result": True},
        [{"messages": tool_turn(True), "tools": [WEATHER_TOOL]}],
        [{"messages": tool_turn(False), "tools": [WEATHER_TOOL]}],
    ),
    "tool_result false": (
        {"tool_result": False},
        [{"messages": tool_turn(False), "tools": [WEATHER_TOOL]}],
        [{"messages": tool_turn(True), "tools": [WEATHER_TOOL]}],
    ),
    "headers": (
        {"headers": {"X-Tenant": "acme"}},
        [{"_headers": {"x-tenant": "acme"}}, {"_headers": {"X-TENANT": "acme"}}],
        [{"_headers": {"x-tenant": "other"}}, {}],
    ),
    "all conditions together": (
        {"model": "gpt-4o*", "user": "weather", "tools": ["get_weather"], "headers": {"x-a": "1"}},
        [{"content": "Weather?", "tools": [WEATHER_TOOL], "_headers": {"x-a": "1"}}],
        [
            {"content": "Weather?", "tools": [WEATHER_TOOL]},
            {"content": "Time?", "tools": [WEATHER_TOOL], "_headers": {"x-a": "1"}},
        ],
    ),
}


@pytest.mark.parametrize("condition", list(CONDITIONS), ids=list(CONDITIONS))
async def test_match_condition(serve, condition: str):
    match, hits, misses = CONDITIONS[condition]
    client = await serve([reply("hit", match=match)], strict=True)
    for overrides, expected in [*((h, True) for h in hits), *((m, False) for m in misses)]:
        overrides = dict(overrides)
        headers = overrides.pop("_headers", None)
        response = await post_chat(
            client, chat_body(overrides.pop("content", "Hello"), **overrides), headers=headers
        )
        data = await api_json(response)
        if expected:
            assert response.status == 200, (overrides, headers, data)
            assert data["choices"][0]["message"]["content"] == "hit"
        else:
            assert response.status == 404, (overrides, headers, data)
            assert data["error"]["code"] == "no_scenario_matched"


# -- sequences and sessions ---------------------------------------------------------------------

SEQUENCE = {
    "name": "seq",
    "replies": [{"content": "one"}, {"content": "two"}, {"content": "three"}],
}


async def test_sequence_last_step_repeats(serve):
    client = await serve([SEQUENCE])
    assert [await said(client) for _ in range(5)] == ["one", "two", "three", "three", "three"]
    assert [e["step"] for e in await journal(client)] == [0, 1, 2, 2, 2]
    assert {e["scenario"] for e in await journal(client)} == {"seq"}


async def test_sequence_loop_starts_over(serve):
    client = await serve([{**SEQUENCE, "loop": True}])
    assert [await said(client) for _ in range(7)] == ["one", "two", "three"] * 2 + ["one"]


async def test_sequences_count_per_session(serve):
    client = await serve([SEQUENCE])
    a, b = {"X-Mockai-Session": "a"}, {"X-Mockai-Session": "b"}
    assert await said(client, headers=a) == "one"
    assert await said(client, headers=a) == "two"
    assert await said(client, headers=b) == "one"
    assert await said(client) == "one"  # no session: its own counter
    assert await said(client, headers=a) == "three"
    assert await said(client, headers=b) == "two"
    assert await said(client) == "two"


async def test_sequences_count_per_scenario(serve):
    client = await serve(
        [
            {**SEQUENCE, "match": {"user": "seq"}},
            {
                "name": "other",
                "match": {"user": "other"},
                "replies": [{"content": "o1"}, {"content": "o2"}],
            },
        ]
    )
    assert await said(client, "seq") == "one"
    assert await said(client, "other") == "o1"
    assert await said(client, "seq") == "two"
    assert await said(client, "other") == "o2"


# -- forcing and strict mode ------------------------------------------------------------------


async def test_scenario_header_forces_a_scenario(serve):
    client = await serve(
        [
            reply("weather", match={"user": "weather"}),
            {**SEQUENCE, "match": {"model": "nothing-like-this"}},
        ]
    )
    forced = {"X-Mockai-Scenario": "seq"}
    assert await said(client, "weather", headers=forced) == "one"
    assert await said(client, "weather", headers=forced) == "two"
    assert await said(client, "weather") == "weather"
    [*_, last] = await journal(client)
    assert last["scenario"] == "weather"


async def test_scenario_header_unknown_name_is_400(serve):
    client = await serve([reply("known")])
    status, body = await ask(client, headers={"X-Mockai-Scenario": "unknown-one"})
    assert status == 400
    assert body["error"]["param"] == "X-Mockai-Scenario"
    assert "unknown-one" in body["error"]["message"]


async def test_strict_no_match_is_404(serve):
    client = await serve([reply("only-weather", match={"user": "weather"})], strict=True)
    status, body = await ask(client, "hello")
    assert status == 404
    assert body["error"]["code"] == "no_scenario_matched"
    assert body["error"]["type"] == "invalid_request_error"
    [entry] = await journal(client)
    assert (entry["scenario"], entry["status"]) == (None, 404)


async def test_no_match_gets_a_deterministic_default_reply(serve):
    client = await serve([reply("only-weather", match={"user": "weather"})])
    first = await said(client, "tell me something")
    assert first and first != "only-weather"
    assert await said(client, "tell me something") == first
    assert await said(client, "tell me something else") != first
    other_seed = await serve([], seed=12345)
    assert await said(other_seed, "tell me something") != first
    entries = await journal(client)
    assert [e["scenario"] for e in entries] == [None, None, None]


# -- latency, headers and scenario-level defaults ------------------------------------------------


async def test_latency_ms_delays_the_reply(serve):
    client = await serve([reply("slow", latency_ms=1000, match={"user": "slow"}), reply("fast")])
    start = time.monotonic()
    assert await said(client, "slow") == "slow"
    assert time.monotonic() - start >= 0.9
    start = time.monotonic()
    assert await said(client, "quick") == "fast"
    assert time.monotonic() - start < 0.9


async def test_latency_applies_to_error_steps(serve):
    client = await serve([{"name": "e", "reply": {"error": 503, "latency_ms": 500}}])
    start = time.monotonic()
    status, _ = await ask(client)
    assert status == 503
    assert time.monotonic() - start >= 0.45


async def test_step_headers_add_and_override(serve):
    client = await serve(
        [
            {
                "name": "h",
                "reply": {
                    "content": "x",
                    "headers": {
                        "X-Custom": "yes",
                        "x-ratelimit-remaining-requests": "0",
                        "openai-processing-ms": "1234",
                    },
                },
            }
        ]
    )
    response = await post_chat(client)
    assert response.status == 200
    assert response.headers["x-custom"] == "yes"
    assert response.headers["x-ratelimit-remaining-requests"] == "0"
    assert response.headers["openai-processing-ms"] == "1234"
    assert response.headers["x-ratelimit-limit-requests"]  # the others stay


async def test_scenario_level_defaults_merge_into_steps(serve):
    client = await serve(
        [
            {
                "name": "defaults",
                "latency_ms": 1000,
                "headers": {"x-from": "scenario", "x-keep": "scenario"},
                "replies": [
                    {"content": "inherits"},
                    {"content": "overrides", "latency_ms": 0, "headers": {"X-From": "step"}},
                ],
            }
        ]
    )
    start = time.monotonic()
    first = await post_chat(client)
    first_elapsed = time.monotonic() - start
    start = time.monotonic()
    second = await post_chat(client)
    second_elapsed = time.monotonic() - start
    assert first_elapsed >= 0.9
    assert second_elapsed < 0.9
    assert (first.headers["x-from"], first.headers["x-keep"]) == ("scenario", "scenario")
    assert (second.headers["x-from"], second.headers["x-keep"]) == ("step", "scenario")


async def _timed_stream(client) -> tuple[float, list[str]]:
    """(seconds to the first content chunk, content pieces) of one streamed request."""
    start = time.monotonic()
    response = await post_chat(client, stream=True)
    assert response.status == 200
    first = None
    pieces = []
    async for line in response.content:
        text = line.decode().strip()
        if not text.startswith("data: ") or text == "data: [DONE]":
            continue
        chunk = json.loads(text[6:])
        for choice in chunk["choices"]:
            content = choice["delta"].get("content")
            if content:
                first = first if first is not None else time.monotonic() - start
                pieces.append(content)
    assert first is not None
    return first, pieces


async def test_scenario_level_stream_merges_with_step_stream(serve):
    text = "one two three four five six seven eight nine ten"
    client = await serve(
        [
            {
                "name": "paced",
                "stream": {"first_chunk_ms": 1200, "chunk_tokens": 5},
                "replies": [{"content": text}, {"content": text, "stream": {"first_chunk_ms": 0}}],
            }
        ]
    )
    slow_first, slow_pieces = await _timed_stream(client)
    fast_first, fast_pieces = await _timed_stream(client)
    assert slow_first >= 1.1
    assert fast_first < 0.9
    # chunk_tokens 5 comes from the scenario in both steps: 10 words -> 2 chunks.
    assert slow_pieces == fast_pieces == ["one two three four five", " six seven eight nine ten"]


async def test_scenario_stream_does_not_delay_non_streamed_reply(serve):
    client = await serve(
        [{"name": "s", "stream": {"first_chunk_ms": 2000}, "reply": {"content": "x"}}]
    )
    start = time.monotonic()
    assert await said(client) == "x"
    assert time.monotonic() - start < 1.5


async def test_every_response_carries_standard_headers(serve):
    client = await serve([{"name": "e", "reply": {"error": {"status": 429, "retry_after": 2}}}])
    response = await client.post("/v1/chat/completions", data=json.dumps(chat_body()), headers=AUTH)
    assert response.status == 429
    assert response.headers["retry-after"] == "2"
    assert response.headers["x-request-id"].startswith("req_")
    assert response.headers["openai-version"] == "2020-10-01"
