"""Steering over the Responses WebSocket mode (`response.steer`), as the official SDK defines
it: accepted, the steered response's `incomplete` end and its automatic successor, pending
steering prepended to the explicit continuation, failures; raw and through the SDK."""

from __future__ import annotations

import json

from helpers import AUTH
from openai.types.responses import ResponseSteerAcceptedEvent
from websocket_support import SLOW, connect, create, receive, terminal, until

# -- steering -------------------------------------------------------------------------------------
STEERED = [
    {
        "name": "long-turn",
        "match": {"endpoint": "responses", "user": "start"},
        "reply": {
            "content": "I will look this up in a moment, step by step.",
            "tool_calls": [{"name": "lookup", "arguments": {"q": "weather"}}],
        },
        "stream": SLOW,
    },
    {
        "name": "steered-turn",
        "match": {"endpoint": "responses", "user": "paris"},
        "reply": {"content": "Paris it is."},
    },
]


async def test_a_steer_ends_the_response_steered_at_an_item_boundary_and_a_successor_follows(serve):
    client = await serve(STEERED)
    ws = await connect(client)
    await ws.send_str(create("start", stream_id="s", instructions="Be brief."))
    before = await until(ws, lambda e: e["type"] == "response.output_text.delta")
    target = before[0]["response"]["id"]
    await ws.send_str(
        json.dumps(
            {"type": "response.steer", "previous_response_id": target, "input": "Focus on Paris"}
        )
    )
    first = await until(ws, terminal)
    accepted = next(e for e in first if e["type"] == "response.steer.accepted")
    assert accepted["stream_id"] == "s" and accepted["steer"]["previous_response_id"] == target
    steered = first[-1]
    assert steered["type"] == "response.incomplete" and steered["stream_id"] == "s"
    assert steered["response"]["incomplete_details"] == {"reason": "steered"}
    # it stopped after the message item: the function call that came next was never started
    assert [i["type"] for i in steered["response"]["output"]] == ["message"]
    assert not any(e.get("item", {}).get("type") == "function_call" for e in first)
    numbered = before + first
    assert [e["sequence_number"] for e in numbered] == list(range(len(numbered)))
    successor = await until(ws, terminal)
    created = successor[0]
    assert created["type"] == "response.created" and created["stream_id"] == "s"
    assert created["response"]["previous_response_id"] == target
    assert created["response"]["instructions"] == "Be brief."  # it inherits the settings
    assert successor[-1]["response"]["output"][0]["content"][0]["text"] == "Paris it is."
    # the stored target is what was sent, so continuing it sees only that
    stored = await (await client.get(f"/v1/responses/{target}", headers=AUTH)).json()
    assert stored["status"] == "incomplete" and len(stored["output"]) == 1
    journal = await (await client.get("/_mockai/requests")).json()
    posts = [e for e in journal["data"] if e["method"] == "POST"]
    assert [e["scenario"] for e in posts] == ["long-turn", "steered-turn"]
    assert posts[-1]["body"]["input"] == [
        {"type": "message", "role": "user", "content": "Focus on Paris"}
    ]


async def test_steering_that_waits_for_a_function_output_is_pending_then_prepended(serve):
    client = await serve(
        [
            {
                "name": "call",
                "match": {"endpoint": "responses", "tool_result": False},
                "reply": {
                    "tool_calls": [{"name": "lookup", "arguments": {"q": "a long query " * 5}}]
                },
                "stream": SLOW,
            },
            {
                "name": "answer",
                "match": {"endpoint": "responses", "tool_result": True},
                "reply": {"content": "Done."},
            },
        ]
    )
    ws = await connect(client)
    await ws.send_str(create("start", stream_id="p"))
    before = await until(ws, lambda e: e["type"] == "response.function_call_arguments.delta")
    target = before[0]["response"]["id"]
    await ws.send_str(
        json.dumps(
            {
                "type": "response.steer",
                "previous_response_id": target,
                "input": [{"role": "user", "content": "Also check Rome"}],
            }
        )
    )
    events = await until(ws, lambda e: e["type"] == "response.steer.pending")
    assert [e["type"] for e in events if e["type"].startswith("response.steer")] == [
        "response.steer.accepted",
        "response.steer.pending",
    ]
    completed = next(e for e in events if e["type"] == "response.completed")
    call = completed["response"]["output"][0]
    pending = events[-1]
    assert pending["required_input"] == [
        {"type": "function_call_output", "call_id": call["call_id"], "name": "lookup"}
    ]
    accepted = next(e for e in events if e["type"] == "response.steer.accepted")
    assert pending["steer"] == accepted["steer"] and pending["stream_id"] == "p"
    output = {"type": "function_call_output", "call_id": call["call_id"], "output": "sunny"}
    await ws.send_str(create(stream_id="p", previous_response_id=target, input=[output]))
    assert (await until(ws, terminal))[-1]["type"] == "response.completed"
    journal = await (await client.get("/_mockai/requests")).json()
    last = [e for e in journal["data"] if e["method"] == "POST"][-1]
    assert last["body"]["input"] == [{"role": "user", "content": "Also check Rome"}, output]


async def test_a_steer_that_cannot_be_accepted_fails_with_its_input_back(serve):
    client = await serve()
    ws = await connect(client)
    await ws.send_str(
        json.dumps(
            {"type": "response.steer", "previous_response_id": "resp_nope", "input": "hello"}
        )
    )
    missing = await receive(ws)
    assert missing["type"] == "response.steer.failed"
    assert missing["error"]["code"] == "response_not_found"
    assert missing["steer"] == {"input": "hello", "previous_response_id": "resp_nope"}
    await ws.send_str(create(stream_id="d"))
    done = (await until(ws, terminal))[-1]["response"]["id"]
    await ws.send_str(
        json.dumps({"type": "response.steer", "previous_response_id": done, "input": "too late"})
    )
    late = await receive(ws)
    assert (late["error"]["code"], late["stream_id"]) == ("response_already_completed", "d")
    for bad in (
        {"input": [{"role": "assistant", "content": "no"}]},
        {"input": ""},
        {"input": "x", "stream_id": "d"},
    ):
        await ws.send_str(
            json.dumps({"type": "response.steer", "previous_response_id": done, **bad})
        )
        # the input comes back as sent, which the SDK's model of valid steering input refuses
        failed = await receive(ws, checked=False)
        assert (failed["type"], failed["error"]["code"]) == (
            "response.steer.failed",
            "invalid_input",
        )
        assert failed["steer"]["input"] == bad["input"] and "id" not in failed["steer"]


async def test_sdk_steer_and_its_events(mockai):
    mockai.add_scenario(STEERED)
    target = None
    async with mockai.async_client() as client:
        async with client.responses.connect() as connection:
            await connection.response.create(model="gpt-4o", input="start")
            async for event in connection:
                if event.type == "response.output_text.delta":
                    await connection.response.steer(previous_response_id=target, input="Paris")
                elif event.type == "response.created" and target is None:
                    target = event.response.id
                elif event.type == "response.steer.accepted":
                    assert isinstance(event, ResponseSteerAcceptedEvent)
                elif event.type == "response.incomplete":
                    assert event.response.incomplete_details.reason == "steered"
                elif event.type == "response.completed":
                    final = event.response
                    break
    assert final.previous_response_id == target and final.output_text == "Paris it is."
