"""The example scenarios in ./scenarios load, and each behaves as its comments say."""

from __future__ import annotations

import json
import math
import time
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from helpers import AUTH, api_json, chat_body, post_chat, sse
from openapi import parse_sse, parse_sse_events, validate_schema

from mockai.config import Settings
from mockai.endpoints import endpoint_names
from mockai.scenarios import load
from mockai.server.app import create_app

SCENARIOS = Path(__file__).resolve().parents[1] / "scenarios"
TESTED = {
    "capital-of-france",
    "echo",
    "weather-call",
    "weather-answer",
    "flaky",
    "slow-stream",
    "cut-stream",
    "rate-limited",
    "no-quota",
    "once-upon-a-time",
    "responses-weather-call",
    "responses-weather-answer",
    "responses-web-search",
    "fails-mid-stream",
    "chaotic",
    "throttled",
    "connection-reset",
    "garbled-stream",
    "stalled-stream",
    "fatal-error",
}
WEATHER_TOOL = {
    "type": "function",
    "function": {
        "name": "get_weather",
        "description": "Current weather in a city",
        "parameters": {
            "type": "object",
            "properties": {"city": {"type": "string"}, "unit": {"type": "string"}},
            "required": ["city"],
        },
    },
}


@pytest.fixture
async def client(aiohttp_client):
    app = create_app(
        Settings(port=0, watch=False, quiet=True, scenarios=[str(SCENARIOS)]),
        load([SCENARIOS], endpoint_names()),
    )
    return await aiohttp_client(app)


def session(name: str) -> dict[str, str]:
    return {"X-Mockai-Session": name}


async def content_of(response) -> str:
    body = await api_json(response)
    assert response.status == 200, body
    return body["choices"][0]["message"]["content"]


@pytest.mark.parametrize("path", sorted(SCENARIOS.glob("*.y*ml")), ids=lambda p: p.name)
def test_each_file_loads(path: Path):
    assert load([path], endpoint_names())


def test_every_bundled_scenario_has_a_test_here():
    assert {s.name for s in load([SCENARIOS], endpoint_names())} == TESTED


async def test_plain_reply(client):
    response = await post_chat(
        client, chat_body("What is the capital of France?", model="gpt-4o-mini")
    )
    assert await content_of(response) == "The capital of France is Paris."
    response = await post_chat(client, chat_body("capital of FRANCE", model="gpt-4.1"))
    assert await content_of(response) == "The capital of France is Paris."  # whatever the model


async def test_echo_template(client):
    response = await post_chat(client, chat_body("echo:   hello there  ", model="gpt-4o-mini"))
    assert await content_of(response) == "gpt-4o-mini heard: hello there"
    response = await post_chat(client, chat_body("please echo: this"))  # regex anchored at start
    assert await content_of(response) != "gpt-4o heard: this"


async def test_tool_call_loop_two_turns(client):
    messages: list[dict[str, Any]] = [{"role": "user", "content": "What's the weather in Boston?"}]
    response = await post_chat(
        client, {"model": "gpt-4o", "messages": messages, "tools": [WEATHER_TOOL]}
    )
    body = await api_json(response)
    choice = body["choices"][0]
    assert choice["finish_reason"] == "tool_calls"
    [call] = choice["message"]["tool_calls"]
    assert call["function"]["name"] == "get_weather"
    assert json.loads(call["function"]["arguments"]) == {"city": "Boston", "unit": "celsius"}

    assistant = {k: choice["message"][k] for k in ("role", "content", "tool_calls")}
    messages += [
        assistant,
        {
            "role": "tool",
            "tool_call_id": call["id"],
            "content": json.dumps({"temp_c": 20, "sky": "sunny"}),
        },
    ]
    response = await post_chat(
        client, {"model": "gpt-4o", "messages": messages, "tools": [WEATHER_TOOL]}
    )
    body = await api_json(response)
    assert body["choices"][0]["finish_reason"] == "stop"
    assert body["choices"][0]["message"]["content"] == "It is 20°C and sunny in Boston."


