"""What a chat completion says: tool calls, legacy function calls, refusals, `n` choices,
finish reasons, stop sequences, JSON response formats, logprobs and response metadata.

Raw HTTP throughout, so every body is checked against the spec by `api_json`.
"""

from __future__ import annotations

import json
import re

import jsonschema
import pytest
from helpers import api_json, chat_body, post_chat, sse

CALL_ID = re.compile(r"^call_[A-Za-z0-9]{24}$")
WEATHER = {
    "type": "function",
    "function": {
        "name": "get_weather",
        "parameters": {
            "type": "object",
            "properties": {
                "city": {"type": "string"},
                "days": {"type": "integer", "minimum": 1, "maximum": 7},
            },
            "required": ["city", "days"],
            "additionalProperties": False,
        },
    },
}


async def complete(client, body=None, **extra):
    response = await post_chat(client, body or chat_body(**extra))
    assert response.status == 200, await response.text()
    return await api_json(response)


async def test_parallel_tool_calls_with_mapping_and_string_arguments(serve):
    client = await serve(
        [
            {
                "name": "tools",
                "reply": {
                    "tool_calls": [
                        {"name": "get_weather", "arguments": {"city": "Boston", "days": 3}},
                        {"name": "get_time", "arguments": '{"tz":  "EST" }'},
                    ]
                },
            }
        ]
    )
    body = await complete(client, tools=[WEATHER])
    choice = body["choices"][0]
    assert choice["finish_reason"] == "tool_calls"
    message = choice["message"]
    assert message["content"] is None and message["refusal"] is None
    first, second = message["tool_calls"]
    assert all(CALL_ID.match(c["id"]) for c in (first, second)) and first["id"] != second["id"]
    assert first["type"] == second["type"] == "function"
    assert first["function"]["name"] == "get_weather"
    assert isinstance(first["function"]["arguments"], str)
    assert json.loads(first["function"]["arguments"]) == {"city": "Boston", "days": 3}
    assert second["function"] == {"name": "get_time", "arguments": '{"tz":  "EST" }'}


async def test_scripted_tool_call_id_is_kept(serve):
    client = await serve(
        [
            {
                "name": "t",
                "reply": {
                    "tool_calls": [{"name": "get_weather", "id": "call_fixed", "arguments": {}}]
                },
            }
        ]
    )
    call = (await complete(client))["choices"][0]["message"]["tool_calls"][0]
    assert call["id"] == "call_fixed" and call["function"]["arguments"] == "{}"


async def test_tool_choice_required_makes_the_default_reply_call_a_valid_tool(serve):
    client = await serve()
    body = await complete(client, tools=[WEATHER], tool_choice="required")
    choice = body["choices"][0]
    assert choice["finish_reason"] == "tool_calls"
    (call,) = choice["message"]["tool_calls"]
    assert CALL_ID.match(call["id"]) and call["function"]["name"] == "get_weather"
    jsonschema.validate(
        json.loads(call["function"]["arguments"]), WEATHER["function"]["parameters"]
    )


async def test_named_tool_choice_calls_that_tool_and_none_calls_nothing(serve):
    other = {
        "type": "function",
        "function": {
            "name": "get_time",
            "parameters": {
                "type": "object",
                "properties": {"tz": {"type": "string"}},
                "required": ["tz"],
            },
        },
    }
    client = await serve()
    named = await complete(
        client,
        tools=[WEATHER, other],
        tool_choice={"type": "function", "function": {"name": "get_time"}},
    )
    (call,) = named["choices"][0]["message"]["tool_calls"]
    assert call["function"]["name"] == "get_time"
    jsonschema.validate(json.loads(call["function"]["arguments"]), other["function"]["parameters"])
    plain = (await complete(client, tools=[WEATHER, other], tool_choice="none"))["choices"][0]
    assert plain["finish_reason"] == "stop" and plain["message"]["content"]
    assert plain["message"].get("tool_calls") is None


