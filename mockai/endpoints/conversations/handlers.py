"""The handlers of this family's `ROUTES` (see the package's docstring): create, retrieve,
update and delete a conversation; add, list, retrieve and delete its items; imported on the
family's first request."""

from __future__ import annotations

from typing import Any

from aiohttp import web

from mockai.endpoints.conversations.render import deleted, item_list, shown_page
from mockai.endpoints.conversations.request import (
    CreateConversation,
    CreateItems,
    UpdateConversation,
    includes,
)
from mockai.inputitems import normalise, shown
from mockai.toolkit import conversations
from mockai.toolkit.conversations import KEPT, KIND, WHOLE, Conversation, as_item
from mockai.toolkit.http import json_response, read_body
from mockai.toolkit.lenient import generated
from mockai.toolkit.pagination import page
from mockai.toolkit.scripted import answer_if_targeted
from mockai.toolkit.state import exchange_of, state_of
from mockai.validation import check_metadata

CONVERSATIONS = "conversations"  # the scenario endpoint names
ITEMS = "conversations.items"


def _conversation(request: web.Request) -> Conversation:
    """The conversation the route names (the real 404; `--lenient`: any id is one)."""
    key = request.match_info["conversation_id"]
    return conversations.find(state_of(request), exchange_of(request).session, key)


def _added(
    request: web.Request, conversation: Conversation, raw: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """`raw` items checked, normalised and added to `conversation`: the added ones, as kept.
    `--lenient` takes any item the description allows: one of the rarer types is filled in to
    a whole conversation item where its input form leaves out what the item's schema requires
    (messages and function calls and outputs are whole once normalised)."""
    lenient = state_of(request).settings.lenient
    new = normalise(raw, multi_agent=lenient, field="items")
    if not lenient:
        conversations.check_unique(conversation.context(), new, "items")
        return conversation.add(new)
    filled = [
        item
        if item["type"] in WHOLE
        else generated(request, "getConversationItem", item["id"], **as_item(item))
        for item in new
        if item["type"] in KEPT
    ]
    return conversation.add(filled)


# -- conversations ------------------------------------------------------------------------------
async def create(request: web.Request) -> web.Response:
    req, body = await read_body(request, CreateConversation)
    if not state_of(request).settings.lenient:
        check_metadata(req.metadata)
    await answer_if_targeted(request, CONVERSATIONS, body)
    conversation = Conversation.new(req.metadata)
    _added(request, conversation, req.items or [])
    key = conversation.body["id"]
    state_of(request).store.put(exchange_of(request).session, KIND, key, conversation)
    return json_response(conversation.body)


async def retrieve(request: web.Request) -> web.Response:
    await answer_if_targeted(request, CONVERSATIONS, {})
    return json_response(_conversation(request).body)


async def update(request: web.Request) -> web.Response:
    req, body = await read_body(request, UpdateConversation)
    if not state_of(request).settings.lenient:
        check_metadata(req.metadata)
    await answer_if_targeted(request, CONVERSATIONS, body)
    conversation = _conversation(request)
    conversation.body["metadata"] = dict(req.metadata or {})  # replaced whole, as elsewhere
    return json_response(conversation.body)


async def delete(request: web.Request) -> web.Response:
    """The conversation goes; its items are not deleted (the description's words): the
    responses that made them still list them as their input or output."""
    await answer_if_targeted(request, CONVERSATIONS, {})
    key = _conversation(request).body["id"]
    state_of(request).store.delete(exchange_of(request).session, KIND, key)
    return json_response(deleted(key))


# -- items --------------------------------------------------------------------------------------
async def create_items(request: web.Request) -> web.Response:
    include = includes(request.query)
    req, body = await read_body(request, CreateItems)
    await answer_if_targeted(request, ITEMS, body)
    return json_response(item_list(_added(request, _conversation(request), req.items), include))


async def list_items(request: web.Request) -> web.Response:
    include = includes(request.query)
    await answer_if_targeted(request, ITEMS, {})
    return json_response(shown_page(page(_conversation(request).context(), request), include))


async def retrieve_item(request: web.Request) -> web.Response:
    include = includes(request.query)
    await answer_if_targeted(request, ITEMS, {})
    conversation = _conversation(request)
    item_id = request.match_info["item_id"]
    if item_id not in conversation.items and state_of(request).settings.lenient:
        conversation.add([generated(request, "getConversationItem", item_id)])
    return json_response(shown(conversation.item(item_id), include))


async def delete_item(request: web.Request) -> web.Response:
    """Answers the conversation, as the description says."""
    await answer_if_targeted(request, ITEMS, {})
    conversation = _conversation(request)
    item_id = request.match_info["item_id"]
    if item_id in conversation.items or not state_of(request).settings.lenient:
        conversation.remove(item_id)
    return json_response(conversation.body)
