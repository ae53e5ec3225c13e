"""The Conversations API through the official SDK: a conversation made with initial items and
continued by Responses turns, its items paged, the routes' objects and errors, and reset. Every
object is validated against the description as the JSON it came from."""

from __future__ import annotations

import openai
import pytest
from openapi import validate_schema

ECHO = {
    "name": "echo",
    "match": {"endpoint": "responses"},
    "reply": {"content": "Answer to: {{ last_user_message }}"},
}


def check(schema: str, model) -> None:
    validate_schema(schema, model.model_dump(mode="json", exclude_unset=True))


def said(item) -> tuple[str, str]:
    return item.role, item.content[0].text


def test_three_responses_turns_in_a_conversation(mockai):
    mockai.add_scenario(ECHO)
    client = mockai.client()
    conversation = client.conversations.create(
        items=[{"type": "message", "role": "user", "content": "My name is Zed."}],
        metadata={"topic": "names"},
    )
    check("ConversationResource", conversation)
    turns = []
    for question in ("What is my name?", "Are you sure?", "Say it once more."):
        response = client.responses.create(
            model="gpt-4o", input=question, conversation=conversation.id
        )
        check("Response", response)
        assert response.conversation is not None and response.conversation.id == conversation.id
        turns.append(response)
    first, second, third = (t.usage.input_tokens for t in turns)
    assert first < second < third

    listed = list(client.conversations.items.list(conversation.id, order="asc"))
    for item in listed:
        check("ConversationItem", item)
    assert [said(item) for item in listed] == [
        ("user", "My name is Zed."),
        ("user", "What is my name?"),
        ("assistant", "Answer to: What is my name?"),
        ("user", "Are you sure?"),
        ("assistant", "Answer to: Are you sure?"),
        ("user", "Say it once more."),
        ("assistant", "Answer to: Say it once more."),
    ]
    assert [item.id for item in listed][-1] == turns[-1].output[0].id


def test_items_page_through_the_sdk(mockai):
    client = mockai.client()
    conversation = client.conversations.create(
        items=[{"type": "message", "role": "user", "content": f"m{n}"} for n in range(5)]
    )
    page = client.conversations.items.list(conversation.id, limit=2)
    check("ConversationItemList", page)
    assert [said(i)[1] for i in page.data] == ["m4", "m3"] and page.has_more
    assert [said(i)[1] for i in page.get_next_page().data] == ["m2", "m1"]
    everything = client.conversations.items.list(conversation.id, limit=2)
    assert [said(i)[1] for i in everything] == ["m4", "m3", "m2", "m1", "m0"]


def test_the_routes_objects_and_errors(mockai):
    client = mockai.client(max_retries=0)
    conversation = client.conversations.create()
    assert conversation.metadata == {}
    updated = client.conversations.update(conversation.id, metadata={"stage": "two"})
    check("ConversationResource", updated)
    assert client.conversations.retrieve(conversation.id).metadata == {"stage": "two"}

    added = client.conversations.items.create(
        conversation.id,
        items=[
            {"type": "message", "role": "user", "content": [{"type": "input_text", "text": "A"}]},
            {"type": "message", "role": "assistant", "content": "B"},
        ],
    )
    check("ConversationItemList", added)
    first = added.data[0]
    assert client.conversations.items.retrieve(first.id, conversation_id=conversation.id) == first
    after = client.conversations.items.delete(first.id, conversation_id=conversation.id)
    check("ConversationResource", after)
    assert after.id == conversation.id
    with pytest.raises(openai.NotFoundError, match="not found in conversation"):
        client.conversations.items.retrieve(first.id, conversation_id=conversation.id)
    with pytest.raises(openai.BadRequestError, match="maximum length 20"):
        client.conversations.items.create(
            conversation.id, items=[{"role": "user", "content": "x"}] * 21
        )

    deleted = client.conversations.delete(conversation.id)
    check("DeletedConversationResource", deleted)
    assert (deleted.id, deleted.deleted) == (conversation.id, True)
    with pytest.raises(openai.NotFoundError, match=f"Conversation with id '{conversation.id}'"):
        client.conversations.retrieve(conversation.id)
    with pytest.raises(openai.NotFoundError):
        client.responses.create(model="gpt-4o", input="Hi", conversation=conversation.id)


def test_reset_forgets_conversations(mockai):
    client = mockai.client(max_retries=0)
    conversation = client.conversations.create()
    mockai.reset()
    with pytest.raises(openai.NotFoundError):
        client.conversations.retrieve(conversation.id)
