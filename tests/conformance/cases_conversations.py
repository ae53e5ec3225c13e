"""Conformance cases of the Conversations API: a conversation made with an initial message, its
items added, listed, retrieved and deleted, and a Responses turn continuing it."""

from __future__ import annotations

from typing import Any

from cases import Api, case

HELLO = {"type": "message", "role": "user", "content": "Hello!"}


async def _conversation(api: Api, **body: Any) -> dict[str, Any]:
    body.setdefault("items", [HELLO])
    return await api.made("POST", "/v1/conversations", json=body)


@case("createConversation")
async def _create(api: Api):
    body = {"metadata": {"topic": "demo"}, "items": [HELLO]}
    return await api.send("POST", "/v1/conversations", json=body)


@case("getConversation")
async def _get(api: Api):
    return await api.send("GET", f"/v1/conversations/{(await _conversation(api))['id']}")


@case("updateConversation")
async def _update(api: Api):
    path = f"/v1/conversations/{(await _conversation(api))['id']}"
    return await api.send("POST", path, json={"metadata": {"topic": "project-x"}})


@case("deleteConversation")
async def _delete(api: Api):
    return await api.send("DELETE", f"/v1/conversations/{(await _conversation(api))['id']}")


@case("createConversationItems")
async def _create_items(api: Api):
    path = f"/v1/conversations/{(await _conversation(api))['id']}/items"
    items = [
        {"type": "message", "role": "user", "content": [{"type": "input_text", "text": "Hi"}]},
        {"type": "message", "role": "assistant", "content": "Hello! How can I help?"},
    ]
    return await api.send("POST", path, json={"items": items})


@case("listConversationItems")
async def _list_items(api: Api):
    conversation = (await _conversation(api))["id"]
    body = {"model": "gpt-4o-mini", "input": "How are you?", "conversation": conversation}
    await api.made("POST", "/v1/responses", json=body)  # a turn's items join the conversation
    params = {"limit": "2", "order": "asc", "include[]": "message.output_text.logprobs"}
    return await api.send("GET", f"/v1/conversations/{conversation}/items", params=params)


@case("getConversationItem")
async def _get_item(api: Api):
    conversation = (await _conversation(api))["id"]
    listed = await api.made("GET", f"/v1/conversations/{conversation}/items")
    return await api.send("GET", f"/v1/conversations/{conversation}/items/{listed['last_id']}")


@case("deleteConversationItem")
async def _delete_item(api: Api):
    conversation = (await _conversation(api))["id"]
    listed = await api.made("GET", f"/v1/conversations/{conversation}/items")
    path = f"/v1/conversations/{conversation}/items/{listed['first_id']}"
    return await api.send("DELETE", path)
