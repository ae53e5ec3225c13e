"""The official `openai` SDK's Responses resource against a real mockai server: create with
string and list input, retrieve / delete / cancel, input items with pagination, input token
counts, compaction, the `stream()` helper, `parse()` with a pydantic model, and the async
client. Raw bodies are validated through `with_raw_response`, parsed models through their
JSON dump, stream events one by one."""

from __future__ import annotations

import asyncio
import json

import openai
import pytest
from openapi import validate_response, validate_schema
from pydantic import BaseModel
from responses_support import CALL_ID, check_sdk, check_sdk_event, item_id

WEATHER_TOOL = {
    "type": "function",
    "name": "get_weather",
    "description": "Current weather",
    "parameters": {
        "type": "object",
        "properties": {"city": {"type": "string"}},
        "required": ["city"],
        "additionalProperties": False,
    },
}


def test_create_with_string_input_gives_output_text_and_a_valid_raw_body(mockai):
    mockai.add_scenario(
        {
            "name": "hello",
            "match": {"endpoint": "responses"},
            "reply": {"content": "Hello from the Responses API."},
        }
    )
    raw = mockai.client().responses.with_raw_response.create(model="gpt-4o", input="Say hello")
    validate_response("POST", "/v1/responses", 200, raw.http_response.json())
    assert raw.headers["x-request-id"].startswith("req_")
    response = raw.parse()
    check_sdk(response)
    assert item_id("resp").match(response.id)
    assert (response.object, response.status, response.model) == (
        "response",
        "completed",
        "gpt-4o-2024-08-06",
    )
    assert response.output_text == "Hello from the Responses API."
    assert response.error is None and response.incomplete_details is None
    assert response.usage.total_tokens == response.usage.input_tokens + response.usage.output_tokens
    assert [r["scenario"] for r in mockai.requests] == ["hello"]


def test_list_input_with_text_and_image_parts_and_instructions(mockai):
    mockai.add_scenario(
        {
            "name": "describe",
            "match": {"endpoint": "responses", "system": {"regex": "terse"}, "user": "describe"},
            "reply": {"content": "A red square."},
        }
    )
    content = [
        {"type": "input_text", "text": "Describe this image"},
        {"type": "input_image", "image_url": "https://example.com/red.png", "detail": "low"},
    ]
    response = mockai.client().responses.create(
        model="gpt-4o", instructions="Be terse.", input=[{"role": "user", "content": content}]
    )
    check_sdk(response)
    assert response.output_text == "A red square."
    assert response.instructions == "Be terse."
    (entry,) = mockai.requests
    assert entry["scenario"] == "describe"
    assert entry["body"]["input"][0]["content"] == content


def test_instructions_count_as_input_tokens(mockai):
    client = mockai.client()
    plain = client.responses.create(model="gpt-4o", input="Hi")
    instructed = client.responses.create(
        model="gpt-4o", input="Hi", instructions="You answer in exactly three words."
    )
    assert instructed.usage.input_tokens > plain.usage.input_tokens


def test_retrieve_returns_the_stored_response_then_delete_makes_it_404(mockai):
    client = mockai.client()
    created = client.responses.create(model="gpt-4o", input="Remember me", metadata={"run": "42"})
    raw = client.responses.with_raw_response.retrieve(created.id)
    validate_response("GET", f"/v1/responses/{created.id}", 200, raw.http_response.json())
    retrieved = raw.parse()
    assert retrieved.model_dump() == created.model_dump()
    assert retrieved.metadata == {"run": "42"}

    deleted = client.responses.with_raw_response.delete(created.id)
    # The spec declares no 200 body for this operation; its x-oaiMeta example has this one.
    assert deleted.http_response.json() == {"id": created.id, "object": "response", "deleted": True}
    with pytest.raises(openai.NotFoundError) as caught:
        client.responses.retrieve(created.id)
    assert caught.value.status_code == 404
    assert caught.value.body["message"] == f"Response with id '{created.id}' not found."
    with pytest.raises(openai.NotFoundError):
        client.responses.delete(created.id)


def test_cancel_a_queued_background_response(mockai):
    mockai.add_scenario({"name": "slow", "reply": {"content": "Too late.", "latency_ms": 500}})
    client = mockai.client()
    created = client.responses.create(model="gpt-4o", input="Take your time", background=True)
    check_sdk(created)
    assert (created.status, created.background, created.output) == ("queued", True, [])
    raw = client.responses.with_raw_response.cancel(created.id)
    validate_response("POST", f"/v1/responses/{created.id}/cancel", 200, raw.http_response.json())
    cancelled = raw.parse()
    assert (cancelled.id, cancelled.status) == (created.id, "cancelled")
    assert cancelled.output == [] and cancelled.usage is None
    again = client.responses.retrieve(created.id)
    check_sdk(again)
    assert again.status == "cancelled"
    assert client.responses.cancel(created.id).status == "cancelled"  # idempotent


