"""The Conversations API over raw HTTP: every route, its errors, items as the real API shows
them, pages and `include`, scenarios, sessions and reset, `--lenient`, and the Responses calls
that continue a conversation (context, appended items, token counts, the WebSocket mode).
Every body is validated against the description (`api_json`)."""

from __future__ import annotations

import re
import time
from typing import Any

import pytest
from helpers import AUTH, api_json
from openapi import validate_schema
from websocket_support import connect, create, terminal, until

from mockai.toolkit import conversations

CONV_ID = re.compile(r"^conv_[0-9a-f]{48}$")
MSG_ID = re.compile(r"^msg_[0-9a-f]{48}$")
HELLO = {"type": "message", "role": "user", "content": "Hello!"}
REPLY = {"name": "reply", "match": {"endpoint": "responses"}, "reply": {"content": "Hi there."}}


async def call(client, method: str, path: str, status: int = 200, **kwargs: Any) -> Any:
    headers = {**AUTH, **kwargs.pop("headers", {})}
    response = await client.request(method, "/v1" + path, headers=headers, **kwargs)
    assert response.status == status, await response.text()
    return await api_json(response)


async def error(client, method: str, path: str, status: int, **kwargs: Any) -> dict[str, Any]:
    return (await call(client, method, path, status, **kwargs))["error"]


async def made(client, **body: Any) -> dict[str, Any]:
    return await call(client, "POST", "/conversations", json=body)


async def items(client, conversation: str, **params: str) -> dict[str, Any]:
    return await call(client, "GET", f"/conversations/{conversation}/items", params=params)


async def respond(client, status: int = 200, **body: Any) -> dict[str, Any]:
    body.setdefault("model", "gpt-4o")
    answer = await call(client, "POST", "/responses", status, json=body)
    if status == 200:
        validate_schema("Response", answer)
    return answer


def texts(page: dict[str, Any]) -> list[tuple[str, str]]:
    return [
        (item["role"], item["content"][0]["text"])
        for item in page["data"]
        if item["type"] == "message"
    ]


# -- conversations ------------------------------------------------------------------------------
async def test_create_with_initial_items_retrieve_update_delete(serve):
    client = await serve()
    before = int(time.time())
    conversation = await made(client, metadata={"topic": "demo"}, items=[HELLO])
    assert CONV_ID.match(conversation["id"])
    assert conversation["object"] == "conversation"
    assert before <= conversation["created_at"] <= time.time()
    assert conversation["metadata"] == {"topic": "demo"}
    path = f"/conversations/{conversation['id']}"
    assert await call(client, "GET", path) == conversation

    [item] = (await items(client, conversation["id"]))["data"]
    assert MSG_ID.match(item["id"])
    assert item == {
        "id": item["id"],
        "type": "message",
        "role": "user",
        "content": [{"type": "input_text", "text": "Hello!"}],
        "status": "completed",
    }

    updated = await call(client, "POST", path, json={"metadata": {"topic": "project-x"}})
    assert updated == {**conversation, "metadata": {"topic": "project-x"}}
    assert await call(client, "GET", path) == updated

    gone = await call(client, "DELETE", path)
    assert gone == {"id": conversation["id"], "object": "conversation.deleted", "deleted": True}
    missing = await error(client, "GET", path, 404)
    assert missing == {
        "message": f"Conversation with id '{conversation['id']}' not found.",
        "type": "invalid_request_error",
        "param": None,
        "code": None,
    }


async def test_a_conversation_made_without_anything_is_empty(serve):
    client = await serve()
    conversation = await made(client)
    assert conversation["metadata"] == {}
    page = await items(client, conversation["id"])
    assert page == {
        "object": "list",
        "data": [],
        "first_id": None,
        "last_id": None,
        "has_more": False,
    }


