"""Shapes of Responses output, non-streamed unless the point is a stream event: ids, message,
refusal, function calls, reasoning items and their token counts, built-in tool calls, the
output budget, structured output, metadata, `store`, conversations and prompt caching."""

from __future__ import annotations

import json

import jsonschema
import pytest
from helpers import api_json
from responses_support import (
    CALL_ID,
    create,
    deltas,
    error_of,
    get,
    item_id,
    post,
    stream,
    token_pieces,
    types,
)

WEATHER_TOOL = {
    "type": "function",
    "name": "get_weather",
    "parameters": {
        "type": "object",
        "properties": {"city": {"type": "string"}},
        "required": ["city"],
    },
}


def reply(content: str | None = None, **step) -> list[dict]:
    if content is not None:
        step["content"] = content
    return [{"name": "scripted", "reply": step}]


# -- ids and the message item ---------------------------------------------------------------
async def test_ids_and_the_message_item(serve):
    client = await serve(reply("Plain answer."))
    body = await create(client, input="Hi")
    assert item_id("resp").match(body["id"])
    (message,) = body["output"]
    assert item_id("msg").match(message["id"])
    assert message == {
        "id": message["id"],
        "type": "message",
        "status": "completed",
        "content": [
            {"type": "output_text", "annotations": [], "logprobs": [], "text": "Plain answer."}
        ],
        "role": "assistant",
    }
    assert body["usage"]["output_tokens"] == len(token_pieces("Plain answer."))
    again = await create(client, input="Hi")
    assert again["id"] != body["id"] and again["output"][0]["id"] != message["id"]


async def test_defaults_echoed_on_the_response_object(serve):
    client = await serve(reply("x"))
    body = await create(client, input="Hi")
    assert body["status"] == "completed" and isinstance(body["completed_at"], int)
    assert body["completed_at"] >= body["created_at"]
    expected = {
        "background": False,
        "error": None,
        "incomplete_details": None,
        "instructions": None,
        "max_output_tokens": None,
        "max_tool_calls": None,
        "parallel_tool_calls": True,
        "previous_response_id": None,
        "reasoning": {"effort": None, "summary": None},
        "service_tier": "default",
        "store": True,
        "temperature": 1.0,
        "text": {"format": {"type": "text"}, "verbosity": "medium"},
        "tool_choice": "auto",
        "tools": [],
        "top_logprobs": 0,
        "top_p": 1.0,
        "truncation": "disabled",
        "user": None,
        "metadata": {},
    }
    assert {k: body[k] for k in expected} == expected


async def test_function_tools_are_echoed_with_strict_defaulting_to_true(serve):
    client = await serve(reply("x"))
    body = await create(client, input="Hi", tools=[WEATHER_TOOL], tool_choice="auto")
    assert body["tools"] == [
        {
            "type": "function",
            "description": None,
            "name": "get_weather",
            "parameters": WEATHER_TOOL["parameters"],
            "strict": True,
        }
    ]


async def test_refusal_item_and_its_stream_events(serve):
    client = await serve(reply(refusal="I can't help with that."))
    body = await create(client, input="Something bad")
    (message,) = body["output"]
    assert message["content"] == [{"type": "refusal", "refusal": "I can't help with that."}]
    assert message["status"] == "completed" and message["role"] == "assistant"

    events = await stream(client, input="Something bad")
    assert types(events) == [
        "response.created",
        "response.in_progress",
        "response.output_item.added",
        "response.content_part.added",
        *["response.refusal.delta"] * 6,
        "response.refusal.done",
        "response.content_part.done",
        "response.output_item.done",
        "response.completed",
    ]
    assert events[3]["part"] == {"type": "refusal", "refusal": ""}
    assert "".join(deltas(events, "response.refusal.delta")) == "I can't help with that."
    assert events[-4]["refusal"] == "I can't help with that."
    assert events[-3]["part"] == {"type": "refusal", "refusal": "I can't help with that."}


# -- function calls ---------------------------------------------------------------------------
async def test_function_call_item(serve):
    client = await serve(
        reply(tool_calls=[{"name": "get_weather", "arguments": {"city": "Rome", "days": 2}}])
    )
    body = await create(client, input="Weather?", tools=[WEATHER_TOOL])
    (call,) = body["output"]
    assert set(call) == {"id", "type", "status", "arguments", "call_id", "name"}
    assert (call["type"], call["status"], call["name"]) == (
        "function_call",
        "completed",
        "get_weather",
    )
    assert isinstance(call["arguments"], str)
    assert json.loads(call["arguments"]) == {"city": "Rome", "days": 2}
    assert item_id("fc").match(call["id"]) and CALL_ID.match(call["call_id"])


