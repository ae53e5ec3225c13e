"""`/v1/conversations`: create a conversation (with up to 20 initial items), retrieve it, update
its metadata, delete it; list its items (cursor pages, `order`, `include`), add items, retrieve
and delete one.

A conversation's items are Responses input items, kept as the real API answers them (an id with
the real prefix, `status: completed`, message text as `input_text` / `output_text` parts); a
Responses call with `conversation` reads them as its context and appends its input and output
items (`mockai/toolkit/conversations.py`). Real wordings: `Conversation with id '...' not
found.` and `Item with id '...' not found in conversation.` (404), metadata's limits, at most
20 items per call, duplicate item ids.
"""

from __future__ import annotations

from mockai.endpoints import Route

ROUTES = [
    Route("POST", "/conversations", "handlers.create", scenario="conversations"),
    Route("GET", "/conversations/{conversation_id}", "handlers.retrieve", scenario="conversations"),
    Route("POST", "/conversations/{conversation_id}", "handlers.update", scenario="conversations"),
    Route(
        "DELETE", "/conversations/{conversation_id}", "handlers.delete", scenario="conversations"
    ),
    Route(
        "POST",
        "/conversations/{conversation_id}/items",
        "handlers.create_items",
        scenario="conversations.items",
    ),
    Route(
        "GET",
        "/conversations/{conversation_id}/items",
        "handlers.list_items",
        scenario="conversations.items",
    ),
    Route(
        "GET",
        "/conversations/{conversation_id}/items/{item_id}",
        "handlers.retrieve_item",
        scenario="conversations.items",
    ),
    Route(
        "DELETE",
        "/conversations/{conversation_id}/items/{item_id}",
        "handlers.delete_item",
        scenario="conversations.items",
    ),
]
