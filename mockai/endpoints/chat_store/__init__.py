"""Stored chat completions: `GET /v1/chat/completions` (list, filtered by `model` and
`metadata[key]=value`), `GET|POST|DELETE /v1/chat/completions/{completion_id}` (retrieve,
update metadata, delete) and `GET /v1/chat/completions/{completion_id}/messages`.

Completions get here through `store.keep` when created with `store: true` (see the chat
handler). Objects live in the session's store; lists run oldest first unless `order=desc`.
"""

from __future__ import annotations

from mockai.endpoints import Route

ROUTES = [
    Route("GET", "/chat/completions", "handlers.list_completions"),
    Route("GET", "/chat/completions/{completion_id}", "handlers.retrieve"),
    Route("POST", "/chat/completions/{completion_id}", "handlers.update"),
    Route("DELETE", "/chat/completions/{completion_id}", "handlers.delete"),
    Route("GET", "/chat/completions/{completion_id}/messages", "handlers.messages"),
]
