"""Stored chat completions (`store: true`): list with pagination and `model` / `metadata`
filters, retrieve, update metadata, delete, the request messages, streamed completions stored
as assembled, per-session isolation and errors; through the official SDK and raw HTTP.

Bodies are validated against the spec. Two documented differences between the spec and the real
API are allowed for, both shown by the spec's own examples for these routes: a stored
completion carries request facts the response schema does not declare (`request_id`, `seed`,
`temperature`...), and the message list holds the request's messages (role `user`, no
`refusal`), where the spec's item schema is the assistant response message. Both are allowed
in `tests/openapi.py` (`_patch_stored_chat`); the extras must be exactly those.
"""

from __future__ import annotations

import json

import openai
import pytest
from helpers import AUTH, api_json, chat_body, sse
from openapi import spec, validate_response, validate_schema

STORED_EXTRAS = {
    "request_id",
    "seed",
    "temperature",
    "top_p",
    "presence_penalty",
    "frequency_penalty",
    "input_user",
    "tools",
    "tool_choice",
    "response_format",
}


def check_stored(body: dict) -> None:
    validate_response("GET", "/v1/chat/completions/x", 200, body)
    declared = set(spec()["components"]["schemas"]["CreateChatCompletionResponse"]["properties"])
    assert set(body) - declared == STORED_EXTRAS


def check_list(body: dict) -> None:
    validate_response("GET", "/v1/chat/completions", 200, body)
    if not body["data"]:  # an empty page has no first or last id
        assert (body["first_id"], body["last_id"], body["has_more"]) == (None, None, False)
    for item in body["data"]:
        check_stored(item)


def check_messages(body: dict) -> None:
    validate_response("GET", "/v1/chat/completions/x/messages", 200, body)
    for message in body["data"]:
        assert {"id", "role", "content", "name", "content_parts"} <= set(message)


async def call(
    client,
    method: str,
    path: str,
    status: int = 200,
    body: dict | None = None,
    session: str | None = None,
) -> dict:
    headers = {**AUTH, **({"X-Mockai-Session": session} if session else {})}
    response = await client.request(
        method, path, headers=headers, data=json.dumps(body) if body is not None else None
    )
    data = await response.json()
    if response.status != 200:
        await api_json(response)
    assert response.status == status, data
    return data


async def create(client, session: str | None = None, **extra) -> dict:
    return await call(
        client, "POST", "/v1/chat/completions", body=chat_body(store=True, **extra), session=session
    )


def test_sdk_round_trip(mockai):
    mockai.add_scenario(
        {
            "name": "haiku",
            "match": {"endpoint": "chat.completions"},
            "reply": {"content": "Mind of circuits hum."},
        }
    )
    client = mockai.client(max_retries=0)
    created = client.chat.completions.create(
        model="gpt-4o",
        store=True,
        metadata={"topic": "poetry"},
        temperature=0.5,
        messages=[
            {"role": "developer", "content": "Be brief."},
            {"role": "user", "content": "write a haiku about ai"},
        ],
    )
    raw = client.chat.completions.with_raw_response.retrieve(created.id)
    body = raw.http_response.json()
    check_stored(body)
    stored = raw.parse()
    assert stored.id == created.id and stored.metadata == {"topic": "poetry"}
    assert stored.choices[0].message.content == "Mind of circuits hum."
    assert body["request_id"].startswith("req_") and body["temperature"] == 0.5
    assert body["usage"] == created.usage.model_dump(exclude_none=True)

    listed = client.chat.completions.list()
    assert [c.id for c in listed] == [created.id]
    messages = client.chat.completions.messages.list(created.id)
    assert [(m.id, m.role, m.content) for m in messages] == [
        (f"{created.id}-0", "developer", "Be brief."),
        (f"{created.id}-1", "user", "write a haiku about ai"),
    ]

    updated = client.chat.completions.update(created.id, metadata={"topic": "ai", "v": "2"})
    assert updated.metadata == {"topic": "ai", "v": "2"}
    deleted = client.chat.completions.delete(created.id)
    validate_schema("ChatCompletionDeleted", deleted.model_dump())
    assert (deleted.id, deleted.deleted, deleted.object) == (
        created.id,
        True,
        "chat.completion.deleted",
    )
    with pytest.raises(openai.NotFoundError):
        client.chat.completions.retrieve(created.id)
    assert list(client.chat.completions.list()) == []


