"""The Responses WebSocket mode (`GET /v1/responses` upgraded): framing, lanes, errors and
faults through raw aiohttp WebSocket clients, the official SDK's `client.responses.connect()`
and its lane session helper, and the OpenAI Agents SDK's websocket transport. Steering is in
test_responses_websocket_steering.py. Every event is validated (`websocket_support.check`)."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import aiohttp
import pytest
from helpers import AUTH
from openapi import validate_error
from websocket_support import SLOW, check, connect, create, receive, terminal, until


# -- one response, framing ---------------------------------------------------------------------
async def test_a_create_streams_the_http_events_as_json_text_frames(serve):
    client = await serve(
        [
            {
                "name": "hello",
                "match": {"endpoint": "responses"},
                "reply": {"content": "Hello over WebSocket."},
            }
        ]
    )
    ws = await connect(client)
    await ws.send_str(create())
    events = await until(ws, terminal)
    assert [e["sequence_number"] for e in events] == list(range(len(events)))
    assert events[0]["type"] == "response.created" and events[-1]["type"] == "response.completed"
    assert not any("stream_id" in e for e in events)  # the default lane: no stream_id
    text = "".join(e["delta"] for e in events if e["type"] == "response.output_text.delta")
    assert text == "Hello over WebSocket."
    assert events[-1]["response"]["output"][0]["content"][0]["text"] == text
    await ws.close()
    journal = await (await client.get("/_mockai/requests")).json()
    entries = {(e["method"], e["status"]): e for e in journal["data"]}
    upgrade, create_ = entries[("GET", 101)], entries[("POST", 200)]
    # the create is journaled as the POST it stands for, tagged with the connection's request
    assert create_["headers"]["x-mockai-websocket"] == upgrade["id"]
    assert create_["scenario"] == "hello" and create_["body"]["stream"] is True


async def test_the_route_also_answers_under_the_gateway_prefix(serve):
    client = await serve()
    ws = await connect(client, path="/api/openai/v1/responses")
    await ws.send_str(create())
    assert (await until(ws, terminal))[-1]["type"] == "response.completed"


async def test_the_upgrade_needs_an_api_key_and_a_plain_get_is_not_a_route(serve):
    client = await serve()
    with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
        await client.ws_connect("/v1/responses")
    assert refused.value.status == 401
    plain = await client.get("/v1/responses", headers=AUTH)
    assert plain.status == 405
    validate_error(await plain.json())


# -- lanes ----------------------------------------------------------------------------------
async def test_lanes_run_side_by_side_fifo_within_a_lane_and_echo_their_stream_id(serve):
    client = await serve(
        [
            {
                "name": "slow",
                "match": {"endpoint": "responses"},
                "reply": {"content": "one two three four five six"},
                "stream": SLOW,
            }
        ]
    )
    ws = await connect(client)
    await ws.send_str(create("first", stream_id="a"))
    await ws.send_str(create("second", stream_id="a"))
    await ws.send_str(create("other", stream_id="b"))
    events: list[dict[str, Any]] = []
    ended: list[str] = []
    while len(ended) < 3:
        events.append(await receive(ws))
        if terminal(events[-1]):
            ended.append(events[-1]["stream_id"])
    assert all(e["stream_id"] in ("a", "b") for e in events)
    lane_a = [e for e in events if e["stream_id"] == "a"]
    lane_b = [e for e in events if e["stream_id"] == "b"]
    # lane a: the second create starts only after the first ended (FIFO, no overlap)
    starts = [i for i, e in enumerate(lane_a) if e["type"] == "response.created"]
    assert len(starts) == 2 and lane_a[starts[1] - 1]["type"] == "response.completed"
    # lane b ran while lane a's first response was streaming: their events interleave
    first_b = events.index(lane_b[0])
    first_a_end = events.index(lane_a[starts[1] - 1])
    assert first_b < first_a_end
    assert ended.index("b") < 2
    # each response numbers its own events from 0
    for lane in (lane_a[: starts[1]], lane_a[starts[1] :], lane_b):
        assert [e["sequence_number"] for e in lane] == list(range(len(lane)))


async def test_previous_response_id_continues_across_lanes(serve):
    client = await serve(
        [
            {
                "name": "remember",
                "match": {"endpoint": "responses", "user": "name"},
                "reply": {"content": "Noted."},
            }
        ]
    )
    ws = await connect(client)
    await ws.send_str(create("my name is Ada", stream_id="a"))
    first = (await until(ws, terminal))[-1]["response"]
    await ws.send_str(create("what did I say?", stream_id="b", previous_response_id=first["id"]))
    second = (await until(ws, terminal))[-1]
    assert second["stream_id"] == "b" and second["response"]["previous_response_id"] == first["id"]
    # the continuation counts the first turn's input and output as its own input
    assert second["response"]["usage"]["input_tokens"] > first["usage"]["input_tokens"]


async def test_an_unknown_previous_response_id_is_the_http_error_as_an_error_event(serve):
    client = await serve()
    ws = await connect(client)
    await ws.send_str(create(stream_id="x", previous_response_id="resp_missing"))
    error = await receive(ws)
    assert (error["type"], error["status"], error["stream_id"]) == ("error", 400, "x")
    assert (error["error"]["code"], error["error"]["param"]) == (
        "previous_response_not_found",
        "previous_response_id",
    )
    assert error["error"]["headers"]["x-request-id"].startswith("req_")


async def test_a_scripted_429_keeps_its_retry_headers(serve):
    client = await serve(
        [
            {
                "name": "busy",
                "match": {"endpoint": "responses"},
                "reply": {"error": {"status": 429, "retry_after": 2}},
            }
        ]
    )
    ws = await connect(client)
    await ws.send_str(create(stream_id="a"))
    error = await receive(ws)
    assert (error["status"], error["error"]["code"], error["error"]["type"]) == (
        429,
        "rate_limit_exceeded",
        "requests",
    )
    assert (
        error["error"]["headers"]["retry-after"],
        error["error"]["headers"]["retry-after-ms"],
    ) == ("2", "2000")


async def test_an_error_mid_stream_arrives_as_the_websocket_error_shape(serve):
    client = await serve(
        [
            {
                "name": "cut",
                "match": {"endpoint": "responses"},
                "reply": {
                    "content": "one two three",
                    "error": 429,
                    "stream": {"error_after_chunks": 3},
                },
            }
        ]
    )
    ws = await connect(client)
    await ws.send_str(create(stream_id="a"))
    events = await until(ws, terminal)
    assert [e["type"] for e in events[:3]] == [
        "response.created",
        "response.in_progress",
        "response.output_item.added",
    ]
    error = events[-1]
    assert error["type"] == "error" and error["sequence_number"] == 3 and error["stream_id"] == "a"
    assert (error["error"]["type"], error["error"]["code"]) == ("requests", "rate_limit_exceeded")


async def test_a_dropped_connection_fault_drops_the_websocket(serve):
    client = await serve(
        [{"name": "gone", "match": {"endpoint": "responses"}, "reply": {"reset": True}}]
    )
    ws = await connect(client)
    await ws.send_str(create())
    message = await ws.receive(timeout=10)
    assert message.type in (
        aiohttp.WSMsgType.CLOSE,
        aiohttp.WSMsgType.CLOSED,
        aiohttp.WSMsgType.ERROR,
    )


async def test_rate_limits_and_chaos_apply_to_each_create_as_over_http(serve):
    client = await serve(rpm=1)
    ws = await connect(client)
    await ws.send_str(create(stream_id="a"))
    assert (await until(ws, terminal))[-1]["type"] == "response.completed"
    await ws.send_str(create(stream_id="a"))
    refused = await receive(ws)
    assert (refused["status"], refused["error"]["code"]) == (429, "rate_limit_exceeded")
    assert refused["error"]["headers"]["x-ratelimit-remaining-requests"] == "0"
    assert int(refused["error"]["headers"]["retry-after"]) > 0
    chaotic = await connect(
        client, headers={"X-Mockai-Chaos": "503", "Authorization": "Bearer sk-other"}
    )
    await chaotic.send_str(create())
    spoiled = await receive(chaotic)
    assert (spoiled["status"], spoiled["error"]["type"]) == (503, "server_error")


async def test_a_malformed_chunk_fault_arrives_as_a_frame_that_is_not_json(serve):
    client = await serve(
        [
            {
                "name": "mangled",
                "match": {"endpoint": "responses"},
                "reply": {"content": "one two three"},
                "stream": {"malformed_chunk_at": 2},
            }
        ]
    )
    ws = await connect(client)
    await ws.send_str(create())
    assert [(await receive(ws))["type"] for _ in range(2)] == [
        "response.created",
        "response.in_progress",
    ]
    message = await ws.receive(timeout=10)
    with pytest.raises(json.JSONDecodeError):
        json.loads(message.data)


# -- malformed client events ---------------------------------------------------------------------
@pytest.mark.parametrize(
    ("frame", "param", "code"),
    [
        ("not json", None, None),
        ("[1, 2]", None, None),
        (json.dumps({"type": "response.cancel"}), "type", "invalid_value"),
        (json.dumps({"model": "gpt-4o", "input": "hi"}), "type", "invalid_value"),
        (create(stream_id="bad lane!"), "stream_id", "invalid_stream_id"),
        (create(stream_id=""), "stream_id", "invalid_stream_id"),
        (create(background=True), "background", "unsupported_value"),
    ],
)
async def test_a_malformed_client_event_gets_an_error_event_and_the_connection_stays(
    serve, frame, param, code
):
    client = await serve()
    ws = await connect(client)
    await ws.send_str(frame)
    error = await receive(ws)
    assert (error["type"], error["status"], error["error"]["type"]) == (
        "error",
        400,
        "invalid_request_error",
    )
    assert (error["error"]["param"], error["error"]["code"]) == (param, code)
    assert "stream_id" not in error
    await ws.send_str(create())  # still usable
    assert (await until(ws, terminal))[-1]["type"] == "response.completed"


async def test_a_binary_frame_gets_an_error_event(serve):
    client = await serve()
    ws = await connect(client)
    await ws.send_bytes(b"\x00\x01")
    assert (await receive(ws))["status"] == 400


async def test_the_thirty_third_named_lane_reaches_the_stream_limit(serve):
    client = await serve([{"name": "short", "reply": {"content": "ok"}}])  # 33 quick responses
    ws = await connect(client)
    for n in range(32):
        await ws.send_str(create(stream_id=f"lane{n}"))
    await ws.send_str(create(stream_id="one-too-many"))
    await ws.send_str(create())  # the default lane does not count
    errors, completed = [], 0
    while completed < 33:
        event = await receive(ws)
        if event["type"] == "error":
            errors.append(event)
        completed += event["type"] == "response.completed"
    (error,) = errors
    assert error == {
        "type": "error",
        "status": 400,
        "stream_id": "one-too-many",
        "error": {
            "type": "invalid_request_error",
            "code": "websocket_stream_limit_reached",
            "message": "This WebSocket connection has reached its stream limit.",
            "param": "stream_id",
        },
    }


async def test_the_server_stopping_closes_open_connections(serve):
    client = await serve()
    ws = await connect(client)
    await ws.send_str(create())
    await until(ws, terminal)
    closing = asyncio.ensure_future(client.server.close())
    message = await ws.receive(timeout=5)
    assert message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED)
    assert message.data == 1001  # going away
    await asyncio.wait_for(closing, 5)


# -- the official SDK ------------------------------------------------------------------------------
async def test_sdk_connect_runs_two_lanes_and_a_previous_response_id_chain(mockai):
    mockai.add_scenario(
        {
            "name": "ws",
            "match": {"endpoint": "responses"},
            "reply": {"content": "On {{ last_user_message }}."},
        }
    )
    async with mockai.async_client() as client:
        async with client.responses.connect() as connection:
            await connection.response.create(model="gpt-4o", input="left", stream_id="left")
            await connection.response.create(model="gpt-4o", input="right", stream_id="right")
            finals: dict[str, Any] = {}
            async for event in connection:
                check(event.model_dump(mode="json", exclude_unset=True))
                assert event.stream_id in ("left", "right")
                if event.type == "response.completed":
                    finals[event.stream_id] = event.response
                    if len(finals) == 2:
                        break
            # a chain: continue the left lane's response on the right lane
            await connection.response.create(
                model="gpt-4o",
                input="and then?",
                stream_id="right",
                previous_response_id=finals["left"].id,
            )
            async for event in connection:
                if event.type == "response.completed":
                    chained = event.response
                    break
    assert chained.previous_response_id == finals["left"].id
    assert (finals["left"].output_text, finals["right"].output_text) == ("On left.", "On right.")
    assert chained.output_text == "On and then?."
    mockai.assert_called(times=3, scenario="ws", path="/v1/responses")


async def test_the_sdk_lane_session_collects_each_lanes_final_response(mockai):
    from openai.lib.responses_websocket import (
        AsyncResponsesWebSocketSession,
        ResponsesWebSocketLimits,
    )

    mockai.add_scenario(
        {
            "name": "echo",
            "match": {"endpoint": "responses"},
            "reply": {"content": "On {{ last_user_message }}."},
            "stream": SLOW,
        }
    )
    async with mockai.async_client() as client:
        async with client.responses.connect() as connection:
            limits = ResponsesWebSocketLimits(
                max_lanes=8,
                max_events_per_lane=256,
                max_events=1024,
                max_bytes_per_lane=1 << 24,
                max_bytes=1 << 25,
            )
            async with AsyncResponsesWebSocketSession(connection, limits=limits) as session:
                lanes = {name: session.lane(name) for name in ("north", "south")}
                for name, lane in lanes.items():
                    await lane.send({"type": "response.create", "model": "gpt-4o", "input": name})
                finals = await asyncio.gather(
                    *(lane.get_final_response() for lane in lanes.values())
                )
                follow = session.lane("east")
                await follow.send(
                    {
                        "type": "response.create",
                        "model": "gpt-4o",
                        "input": "more",
                        "previous_response_id": finals[0].id,
                    }
                )
                chained = await follow.get_final_response()
    assert [r.output_text for r in finals] == ["On north.", "On south."]
    assert chained.previous_response_id == finals[0].id and chained.output_text == "On more."


# -- the OpenAI Agents SDK --------------------------------------------------------------------------
async def test_agents_sdk_runs_an_agent_with_its_default_model_over_http_and_websocket(mockai):
    from agents import Agent, RunConfig, Runner
    from agents.models import get_default_model
    from agents.models.openai_provider import OpenAIProvider

    # The Agents SDK's default model and its default settings (reasoning effort `none` for the
    # gpt-5.6 family), as the registry knows them: no configuration.
    mockai.add_scenario(
        {
            "name": "agent",
            "match": {"endpoint": "responses", "user": "capital"},
            "reply": {"content": "Paris."},
        }
    )
    agent = Agent(name="geo", instructions="Answer in one word.")
    for websocket in (False, True):
        async with mockai.async_client() as client:
            provider = OpenAIProvider(
                openai_client=client, use_responses=True, use_responses_websocket=websocket
            )
            result = await Runner.run(
                agent,
                "What is the capital of France?",
                run_config=RunConfig(model_provider=provider, tracing_disabled=True),
            )
        assert result.final_output == "Paris."
    entries = mockai.requests
    assert [e["scenario"] for e in entries] == ["agent", "agent"]
    assert all(e["body"]["model"] == get_default_model() for e in entries)
    # the second run went over the WebSocket: its create is tagged with the connection
    assert "x-mockai-websocket" not in entries[0]["headers"]
    assert entries[1]["headers"]["x-mockai-websocket"].startswith("req_")