async def test_string_arguments_and_a_scripted_call_id_are_sent_as_is(serve):
    client = await serve(
        reply(
            tool_calls=[
                {"name": "get_weather", "id": "call_fixed", "arguments": '{"city":  "Rome"}'}
            ]
        )
    )
    (call,) = (await create(client, input="Weather?", tools=[WEATHER_TOOL]))["output"]
    assert (call["arguments"], call["call_id"]) == ('{"city":  "Rome"}', "call_fixed")


async def test_parallel_function_calls_are_two_items(serve):
    client = await serve(
        reply(
            tool_calls=[
                {"name": "get_weather", "arguments": {"city": "A"}},
                {"name": "get_weather", "arguments": {"city": "B"}},
            ]
        )
    )
    body = await create(client, input="Two cities", tools=[WEATHER_TOOL])
    assert [json.loads(c["arguments"])["city"] for c in body["output"]] == ["A", "B"]
    assert all(c["type"] == "function_call" for c in body["output"])
    assert (
        len({c["call_id"] for c in body["output"]}) == len({c["id"] for c in body["output"]}) == 2
    )
    events = await stream(client, input="Two cities", tools=[WEATHER_TOOL])
    added = [e for e in events if e["type"] == "response.output_item.added"]
    assert [e["output_index"] for e in added] == [0, 1]
    done = [e for e in events if e["type"] == "response.function_call_arguments.done"]
    assert [json.loads(e["arguments"]) for e in done] == [{"city": "A"}, {"city": "B"}]


# -- reasoning models -------------------------------------------------------------------------
@pytest.mark.parametrize("model", ["o3", "gpt-5", "o4-mini"])
async def test_reasoning_models_put_a_reasoning_item_first(serve, model):
    client = await serve(reply("Done thinking."))
    body = await create(client, model=model, input="Think")
    reasoning, message = body["output"]
    assert item_id("rs").match(reasoning["id"])
    assert reasoning == {"id": reasoning["id"], "type": "reasoning", "summary": []}
    assert message["content"][0]["text"] == "Done thinking."
    # the real API echoes the default effort of a reasoning model (o3, gpt-5: medium)
    assert body["reasoning"] == {"effort": "medium", "summary": None}


@pytest.mark.parametrize(("effort", "tokens"), [("low", 64), ("medium", 192), ("high", 576)])
async def test_reasoning_tokens_follow_the_effort(serve, effort, tokens):
    client = await serve(reply("Forty-two."))
    body = await create(client, model="o3", input="Think", reasoning={"effort": effort})
    usage = body["usage"]
    assert usage["output_tokens_details"]["reasoning_tokens"] == tokens
    assert usage["output_tokens"] == tokens + len(token_pieces("Forty-two."))
    assert body["reasoning"]["effort"] == effort


async def test_minimal_effort_reasons_without_tokens(serve):
    client = await serve(reply("Quick."))
    body = await create(client, model="gpt-5", input="Fast", reasoning={"effort": "minimal"})
    assert body["output"][0]["type"] == "reasoning"
    assert body["usage"]["output_tokens_details"]["reasoning_tokens"] == 0


async def test_default_effort_is_billed_as_medium(serve):
    client = await serve(reply("Forty-two."))
    body = await create(client, model="o3", input="Think")
    assert body["usage"]["output_tokens_details"]["reasoning_tokens"] == 192


async def test_non_reasoning_models_have_no_reasoning_item(serve):
    client = await serve(reply("Plain."))
    body = await create(client, model="gpt-4.1", input="Hi")
    assert [i["type"] for i in body["output"]] == ["message"]
    assert body["usage"]["output_tokens_details"]["reasoning_tokens"] == 0