async def test_only_store_true_is_kept_and_unknown_ids_are_404(serve):
    client = await serve()
    plain = await call(client, "POST", "/v1/chat/completions", body=chat_body())
    await call(client, "POST", "/v1/chat/completions", body=chat_body(store=False))
    page = await call(client, "GET", "/v1/chat/completions")
    check_list(page)
    assert page["data"] == []
    for method, suffix in (("GET", ""), ("DELETE", ""), ("GET", "/messages")):
        error = (await call(client, method, f"/v1/chat/completions/{plain['id']}{suffix}", 404))[
            "error"
        ]
        assert error == {
            "message": f"Chat completion with id '{plain['id']}' not found.",
            "type": "invalid_request_error",
            "param": None,
            "code": None,
        }
    await call(client, "POST", f"/v1/chat/completions/{plain['id']}", 404, body={"metadata": {}})


async def test_list_pagination_order_and_filters(serve):
    client = await serve()
    ids = []
    for n in range(5):
        made = await create(
            client,
            model="gpt-4o-mini" if n % 2 else "gpt-4o",
            metadata={"n": str(n), "kind": "odd" if n % 2 else "even"},
        )
        ids.append(made["id"])
    first = await call(client, "GET", "/v1/chat/completions?limit=2")
    check_list(first)
    assert [c["id"] for c in first["data"]] == ids[:2]
    assert (first["first_id"], first["last_id"], first["has_more"]) == (ids[0], ids[1], True)
    rest = await call(client, "GET", f"/v1/chat/completions?limit=10&after={ids[1]}")
    assert [c["id"] for c in rest["data"]] == ids[2:] and rest["has_more"] is False
    newest = await call(client, "GET", "/v1/chat/completions?order=desc&limit=1")
    assert [c["id"] for c in newest["data"]] == [ids[4]]

    by_model = await call(client, "GET", "/v1/chat/completions?model=gpt-4o-mini")
    assert [c["id"] for c in by_model["data"]] == [ids[1], ids[3]]
    by_snapshot = await call(client, "GET", "/v1/chat/completions?model=gpt-4o-2024-08-06")
    assert [c["id"] for c in by_snapshot["data"]] == [ids[0], ids[2], ids[4]]
    by_meta = await call(client, "GET", "/v1/chat/completions?metadata[kind]=even&metadata[n]=2")
    assert [c["id"] for c in by_meta["data"]] == [ids[2]]

    bad = (await call(client, "GET", "/v1/chat/completions?order=up", 400))["error"]
    assert (bad["param"], bad["code"]) == ("order", "invalid_value")
    assert (await call(client, "GET", "/v1/chat/completions?limit=0", 400))["error"][
        "param"
    ] == "limit"


async def test_update_replaces_metadata_in_place_and_validates(serve):
    client = await serve()
    first, second = await create(client, metadata={"a": "1"}), await create(client)
    path = f"/v1/chat/completions/{first['id']}"
    updated = await call(client, "POST", path, body={"metadata": {"b": "2"}})
    check_stored(updated)
    assert updated["metadata"] == {"b": "2"}
    order = await call(client, "GET", "/v1/chat/completions")
    assert [c["id"] for c in order["data"]] == [first["id"], second["id"]]
    assert (await call(client, "POST", path, body={"metadata": None}))["metadata"] == {}

    missing = (await call(client, "POST", path, 400, body={}))["error"]
    assert missing["message"] == "Missing required parameter: 'metadata'."
    too_many = (
        await call(client, "POST", path, 400, body={"metadata": {str(i): "x" for i in range(17)}})
    )["error"]
    assert (too_many["param"], too_many["code"]) == ("metadata", "object_above_max_properties")
    long_value = (await call(client, "POST", path, 400, body={"metadata": {"k": "x" * 513}}))[
        "error"
    ]
    assert long_value["code"] == "string_above_max_length"
    wrong = (await call(client, "POST", path, 400, body={"metadata": {"k": 1}}))["error"]
    assert (wrong["param"], wrong["code"]) == ("metadata.k", "invalid_type")


