"""Recording against a second mockai acting as the upstream (`mockai record`, and `serve
--proxy-unmatched --record`), then replaying the recorded folder with `mockai serve`: the same
stream payloads (ids and timestamps aside), the same chunk boundaries, delays within a
tolerance, the same error and headers, the same audio bytes, repeated prompts in order, and no
key in any written file."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import aiohttp
import pytest
import yaml
from serve_process import clean_env, mockai_serve

from mockai.recording.capture import Captured, EventSplitter
from mockai.recording.normalise import Placeholders

KEY = "sk-recording-secret-0123456789abcdef"
AUTH = {"Authorization": f"Bearer {KEY}"}
TOLERANCE_MS = 60  # generous: exact timing belongs in bench/

UPSTREAM = [
    {
        "name": "weather",
        "match": {"endpoint": "chat.completions", "user": "weather"},
        "reply": {
            "content": "Let me look that up.",
            "tool_calls": [{"name": "get_weather", "arguments": {"city": "Boston"}}],
            "stream": {"first_chunk_ms": 80, "chunk_ms": 40},
        },
    },
    {
        "name": "story",
        "match": {"endpoint": "responses", "user": "story"},
        "reply": {
            "content": "Once upon a time there was a mock.",
            "stream": {"first_chunk_ms": 60, "chunk_ms": 30},
        },
    },
    {
        "name": "limited",
        "match": {"endpoint": "chat.completions", "user": "limited"},
        "reply": {
            "error": {
                "status": 429,
                "type": "requests",
                "code": "rate_limit_exceeded",
                "message": "Slow down",
                "retry_after": 2,
            },
            "headers": {"x-ratelimit-remaining-requests": "0"},
        },
    },
    {
        "name": "twice",
        "match": {"endpoint": "chat.completions", "user": "same prompt"},
        "replies": [{"content": "first answer"}, {"content": "second answer"}],
    },
]
WEATHER = {
    "model": "gpt-4o",
    "stream": True,
    "messages": [{"role": "user", "content": "What is the weather in Boston?"}],
    "tools": [{"type": "function", "function": {"name": "get_weather", "parameters": {}}}],
}
STORY = {"model": "gpt-4o", "stream": True, "input": "Tell me a story"}
LIMITED = {"model": "gpt-4o", "messages": [{"role": "user", "content": "limited"}]}
SAME = {"model": "gpt-4o", "messages": [{"role": "user", "content": "same prompt"}]}
SPEECH = {"model": "tts-1", "input": "Hello there", "voice": "alloy"}


async def stream(root: str, path: str, body: dict[str, Any]) -> list[dict[str, Any]]:
    """The events of a streamed answer, each with its delay as the client saw it."""
    captured = Captured(200, [])
    splitter = EventSplitter(captured)
    async with aiohttp.ClientSession() as session:
        async with session.post(root + path, json=body, headers=AUTH) as response:
            assert response.status == 200, await response.text()
            started = time.perf_counter()
            async for chunk in response.content.iter_any():
                splitter.feed(chunk, (time.perf_counter() - started) * 1000)
    assert captured.events
    return captured.events


async def call(root: str, path: str, body: dict[str, Any]) -> tuple[int, dict[str, str], bytes]:
    async with aiohttp.ClientSession() as session:
        async with session.post(root + path, json=body, headers=AUTH) as response:
            headers = {k.lower(): v for k, v in response.headers.items()}
            return response.status, headers, await response.read()


def payloads(events: list[dict[str, Any]]) -> list[tuple[str | None, str]]:
    """The events' names and payloads, ids and timestamps made placeholders."""
    same = Placeholders()
    return [(e.get("event"), same(e["data"])) for e in events]


async def session_of_requests(root: str) -> dict[str, Any]:
    weather = await stream(root, "/v1/chat/completions", WEATHER)
    story = await stream(root, "/v1/responses", STORY)
    limited = await call(root, "/v1/chat/completions", LIMITED)
    first = await call(root, "/v1/chat/completions", SAME)
    second = await call(root, "/v1/chat/completions", SAME)
    speech = await call(root, "/v1/audio/speech", SPEECH)
    return {
        "weather": weather,
        "story": story,
        "limited": limited,
        "same": [json.loads(r[2])["choices"][0]["message"]["content"] for r in (first, second)],
        "speech": speech,
    }


def assert_close_delays(recorded: list[dict[str, Any]], replayed: list[dict[str, Any]]) -> None:
    for before, after in zip(recorded, replayed, strict=True):
        assert abs(before["after_ms"] - after["after_ms"]) <= TOLERANCE_MS, (before, after)


@pytest.fixture
def upstream(tmp_path: Path):
    scenarios = tmp_path / "upstream.yaml"
    scenarios.write_text(yaml.safe_dump(UPSTREAM))
    with mockai_serve("--port", "0", "--scenarios", str(scenarios), "--no-watch") as served:
        yield served.root


