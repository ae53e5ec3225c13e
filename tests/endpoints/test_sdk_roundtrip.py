"""What the official Python SDK's helpers return, fed back as the next request the way client
code does it, is accepted as the real API accepts it.

Each test takes one helper's output (chat `create`, the `stream()` helper's final completion,
`parse()` with a pydantic response format or `pydantic_function_tool` tools, Responses
`create`, `stream()` and `parse()`), puts it in the next request as a dict
(`model_dump(exclude_none=True)` or `model_dump()` with its Nones) or as the SDK model itself,
and checks three things: the request is accepted, mockai journaled exactly the bytes the SDK sent
(`with_raw_response` exposes them), and the replies validate against the spec. Genuine typos in
nested fields are still refused with the real 400.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import openai
import pytest
from openapi import validate_error, validate_response, validate_schema
from pydantic import BaseModel
from responses_support import check_sdk


class GetWeather(BaseModel):
    city: str


class Forecast(BaseModel):
    city: str
    temp_c: int


ASK = [{"role": "user", "content": "What is the weather in Boston and Paris?"}]
CHAT_TOOLS = [openai.pydantic_function_tool(GetWeather)]
CHAT_LOOP = [
    {
        "name": "call",
        "match": {"endpoint": "chat.completions", "tool_result": False, "user": "weather"},
        "reply": {
            "tool_calls": [
                {"name": "GetWeather", "arguments": {"city": "Boston"}},
                {"name": "GetWeather", "arguments": {"city": "Paris"}},
            ]
        },
    },
    {
        "name": "answer",
        "match": {"endpoint": "chat.completions", "tool_result": True},
        "reply": {"content": "Boston 20°C, Paris 18°C."},
    },
    {
        "name": "structured",
        "match": {"user": "as json"},
        "reply": {"content": '{"city": "Boston", "temp_c": 20}'},
    },
    {"name": "thanks", "match": {"user": "thanks"}, "reply": {"content": "You are welcome."}},
]

# How client code puts an SDK model back into a request.
DUMPS: dict[str, Callable[[BaseModel], Any]] = {
    "exclude_none": lambda model: model.model_dump(exclude_none=True),
    "with_nones": lambda model: model.model_dump(),
    "the model": lambda model: model,
}


def journaled(mockai, raw) -> dict[str, Any]:
    """The body the SDK sent, after checking mockai journaled exactly it and answered 200."""
    sent = json.loads(raw.http_request.content)
    entry = mockai.requests[-1]
    assert (entry["status"], entry["body"]) == (200, sent)
    return sent


def chat_again(mockai, messages: list[Any], **extra: Any):
    """The next chat request: (the completion, the body the SDK sent)."""
    raw = mockai.client().chat.completions.with_raw_response.create(
        model="gpt-4o", messages=messages, **extra
    )
    validate_response("POST", "/v1/chat/completions", 200, raw.http_response.json())
    return raw.parse(), journaled(mockai, raw)


def tool_results(message) -> list[dict[str, Any]]:
    return [
        {"role": "tool", "tool_call_id": call.id, "content": "20°C"} for call in message.tool_calls
    ]


# -- chat completions ---------------------------------------------------------------------------


@pytest.mark.parametrize("dump", DUMPS)
def test_chat_create_message_fed_back(mockai, dump):
    mockai.add_scenario(CHAT_LOOP)
    first = mockai.client().chat.completions.create(model="gpt-4o", messages=ASK, tools=CHAT_TOOLS)
    message = first.choices[0].message
    answer, sent = chat_again(
        mockai, [*ASK, DUMPS[dump](message), *tool_results(message)], tools=CHAT_TOOLS
    )
    assert answer.choices[0].message.content == "Boston 20°C, Paris 18°C."
    replayed = sent["messages"][1]
    assert [c["id"] for c in replayed["tool_calls"]] == [c.id for c in message.tool_calls]
    assert ("refusal" in replayed) == (dump != "exclude_none")  # `refusal: null` accepted


@pytest.mark.parametrize("dump", DUMPS)
def test_chat_stream_helper_final_message_fed_back_with_tool_call_index(mockai, dump):
    mockai.add_scenario(CHAT_LOOP)
    with mockai.client().chat.completions.stream(
        model="gpt-4o", messages=ASK, tools=CHAT_TOOLS
    ) as stream:
        final = stream.get_final_completion()
    message = final.choices[0].message
    answer, sent = chat_again(
        mockai, [*ASK, DUMPS[dump](message), *tool_results(message)], tools=CHAT_TOOLS
    )
    assert answer.choices[0].message.content == "Boston 20°C, Paris 18°C."
    assert [c["index"] for c in sent["messages"][1]["tool_calls"]] == [0, 1]


# The SDK's generic `Parsed*` models warn when dumped (`parsed` is typed None); the dump is right.
@pytest.mark.filterwarnings("ignore:Pydantic serializer warnings")
@pytest.mark.parametrize("dump", DUMPS)
def test_chat_parse_message_fed_back_with_parsed(mockai, dump):
    mockai.add_scenario(CHAT_LOOP)
    asked = [{"role": "user", "content": "The Boston forecast as json"}]
    first = mockai.client().chat.completions.parse(
        model="gpt-4o", messages=asked, response_format=Forecast
    )
    message = first.choices[0].message
    assert message.parsed == Forecast(city="Boston", temp_c=20)
    answer, sent = chat_again(
        mockai, [*asked, DUMPS[dump](message), {"role": "user", "content": "thanks"}]
    )
    assert answer.choices[0].message.content == "You are welcome."
    assert sent["messages"][1]["parsed"] == {"city": "Boston", "temp_c": 20}


def test_chat_tool_loop_with_pydantic_function_tool_and_parsed_arguments(mockai):
    """The documented loop: `messages.append(completion.choices[0].message)` after `parse()`."""
    mockai.add_scenario(CHAT_LOOP)
    client = mockai.client()
    messages: list[Any] = list(ASK)
    first = client.chat.completions.parse(model="gpt-4o", messages=messages, tools=CHAT_TOOLS)
    message = first.choices[0].message
    assert [c.function.parsed_arguments for c in message.tool_calls] == [
        GetWeather(city="Boston"),
        GetWeather(city="Paris"),
    ]
    messages += [message, *tool_results(message)]
    answer, sent = chat_again(mockai, messages, tools=CHAT_TOOLS)
    assert answer.choices[0].finish_reason == "stop"
    assert [c["function"]["parsed_arguments"] for c in sent["messages"][1]["tool_calls"]] == [
        {"city": "Boston"},
        {"city": "Paris"},
    ]


def test_a_stored_completion_keeps_replayed_tool_calls_without_the_sdk_extras(mockai):
    mockai.add_scenario(CHAT_LOOP)
    client = mockai.client()
    with client.chat.completions.stream(model="gpt-4o", messages=ASK, tools=CHAT_TOOLS) as stream:
        message = stream.get_final_completion().choices[0].message
    answer, _ = chat_again(
        mockai, [*ASK, message, *tool_results(message)], tools=CHAT_TOOLS, store=True
    )
    listed = client.chat.completions.messages.with_raw_response.list(answer.id).http_response
    calls = listed.json()["data"][1]["tool_calls"]
    for call in calls:
        validate_schema("ChatCompletionMessageToolCall", call)
    assert [c["function"]["arguments"] for c in calls] == [
        c.function.arguments for c in message.tool_calls
    ]


TYPO_CALL = {"id": "call_1", "type": "function", "function": {"name": "f", "arguments": "{}"}}


@pytest.mark.parametrize(
    "assistant, param",
    [
        ({"foo": 1}, "messages[1].foo"),
        ({"parsed_arguments": {}}, "messages[1].parsed_arguments"),
        ({"index": 0}, "messages[1].index"),
        ({"tool_calls": [{**TYPO_CALL, "foo": 1}]}, "messages[1].tool_calls[0].foo"),
        ({"tool_calls": [{**TYPO_CALL, "parsed": {}}]}, "messages[1].tool_calls[0].parsed"),
        (
            {"tool_calls": [{**TYPO_CALL, "function": {"name": "f", "arguments": "{}", "foo": 1}}]},
            "messages[1].tool_calls[0].function.foo",
        ),
        (
            {"function_call": {"name": "f", "arguments": "{}", "parsed_arguments": {}}},
            "messages[1].function_call.parsed_arguments",
        ),
    ],
    ids=lambda value: value if isinstance(value, str) else None,
)
def test_unknown_nested_fields_are_still_refused(mockai, assistant, param):
    """Only what the real API accepts back is accepted: the SDKs' extras in their own places."""
    message = {"role": "assistant", "content": "ok", **assistant}
    tools = (
        [{"role": "tool", "tool_call_id": "call_1", "content": "{}"}]
        if "tool_calls" in assistant
        else []
    )
    with pytest.raises(openai.BadRequestError) as raised:
        mockai.client().chat.completions.create(
            model="gpt-4o", messages=[*ASK[:1], message, *tools]
        )
    body = raised.value.response.json()
    validate_error(body)
    assert body["error"] == {
        "message": f"Unknown parameter: '{param}'.",
        "type": "invalid_request_error",
        "param": param,
        "code": "unknown_parameter",
    }


