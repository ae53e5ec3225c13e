"""The Realtime WebSocket (`GET /v1/realtime?model=...` upgraded): raw aiohttp clients for the
order of events and their ids, errors and faults; the official Python SDK's
`client.realtime.connect()` for a text turn, a function-call loop, a cancelled response and bad
events. Every server event is validated against its `RealtimeServerEvent` schema."""

from __future__ import annotations

import json

import aiohttp
import pytest
from realtime_support import check, connect, receive, text_item, until

from mockai.scenarios.loader import parse

HELLO = [{"name": "hi", "match": {"endpoint": "realtime"}, "reply": {"content": "Hello there."}}]
TEXT_ONLY = {
    "type": "session.update",
    "session": {"type": "realtime", "output_modalities": ["text"]},
}


async def test_a_text_turn_in_the_real_order_with_ids(serve):
    client = await serve(HELLO)
    ws = await connect(client)
    assert (await receive(ws))["type"] == "session.created"
    await ws.send_json({**TEXT_ONLY, "event_id": "evt_1"})
    assert (await receive(ws))["session"]["output_modalities"] == ["text"]
    await ws.send_json({"type": "conversation.item.create", "item": text_item("hi")})
    added, done = await until(ws, "conversation.item.done")
    assert added["item"]["id"] == done["item"]["id"] and added["previous_item_id"] is None
    await ws.send_json({"type": "response.create", "response": {"metadata": {"turn": "1"}}})
    events = await until(ws, "response.done")
    assert [e["type"] for e in events] == [
        "response.created",
        "response.output_item.added",
        "conversation.item.added",
        "response.content_part.added",
        "response.output_text.delta",
        "response.output_text.delta",
        "response.output_text.delta",
        "response.output_text.done",
        "response.content_part.done",
        "response.output_item.done",
        "conversation.item.done",
        "response.done",
    ]
    assert (await receive(ws))["type"] == "rate_limits.updated"
    ids = [e["event_id"] for e in events]
    assert len(set(ids)) == len(ids) and all(i.startswith("event_") for i in ids)
    response = events[-1]["response"]
    assert response["status"] == "completed" and response["metadata"] == {"turn": "1"}
    assert response["output"][0]["content"] == [{"type": "output_text", "text": "Hello there."}]
    assert events[2]["previous_item_id"] == added["item"]["id"]
    usage = response["usage"]
    assert usage["output_tokens"] == 3 and usage["total_tokens"] == usage["input_tokens"] + 3
    await ws.close()
    journal = await (await client.get("/_mockai/requests")).json()
    (entry,) = journal["data"]
    assert entry["status"] == 101 and entry["scenario"] == "hi"
    sides = [(e["from"], e["event"]["type"]) for e in entry["body"]["events"]]
    times = [e["t_ms"] for e in entry["body"]["events"]]  # since the upgrade: a timeline
    assert times == sorted(times) and 0 < times[0] and times[-1] <= entry["duration_ms"]
    assert sides[:3] == [
        ("server", "session.created"),
        ("client", "session.update"),
        ("server", "session.updated"),
    ]
    metrics = await (await client.get("/_mockai/metrics")).text()
    assert 'mockai_websocket_sessions_total{endpoint="/v1/realtime",type="realtime"} 1' in metrics
    assert (
        'mockai_websocket_events_total{endpoint="/v1/realtime",side="client",'
        'type="response.create"} 1'
    ) in metrics


async def test_audio_output_has_a_transcript_and_its_audio(serve):
    client = await serve(HELLO, seed=1)
    ws = await connect(client, headers={}, model="gpt-realtime-mini")
    await receive(ws)
    await ws.send_json({"type": "response.create", "response": {"conversation": "none"}})
    events = await until(ws, "response.done")
    kinds = [e["type"] for e in events]
    assert "conversation.item.added" not in kinds  # out of band
    assert "conversation_id" not in events[-1]["response"]
    transcript = "".join(
        e["delta"] for e in events if e["type"] == "response.output_audio_transcript.delta"
    )
    assert transcript == "Hello there."
    audio = [e for e in events if e["type"] == "response.output_audio.delta"]
    assert audio and kinds.index("response.output_audio.done") < kinds.index(
        "response.output_audio_transcript.done"
    )
    details = events[-1]["response"]["usage"]["output_token_details"]
    assert details["audio_tokens"] > 0 and details["text_tokens"] == 3


