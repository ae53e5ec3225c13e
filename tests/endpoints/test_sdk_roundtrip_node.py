"""The official Node SDK (openai-node) fed its own output back through mockai: the chat stream
helper's `finalChatCompletion()` message, the `runTools` loop, and Responses output items from
`create` and `stream().finalResponse()` (tests/node/roundtrip.mjs).

The script records every exchange; here each request mockai journaled must be exactly the body
the SDK sent, and each reply (JSON or stream) must validate against the spec. The SDK is pinned
to 6.49.0, the newest release that runs on Node 20 (7.x needs Node 22), and installed on first
use with `npm ci` into tests/node/node_modules. Without node or npm the test is skipped, except
in CI (`CI=true`), where it fails.
"""

from __future__ import annotations

import base64
import json
import subprocess
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from node_packages import installed_node
from openapi import parse_sse, validate_chat_chunk, validate_response
from realtime_support import check
from responses_support import check_events

from mockai import speech

NODE_DIR = Path(__file__).resolve().parent.parent / "node"
SCENARIOS = [
    {
        "name": "call",
        "match": {"tool_result": False, "user": "weather"},
        "reply": {"tool_calls": [{"name": "get_weather", "arguments": {"city": "Boston"}}]},
    },
    {
        "name": "answer",
        "match": {"tool_result": True},
        "reply": {"content": "It is 20°C in Boston."},
    },
    {
        "name": "structured",
        "match": {"user": "as json"},
        "reply": {"content": '{"city": "Boston", "temp_c": 20}'},
    },
    {"name": "thanks", "match": {"user": "thanks"}, "reply": {"content": "You are welcome."}},
]


@pytest.fixture(scope="session")
def node() -> str:
    """The `node` binary, once tests/node's pinned packages are installed."""
    return installed_node(NODE_DIR)


def _check_reply(exchange: dict[str, Any]) -> None:
    path, text = urlsplit(exchange["url"]).path, exchange["received"]
    if not exchange["content_type"].startswith("text/event-stream"):
        validate_response(exchange["method"], path, exchange["status"], json.loads(text))
    elif path.endswith("/chat/completions"):
        *chunks, done = parse_sse(text)
        assert done == "[DONE]"
        for chunk in chunks:
            validate_chat_chunk(chunk)
    else:
        check_events(text)


def test_node_sdk_helpers_output_fed_back(mockai, node):
    mockai.add_scenario(SCENARIOS)
    run = subprocess.run(
        [node, "roundtrip.mjs", mockai.url, mockai.session],
        cwd=NODE_DIR,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    assert result["answers"] == {
        "chat_stream": "It is 20°C in Boston.",
        "run_tools": "It is 20°C in Boston.",
        "responses": "It is 20°C in Boston.",
        "responses_stream": "You are welcome.",
    }
    exchanges = result["exchanges"]
    for exchange in exchanges:
        _check_reply(exchange)
    journal = mockai.requests
    assert [e["status"] for e in journal] == [200] * len(exchanges)
    sent = [json.loads(e["sent"]) for e in exchanges]
    assert [e["body"] for e in journal] == sent

    # What the helpers put back, as the SDK sent it (and mockai accepted it).
    replayed = sent[1]["messages"][1]  # the stream helper's final message, appended as is
    assert (replayed["parsed"], replayed["refusal"]) == (None, None)
    assert replayed["tool_calls"][0]["function"]["parsed_arguments"] == {"city": "Boston"}
    reasoning, call = sent[5]["input"][1:3]  # Responses output items, fed back as is
    assert reasoning["type"] == "reasoning" and reasoning["encrypted_content"]
    assert (call["type"], call["status"]) == ("function_call", "completed")
    assert sent[7]["input"][0]["id"].startswith("msg_")


REALTIME = [
    {
        "name": "node-call",
        "match": {"endpoint": "realtime", "tool_result": False, "tools": ["get_weather"]},
        "reply": {"tool_calls": [{"name": "get_weather", "arguments": {"city": "Boston"}}]},
    },
    {
        "name": "node-rt",
        "match": {"endpoint": "realtime"},
        "reply": {"content": "Hi from Node, one two three.", "stream": {"chunk_ms": 30}},
    },
]


def _realtime(mockai, node: str, flow: str, *extra: str) -> list[dict[str, Any]]:
    """The server events the Node SDK's Realtime client received in `flow` (realtime.mjs),
    each validated against the description."""
    done = subprocess.run(
        [node, "realtime.mjs", mockai.url, mockai.session, flow, *extra],
        cwd=NODE_DIR,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    events = json.loads(done.stdout)
    for event in events:
        check(event)
    assert events[0]["type"] == "session.created" and events[-1]["type"] == "response.done"
    return events


def _said(events: list[dict[str, Any]], kind: str) -> str:
    return "".join(e["delta"] for e in events if e["type"] == kind)


def test_node_sdk_realtime_text_turn_and_cancel(mockai, node):
    mockai.add_scenario(REALTIME)
    events = _realtime(mockai, node, "text")
    assert _said(events, "response.output_text.delta") == "Hi from Node, one two three."
    assert events[-1]["response"]["status"] == "completed"
    cancelled = _realtime(mockai, node, "cancel")[-1]["response"]
    assert (cancelled["status"], cancelled["status_details"]["reason"]) == (
        "cancelled",
        "client_cancelled",
    )


def test_node_sdk_realtime_function_call_loop(mockai, node):
    mockai.add_scenario(REALTIME)
    events = _realtime(mockai, node, "tools")
    done = [e["response"] for e in events if e["type"] == "response.done"]
    assert [o["type"] for o in done[0]["output"]] == ["function_call"]
    assert done[0]["output"][0]["arguments"] == '{"city":"Boston"}'
    assert done[1]["status"] == "completed"
    assert done[1]["output"][0]["content"][0]["text"] == "Hi from Node, one two three."


@pytest.mark.mockai(realtime_audio_pace=0)
def test_node_sdk_realtime_audio_turn(mockai, node, tmp_path):
    """Real PCM appended; server VAD commits the turn and the spoken answer comes back."""
    mockai.add_scenario(REALTIME)
    pcm = speech.speak("Is the kitchen still open?", "verse", 5) + b"\x00\x00" * 24000
    (tmp_path / "turn.pcm").write_bytes(pcm)
    events = _realtime(mockai, node, "audio", str(tmp_path / "turn.pcm"))
    kinds = [e["type"] for e in events]
    assert kinds.index("input_audio_buffer.speech_stopped") < kinds.index("response.created")
    said = _said(events, "response.output_audio_transcript.delta")
    assert said == "Hi from Node, one two three."
    audio = b"".join(
        base64.b64decode(e["delta"]) for e in events if e["type"] == "response.output_audio.delta"
    )
    assert audio == speech.speak(said, "alloy", 0)