def test_a_tool_call_index_must_still_be_an_integer(mockai):
    call = {**TYPO_CALL, "index": "0"}
    with pytest.raises(openai.BadRequestError) as raised:
        mockai.client().chat.completions.create(
            model="gpt-4o",
            messages=[
                *ASK,
                {"role": "assistant", "tool_calls": [call]},
                {"role": "tool", "tool_call_id": "call_1", "content": "{}"},
            ],
        )
    validate_error(raised.value.response.json())
    assert (raised.value.param, raised.value.code) == (
        "messages[1].tool_calls[0].index",
        "invalid_type",
    )


# -- the Responses API --------------------------------------------------------------------------

WEATHER_TOOL = {
    "type": "function",
    "name": "get_weather",
    "parameters": {
        "type": "object",
        "properties": {"city": {"type": "string"}},
        "required": ["city"],
        "additionalProperties": False,
    },
}
RESPONSES_LOOP = [
    {
        "name": "call",
        "match": {"endpoint": "responses", "tool_result": False, "user": "weather"},
        "reply": {"tool_calls": [{"name": "get_weather", "arguments": {"city": "Boston"}}]},
    },
    {
        "name": "answer",
        "match": {"endpoint": "responses", "tool_result": True},
        "reply": {"content": "It is 20°C in Boston."},
    },
    {
        "name": "structured",
        "match": {"endpoint": "responses", "user": "as json"},
        "reply": {"content": '{"city": "Boston", "temp_c": 20}'},
    },
    {
        "name": "thanks",
        "match": {"endpoint": "responses", "user": "thanks"},
        "reply": {"content": "You are welcome."},
    },
]
ASK_ITEM = {"role": "user", "content": "What is the weather in Boston?"}
THANKS = {"role": "user", "content": "thanks"}
# How client code feeds Responses items back: the real API refuses `model_dump()`'s Nones on a
# reasoning item ("Unknown parameter: 'input[1].status'." for its `status: null`:
# openai/openai-python#3008, openai/openai-agents-python#1883), and the SDK serialises its models
# without unset fields and without the parse helpers' `parsed` (`__api_exclude__`).
ITEM_DUMPS: dict[str, Callable[[BaseModel], Any]] = {
    "exclude_none": DUMPS["exclude_none"],
    "the model": DUMPS["the model"],
}