async def test_bad_events_get_the_error_event_and_the_session_goes_on(serve):
    client = await serve(HELLO)
    ws = await connect(client)
    await receive(ws)
    cases = [
        ({"type": "session.nope", "event_id": "e1"}, "invalid_value", "type"),
        ({"type": "session.update", "event_id": "e2", "session": {"voice": "x"}}, None, None),
        (
            {"type": "conversation.item.delete", "event_id": "e3", "item_id": "item_x"},
            "item_not_found",
            "item_id",
        ),
        ({"type": "response.cancel", "event_id": "e4"}, "response_cancel_not_active", None),
        (
            {"type": "input_audio_buffer.commit", "event_id": "e5"},
            "input_audio_buffer_commit_empty",
            None,
        ),
    ]
    for sent, code, param in cases:
        await ws.send_json(sent)
        error = (await receive(ws))["error"]
        assert error["event_id"] == sent["event_id"]
        if code is not None:
            assert (error["code"], error["param"]) == (code, param)
    assert error["message"].startswith("Error committing input audio buffer: buffer too small.")
    await ws.send_str("not json")
    assert (await receive(ws))["error"]["event_id"] is None
    await ws.send_json({"type": "session.update", "session": {"voice": "x"}, "event_id": "e6"})
    error = (await receive(ws))["error"]
    assert error["code"] == "missing_required_parameter" and error["param"] == "session.type"
    await ws.send_json(TEXT_ONLY)
    assert (await receive(ws))["type"] == "session.updated"  # still going


async def test_audio_in_the_buffer_becomes_a_user_item(serve):
    client = await serve(HELLO)
    ws = await connect(client)
    await receive(ws)
    second = "AAAA" * 12_000  # 36,000 bytes: 750 ms of PCM at 24 kHz
    await ws.send_json({"type": "input_audio_buffer.append", "audio": second})
    await ws.send_json({"type": "input_audio_buffer.commit"})
    committed, added, done = await until(ws, "conversation.item.done")
    assert committed["type"] == "input_audio_buffer.committed"
    assert added["item"]["id"] == committed["item_id"] == done["item"]["id"]
    await ws.send_json({"type": "input_audio_buffer.clear"})
    assert (await receive(ws))["type"] == "input_audio_buffer.cleared"
    await ws.send_json({"type": "conversation.item.retrieve", "item_id": committed["item_id"]})
    assert (await receive(ws))["item"]["content"] == [{"type": "input_audio"}]
    await ws.send_json({"type": "response.create", "response": {"output_modalities": ["text"]}})
    usage = (await until(ws, "response.done"))[-1]["response"]["usage"]
    assert usage["input_token_details"]["audio_tokens"] == 8


async def test_a_beta_client_gets_the_real_refusal(serve):
    client = await serve()
    ws = await connect(client, headers={"OpenAI-Beta": "realtime=v1"})
    event = await receive(ws)
    assert event["error"]["code"] == "beta_api_shape_disabled"
    message = await ws.receive(timeout=5)
    assert message.type == aiohttp.WSMsgType.CLOSE and message.data == 4000
    assert message.extra == "invalid_request_error.beta_api_shape_disabled"


async def test_a_chat_model_is_refused_and_the_gateway_prefix_answers(serve):
    client = await serve()
    ws = await client.ws_connect(
        "/api/openai/v1/realtime?model=gpt-4o", headers={"Authorization": "Bearer sk-a"}
    )
    assert (await receive(ws))["type"] == "error"
    assert (await ws.receive(timeout=5)).data == 4000
    response = await client.get("/v1/realtime?model=gpt-realtime")
    assert response.status == 401


@pytest.mark.parametrize(
    ("socket", "expect"),
    [({"close_after_events": 3, "close_code": 4010, "close_reason": "bye"}, (4010, "bye"))],
)
async def test_a_socket_fault_closes_with_its_code(serve, socket, expect):
    client = await serve([{**HELLO[0], "reply": {"content": "Hello there.", "socket": socket}}])
    ws = await connect(client)
    await receive(ws)
    await ws.send_json({"type": "response.create"})
    kinds = [(await receive(ws))["type"] for _ in range(3)]
    assert kinds[0] == "response.created"
    message = await ws.receive(timeout=5)
    assert (message.data, message.extra) == expect


async def test_a_malformed_frame(serve):
    socket = {"malformed_event_at": 1}
    client = await serve([{**HELLO[0], "reply": {"content": "Hi.", "socket": socket}}])
    ws = await connect(client)
    await receive(ws)
    await ws.send_json({"type": "response.create"})
    await receive(ws)
    with pytest.raises(json.JSONDecodeError):
        json.loads((await ws.receive(timeout=5)).data)


def test_socket_faults_are_checked_where_they_are_written():
    text = """
- name: bad
  reply:
    content: hi
    socket:
      close_code: 1005
- name: worse
  reply:
    socket: {stall_ms: 10}
"""
    _, problems = parse(text, "s.yaml")
    shown = [str(p) for p in problems]
    assert any(p.startswith("s.yaml:6:") and "1005 cannot be sent" in p for p in shown), shown
    assert any(p.startswith("s.yaml:9:") and "`stall_ms` goes with" in p for p in shown), shown