@pytest.mark.parametrize(
    ("method", "suffix", "body"),
    [
        ("GET", "", None),
        ("POST", "", {"metadata": {}}),
        ("DELETE", "", None),
        ("POST", "/items", {"items": [HELLO]}),
        ("GET", "/items", None),
        ("GET", "/items/msg_1", None),
        ("DELETE", "/items/msg_1", None),
    ],
)
async def test_every_route_answers_the_real_404_for_an_unknown_conversation(
    serve, method, suffix, body
):
    client = await serve()
    found = await error(client, method, f"/conversations/conv_nope{suffix}", 404, json=body)
    assert (found["message"], found["param"]) == (
        "Conversation with id 'conv_nope' not found.",
        None,
    )


@pytest.mark.parametrize("route", ["create", "update"])
@pytest.mark.parametrize(
    ("metadata", "message", "param", "code"),
    [
        (
            {f"k{n}": "v" for n in range(17)},
            "Invalid 'metadata': too many properties. Expected an object with at most 16 "
            "properties, but got an object with 17 properties instead.",
            "metadata",
            "object_above_max_properties",
        ),
        (
            {"k" * 65: "v"},
            "Invalid 'metadata': string too long. Expected a string with maximum length 64, but "
            "got a string with length 65 instead.",
            "metadata",
            "string_above_max_length",
        ),
        (
            {"k": "v" * 513},
            "Invalid 'metadata.k': string too long. Expected a string with maximum length 512, "
            "but got a string with length 513 instead.",
            "metadata.k",
            "string_above_max_length",
        ),
        (
            {"k": 1},
            "Invalid type for 'metadata.k': expected a string, but got an integer instead.",
            "metadata.k",
            "invalid_type",
        ),
    ],
)
async def test_metadata_limits(serve, route, metadata, message, param, code):
    client = await serve()
    path = "/conversations"
    if route == "update":
        path += "/" + (await made(client))["id"]
    found = await error(client, "POST", path, 400, json={"metadata": metadata})
    assert (found["message"], found["param"], found["code"]) == (message, param, code)


async def test_update_needs_metadata_and_takes_no_other_field(serve):
    client = await serve()
    path = f"/conversations/{(await made(client))['id']}"
    missing = await error(client, "POST", path, 400, json={})
    assert (missing["param"], missing["code"]) == ("metadata", "missing_required_parameter")
    unknown = await error(client, "POST", path, 400, json={"metadata": {}, "title": "x"})
    assert unknown["message"] == "Unknown parameter: 'title'."


# -- items --------------------------------------------------------------------------------------
async def test_items_are_added_in_order_as_the_real_api_shows_them(serve):
    client = await serve()
    conversation = (await made(client, items=[HELLO]))["id"]
    new = [
        {"type": "message", "role": "user", "content": [{"type": "input_text", "text": "Hi"}]},
        {"role": "assistant", "content": "Hello! How can I help?"},
        {"type": "function_call", "call_id": "call_1", "name": "lookup", "arguments": "{}"},
        {"type": "function_call_output", "call_id": "call_1", "output": "42"},
    ]
    added = await call(client, "POST", f"/conversations/{conversation}/items", json={"items": new})
    assert [i["type"] for i in added["data"]] == [
        "message",
        "message",
        "function_call",
        "function_call_output",
    ]
    assert (added["first_id"], added["last_id"], added["has_more"]) == (
        added["data"][0]["id"],
        added["data"][-1]["id"],
        False,
    )
    assistant = added["data"][1]
    assert assistant["content"] == [
        {"type": "output_text", "text": "Hello! How can I help?", "annotations": [], "logprobs": []}
    ]
    assert all(i["status"] == "completed" for i in added["data"])
    assert added["data"][2]["id"].startswith("fc_") and added["data"][3]["id"].startswith("fco_")
    listed = await items(client, conversation, order="asc")
    assert [i["id"] for i in listed["data"]][1:] == [i["id"] for i in added["data"]]


@pytest.mark.parametrize("route", ["create", "items"])
async def test_at_most_20_items_a_call(serve, route):
    client = await serve()
    path = "/conversations"
    if route == "items":
        path += f"/{(await made(client))['id']}/items"
    found = await error(client, "POST", path, 400, json={"items": [HELLO] * 21})
    assert found == {
        "message": "Invalid 'items': array too long. Expected an array with maximum length 20, "
        "but got an array with length 21 instead.",
        "type": "invalid_request_error",
        "param": "items",
        "code": "array_above_max_length",
    }
    assert (await call(client, "POST", path, json={"items": [HELLO] * 20}))["object"]