def test_tool_call_loop_with_the_sdk(mockai):
    mockai.add_scenario((SCENARIOS / "tool-call-loop.yaml").read_text())
    client = mockai.client(max_retries=0)
    messages: list[Any] = [{"role": "user", "content": "What's the weather in Boston?"}]
    first = client.chat.completions.create(model="gpt-4o", messages=messages, tools=[WEATHER_TOOL])
    message = first.choices[0].message
    messages += [
        message,
        {"role": "tool", "tool_call_id": message.tool_calls[0].id, "content": '{"temp_c": 20}'},
    ]
    second = client.chat.completions.create(model="gpt-4o", messages=messages, tools=[WEATHER_TOOL])
    assert second.choices[0].message.content == "It is 20°C and sunny in Boston."


async def test_tool_call_loop_needs_the_tool_offered(client):
    response = await post_chat(client, chat_body("What's the weather in Boston?"))
    body = await api_json(response)
    assert not body["choices"][0]["message"].get("tool_calls")


async def test_flaky_503_503_then_success(client):
    statuses = []
    for _ in range(4):
        response = await post_chat(client, chat_body("this is flaky"), headers=session("f"))
        body = await api_json(response)
        statuses.append(response.status)
        if response.status == 503:
            assert body["error"]["type"] == "server_error"
            assert response.headers["x-request-id"] in body["error"]["message"]
        else:
            assert body["choices"][0]["message"]["content"] == "Third time lucky."
    assert statuses == [503, 503, 200, 200]
    # Another session starts from the first failure.
    response = await post_chat(client, chat_body("flaky"), headers=session("g"))
    assert response.status == 503


def test_flaky_with_the_sdk_retrying(mockai):
    """As the comment says: an official SDK with max_retries >= 2 gets the answer."""
    mockai.add_scenario((SCENARIOS / "flaky.yaml").read_text())
    client = mockai.client(max_retries=2)
    completion = client.chat.completions.create(
        model="gpt-4o", messages=[{"role": "user", "content": "flaky please"}]
    )
    assert completion.choices[0].message.content == "Third time lucky."
    assert [(e["status"], e["step"]) for e in mockai.requests] == [(503, 0), (503, 1), (200, 2)]


async def test_slow_stream(client):
    start = time.monotonic()
    response = await post_chat(client, chat_body("slow please", stream=True))
    assert response.status == 200
    arrivals: list[float] = []
    pieces: list[str] = []
    async for line in response.content:
        text = line.decode().strip()
        if text.startswith("data: {"):
            chunk = json.loads(text[6:])
            delta = chunk["choices"][0]["delta"] if chunk["choices"] else {}
            if delta.get("content"):
                arrivals.append(time.monotonic() - start)
                pieces.append(delta["content"])
    text = "".join(pieces)
    assert text == "This answer trickles out a couple of tokens at a time, after a long first wait."
    assert arrivals[0] >= 0.7  # first_chunk_ms: 800
    # two tokens a chunk, ~50 ms apart: the whole stream takes at least (chunks - 1) * 40 ms more
    assert arrivals[-1] - arrivals[0] >= (len(pieces) - 1) * 0.035
    assert len(pieces) <= math.ceil(len(text.split()) * 2 / 2) + 2  # grouped, not one per token
    assert all(len(p) > 0 for p in pieces)


async def test_slow_stream_events_are_valid(client):
    events = await sse(await post_chat(client, chat_body("slow", stream=True)))
    assert events[-1] == "[DONE]"


async def test_cut_stream(client):
    response = await post_chat(client, chat_body("cut me off", stream=True))
    assert response.status == 200
    frames: list[str] = []
    with pytest.raises(aiohttp.ClientPayloadError):
        async for line in response.content:
            if line.startswith(b"data: "):
                frames.append(line.decode().strip())
    assert len(frames) == 4
    assert "data: [DONE]" not in frames
    text = "".join((json.loads(f[6:])["choices"][0]["delta"].get("content") or "") for f in frames)
    assert "end of this sentence" not in text