def test_cancel_a_response_created_without_background_is_a_400(mockai):
    client = mockai.client()
    created = client.responses.create(model="gpt-4o", input="Quick one")
    with pytest.raises(openai.BadRequestError) as caught:
        client.responses.cancel(created.id)
    assert (
        caught.value.body["message"]
        == "Only responses created with background=true can be cancelled."
    )
    assert client.responses.retrieve(created.id).status == "completed"


def test_input_items_pages_with_limit_order_and_after(mockai):
    client = mockai.client()
    messages = [{"role": "user", "content": f"Message number {n}"} for n in range(5)]
    created = client.responses.create(model="gpt-4o", input=messages)

    raw = client.responses.input_items.with_raw_response.list(created.id, limit=2, order="asc")
    body = raw.http_response.json()
    validate_schema("ResponseItemList", body)
    validate_response("GET", f"/v1/responses/{created.id}/input_items", 200, body)
    texts = [i["content"][0]["text"] for i in body["data"]]
    assert texts == ["Message number 0", "Message number 1"]
    assert body["has_more"] is True
    assert (body["first_id"], body["last_id"]) == (body["data"][0]["id"], body["data"][1]["id"])
    assert all(
        item_id("msg").match(i["id"])
        and i["type"] == "message"
        and i["role"] == "user"
        and i["status"] == "completed"
        for i in body["data"]
    )

    page = client.responses.input_items.list(
        created.id, limit=2, order="asc", after=body["last_id"]
    )
    assert [i.content[0].text for i in page.data] == ["Message number 2", "Message number 3"]
    last = client.responses.input_items.list(
        created.id, limit=2, order="asc", after=page.data[-1].id
    )
    assert [i.content[0].text for i in last.data] == ["Message number 4"]
    assert last.has_more is False

    newest_first = client.responses.input_items.list(created.id)  # default: desc, 20
    assert [i.content[0].text for i in newest_first.data] == [
        f"Message number {n}" for n in reversed(range(5))
    ]
    assert newest_first.has_more is False
    # auto-pagination follows `after` until has_more is false
    every = [
        i.content[0].text
        for i in client.responses.input_items.list(created.id, limit=2, order="asc")
    ]
    assert every == [f"Message number {n}" for n in range(5)]


def test_input_items_of_an_unknown_response_is_a_404(mockai):
    with pytest.raises(openai.NotFoundError):
        mockai.client().responses.input_items.list("resp_" + "0" * 48)


def test_input_tokens_count_matches_what_create_bills(mockai):
    client = mockai.client()
    args = {
        "model": "gpt-4o",
        "input": "How many tokens is this sentence?",
        "instructions": "Count carefully.",
        "tools": [WEATHER_TOOL],
    }
    raw = client.responses.input_tokens.with_raw_response.count(**args)
    body = raw.http_response.json()
    validate_schema("TokenCountsResource", body)
    validate_response("POST", "/v1/responses/input_tokens", 200, body)
    assert body["object"] == "response.input_tokens"
    created = client.responses.create(**args)
    assert body["input_tokens"] == created.usage.input_tokens
    shorter = client.responses.input_tokens.count(model="gpt-4o", input="Hi")
    assert 0 < shorter.input_tokens < body["input_tokens"]


def test_input_tokens_count_includes_the_previous_response(mockai):
    client = mockai.client()
    first = client.responses.create(model="gpt-4o", input="Tell me a story about a lighthouse.")
    alone = client.responses.input_tokens.count(model="gpt-4o", input="And then?")
    chained = client.responses.input_tokens.count(
        model="gpt-4o", input="And then?", previous_response_id=first.id
    )
    assert chained.input_tokens > alone.input_tokens + first.usage.output_tokens // 2


def test_compact_keeps_user_messages_and_adds_a_compaction_item(mockai):
    client = mockai.client()
    history = [
        {"role": "user", "content": "Plan a trip to Rome."},
        {"role": "assistant", "content": "Sure: day one, the Colosseum."},
        {"role": "user", "content": "Add a museum."},
    ]
    raw = client.responses.with_raw_response.compact(model="gpt-4o", input=history)
    body = raw.http_response.json()
    validate_schema("CompactResource", body)
    validate_response("POST", "/v1/responses/compact", 200, body)
    assert body["object"] == "response.compaction"
    *kept, compaction = body["output"]
    assert [m["content"][0]["text"] for m in kept] == ["Plan a trip to Rome.", "Add a museum."]
    assert all(m["role"] == "user" for m in kept)
    assert compaction["type"] == "compaction" and compaction["encrypted_content"]
    assert (
        body["usage"]["total_tokens"]
        == body["usage"]["input_tokens"] + body["usage"]["output_tokens"]
    )
    parsed = raw.parse()
    assert parsed.output[-1].type == "compaction"