async def test_legacy_functions_answer_with_function_call(serve):
    client = await serve(
        [
            {
                "name": "legacy",
                "reply": {
                    "tool_calls": [
                        {"name": "get_weather", "arguments": {"city": "Paris", "days": 1}}
                    ]
                },
            }
        ]
    )
    body = await complete(client, functions=[WEATHER["function"]])
    choice = body["choices"][0]
    assert choice["finish_reason"] == "function_call"
    message = choice["message"]
    assert "tool_calls" not in message or message["tool_calls"] is None
    assert message["function_call"]["name"] == "get_weather"
    assert json.loads(message["function_call"]["arguments"]) == {"city": "Paris", "days": 1}


async def test_legacy_forced_function_call_default_reply(serve):
    client = await serve()
    body = await complete(
        client, functions=[WEATHER["function"]], function_call={"name": "get_weather"}
    )
    choice = body["choices"][0]
    assert choice["finish_reason"] == "function_call"
    call = choice["message"]["function_call"]
    assert call["name"] == "get_weather"
    jsonschema.validate(json.loads(call["arguments"]), WEATHER["function"]["parameters"])


async def test_refusal(serve):
    client = await serve([{"name": "no", "reply": {"refusal": "I can't help with that."}}])
    choice = (await complete(client))["choices"][0]
    assert choice["message"]["refusal"] == "I can't help with that."
    assert choice["message"]["content"] is None
    assert choice["finish_reason"] == "stop"


async def test_n_choices_are_indexed_and_counted(serve):
    client = await serve([{"name": "n", "reply": {"content": "Same words."}}])
    body = await complete(client, n=3)
    assert [c["index"] for c in body["choices"]] == [0, 1, 2]
    assert {c["message"]["content"] for c in body["choices"]} == {"Same words."}
    assert body["usage"]["completion_tokens"] == 3 * 3  # "Same", " words", "."


async def test_n_default_replies_differ_between_choices(serve):
    client = await serve()
    body = await complete(client, n=2)
    first, second = (c["message"]["content"] for c in body["choices"])
    assert first and second and first != second


@pytest.mark.parametrize(
    "step, extra, content, finish",
    [
        ({"content": "One two three four five six."}, {"max_tokens": 3}, "One two three", "length"),
        ({"content": "Short."}, {"max_tokens": 50}, "Short.", "stop"),
        ({"content": "Hello world. Goodbye world."}, {"stop": ["."]}, "Hello world", "stop"),
        (
            {"content": "alpha beta END gamma STOP delta"},
            {"stop": ["STOP", "END"]},
            "alpha beta ",
            "stop",
        ),
        (
            {"content": "Flagged text.", "finish_reason": "content_filter"},
            {},
            "Flagged text.",
            "content_filter",
        ),
        ({"content": "Pretend cut.", "finish_reason": "length"}, {}, "Pretend cut.", "length"),
    ],
    ids=["length", "under-budget", "stop", "stop-earliest", "override", "override-length"],
)
async def test_finish_reason_and_cut_content(serve, step, extra, content, finish):
    client = await serve([{"name": "s", "reply": step}])
    choice = (await complete(client, **extra))["choices"][0]
    assert (choice["message"]["content"], choice["finish_reason"]) == (content, finish)


async def test_max_tokens_cut_is_reflected_in_usage(serve):
    client = await serve([{"name": "s", "reply": {"content": "One two three four five six."}}])
    body = await complete(client, max_tokens=3)
    assert body["usage"]["completion_tokens"] == 3


async def test_json_object_default_reply_is_a_json_object(serve):
    client = await serve()
    body = await complete(
        client, content="Reply in JSON please", response_format={"type": "json_object"}
    )
    assert isinstance(json.loads(body["choices"][0]["message"]["content"]), dict)


