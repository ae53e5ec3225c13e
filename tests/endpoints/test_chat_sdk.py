"""The official `openai` SDK against a real mockai server: sync and async clients, plain and
streamed completions, the `stream()` helper with tool calls, and structured-output parsing.

Every body the SDK receives is also checked against the spec: raw bodies through
`with_raw_response`, parsed models through their JSON dump.
"""

from __future__ import annotations

import json

import openai
import pytest
from openapi import validate_chat_chunk, validate_response
from pydantic import BaseModel

MESSAGES = [{"role": "user", "content": "Say hello"}]


def check_completion(completion) -> None:
    validate_response(
        "POST", "/v1/chat/completions", 200, completion.model_dump(mode="json", exclude_unset=True)
    )


def check_chunks(chunks) -> None:
    for chunk in chunks:
        validate_chat_chunk(chunk.model_dump(mode="json", exclude_unset=True))


def streamed_text(chunks) -> str:
    return "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)


def test_sync_create_returns_the_scripted_reply_and_a_valid_raw_body(mockai):
    mockai.add_scenario({"name": "hello", "reply": {"content": "Hello from mockai!"}})
    raw = mockai.client().chat.completions.with_raw_response.create(
        model="gpt-4o", messages=MESSAGES
    )
    validate_response("POST", "/v1/chat/completions", 200, raw.http_response.json())
    assert raw.headers["x-request-id"].startswith("req_")
    completion = raw.parse()
    check_completion(completion)
    assert completion.object == "chat.completion"
    assert completion.id.startswith("chatcmpl-")
    assert completion.model == "gpt-4o-2024-08-06"
    choice = completion.choices[0]
    assert (choice.index, choice.finish_reason) == (0, "stop")
    assert choice.message.role == "assistant"
    assert choice.message.content == "Hello from mockai!"
    assert choice.message.refusal is None and choice.message.tool_calls is None
    assert [r["scenario"] for r in mockai.requests] == ["hello"]


def test_sync_stream_iterates_deltas_then_finish(mockai):
    mockai.add_scenario({"name": "s", "reply": {"content": "One two three four."}})
    chunks = list(
        mockai.client().chat.completions.create(model="gpt-4o", messages=MESSAGES, stream=True)
    )
    check_chunks(chunks)
    assert streamed_text(chunks) == "One two three four."
    assert chunks[0].choices[0].delta.role == "assistant"
    assert [c.choices[0].finish_reason for c in chunks][-1] == "stop"
    assert all(c.choices[0].finish_reason is None for c in chunks[:-1])
    assert len({c.id for c in chunks}) == 1
    assert all(c.usage is None for c in chunks)


def test_sync_stream_with_include_usage_ends_with_a_usage_chunk(mockai):
    mockai.add_scenario({"name": "s", "reply": {"content": "Counting tokens here."}})
    plain = mockai.client().chat.completions.create(model="gpt-4o", messages=MESSAGES)
    chunks = list(
        mockai.client().chat.completions.create(
            model="gpt-4o", messages=MESSAGES, stream=True, stream_options={"include_usage": True}
        )
    )
    check_chunks(chunks)
    *content, last = chunks
    assert last.choices == []
    assert last.usage is not None
    assert last.usage.model_dump() == plain.usage.model_dump()
    assert last.usage.completion_tokens == 4  # "Counting", " tokens", " here", "."
    assert all(c.usage is None and len(c.choices) == 1 for c in content)
    assert streamed_text(content) == "Counting tokens here."


async def test_async_create_and_stream(mockai):
    mockai.add_scenario({"name": "a", "reply": {"content": "Async works."}})
    client = mockai.async_client()
    completion = await client.chat.completions.create(model="gpt-4o-mini", messages=MESSAGES)
    check_completion(completion)
    assert completion.choices[0].message.content == "Async works."
    assert completion.model == "gpt-4o-mini-2024-07-18"
    stream = await client.chat.completions.create(
        model="gpt-4o-mini", messages=MESSAGES, stream=True, stream_options={"include_usage": True}
    )
    chunks = [chunk async for chunk in stream]
    check_chunks(chunks)
    assert streamed_text(chunks) == "Async works."
    assert (
        chunks[-1].choices == [] and chunks[-1].usage.total_tokens == completion.usage.total_tokens
    )
    await client.close()


class GetWeather(BaseModel):
    city: str
    unit: str


class GetTime(BaseModel):
    timezone: str


TOOL_SCENARIO = {
    "name": "two-tools",
    "match": {"tools": ["GetWeather", "GetTime"]},
    "reply": {
        "tool_calls": [
            {"name": "GetWeather", "arguments": {"city": "Boston", "unit": "c"}},
            {"name": "GetTime", "arguments": {"timezone": "America/New_York"}},
        ]
    },
}
TOOLS = [openai.pydantic_function_tool(GetWeather), openai.pydantic_function_tool(GetTime)]