async def test_record_then_replay(upstream: str, tmp_path: Path) -> None:
    out = tmp_path / "recorded"
    with mockai_serve(
        "--port", "0", "--upstream", upstream, "--out", str(out), command="record"
    ) as proxy:
        recorded = await session_of_requests(proxy.root)
    files = sorted(out.glob("*.yaml"))
    assert [f.name for f in files] == ["recording.yaml"]
    text = files[0].read_text()
    assert KEY not in text and "Bearer" not in text
    assert "chatcmpl-@1" in text and "@time" in text  # normalised, not churned
    scenarios = yaml.safe_load(text)
    same = next(s for s in scenarios if s["match"].get("user") == "same prompt")
    assert len(same["replies"]) == 2  # a sequence, not a collision

    with mockai_serve("--port", "0", "--scenarios", str(out), "--no-watch", "--strict") as replay:
        replayed = await session_of_requests(replay.root)

    for name in ("weather", "story"):
        assert payloads(replayed[name]) == payloads(recorded[name]), name
        assert_close_delays(recorded[name], replayed[name])
    assert any("tool_calls" in e["data"] for e in replayed["weather"])
    assert replayed["weather"][0]["data"] != recorded["weather"][0]["data"]  # fresh ids
    status, headers, body = replayed["limited"]
    assert status == 429 == recorded["limited"][0]
    assert headers["retry-after"] == recorded["limited"][1]["retry-after"] == "2"
    assert headers["x-ratelimit-remaining-requests"] == "0"
    assert json.loads(body)["error"] == json.loads(recorded["limited"][2])["error"]
    assert replayed["same"] == recorded["same"] == ["first answer", "second answer"]
    assert replayed["speech"][0] == 200
    assert replayed["speech"][2] == recorded["speech"][2] and len(recorded["speech"][2]) > 100
    assert replayed["speech"][1]["content-type"] == recorded["speech"][1]["content-type"]


async def test_replay_speed_zero_sends_at_once(upstream: str, tmp_path: Path) -> None:
    out = tmp_path / "recorded"
    with mockai_serve(
        "--port", "0", "--upstream", upstream, "--out", str(out), command="record"
    ) as proxy:
        recorded = await stream(proxy.root, "/v1/chat/completions", WEATHER)
    assert sum(e["after_ms"] for e in recorded) > 200
    with mockai_serve(
        "--port", "0", "--scenarios", str(out), "--no-watch", "--replay-speed", "0"
    ) as replay:
        replayed = await stream(replay.root, "/v1/chat/completions", WEATHER)
    assert payloads(replayed) == payloads(recorded)
    assert sum(e["after_ms"] for e in replayed) < 100


async def test_proxy_unmatched_records_what_no_scenario_answers(
    upstream: str, tmp_path: Path
) -> None:
    local = tmp_path / "local.yaml"
    local.write_text(
        yaml.safe_dump(
            [{"name": "local", "match": {"user": "local"}, "reply": {"content": "here"}}]
        )
    )
    out = tmp_path / "recorded"
    with mockai_serve(
        "--port", "0", "--scenarios", str(local), "--no-watch",
        "--proxy-unmatched", upstream, "--record", str(out),
    ) as served:  # fmt: skip
        mine = await call(served.root, "/v1/chat/completions", {**SAME, "messages": [
            {"role": "user", "content": "local"}]})  # fmt: skip
        theirs = await call(served.root, "/v1/chat/completions", SAME)
        streamed = await stream(served.root, "/v1/chat/completions", WEATHER)
        await asyncio.sleep(0.1)
    assert json.loads(mine[2])["choices"][0]["message"]["content"] == "here"
    assert json.loads(theirs[2])["choices"][0]["message"]["content"] == "first answer"
    assert any("get_weather" in e["data"] for e in streamed)
    scenarios = yaml.safe_load((out / "recording.yaml").read_text())
    users = [s["match"].get("user") for s in scenarios]
    assert users == ["same prompt", "What is the weather in Boston?"]
    assert KEY not in (out / "recording.yaml").read_text()


@pytest.mark.parametrize(
    ("step", "problem"),
    [
        ("events: [{data: x}]\n    content: hi", "the whole answer"),
        ("events: [{data: x, after_ms: -1}]", "greater than or equal to 0"),
        ("body_base64: '***'", "not base64"),
        ("events: [{data: x}]\n    body: {}", "one literal answer"),
    ],
)
def test_recorded_literals_are_checked_at_load_time(step: str, problem: str) -> None:
    from mockai.endpoints import endpoint_names
    from mockai.scenarios import ScenarioProblems, load_text

    text = f"- name: recorded\n  reply:\n    {step}\n"
    with pytest.raises(ScenarioProblems) as raised:
        load_text(text, "recorded.yaml", endpoint_names())
    assert any(p.startswith("recorded.yaml:") and problem in p for p in raised.value.problems), (
        raised.value.problems
    )