PERSON = {
    "type": "object",
    "properties": {
        "name": {"type": "string"},
        "age": {"type": "integer", "minimum": 0, "maximum": 130},
        "email": {"type": "string", "format": "email"},
        "role": {"type": "string", "enum": ["admin", "user"]},
        "scores": {"type": "array", "items": {"type": "number"}, "minItems": 1},
        "address": {
            "type": "object",
            "properties": {"city": {"type": "string"}, "zip": {"type": ["string", "null"]}},
            "required": ["city", "zip"],
            "additionalProperties": False,
        },
        "nickname": {"anyOf": [{"type": "string"}, {"type": "null"}]},
    },
    "required": ["name", "age", "email", "role", "scores", "address", "nickname"],
    "additionalProperties": False,
}


@pytest.mark.parametrize("stream", [False, True], ids=["body", "stream"])
async def test_json_schema_default_reply_is_an_instance_of_the_schema(serve, stream):
    client = await serve()
    extra = {
        "response_format": {
            "type": "json_schema",
            "json_schema": {"name": "person", "strict": True, "schema": PERSON},
        }
    }
    if stream:
        events = await sse(await post_chat(client, stream=True, **extra))
        text = "".join(
            e["choices"][0]["delta"].get("content") or "" for e in events[:-1] if e["choices"]
        )
    else:
        text = (await complete(client, **extra))["choices"][0]["message"]["content"]
    jsonschema.validate(json.loads(text), PERSON)


def check_logprob_entries(entries, top: int) -> str:
    for entry in entries:
        assert entry["logprob"] <= 0
        assert entry["bytes"] == list(entry["token"].encode())
        assert len(entry["top_logprobs"]) == top
        assert entry["top_logprobs"][0]["token"] == entry["token"]
        assert entry["top_logprobs"][0]["logprob"] == entry["logprob"]
        probs = [t["logprob"] for t in entry["top_logprobs"]]
        assert probs == sorted(probs, reverse=True)
    return "".join(e["token"] for e in entries)


async def test_logprobs_in_a_body(serve):
    client = await serve([{"name": "lp", "reply": {"content": "Foo bar!"}}])
    choice = (await complete(client, logprobs=True, top_logprobs=2))["choices"][0]
    assert choice["logprobs"]["refusal"] is None
    assert check_logprob_entries(choice["logprobs"]["content"], 2) == "Foo bar!"
    assert len(choice["logprobs"]["content"]) == 3


async def test_logprobs_in_a_stream(serve):
    client = await serve([{"name": "lp", "reply": {"content": "Foo bar!"}}])
    events = await sse(await post_chat(client, stream=True, logprobs=True, top_logprobs=2))
    role, *content, finish, done = events
    assert role["choices"][0]["logprobs"] == {"content": [], "refusal": None}
    text = ""
    for event in content:
        logprobs = event["choices"][0]["logprobs"]
        assert logprobs["refusal"] is None
        piece = check_logprob_entries(logprobs["content"], 2)
        assert piece == event["choices"][0]["delta"]["content"]
        text += piece
    assert text == "Foo bar!"
    assert finish["choices"][0]["logprobs"] is None and done == "[DONE]"


async def test_no_logprobs_unless_asked(serve):
    client = await serve([{"name": "lp", "reply": {"content": "Foo"}}])
    assert (await complete(client))["choices"][0]["logprobs"] is None


@pytest.mark.parametrize(
    "asked, served",
    [
        (None, "default"),
        ("auto", "default"),
        ("default", "default"),
        ("flex", "flex"),
        ("priority", "priority"),
    ],
)
async def test_service_tier_and_fingerprint(serve, asked, served):
    client = await serve()
    extra = {} if asked is None else {"service_tier": asked}
    body = await complete(client, **extra)
    assert body["service_tier"] == served
    assert re.fullmatch(r"fp_[0-9a-f]{10}", body["system_fingerprint"])
    assert re.fullmatch(r"chatcmpl-[A-Za-z0-9]{29}", body["id"])
    assert body["object"] == "chat.completion"