async def test_summary_auto_uses_the_scenario_reasoning_text(serve):
    client = await serve(reply("42", reasoning="Adding six and seven times five."))
    body = await create(
        client, model="o3", input="Compute", reasoning={"effort": "low", "summary": "auto"}
    )
    assert body["output"][0]["summary"] == [
        {"type": "summary_text", "text": "Adding six and seven times five."}
    ]
    assert body["reasoning"] == {"effort": "low", "summary": "auto"}

    events = await stream(client, model="o3", input="Compute", reasoning={"summary": "auto"})
    assert types(events)[:5] == [
        "response.created",
        "response.in_progress",
        "response.output_item.added",
        "response.reasoning_summary_part.added",
        "response.reasoning_summary_text.delta",
    ]
    assert events[2]["item"]["summary"] == []
    assert events[3]["part"] == {"type": "summary_text", "text": ""}
    assert (
        "".join(deltas(events, "response.reasoning_summary_text.delta"))
        == "Adding six and seven times five."
    )
    (text_done,) = [e for e in events if e["type"] == "response.reasoning_summary_text.done"]
    (part_done,) = [e for e in events if e["type"] == "response.reasoning_summary_part.done"]
    assert text_done["text"] == part_done["part"]["text"] == "Adding six and seven times five."
    assert text_done["summary_index"] == part_done["summary_index"] == 0
    assert all(e["output_index"] == 0 for e in events if "summary_index" in e)
    after = types(events).index("response.reasoning_summary_part.done")
    assert types(events)[after + 1] == "response.output_item.done"


async def test_summary_without_a_scripted_text_is_generated(serve):
    client = await serve()
    body = await create(client, model="gpt-5", input="Think", reasoning={"summary": "detailed"})
    (part,) = body["output"][0]["summary"]
    assert part["type"] == "summary_text" and part["text"]


async def test_the_scenario_reasoning_text_needs_summary_to_be_asked_for(serve):
    client = await serve(reply("42", reasoning="Hidden thoughts."))
    body = await create(client, model="o3", input="Compute")
    assert body["output"][0]["summary"] == []


async def test_encrypted_content_only_when_included(serve):
    client = await serve(reply("x"))
    plain = await create(client, model="o3", input="Think")
    assert "encrypted_content" not in plain["output"][0]
    body = await create(client, model="o3", input="Think", include=["reasoning.encrypted_content"])
    blob = body["output"][0]["encrypted_content"]
    assert isinstance(blob, str) and blob.startswith("gAAAAA") and len(blob) > 40


# -- built-in tools ---------------------------------------------------------------------------
BUILTIN = {
    "web_search": (
        {"type": "web_search"},
        {"query": "mockai release"},
        "web_search_call",
        ["in_progress", "searching", "completed"],
    ),
    "file_search": (
        {"type": "file_search", "vector_store_ids": []},  # a store made by the test is added
        {"query": "quarterly report"},
        "file_search_call",
        ["in_progress", "searching", "completed"],
    ),
    "code_interpreter": (
        {"type": "code_interpreter", "container": {"type": "auto"}},
        {"code": "print(6 * 7)"},
        "code_interpreter_call",
        ["in_progress", "interpreting", "completed"],
    ),
}


@pytest.mark.parametrize("name", sorted(BUILTIN))
async def test_builtin_tool_calls_become_their_own_items_then_a_message(serve, name):
    tool, arguments, item_type, phases = BUILTIN[name]
    client = await serve(
        reply("Here is the result.", tool_calls=[{"name": name, "arguments": arguments}])
    )
    if name == "file_search":  # the search runs: in a store of the session
        store = await api_json(await post(client, {}, path="/v1/vector_stores"))
        tool = {**tool, "vector_store_ids": [store["id"]]}
    body = await create(client, input="Use the tool", tools=[tool])
    call, message = body["output"]
    prefix = {"web_search": "ws", "file_search": "fs", "code_interpreter": "ci"}[name]
    assert item_id(prefix).match(call["id"])
    assert (call["type"], call["status"]) == (item_type, "completed")
    if name == "web_search":
        assert call["action"]["type"] == "search" and call["action"]["query"] == "mockai release"
    elif name == "file_search":
        assert call["queries"] == ["quarterly report"]
    else:
        assert call["code"] == "print(6 * 7)" and call["container_id"].startswith("cntr_")
    assert message["content"][0]["text"] == "Here is the result."

    events = await stream(client, input="Use the tool", tools=[tool])
    own = [
        t.removeprefix(f"response.{item_type}.")
        for t in types(events)
        if t.startswith(f"response.{item_type}.")
    ]
    assert own == phases
    first_message = types(events).index("response.content_part.added")
    assert types(events)[2] == "response.output_item.added"
    assert events[2]["item"]["type"] == item_type and events[2]["item"]["status"] == "in_progress"
    assert types(events)[first_message - 1] == "response.output_item.added"
    assert events[first_message - 1]["output_index"] == 1
    if name == "code_interpreter":
        code = "".join(deltas(events, "response.code_interpreter_call_code.delta"))
        assert code == "print(6 * 7)"