def respond_again(mockai, items: list[Any], **extra: Any):
    """The next Responses request: (the response, the body the SDK sent); its input items,
    as stored, are listed and validated too."""
    client = mockai.client()
    raw = client.responses.with_raw_response.create(model="o3", input=items, **extra)
    validate_response("POST", "/v1/responses", 200, raw.http_response.json())
    response = raw.parse()
    sent = journaled(mockai, raw)
    listed = client.responses.input_items.with_raw_response.list(response.id, order="asc")
    listing = listed.http_response.json()
    validate_response("GET", f"/v1/responses/{response.id}/input_items", 200, listing)
    assert [i["type"] for i in listing["data"]] == [i.get("type", "message") for i in sent["input"]]
    return response, sent


@pytest.mark.parametrize("dump", ITEM_DUMPS)
def test_responses_reasoning_and_function_call_items_fed_back(mockai, dump):
    mockai.add_scenario(RESPONSES_LOOP)
    first = mockai.client().responses.create(
        model="o3",
        input=[ASK_ITEM],
        tools=[WEATHER_TOOL],
        reasoning={"summary": "auto"},
        include=["reasoning.encrypted_content"],
    )
    reasoning, call = first.output
    assert (reasoning.type, call.type) == ("reasoning", "function_call")
    output = {"type": "function_call_output", "call_id": call.call_id, "output": "20°C"}
    items = [ASK_ITEM, *(ITEM_DUMPS[dump](item) for item in first.output), output]
    answer, sent = respond_again(mockai, items, tools=[WEATHER_TOOL])
    check_sdk(answer)
    assert answer.output_text == "It is 20°C in Boston."
    fed = sent["input"]
    assert (fed[1]["id"], fed[1]["encrypted_content"], fed[1]["summary"][0]["text"]) == (
        reasoning.id,
        reasoning.encrypted_content,
        reasoning.summary[0].text,
    )
    assert (fed[2]["id"], fed[2]["status"]) == (call.id, "completed")