def test_stream_helper_emits_argument_events_and_parses_the_final_completion(mockai):
    mockai.add_scenario(TOOL_SCENARIO)
    deltas: dict[int, str] = {}
    done = []
    with mockai.client().chat.completions.stream(
        model="gpt-4o", messages=MESSAGES, tools=TOOLS
    ) as stream:
        for event in stream:
            if event.type == "tool_calls.function.arguments.delta":
                deltas[event.index] = deltas.get(event.index, "") + event.arguments_delta
                assert event.arguments == deltas[event.index]
            elif event.type == "tool_calls.function.arguments.done":
                done.append(event)
        final = stream.get_final_completion()
    assert [(e.index, e.name) for e in done] == [(0, "GetWeather"), (1, "GetTime")]
    assert done[0].parsed_arguments == GetWeather(city="Boston", unit="c")
    assert done[1].parsed_arguments == GetTime(timezone="America/New_York")
    assert json.loads(deltas[0]) == {"city": "Boston", "unit": "c"}
    assert len(deltas[0]) > 0 and deltas[1] == done[1].arguments
    choice = final.choices[0]
    assert choice.finish_reason == "tool_calls"
    calls = choice.message.tool_calls
    assert [c.function.parsed_arguments for c in calls] == [
        GetWeather(city="Boston", unit="c"),
        GetTime(timezone="America/New_York"),
    ]
    assert calls[0].id != calls[1].id and all(c.id.startswith("call_") for c in calls)


async def test_async_stream_helper_collects_content(mockai):
    mockai.add_scenario({"name": "c", "reply": {"content": "Streamed via helper."}})
    client = mockai.async_client()
    pieces = []
    async with client.chat.completions.stream(model="gpt-4o", messages=MESSAGES) as stream:
        async for event in stream:
            if event.type == "content.delta":
                pieces.append(event.delta)
        final = await stream.get_final_completion()
    assert len(pieces) > 1 and "".join(pieces) == "Streamed via helper."
    assert final.choices[0].message.content == "Streamed via helper."
    await client.close()


class Person(BaseModel):
    name: str
    age: int
    email: str
    tags: list[str]


def _parse_methods():
    client = openai.OpenAI(api_key="x", base_url="http://127.0.0.1:9/v1")
    found = [("chat.completions.parse", lambda c: c.chat.completions.parse)]
    beta_chat = getattr(client.beta, "chat", None)
    if beta_chat is not None and hasattr(beta_chat.completions, "parse"):
        found.append(("beta.chat.completions.parse", lambda c: c.beta.chat.completions.parse))
    return found


@pytest.mark.parametrize(
    "parse", [m for _, m in _parse_methods()], ids=[name for name, _ in _parse_methods()]
)
def test_parse_with_a_pydantic_response_format_gets_a_schema_instance(mockai, parse):
    completion = parse(mockai.client())(model="gpt-4o", messages=MESSAGES, response_format=Person)
    message = completion.choices[0].message
    assert isinstance(message.parsed, Person)
    assert message.parsed == Person.model_validate_json(message.content)
    sent = mockai.requests[0]["body"]["response_format"]
    assert sent["type"] == "json_schema" and sent["json_schema"]["name"] == "Person"
    assert mockai.requests[0]["scenario"] is None  # the default reply, not a script


def test_parse_of_a_scripted_tool_call_yields_parsed_arguments(mockai):
    mockai.add_scenario(
        {
            "name": "t",
            "reply": {
                "tool_calls": [{"name": "GetWeather", "arguments": '{"city": "Oslo", "unit": "f"}'}]
            },
        }
    )
    completion = mockai.client().chat.completions.parse(
        model="gpt-4o", messages=MESSAGES, tools=TOOLS
    )
    call = completion.choices[0].message.tool_calls[0]
    assert call.function.arguments == '{"city": "Oslo", "unit": "f"}'  # sent as scripted
    assert call.function.parsed_arguments == GetWeather(city="Oslo", unit="f")


def test_stream_helper_parses_a_structured_output(mockai):
    done = []
    with mockai.client().chat.completions.stream(
        model="gpt-4o", messages=MESSAGES, response_format=Person
    ) as stream:
        for event in stream:
            if event.type == "content.done":
                done.append(event)
        final = stream.get_final_completion()
    (event,) = done
    assert isinstance(event.parsed, Person)
    assert final.choices[0].message.parsed == event.parsed
    assert final.choices[0].finish_reason == "stop"


async def test_async_parse_with_pydantic_response_format(mockai):
    client = mockai.async_client()
    completion = await client.chat.completions.parse(
        model="gpt-4o-mini", messages=MESSAGES, response_format=GetWeather
    )
    assert isinstance(completion.choices[0].message.parsed, GetWeather)
    await client.close()