async def test_a_builtin_name_is_a_function_call_when_the_tool_is_not_offered(serve):
    client = await serve(reply(tool_calls=[{"name": "web_search", "arguments": {"query": "q"}}]))
    own_function = {
        "type": "function",
        "name": "web_search",
        "parameters": {"type": "object", "properties": {"query": {"type": "string"}}},
    }
    body = await create(client, input="Search", tools=[own_function])
    (call,) = body["output"]
    assert (call["type"], call["name"]) == ("function_call", "web_search")
    assert json.loads(call["arguments"]) == {"query": "q"}
    body = await create(client, input="Search")
    assert [i["type"] for i in body["output"]] == ["function_call"]


async def test_any_web_search_variant_runs_a_scripted_web_search(serve):
    client = await serve(
        reply("Found.", tool_calls=[{"name": "web_search", "arguments": {"query": "q"}}])
    )
    body = await create(client, input="Search", tools=[{"type": "web_search_preview"}])
    assert [i["type"] for i in body["output"]] == ["web_search_call", "message"]


async def test_forcing_a_builtin_tool_without_a_scenario(serve):
    client = await serve()
    body = await create(
        client,
        input="Look it up",
        tools=[{"type": "web_search_preview"}],
        tool_choice={"type": "web_search_preview"},
    )
    call, message = body["output"]
    assert call["type"] == "web_search_call" and call["action"]["query"]
    assert message["type"] == "message" and message["content"][0]["text"]
    forced = await create(
        client,
        input="Call it",
        tools=[WEATHER_TOOL],
        tool_choice={"type": "function", "name": "get_weather"},
    )
    (call,) = forced["output"]
    assert call["type"] == "function_call"
    assert isinstance(json.loads(call["arguments"])["city"], str)


# -- output budget and formats ---------------------------------------------------------------
LONG = " ".join(f"word{n}" for n in range(300))


async def test_max_output_tokens_cuts_a_long_text_as_incomplete(serve):
    client = await serve(reply(LONG))
    body = await create(client, input="Talk", max_output_tokens=20)
    assert body["status"] == "incomplete"
    assert body["incomplete_details"] == {"reason": "max_output_tokens"}
    assert body["completed_at"] is None
    assert body["max_output_tokens"] == 20
    assert body["usage"]["output_tokens"] == 20
    (message,) = body["output"]
    assert message["status"] == "incomplete"
    text = message["content"][0]["text"]
    assert LONG.startswith(text) and len(token_pieces(text)) == 20

    events = await stream(client, input="Talk", max_output_tokens=20)
    assert types(events)[-1] == "response.incomplete"
    final = events[-1]["response"]
    assert final["status"] == "incomplete"
    assert final["incomplete_details"] == {"reason": "max_output_tokens"}
    assert "".join(deltas(events)) == text
    assert not any(t == "response.completed" for t in types(events))


async def test_max_output_tokens_counts_reasoning_first(serve):
    client = await serve(reply("A short answer."))
    body = await create(
        client, model="o3", input="Think", max_output_tokens=100, reasoning={"effort": "high"}
    )
    assert body["status"] == "incomplete"
    assert body["usage"]["output_tokens_details"]["reasoning_tokens"] == 100
    assert body["usage"]["output_tokens"] == 100


async def test_a_text_within_budget_is_complete(serve):
    client = await serve(reply("Short."))
    body = await create(client, input="Talk", max_output_tokens=16)
    assert body["status"] == "completed" and body["incomplete_details"] is None


SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["city", "temperature", "tags", "rain"],
    "properties": {
        "city": {"type": "string"},
        "temperature": {"type": "number"},
        "tags": {"type": "array", "items": {"type": "string", "enum": ["sun", "wind"]}},
        "rain": {"type": "boolean"},
    },
}