@pytest.mark.parametrize("dump", DUMPS)
def test_responses_output_message_fed_back_with_id_status_annotations_and_logprobs(mockai, dump):
    """`model_dump()`'s Nones are accepted on a message: its one None, `phase`, is nullable."""
    mockai.add_scenario(RESPONSES_LOOP)
    first = mockai.client().responses.create(
        model="gpt-4o",
        input="The Boston forecast as json",
        include=["message.output_text.logprobs"],
        top_logprobs=2,
    )
    (message,) = first.output
    answer, sent = respond_again(mockai, [DUMPS[dump](message), THANKS])
    assert answer.output_text == "You are welcome."
    fed = sent["input"][0]
    assert (fed["id"], fed["status"], fed["role"]) == (message.id, "completed", "assistant")
    (part,) = fed["content"]
    assert part["annotations"] == [] and len(part["logprobs"]) == len(message.content[0].logprobs)
    assert part["logprobs"][0]["top_logprobs"]


def test_responses_stream_helper_final_response_fed_back(mockai):
    mockai.add_scenario(RESPONSES_LOOP)
    with mockai.client().responses.stream(
        model="o3", input=[ASK_ITEM], tools=[WEATHER_TOOL]
    ) as events:
        final = events.get_final_response()
    call = final.output[-1]
    answer, sent = respond_again(
        mockai,
        [
            ASK_ITEM,
            *final.output,
            {"type": "function_call_output", "call_id": call.call_id, "output": "20°C"},
        ],
        tools=[WEATHER_TOOL],
    )
    assert answer.output_text == "It is 20°C in Boston."
    assert [i.get("type") for i in sent["input"]] == [
        None,
        "reasoning",
        "function_call",
        "function_call_output",
    ]


def test_responses_parse_output_fed_back(mockai):
    """The parse helper's models go back without `parsed`: the SDK leaves it out."""
    mockai.add_scenario(RESPONSES_LOOP)
    first = mockai.client().responses.parse(
        model="gpt-4o", input="The Boston forecast as json", text_format=Forecast
    )
    assert first.output_parsed == Forecast(city="Boston", temp_c=20)
    answer, sent = respond_again(mockai, [*first.output, THANKS])
    assert answer.output_text == "You are welcome."
    (part,) = sent["input"][0]["content"]
    assert "parsed" not in part and json.loads(part["text"]) == {"city": "Boston", "temp_c": 20}
