"""The Responses tool-call loop driven by a scenario file: the model calls a function when the
user asks, the client sends a `function_call_output` with `previous_response_id`, and the
model answers from the tool result. Also the 400s a broken loop earns."""

from __future__ import annotations

import json
from pathlib import Path

import openai
import pytest
from responses_support import CALL_ID, check_sdk, check_sdk_event, item_id

from mockai.config import Settings
from mockai.pytest_plugin import MockaiServer, MockaiSession

SCENARIO_FILE = """\
- name: lookup-call
  match:
    endpoint: responses
    user: {regex: "(?i)stock price"}
    tool_result: false
  reply:
    tool_calls:
      - name: get_stock_price
        arguments: {symbol: ACME}
- name: lookup-answer
  match:
    endpoint: responses
    tool_result: true
  reply:
    content: "ACME trades at 42.50 USD."
"""

TOOLS = [
    {
        "type": "function",
        "name": "get_stock_price",
        "description": "Latest price",
        "parameters": {
            "type": "object",
            "properties": {"symbol": {"type": "string"}},
            "required": ["symbol"],
            "additionalProperties": False,
        },
        "strict": True,
    }
]


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> MockaiServer:
    folder: Path = tmp_path_factory.mktemp("scenarios")
    (folder / "stock-loop.yaml").write_text(SCENARIO_FILE)
    running = MockaiServer(Settings(port=0, watch=False, quiet=True, scenarios=[str(folder)]))
    yield running
    running.stop()


@pytest.fixture
def session(server) -> MockaiSession:
    view = MockaiSession(server)
    yield view
    view.reset()


def test_function_call_then_answer_with_previous_response_id(session):
    client = session.client()
    first = client.responses.create(
        model="gpt-4o", input="What is the stock price of ACME?", tools=TOOLS
    )
    check_sdk(first)
    (call,) = first.output
    assert (call.type, call.name, json.loads(call.arguments)) == (
        "function_call",
        "get_stock_price",
        {"symbol": "ACME"},
    )
    assert CALL_ID.match(call.call_id) and item_id("fc").match(call.id)
    assert first.output_text == ""

    second = client.responses.create(
        model="gpt-4o",
        previous_response_id=first.id,
        tools=TOOLS,
        input=[
            {
                "type": "function_call_output",
                "call_id": call.call_id,
                "output": json.dumps({"price": 42.5, "currency": "USD"}),
            }
        ],
    )
    check_sdk(second)
    assert second.output_text == "ACME trades at 42.50 USD."
    assert second.previous_response_id == first.id
    # the first turn (question and call) is context the second one pays for
    assert second.usage.input_tokens > first.usage.input_tokens
    assert [r["scenario"] for r in session.requests] == ["lookup-call", "lookup-answer"]
    (only,) = client.responses.input_items.list(second.id).data
    assert (only.type, only.call_id) == ("function_call_output", call.call_id)


def test_the_loop_streamed_through_the_sdk_helper(session):
    client = session.client()
    with client.responses.stream(
        model="gpt-4o", input="ACME stock price please", tools=TOOLS
    ) as events:
        for event in events:
            check_sdk_event(event)
        first = events.get_final_response()
    (call,) = first.output
    with client.responses.stream(
        model="gpt-4o",
        previous_response_id=first.id,
        tools=TOOLS,
        input=[{"type": "function_call_output", "call_id": call.call_id, "output": "42.50"}],
    ) as events:
        text = "".join(e.delta for e in events if e.type == "response.output_text.delta")
        second = events.get_final_response()
    assert text == second.output_text == "ACME trades at 42.50 USD."


def test_manual_history_without_previous_response_id(session):
    """A client may resend the whole history itself, call item included."""
    history = [
        {"role": "user", "content": "What is the stock price of ACME?"},
        {
            "type": "function_call",
            "call_id": "call_manualHistory0000001",
            "name": "get_stock_price",
            "arguments": '{"symbol": "ACME"}',
        },
        {"type": "function_call_output", "call_id": "call_manualHistory0000001", "output": "42.50"},
    ]
    answer = session.client().responses.create(model="gpt-4o", input=history, tools=TOOLS)
    check_sdk(answer)
    assert answer.output_text == "ACME trades at 42.50 USD."
    assert session.requests[-1]["scenario"] == "lookup-answer"


def test_unknown_previous_response_id_is_a_400(session):
    missing = "resp_" + "a" * 48
    with pytest.raises(openai.BadRequestError) as caught:
        session.client().responses.create(model="gpt-4o", input="Hi", previous_response_id=missing)
    error = caught.value.body
    assert error == {
        "message": f"Previous response with id '{missing}' not found.",
        "type": "invalid_request_error",
        "param": "previous_response_id",
        "code": "previous_response_not_found",
    }


def test_a_deleted_response_cannot_be_continued(session):
    client = session.client()
    first = client.responses.create(model="gpt-4o", input="Hello")
    client.responses.delete(first.id)
    with pytest.raises(openai.BadRequestError) as caught:
        client.responses.create(model="gpt-4o", input="Again", previous_response_id=first.id)
    assert caught.value.code == "previous_response_not_found"


def test_function_call_output_for_a_call_never_issued_is_a_400(session):
    client = session.client()
    with pytest.raises(openai.BadRequestError) as caught:
        client.responses.create(
            model="gpt-4o",
            tools=TOOLS,
            input=[{"type": "function_call_output", "call_id": "call_neverIssued", "output": "1"}],
        )
    assert (
        caught.value.body["message"]
        == "No tool call found for function call output with call_id call_neverIssued."
    )
    assert caught.value.body["param"] == "input"

    first = client.responses.create(
        model="gpt-4o", input="What is the stock price of ACME?", tools=TOOLS
    )
    with pytest.raises(openai.BadRequestError) as caught:
        client.responses.create(
            model="gpt-4o",
            previous_response_id=first.id,
            tools=TOOLS,
            input=[{"type": "function_call_output", "call_id": "call_wrongOne", "output": "1"}],
        )
    assert (
        caught.value.body["message"]
        == "No tool call found for function call output with call_id call_wrongOne."
    )