def test_stream_helper_text_and_final_response(mockai):
    mockai.add_scenario({"name": "s", "reply": {"content": "Streaming through the helper."}})
    client = mockai.client()
    with client.responses.stream(model="gpt-4o", input="Stream please") as events:
        seen = [check_sdk_event(e) for e in events]
        final = events.get_final_response()
    check_sdk(final)
    kinds = [e["type"] for e in seen]
    assert kinds[:4] == [
        "response.created",
        "response.in_progress",
        "response.output_item.added",
        "response.content_part.added",
    ]
    assert kinds[-4:] == [
        "response.output_text.done",
        "response.content_part.done",
        "response.output_item.done",
        "response.completed",
    ]
    text = "".join(e["delta"] for e in seen if e["type"] == "response.output_text.delta")
    assert text == final.output_text == "Streaming through the helper."
    assert final.id == seen[0]["response"]["id"]
    assert client.responses.retrieve(final.id).output_text == final.output_text


def test_stream_helper_function_call(mockai):
    mockai.add_scenario(
        {
            "name": "call",
            "reply": {"tool_calls": [{"name": "get_weather", "arguments": {"city": "Lisbon"}}]},
        }
    )
    with mockai.client().responses.stream(
        model="gpt-4o", input="Weather in Lisbon?", tools=[WEATHER_TOOL]
    ) as events:
        seen = [check_sdk_event(e) for e in events]
        final = events.get_final_response()
    arguments = "".join(
        e["delta"] for e in seen if e["type"] == "response.function_call_arguments.delta"
    )
    assert json.loads(arguments) == {"city": "Lisbon"}
    (done,) = [e for e in seen if e["type"] == "response.function_call_arguments.done"]
    assert (done["name"], done["arguments"]) == ("get_weather", arguments)
    (call,) = final.output
    assert (call.type, call.name, call.arguments, call.status) == (
        "function_call",
        "get_weather",
        arguments,
        "completed",
    )
    assert CALL_ID.match(call.call_id) and item_id("fc").match(call.id)
    assert final.output_text == ""


def test_create_stream_true_yields_valid_typed_events(mockai):
    mockai.add_scenario({"name": "s", "reply": {"content": "One two three."}})
    events = list(mockai.client().responses.create(model="gpt-4o", input="Count", stream=True))
    dumped = [check_sdk_event(e) for e in events]
    assert [e["sequence_number"] for e in dumped] == list(range(len(dumped)))
    assert dumped[-1]["type"] == "response.completed"
    assert dumped[-1]["response"]["output"][0]["content"][0]["text"] == "One two three."


class Weather(BaseModel):
    city: str
    temperature_c: float
    conditions: list[str]


def test_parse_with_a_pydantic_text_format_default_reply(mockai):
    parsed = mockai.client().responses.parse(
        model="gpt-4o", input="Weather as JSON", text_format=Weather
    )
    check_sdk(parsed)
    assert isinstance(parsed.output_parsed, Weather)
    assert parsed.output_parsed == Weather.model_validate_json(parsed.output_text)
    (entry,) = mockai.requests
    fmt = entry["body"]["text"]["format"]
    assert (fmt["type"], fmt["name"], fmt["strict"]) == ("json_schema", "Weather", True)
    assert parsed.text.format.type == "json_schema"


def test_parse_with_a_scripted_json_reply(mockai):
    mockai.add_scenario(
        {
            "name": "json",
            "reply": {"content": '{"city": "Oslo", "temperature_c": -3.5, "conditions": ["snow"]}'},
        }
    )
    parsed = mockai.client().responses.parse(
        model="gpt-4o", input="Weather as JSON", text_format=Weather
    )
    assert parsed.output_parsed == Weather(city="Oslo", temperature_c=-3.5, conditions=["snow"])


def test_async_client_create_stream_and_retrieve(mockai):
    mockai.add_scenario({"name": "a", "reply": {"content": "Async hello."}})

    async def run():
        client = mockai.async_client()
        created = await client.responses.create(model="gpt-4o-mini", input="Hi")
        events = [
            check_sdk_event(e)
            async for e in await client.responses.create(
                model="gpt-4o-mini", input="Hi", stream=True
            )
        ]
        async with client.responses.stream(model="gpt-4o-mini", input="Hi") as helper:
            async for _ in helper:
                pass
            final = await helper.get_final_response()
        retrieved = await client.responses.retrieve(created.id)
        await client.close()
        return created, events, final, retrieved

    created, events, final, retrieved = asyncio.run(run())
    check_sdk(created)
    assert created.output_text == final.output_text == "Async hello."
    assert created.model == "gpt-4o-mini-2024-07-18"
    assert events[-1]["response"]["output"][0]["content"][0]["text"] == "Async hello."
    assert retrieved.id == created.id