async def test_rate_limited_then_success(client):
    response = await post_chat(client, chat_body("rate limit me"), headers=session("r"))
    body = await api_json(response)
    assert response.status == 429
    assert body["error"]["type"] == "requests"
    assert body["error"]["code"] == "rate_limit_exceeded"
    assert body["error"]["message"].startswith("Rate limit reached for gpt-4o")
    assert response.headers["retry-after"] == "1"
    assert response.headers["retry-after-ms"] == "1000"
    assert response.headers["x-ratelimit-remaining-requests"] == "0"
    response = await post_chat(client, chat_body("rate limit me"), headers=session("r"))
    assert await content_of(response) == "Back under the limit."
    assert response.headers["x-ratelimit-remaining-requests"] != "0"


async def test_no_quota_never_recovers(client):
    for _ in range(3):
        response = await post_chat(client, chat_body("no quota left?"), headers=session("q"))
        body = await api_json(response)
        assert response.status == 429
        assert body["error"]["type"] == "insufficient_quota"
        assert body["error"]["code"] == "insufficient_quota"
        assert "exceeded your current quota" in body["error"]["message"]
        assert "retry-after" not in response.headers


def test_rate_limited_with_the_sdk(mockai):
    """The SDK honours retry-after: with one retry it waits about a second and succeeds."""
    mockai.add_scenario((SCENARIOS / "rate-limited.yaml").read_text())
    start = time.monotonic()
    completion = mockai.client(max_retries=1).chat.completions.create(
        model="gpt-4o", messages=[{"role": "user", "content": "rate limit"}]
    )
    assert completion.choices[0].message.content == "Back under the limit."
    assert time.monotonic() - start >= 0.8
    import openai

    with pytest.raises(openai.RateLimitError) as caught:
        mockai.client(max_retries=0).chat.completions.create(
            model="gpt-4o", messages=[{"role": "user", "content": "no quota"}]
        )
    assert caught.value.code == "insufficient_quota"


async def test_bundled_scenarios_over_the_gateway_prefix(client):
    response = await client.post(
        "/api/openai/v1/chat/completions",
        headers=AUTH,
        data=json.dumps(chat_body("capital of france")),
    )
    assert (await api_json(response))["choices"][0]["message"][
        "content"
    ] == "The capital of France is Paris."


async def test_legacy_completion_as_the_comment_says(client):
    async def complete(**extra: Any) -> dict[str, Any]:
        response = await client.post(
            "/v1/completions",
            headers=AUTH,
            data=json.dumps(
                {"model": "gpt-3.5-turbo-instruct", "prompt": "Once upon a time", **extra}
            ),
        )
        body = await api_json(response)
        assert response.status == 200, body
        return body["choices"][0]

    full = await complete(max_tokens=64)
    assert full["text"] == (
        ", in a kingdom by the sea, there lived a lighthouse keeper who "
        "counted every wave that broke on his rocks."
    )
    assert full["finish_reason"] == "stop"
    cut = await complete()
    assert (cut["text"], cut["finish_reason"]) == (
        ", in a kingdom by the sea, there lived a lighthouse keeper who counted",
        "length",
    )
    response = await post_chat(client, chat_body("Once upon a time"))  # completions only
    assert not (await content_of(response)).startswith(", in a kingdom")


RESPONSES_WEATHER_TOOL = {
    "type": "function",
    "name": "get_weather",
    "parameters": {"type": "object", "properties": {"city": {"type": "string"}}},
}


async def _respond(client, **body: Any) -> dict[str, Any]:
    response = await client.post("/v1/responses", headers=AUTH, data=json.dumps(body))
    data = await api_json(response)
    assert response.status == 200, data
    return data


