"""The tool-call rule: a scenario whose one step calls tools is not tried for a request whose
last message is a tool result (unless its match says `tool_result`), so a client running a real
tool loop ends whichever order the call and the answer scenarios are written in.

Each loop is run by the official SDK, as an application would, and stops after a few rounds
at most, so a scenario set that loops fails the test instead of hanging it.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from helpers import api_json, chat_body, post_chat

ROUNDS = 5
CHAT_TOOLS = [
    {
        "type": "function",
        "function": {
            "name": "get_weather",
            "parameters": {"type": "object", "properties": {"city": {"type": "string"}}},
        },
    }
]
RESPONSES_TOOLS = [
    {
        "type": "function",
        "name": "get_weather",
        "parameters": {"type": "object", "properties": {"city": {"type": "string"}}},
    }
]
CALL = {
    "name": "weather-call",
    "match": {"user": "weather"},
    "reply": {"tool_calls": [{"name": "get_weather", "arguments": {"city": "Boston"}}]},
}
ANSWER = {
    "name": "weather-answer",
    "match": {"tool_result": True},
    "reply": {"content": "It is 20°C in Boston."},
}
SEQUENCE = {
    "name": "weather-sequence",
    "match": {"user": "weather"},
    "replies": [
        {"tool_calls": [{"name": "get_weather", "arguments": {"city": "Boston"}}]},
        {"content": "It is 20°C in Boston."},
    ],
}
ORDERS = {
    "call first (the natural order)": [CALL, ANSWER],
    "answer first": [ANSWER, CALL],
    "one scenario, a two-step sequence": [SEQUENCE],
}


def run_chat_loop(client) -> tuple[str | None, int]:
    """The application's loop: run every requested tool, send the results, until an answer."""
    messages: list[Any] = [{"role": "user", "content": "What is the weather in Boston?"}]
    for rounds in range(1, ROUNDS + 1):
        message = (
            client.chat.completions.create(model="gpt-4o", messages=messages, tools=CHAT_TOOLS)
            .choices[0]
            .message
        )
        if not message.tool_calls:
            return message.content, rounds
        messages.append(message.model_dump(exclude_none=True))
        messages.extend(
            {"role": "tool", "tool_call_id": call.id, "content": '{"temp_c": 20}'}
            for call in message.tool_calls
        )
    return None, ROUNDS


def run_responses_loop(client) -> tuple[str | None, int]:
    response = client.responses.create(
        model="gpt-4o", input="What is the weather in Boston?", tools=RESPONSES_TOOLS
    )
    for rounds in range(1, ROUNDS + 1):
        calls = [item for item in response.output if item.type == "function_call"]
        if not calls:
            return response.output_text, rounds
        response = client.responses.create(
            model="gpt-4o",
            previous_response_id=response.id,
            tools=RESPONSES_TOOLS,
            input=[
                {
                    "type": "function_call_output",
                    "call_id": call.call_id,
                    "output": '{"temp_c": 20}',
                }
                for call in calls
            ],
        )
    return None, ROUNDS


@pytest.mark.parametrize("scenarios", list(ORDERS.values()), ids=list(ORDERS))
@pytest.mark.parametrize("loop", [run_chat_loop, run_responses_loop], ids=["chat", "responses"])
def test_a_real_tool_loop_ends(mockai, scenarios, loop):
    mockai.add_scenario(scenarios)
    answer, rounds = loop(mockai.client())
    assert (answer, rounds) == ("It is 20°C in Boston.", 2)
    names = [entry["scenario"] for entry in mockai.requests]
    assert names == (
        [s["name"] for s in (CALL, ANSWER)] if len(scenarios) == 2 else ["weather-sequence"] * 2
    )


async def test_a_tool_call_scenario_can_ask_for_tool_results(serve):
    """`tool_result: true` opts in: such a scenario answers a tool result with another call
    (a chain of tools), and a scenario without the rule still answers a first question."""
    client = await serve(
        [
            {
                "name": "chain",
                "match": {"tool_result": True},
                "reply": {"tool_calls": [{"name": "get_weather", "arguments": {"city": "Paris"}}]},
            },
            CALL,
        ]
    )
    body = chat_body("weather?", tools=CHAT_TOOLS)
    first = await api_json(await post_chat(client, body))
    call = first["choices"][0]["message"]["tool_calls"][0]
    body["messages"] += [
        first["choices"][0]["message"],
        {"role": "tool", "tool_call_id": call["id"], "content": "20"},
    ]
    second = await api_json(await post_chat(client, body))
    [chained] = second["choices"][0]["message"]["tool_calls"]
    assert json.loads(chained["function"]["arguments"]) == {"city": "Paris"}
    names = [e["scenario"] for e in (await (await client.get("/_mockai/requests")).json())["data"]]
    assert names == ["weather-call", "chain"]