@pytest.mark.parametrize(
    ("item", "param", "code"),
    [
        ({"type": "bogus"}, "items[0].type", "invalid_value"),
        ({"role": "robot", "content": "Hi"}, "items[0].role", "invalid_value"),
        ({"type": "message", "role": "user"}, "items[0].content", "missing_required_parameter"),
        (
            {"type": "function_call_output", "output": "1"},
            "items[0].call_id",
            "missing_required_parameter",
        ),
        ("hello", "items[0]", "invalid_type"),
    ],
)
async def test_bad_items_are_refused_where_they_are(serve, item, param, code):
    client = await serve()
    found = await error(client, "POST", "/conversations", 400, json={"items": [item]})
    assert (found["param"], found["code"]) == (param, code)


async def test_an_item_id_may_not_repeat(serve):
    client = await serve()
    mine = {**HELLO, "id": "msg_mine"}
    conversation = (await made(client, items=[mine]))["id"]
    path = f"/conversations/{conversation}/items"
    again = await error(client, "POST", path, 400, json={"items": [mine]})
    assert again == {
        "message": "Duplicate item found with id msg_mine. Remove duplicate items from your "
        "input and try again.",
        "type": "invalid_request_error",
        "param": "items",
        "code": None,
    }
    twice = [{**HELLO, "id": "msg_b"}, {**HELLO, "id": "msg_b"}]
    assert (await error(client, "POST", path, 400, json={"items": twice}))["param"] == "items"


async def test_retrieve_and_delete_an_item(serve):
    client = await serve()
    conversation = await made(client, items=[HELLO, {**HELLO, "content": "Second"}])
    key = conversation["id"]
    first, second = (await items(client, key, order="asc"))["data"]
    assert await call(client, "GET", f"/conversations/{key}/items/{first['id']}") == first

    answer = await call(client, "DELETE", f"/conversations/{key}/items/{first['id']}")
    assert answer == conversation  # the conversation object, as the description says
    assert (await items(client, key))["data"] == [second]
    for method in ("GET", "DELETE"):
        found = await error(client, method, f"/conversations/{key}/items/{first['id']}", 404)
        assert found == {
            "message": f"Item with id '{first['id']}' not found in conversation.",
            "type": "invalid_request_error",
            "param": None,
            "code": None,
        }


async def test_item_pages(serve):
    client = await serve()
    conversation = (await made(client, items=[{**HELLO, "content": f"m{n}"} for n in range(5)]))[
        "id"
    ]
    everything = await items(client, conversation, order="asc")
    ids = [i["id"] for i in everything["data"]]
    newest = await items(client, conversation, limit="2")  # desc by default
    assert [i["id"] for i in newest["data"]] == ids[::-1][:2]
    assert (newest["first_id"], newest["last_id"], newest["has_more"]) == (ids[4], ids[3], True)
    after = await items(client, conversation, limit="2", after=newest["last_id"])
    assert [i["id"] for i in after["data"]] == [ids[2], ids[1]] and after["has_more"]
    last = await items(client, conversation, limit="2", after=ids[1])
    assert [i["id"] for i in last["data"]] == [ids[0]] and not last["has_more"]
    oldest = await items(client, conversation, order="asc", limit="3", after=ids[0])
    assert [i["id"] for i in oldest["data"]] == ids[1:4]
    path = f"/conversations/{conversation}/items"
    for params, param in (
        ({"limit": "0"}, "limit"),
        ({"limit": "101"}, "limit"),
        ({"order": "up"}, "order"),
    ):
        assert (await error(client, "GET", path, 400, params=params))["param"] == param