async def test_messages_keep_parts_ids_and_paginate(serve):
    client = await serve()
    parts = [
        {"type": "text", "text": "What is in "},
        {"type": "text", "text": "this image?"},
        {"type": "image_url", "image_url": {"url": "https://example.com/a.png"}},
    ]
    made = await call(
        client,
        "POST",
        "/v1/chat/completions",
        body={
            "model": "gpt-4o",
            "store": True,
            "messages": [
                {"role": "system", "content": "You describe images."},
                {"role": "user", "content": parts, "name": "ana"},
            ],
        },
    )
    path = f"/v1/chat/completions/{made['id']}/messages"
    page = await call(client, "GET", path)
    check_messages(page)
    system, user = page["data"]
    assert system == {
        "id": f"{made['id']}-0",
        "role": "system",
        "content": "You describe images.",
        "name": None,
        "content_parts": None,
    }
    assert (user["content"], user["name"], user["content_parts"]) == (
        "What is in this image?",
        "ana",
        parts,
    )
    one = await call(client, "GET", path + "?limit=1&order=desc")
    check_messages(one)
    assert ([m["id"] for m in one["data"]], one["has_more"]) == ([f"{made['id']}-1"], True)


async def test_streamed_completion_is_stored_as_assembled(serve):
    client = await serve(
        [
            {
                "name": "stream",
                "match": {"endpoint": "chat.completions", "user": "tell"},
                "reply": {"content": "Once upon a time, a stream was stored."},
            },
            {
                "name": "tool",
                "match": {"endpoint": "chat.completions", "user": "weather"},
                "reply": {"tool_calls": [{"name": "get_weather", "arguments": {"city": "Oslo"}}]},
            },
        ]
    )
    response = await client.post(
        "/v1/chat/completions",
        headers=AUTH,
        data=json.dumps(
            chat_body(
                "tell me a story", store=True, stream=True, stream_options={"include_usage": True}
            )
        ),
    )
    events = await sse(response)
    text = "".join(
        e["choices"][0]["delta"].get("content") or "" for e in events[:-1] if e["choices"]
    )
    stored = await call(client, "GET", f"/v1/chat/completions/{events[0]['id']}")
    check_stored(stored)
    assert (
        stored["choices"][0]["message"]["content"]
        == text
        == "Once upon a time, a stream was stored."
    )
    assert stored["choices"][0]["finish_reason"] == "stop"
    assert stored["usage"] == events[-2]["usage"]

    tool = {
        "type": "function",
        "function": {"name": "get_weather", "parameters": {"type": "object"}},
    }
    response = await client.post(
        "/v1/chat/completions",
        headers=AUTH,
        data=json.dumps(chat_body("weather?", store=True, stream=True, tools=[tool])),
    )
    events = await sse(response)
    stored = await call(client, "GET", f"/v1/chat/completions/{events[0]['id']}")
    check_stored(stored)
    message = stored["choices"][0]["message"]
    assert message["content"] is None and stored["choices"][0]["finish_reason"] == "tool_calls"
    (called,) = message["tool_calls"]
    deltas = [e["choices"][0]["delta"] for e in events[:-1] if e["choices"]]
    streamed = "".join(
        d["tool_calls"][0]["function"]["arguments"] for d in deltas if d.get("tool_calls")
    )
    assert called["function"] == {"name": "get_weather", "arguments": streamed}
    assert json.loads(streamed) == {"city": "Oslo"}
    assert called["id"].startswith("call_") and stored["tools"] == [tool]
    assert stored["usage"]["completion_tokens"] > 0


async def test_stream_failing_midway_is_not_stored(serve):
    client = await serve(
        [
            {
                "name": "broken",
                "match": {"endpoint": "chat.completions"},
                "reply": {
                    "content": "partial answer here",
                    "error": 500,
                    "stream": {"error_after_chunks": 2},
                },
            }
        ]
    )
    response = await client.post(
        "/v1/chat/completions", headers=AUTH, data=json.dumps(chat_body(store=True, stream=True))
    )
    await response.text()
    assert (await call(client, "GET", "/v1/chat/completions"))["data"] == []


async def test_sessions_are_isolated_and_reset_clears(serve):
    client = await serve()
    mine = await create(client, session="a")
    assert (await call(client, "GET", "/v1/chat/completions", session="b"))["data"] == []
    await call(client, "GET", f"/v1/chat/completions/{mine['id']}", 404, session="b")
    assert len((await call(client, "GET", "/v1/chat/completions", session="a"))["data"]) == 1
    await client.post("/_mockai/reset")
    assert (await call(client, "GET", "/v1/chat/completions", session="a"))["data"] == []


async def test_scenarios_can_fail_stored_routes(serve):
    client = await serve(
        [
            {
                "name": "down",
                "match": {"endpoint": "chat.completions.stored"},
                "reply": {"error": 503},
            }
        ],
        strict=True,
    )
    await call(client, "GET", "/v1/chat/completions", 503)