async def test_responses_tool_loop_as_the_comment_says(client):
    first = await _respond(
        client,
        model="o3",
        input="What is the weather in Boston?",
        tools=[RESPONSES_WEATHER_TOOL],
        reasoning={"summary": "auto"},
    )
    reasoning, call = first["output"]
    assert reasoning["summary"][0]["text"].startswith("The user wants the weather")
    assert (call["type"], call["name"], json.loads(call["arguments"])) == (
        "function_call",
        "get_weather",
        {"city": "Boston"},
    )
    second = await _respond(
        client,
        model="o3",
        previous_response_id=first["id"],
        tools=[RESPONSES_WEATHER_TOOL],
        input=[
            {
                "type": "function_call_output",
                "call_id": call["call_id"],
                "output": json.dumps({"temp_c": 20}),
            }
        ],
    )
    assert second["output"][-1]["content"][0]["text"] == "It is 20°C and sunny in Boston."
    assert second["usage"]["input_tokens"] > first["usage"]["input_tokens"]


async def test_responses_web_search_as_the_comment_says(client):
    response = await client.post(
        "/v1/responses",
        headers=AUTH,
        data=json.dumps(
            {
                "model": "gpt-4o",
                "input": "Any space news?",
                "tools": [{"type": "web_search"}],
                "stream": True,
            }
        ),
    )
    events = parse_sse_events(await response.text())
    for _, data in events:
        validate_schema("ResponseStreamEvent", data)
    names = [name for name, _ in events]
    assert names.index("response.web_search_call.searching") < names.index(
        "response.output_text.delta"
    )
    final = events[-1][1]["response"]
    assert [item["type"] for item in final["output"]] == ["web_search_call", "message"]
    assert final["output"][0]["action"]["query"] == "latest space news"


async def test_fails_mid_stream_as_the_comment_says(client):
    events = parse_sse(
        await (await post_chat(client, chat_body("fail midway please", stream=True))).text()
    )
    assert [e for e in events if isinstance(e, dict) and "error" in e][0]["error"][
        "type"
    ] == "server_error"
    assert len(events) == 7  # five chunks, the error, [DONE]
    response = await client.post(
        "/v1/responses",
        headers=AUTH,
        data=json.dumps({"model": "gpt-4o", "input": "fail midway", "stream": True}),
    )
    assert parse_sse_events(await response.text())[-1][0] == "response.failed"
    assert (await post_chat(client, chat_body("fail midway"))).status == 500


async def test_chaotic_fails_about_a_third_and_retries_get_the_answer(client):
    statuses = []
    for _ in range(60):
        try:
            response = await post_chat(
                client, chat_body("simulate chaos"), headers=session("chaotic")
            )
            statuses.append(response.status)
            await response.read()
        except aiohttp.ClientError:
            statuses.append(None)  # the reset
    failed = sum(1 for s in statuses if s != 200)
    assert 8 <= failed <= 30, statuses
    assert {429, 503, None} <= set(statuses)


async def test_throttled_allows_two_a_minute(client):
    statuses = [
        (await post_chat(client, chat_body("simulate throttling"))).status for _ in range(3)
    ]
    assert statuses == [200, 200, 429]


async def test_connection_reset_then_answer(client):
    with pytest.raises(aiohttp.ClientError):
        await post_chat(client, chat_body("simulate connection reset"), headers=session("reset"))
    response = await post_chat(
        client, chat_body("simulate connection reset"), headers=session("reset")
    )
    assert await content_of(response) == "Reconnected."


async def test_garbled_stream_breaks_on_its_third_chunk(client):
    response = await post_chat(client, chat_body("simulate garbled stream", stream=True))
    frames = [f for f in (await response.text()).split("\n\n") if f]
    json.loads(frames[1].removeprefix("data: "))
    with pytest.raises(json.JSONDecodeError):
        json.loads(frames[2].removeprefix("data: "))


async def test_stalled_stream_pauses_after_two_chunks(client):
    response = await post_chat(client, chat_body("simulate stalled stream", stream=True))
    await response.content.readuntil(b"\n\n")
    await response.content.readuntil(b"\n\n")
    started = time.monotonic()
    await response.content.readuntil(b"\n\n")
    assert time.monotonic() - started >= 1.8
    assert (await response.text()).rstrip().endswith("[DONE]")


async def test_fatal_error_tells_clients_not_to_retry(client):
    response = await post_chat(client, chat_body("simulate fatal error"))
    assert response.status == 500 and response.headers["x-should-retry"] == "false"
    assert (await api_json(response))["error"]["type"] == "server_error"