async def test_include_adds_what_it_names(serve):
    client = await serve([REPLY])
    conversation = (await made(client))["id"]
    await respond(
        client,
        input="Hi",
        conversation=conversation,
        include=["message.output_text.logprobs"],
        top_logprobs=2,
    )
    reasoning = {
        "type": "reasoning",
        "id": "rs_1",
        "summary": [],
        "encrypted_content": "gAAAAAsecret",
    }
    path = f"/conversations/{conversation}/items"
    created = await call(client, "POST", path, json={"items": [reasoning]})
    assert "encrypted_content" not in created["data"][0]

    plain = await items(client, conversation, order="asc")
    answer = plain["data"][1]
    assert answer["role"] == "assistant" and answer["content"][0]["logprobs"] == []
    assert "encrypted_content" not in plain["data"][2]

    wanted = ["message.output_text.logprobs", "reasoning.encrypted_content"]
    full = await call(
        client, "GET", path, params=[("include[]", w) for w in wanted] + [("order", "asc")]
    )
    assert full["data"][1]["content"][0]["logprobs"]  # kept from the turn that asked for them
    assert full["data"][2]["encrypted_content"] == "gAAAAAsecret"
    one = await call(
        client,
        "GET",
        f"{path}/rs_1",
        params={"include": "reasoning.encrypted_content"},
    )
    assert one["encrypted_content"] == "gAAAAAsecret"

    bogus = await error(client, "GET", path, 400, params={"include[]": "bogus.thing"})
    assert (bogus["param"], bogus["code"]) == ("include[0]", "invalid_value")
    assert bogus["message"].startswith(
        "Invalid value: 'bogus.thing'. Supported values are: 'file_search_call.results', "
    )


async def test_a_conversation_keeps_at_most_max_items(serve, monkeypatch):
    monkeypatch.setattr(conversations, "MAX_ITEMS", 3)
    client = await serve()
    conversation = (await made(client, items=[{**HELLO, "content": f"m{n}"} for n in range(5)]))[
        "id"
    ]
    page = await items(client, conversation, order="asc")
    assert [text for _, text in texts(page)] == ["m2", "m3", "m4"]


# -- sessions, reset, scenarios -----------------------------------------------------------------
async def test_each_session_has_its_own_and_reset_forgets_them(serve):
    client = await serve()
    mine = {"X-Mockai-Session": "a"}
    conversation = (await call(client, "POST", "/conversations", json={}, headers=mine))["id"]
    await call(client, "GET", f"/conversations/{conversation}", headers=mine)
    await error(
        client, "GET", f"/conversations/{conversation}", 404, headers={"X-Mockai-Session": "b"}
    )
    await client.post("/_mockai/reset?session=a")
    await error(client, "GET", f"/conversations/{conversation}", 404, headers=mine)


async def test_scenarios_script_errors_latency_and_literal_bodies(serve):
    literal = {"object": "list", "data": [], "first_id": None, "last_id": None, "has_more": False}
    client = await serve(
        [
            {
                "name": "refuse",
                "match": {"endpoint": "conversations"},
                "replies": [
                    {"error": {"status": 503, "message": "scripted outage"}},
                    {"content": "ok", "latency_ms": 150},
                ],
            },
            {
                "name": "items",
                "match": {"endpoint": "conversations.items"},
                "reply": {"body": literal},
            },
        ]
    )
    refused = await error(client, "POST", "/conversations", 503, json={})
    assert refused["message"] == "scripted outage"
    started = time.monotonic()
    conversation = await made(client, items=[HELLO])
    assert time.monotonic() - started >= 0.15
    assert await items(client, conversation["id"]) == literal  # not the message it holds