# -- the official Python SDK ---------------------------------------------------------------
TOOL = {
    "type": "function",
    "name": "get_weather",
    "parameters": {"type": "object", "properties": {"city": {"type": "string"}}},
}
LOOP = [
    {
        "name": "call",
        "match": {"endpoint": "realtime", "tool_result": False},
        "reply": {"tool_calls": [{"name": "get_weather", "arguments": {"city": "Boston"}}]},
    },
    {
        "name": "answer",
        "match": {"endpoint": "realtime", "tool_result": True},
        "reply": {"content": "It is 20°C in Boston."},
    },
]


async def _turn(connection) -> list:
    events = []
    async for event in connection:
        check(event.model_dump(mode="json", exclude_unset=True))
        events.append(event)
        if event.type == "response.done":
            return events
    raise AssertionError("closed before response.done")


async def test_sdk_text_turn(mockai):
    mockai.add_scenario(HELLO)
    async with mockai.async_client() as client:
        async with client.realtime.connect(model="gpt-realtime") as connection:
            await connection.session.update(
                session={"type": "realtime", "output_modalities": ["text"]}
            )
            await connection.conversation.item.create(item=text_item("hi"))
            await connection.response.create()
            events = await _turn(connection)
    text = "".join(e.delta for e in events if e.type == "response.output_text.delta")
    assert text == "Hello there."
    assert events[-1].response.status == "completed"
    assert mockai.realtime_url.startswith("ws://") and mockai.realtime_url.endswith("/v1/realtime")


async def test_sdk_function_call_loop(mockai):
    mockai.add_scenario(LOOP)
    async with mockai.async_client() as client:
        async with client.realtime.connect(model="gpt-realtime") as connection:
            await connection.session.update(
                session={"type": "realtime", "output_modalities": ["text"], "tools": [TOOL]}
            )
            await connection.conversation.item.create(item=text_item("weather in Boston?"))
            await connection.response.create()
            first = await _turn(connection)
            call = first[-1].response.output[0]
            assert (call.type, call.name, call.arguments) == (
                "function_call",
                "get_weather",
                '{"city":"Boston"}',
            )
            await connection.conversation.item.create(
                item={"type": "function_call_output", "call_id": call.call_id, "output": "20°C"}
            )
            await connection.response.create()
            second = await _turn(connection)
    assert second[-1].response.output[0].content[0].text == "It is 20°C in Boston."
    assert [e.type for e in first].count("response.function_call_arguments.done") == 1


async def test_sdk_cancel_mid_stream(mockai):
    mockai.add_scenario(
        {
            **HELLO[0],
            "reply": {"content": "one two three four five six", "stream": {"chunk_ms": 50}},
        }
    )
    async with mockai.async_client() as client:
        async with client.realtime.connect(model="gpt-realtime") as connection:
            await connection.session.update(
                session={"type": "realtime", "output_modalities": ["text"]}
            )
            await connection.response.create()
            events = []
            async for event in connection:
                check(event.model_dump(mode="json", exclude_unset=True))
                events.append(event)
                if event.type == "response.output_text.delta":
                    await connection.response.cancel()
                    break
            events += await _turn(connection)
            done = events[-1].response
            assert done.status == "cancelled"
            assert done.status_details.reason == "client_cancelled"
            # the session goes on: a second response
            await connection.response.create()
            assert (await _turn(connection))[-1].response.status == "completed"


async def test_sdk_bad_events_get_errors(mockai):
    async with mockai.async_client() as client:
        async with client.realtime.connect(model="gpt-realtime") as connection:
            await connection.conversation.item.delete(item_id="item_missing", event_id="mine")
            async for event in connection:
                check(event.model_dump(mode="json", exclude_unset=True))
                if event.type == "error":
                    assert event.error.event_id == "mine"
                    assert event.error.code == "item_not_found"
                    break
            await connection.session.update(
                session={"type": "realtime", "instructions": "Be brief."}
            )
            async for event in connection:
                if event.type == "session.updated":
                    assert event.session.instructions == "Be brief."
                    break


async def test_rate_limits_apply_to_each_response_of_a_session(serve):
    """Each `response.create` is a request to the limiter (`--rpm`, `--tpm`): `rate_limits.updated`
    counts them down, tokens by the response's input, and one over the limit is the real
    `rate_limit_exceeded` error event; the session goes on."""
    client = await serve(HELLO, rpm=2, tpm=100_000)
    ws = await connect(client)
    await receive(ws)
    await ws.send_json(TEXT_ONLY)
    await until(ws, "session.updated")
    await ws.send_json({"type": "conversation.item.create", "item": text_item("hi " * 50)})
    remaining = []
    for _ in range(2):
        await ws.send_json({"type": "response.create"})
        limits = (await until(ws, "rate_limits.updated"))[-1]["rate_limits"]
        remaining.append({limit["name"]: limit["remaining"] for limit in limits})
    assert [r["requests"] for r in remaining] == [1, 0]
    assert remaining[1]["tokens"] < remaining[0]["tokens"] < 100_000
    await ws.send_json({"type": "response.create", "event_id": "over"})
    error = (await until(ws, "error"))[-1]["error"]
    assert (error["code"], error["event_id"]) == ("rate_limit_exceeded", "over")