async def test_json_schema_default_reply_is_an_instance_of_the_schema(serve):
    client = await serve()
    fmt = {"type": "json_schema", "name": "weather", "schema": SCHEMA, "strict": True}
    body = await create(client, input="Weather as json", text={"format": fmt})
    text = body["output"][0]["content"][0]["text"]
    jsonschema.validate(json.loads(text), SCHEMA)
    assert body["text"]["format"] == fmt
    other = await create(client, input="Other weather as json please", text={"format": fmt})
    jsonschema.validate(json.loads(other["output"][0]["content"][0]["text"]), SCHEMA)


async def test_json_object_default_reply_is_a_json_object(serve):
    client = await serve()
    body = await create(client, input="Answer in JSON", text={"format": {"type": "json_object"}})
    assert isinstance(json.loads(body["output"][0]["content"][0]["text"]), dict)
    assert body["text"]["format"] == {"type": "json_object"}


async def test_json_object_needs_the_word_json_in_the_input(serve):
    client = await serve()
    response = await post(
        client,
        {
            "model": "gpt-4o",
            "input": "Answer please",
            "instructions": "Reply in JSON.",
            "text": {"format": {"type": "json_object"}},
        },
    )
    error = await error_of(response, 400)
    assert error["message"] == (
        "Response input messages must contain the word 'json' in some "
        "form to use 'text.format' of type 'json_object'."
    )
    assert error["type"] == "invalid_request_error"


# -- metadata, store, conversations, caching -------------------------------------------------
async def test_metadata_is_echoed_and_stored(serve):
    client = await serve(reply("x"))
    metadata = {"user_ref": "u-1", "run": "nightly"}
    body = await create(client, input="Hi", metadata=metadata)
    assert body["metadata"] == metadata
    stored = await (await get(client, f"/v1/responses/{body['id']}")).json()
    assert stored["metadata"] == metadata


async def test_store_false_is_not_retrievable(serve):
    client = await serve(reply("x"))
    body = await create(client, input="Hi", store=False)
    assert body["store"] is False
    error = await error_of(await get(client, f"/v1/responses/{body['id']}"), 404)
    assert error["message"] == f"Response with id '{body['id']}' not found."
    follow = await post(
        client, {"model": "gpt-4o", "input": "More", "previous_response_id": body["id"]}
    )
    assert (await error_of(follow, 400))["code"] == "previous_response_not_found"


async def test_a_conversation_carries_items_across_calls(serve):
    client = await serve(reply("Nice to meet you, Zed."))
    trip = await api_json(await post(client, {}, path="/v1/conversations"))
    other = await api_json(await post(client, {}, path="/v1/conversations"))
    first = await create(client, input="My name is Zed.", conversation=trip["id"])
    assert first["conversation"] == {"id": trip["id"]}
    alone = await create(client, input="What is my name?")
    assert "conversation" not in alone  # only a response in a conversation has it
    second = await create(client, input="What is my name?", conversation={"id": trip["id"]})
    assert second["conversation"] == {"id": trip["id"]}
    assert second["usage"]["input_tokens"] > alone["usage"]["input_tokens"] + 10
    elsewhere = await create(client, input="What is my name?", conversation=other["id"])
    assert elsewhere["usage"]["input_tokens"] == alone["usage"]["input_tokens"]
    third = await create(client, input="And again?", conversation=trip["id"])
    assert third["usage"]["input_tokens"] > second["usage"]["input_tokens"]


async def test_prompt_cache_hits_on_a_repeated_long_prefix(serve):
    client = await serve(reply("Cached or not."))
    prefix = "You are a meticulous assistant for a shipping company. " * 120
    assert len(token_pieces(prefix)) > 1024
    common = {"instructions": prefix, "prompt_cache_key": "shipping"}
    first = await create(client, input="Where is parcel 1?", **common)
    second = await create(client, input="Where is parcel 2?", **common)
    assert first["usage"]["input_tokens_details"]["cached_tokens"] == 0
    cached = second["usage"]["input_tokens_details"]["cached_tokens"]
    assert cached > 1024 - 128 and cached % 128 == 0
    assert cached <= second["usage"]["input_tokens"]
    assert second["prompt_cache_key"] == "shipping"
    other_key = await create(
        client, input="Where is parcel 3?", instructions=prefix, prompt_cache_key="another"
    )
    assert other_key["usage"]["input_tokens_details"]["cached_tokens"] == 0


async def test_short_prompts_are_never_cached(serve):
    client = await serve(reply("x"))
    for _ in range(2):
        body = await create(client, input="Short prompt", prompt_cache_key="k")
        assert body["usage"]["input_tokens_details"]["cached_tokens"] == 0