# -- Responses continuing a conversation --------------------------------------------------------
async def test_responses_read_and_extend_the_conversation(serve):
    client = await serve([REPLY])
    conversation = (await made(client, items=[{**HELLO, "content": "My name is Zed."}]))["id"]
    first = await respond(client, input="What is my name?", conversation=conversation)
    assert first["conversation"] == {"id": conversation}
    second = await respond(client, input="And again?", conversation={"id": conversation})
    assert second["usage"]["input_tokens"] > first["usage"]["input_tokens"]
    assert texts(await items(client, conversation, order="asc")) == [
        ("user", "My name is Zed."),
        ("user", "What is my name?"),
        ("assistant", "Hi there."),
        ("user", "And again?"),
        ("assistant", "Hi there."),
    ]
    # The conversation's items come first in the response's input items.
    inputs = await call(
        client, "GET", f"/responses/{second['id']}/input_items", params={"order": "asc"}
    )
    assert [i["type"] for i in inputs["data"]] == ["message"] * 4
    # A previous_response_id chain from a turn sees what the conversation held then, and
    # token counting agrees with the response.
    chained = await respond(client, input="Once more?", previous_response_id=second["id"])
    assert "conversation" not in chained  # only a response in a conversation has it
    third = await respond(client, input="Once more?", conversation=conversation)
    assert chained["usage"]["input_tokens"] == third["usage"]["input_tokens"]
    counted = await call(
        client,
        "POST",
        "/responses/input_tokens",
        json={"model": "gpt-4o", "input": "Once more?", "conversation": conversation},
    )
    assert counted["input_tokens"] > third["usage"]["input_tokens"]  # the third turn is in it now


async def test_responses_refuse_an_unknown_conversation_and_a_second_continuation(serve):
    client = await serve([REPLY])
    unknown = await respond(client, 404, input="Hi", conversation="conv_nope")
    assert unknown["error"] == {
        "message": "Conversation with id 'conv_nope' not found.",
        "type": "invalid_request_error",
        "param": None,
        "code": None,
    }
    conversation = (await made(client))["id"]
    previous = await respond(client, input="Hi")
    both = await respond(
        client, 400, input="Hi", conversation=conversation, previous_response_id=previous["id"]
    )
    assert both["error"]["code"] == "mutually_exclusive_parameters"
    item = {**HELLO, "id": "msg_once"}
    await call(client, "POST", f"/conversations/{conversation}/items", json={"items": [item]})
    again = await respond(client, 400, input=[item], conversation=conversation)
    assert (again["error"]["param"], again["error"]["message"]) == (
        "input",
        "Duplicate item found with id msg_once. Remove duplicate items from your input and "
        "try again.",
    )
    counted = await error(
        client,
        "POST",
        "/responses/input_tokens",
        404,
        json={"model": "gpt-4o", "input": "Hi", "conversation": {"id": "conv_nope"}},
    )
    assert counted["message"] == "Conversation with id 'conv_nope' not found."


async def test_the_websocket_mode_continues_a_conversation_too(serve):
    client = await serve([REPLY])
    conversation = (await made(client))["id"]
    ws = await connect(client)
    await ws.send_str(create("Hello over the socket", conversation=conversation))
    events = await until(ws, terminal)
    assert events[-1]["response"]["conversation"] == {"id": conversation}
    await ws.close()
    assert texts(await items(client, conversation, order="asc")) == [
        ("user", "Hello over the socket"),
        ("assistant", "Hi there."),
    ]


# -- --lenient ----------------------------------------------------------------------------------
async def test_lenient_any_conversation_and_item_id_exists(serve):
    client = await serve([REPLY], lenient=True)
    found = await call(client, "GET", "/conversations/conv_anything")
    assert found["id"] == "conv_anything" and found["object"] == "conversation"
    item = await call(client, "GET", "/conversations/conv_anything/items/msg_anything")
    assert item["id"] == "msg_anything"
    assert await call(client, "GET", "/conversations/conv_anything/items/msg_anything") == item
    answer = await respond(client, input="Hi", conversation="conv_elsewhere")
    assert answer["conversation"] == {"id": "conv_elsewhere"}
    assert len((await items(client, "conv_elsewhere"))["data"]) == 2
    # the real API's own rules do not apply: metadata limits, duplicate ids
    await made(client, metadata={f"k{n}": "v" for n in range(17)})
    await call(
        client,
        "POST",
        "/conversations/conv_anything/items",
        json={"items": [{**HELLO, "id": "msg_anything"}]},
    )
