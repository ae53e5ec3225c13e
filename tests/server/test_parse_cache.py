"""Identical request bodies share one parse (mockai.toolkit.parsed): the answers must still be
each request's own, errors must still be reported every time, and the memo must be bounded."""

from __future__ import annotations

import json

import pytest
from helpers import AUTH, api_json, chat_body, post_chat
from pydantic import ValidationError

from mockai.toolkit.parsed import PARSED_BODIES, PARSED_BODY_BYTES
from mockai.toolkit.state import STATE

SCRIPTED = """
- name: weather
  match: {user: weather}
  reply:
    tool_calls:
      - {name: get_weather, arguments: {city: Paris}}
- name: pinned
  match: {user: pinned}
  reply:
    tool_calls:
      - {id: call_pinned, name: get_weather, arguments: {city: Oslo}}
- name: long
  match: {user: long}
  reply: {content: "one two three four five six seven eight nine ten"}
"""


async def test_the_same_body_twice_gets_two_answers_of_its_own(serve):
    client = await serve("- name: hi\n  match: {user: hello}\n  reply: {content: Hi there.}\n")
    first, second = [await api_json(await post_chat(client, chat_body("hello"))) for _ in range(2)]
    assert first["id"] != second["id"]
    assert first["choices"] == second["choices"]
    assert first["usage"] == second["usage"]
    entries = (await (await client.get("/_mockai/requests")).json())["data"]
    assert [e["body"] for e in entries] == [chat_body("hello")] * 2
    assert len({e["id"] for e in entries}) == 2


async def test_a_bad_body_is_refused_every_time(serve):
    client = await serve()
    body = chat_body(temperature=5)
    for _ in range(3):
        response = await post_chat(client, body)
        assert response.status == 400
        assert (await response.json())["error"]["param"] == "temperature"
    body = {"messages": [{"role": "user", "content": "no model"}]}
    for _ in range(2):
        response = await client.post("/v1/chat/completions", data=json.dumps(body), headers=AUTH)
        assert response.status == 400
        assert "model" in (await response.json())["error"]["message"]


async def test_a_scripted_call_without_an_id_gets_a_new_one_each_answer(serve):
    client = await serve(SCRIPTED)
    ids = [
        (await api_json(await post_chat(client, chat_body("weather?"))))["choices"][0]["message"][
            "tool_calls"
        ][0]["id"]
        for _ in range(3)
    ]
    assert len(set(ids)) == 3
    pinned = [
        (await api_json(await post_chat(client, chat_body("pinned?"))))["choices"][0]["message"][
            "tool_calls"
        ][0]["id"]
        for _ in range(2)
    ]
    assert pinned == ["call_pinned", "call_pinned"]


async def test_a_scripted_reply_is_cut_by_each_request_own_limit(serve):
    client = await serve(SCRIPTED)
    answers = [
        await api_json(await post_chat(client, chat_body("long", **extra)))
        for extra in ({}, {"max_tokens": 3}, {}, {"max_tokens": 5}, {"stop": " four"})
    ]
    texts = [a["choices"][0]["message"]["content"] for a in answers]
    assert texts == [
        "one two three four five six seven eight nine ten",
        "one two three",
        texts[0],
        "one two three four five",
        "one two three",
    ]
    assert [a["choices"][0]["finish_reason"] for a in answers] == [
        "stop",
        "length",
        "stop",
        "length",
        "stop",
    ]
    assert [a["usage"]["completion_tokens"] for a in answers] == [10, 3, 10, 5, 3]


async def test_the_parse_cache_is_bounded_in_entries_and_body_size(serve):
    client = await serve()
    parsed = client.app[STATE].parsed
    small = chat_body("hi")
    assert (await post_chat(client, small)).status == 200
    assert (await post_chat(client, small)).status == 200
    assert len(parsed) == 1  # the same bytes: one entry
    large = chat_body("x " * PARSED_BODY_BYTES)
    assert (await post_chat(client, large)).status == 200
    assert len(parsed) == 1  # too large to keep
    for i in range(PARSED_BODIES + 5):
        assert (await post_chat(client, chat_body(f"hi {i}"))).status == 200
    assert len(parsed) == PARSED_BODIES


async def test_a_parsed_body_cannot_be_changed(serve):
    client = await serve()
    assert (await post_chat(client, chat_body("hi"))).status == 200
    [entry] = client.app[STATE].parsed._entries.values()
    with pytest.raises(TypeError):
        entry.body["model"] = "other"  # type: ignore[index]
    with pytest.raises(ValidationError):
        entry.model.model = "other"


async def test_a_default_reply_repeats_but_its_forced_calls_get_new_ids(serve):
    client = await serve()
    texts = [
        (await api_json(await post_chat(client, chat_body("anything", n=2))))["choices"]
        for _ in range(2)
    ]
    assert [c["message"]["content"] for c in texts[0]] == [
        c["message"]["content"] for c in texts[1]
    ]
    assert texts[0][0]["message"]["content"] != texts[0][1]["message"]["content"]
    tool = {
        "type": "function",
        "function": {
            "name": "lookup",
            "parameters": {
                "type": "object",
                "properties": {"q": {"type": "string"}},
                "required": ["q"],
            },
        },
    }
    body = chat_body("call it", tools=[tool], tool_choice="required")
    calls = [
        (await api_json(await post_chat(client, body)))["choices"][0]["message"]["tool_calls"][0]
        for _ in range(2)
    ]
    assert calls[0]["function"] == calls[1]["function"]
    assert calls[0]["id"] != calls[1]["id"]