async def test_record_reads_its_flags_from_the_environment(upstream: str, tmp_path: Path) -> None:
    """Every `mockai record` flag has its MOCKAI_<FLAG> variable, as `mockai serve`'s do."""
    out = tmp_path / "from-env"
    env = clean_env(
        MOCKAI_UPSTREAM=upstream,
        MOCKAI_OUT=str(out),
        MOCKAI_PORT="0",
        MOCKAI_REDACT="first,second",
        MOCKAI_KEEP_IDS="yes",
    )
    with mockai_serve(env=env, command="record") as proxy:
        await session_of_requests(proxy.root)
    text = (out / "recording.yaml").read_text()
    assert "first answer" not in text and "[redacted] answer" in text
    assert "chatcmpl-@1" not in text  # ids kept as they came


@pytest.mark.parametrize(
    ("variables", "message"),
    [
        ({}, "mockai: --upstream (or MOCKAI_UPSTREAM) is required"),
        ({"MOCKAI_UPSTREAM": "http://x"}, "mockai: --out (or MOCKAI_OUT) is required"),
        (
            {"MOCKAI_UPSTREAM": "http://x", "MOCKAI_OUT": "o", "MOCKAI_KEEP_IDS": "maybe"},
            "mockai: MOCKAI_KEEP_IDS: 'maybe' is not a yes/no value",
        ),
    ],
)
def test_record_refuses_a_missing_or_bad_setting_in_one_line(variables, message) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "mockai", "record"],
        env=clean_env(**variables),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert done.stderr.startswith(message) and done.stderr.count("\n") == 1


async def _realtime_turn(root: str, text: str) -> list[dict[str, Any]]:
    """A text turn over the Realtime socket at `root`: the events from session.created to the
    rate_limits.updated after response.done."""
    url = root.replace("http", "ws", 1) + "/v1/realtime?model=gpt-realtime"
    async with aiohttp.ClientSession() as http:
        async with http.ws_connect(url, headers={"Authorization": f"Bearer {KEY}"}) as ws:
            events = [json.loads((await ws.receive(timeout=10)).data)]
            text_only = {"type": "realtime", "output_modalities": ["text"]}
            await ws.send_json({"type": "session.update", "session": text_only})
            item = {
                "type": "message",
                "role": "user",
                "content": [{"type": "input_text", "text": text}],
            }
            await ws.send_json({"type": "conversation.item.create", "item": item})
            await ws.send_json({"type": "response.create"})
            while events[-1]["type"] != "rate_limits.updated":
                events.append(json.loads((await ws.receive(timeout=10)).data))
    return events


def _said(events: list[dict[str, Any]]) -> str:
    return "".join(e["delta"] for e in events if e["type"] == "response.output_text.delta")


async def test_a_realtime_session_is_forwarded_recorded_and_replayed(
    upstream: str, tmp_path: Path
) -> None:
    """The Realtime socket through `mockai record`: frames go both ways as they come (the
    upstream's own close, the beta refusal's 4000, included), and each response is written
    as an `events:` step matched on the user's text; `mockai serve` replays it."""
    out = tmp_path / "ws"
    with mockai_serve(
        "--port", "0", "--upstream", upstream, "--out", str(out), command="record"
    ) as proxy:
        recorded = await _realtime_turn(proxy.root, "What is the soup today?")
        url = proxy.root.replace("http", "ws", 1) + "/v1/realtime?model=gpt-realtime"
        headers = {"Authorization": f"Bearer {KEY}"}
        async with aiohttp.ClientSession() as http:
            beta = {**headers, "OpenAI-Beta": "realtime=v1"}
            async with http.ws_connect(url, headers=beta) as ws:
                refusal = json.loads((await ws.receive(timeout=10)).data)
                assert refusal["error"]["code"] == "beta_api_shape_disabled"
                closing = await ws.receive(timeout=10)
                assert closing.type == aiohttp.WSMsgType.CLOSE and ws.close_code == 4000
    assert _said(recorded) and recorded[0]["type"] == "session.created"
    text = (out / "recording.yaml").read_text()
    assert KEY not in text
    (scenario,) = yaml.safe_load(text)
    assert scenario["match"]["endpoint"] == "realtime"
    assert scenario["match"]["user"] == "What is the soup today?"
    with mockai_serve("--port", "0", "--scenarios", str(out), "--no-watch", "--strict") as replay:
        replayed = await _realtime_turn(replay.root, "What is the soup today?")
    assert _said(replayed) == _said(recorded)
    kinds = [e["type"] for e in replayed]
    assert kinds == [e["type"] for e in recorded]
    response_ids = {e["response"]["id"] for e in replayed if e["type"] == "response.done"}
    assert response_ids != {e["response"]["id"] for e in recorded if e["type"] == "response.done"}
