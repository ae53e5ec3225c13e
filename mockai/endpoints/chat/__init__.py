"""`POST /v1/chat/completions`: validation, scenario step or default reply, body or stream
(`handlers`).

Stored chat completions (`stored`): `GET /v1/chat/completions` (list, filtered by `model` and
`metadata[key]=value`), `GET|POST|DELETE /v1/chat/completions/{completion_id}` (retrieve,
update metadata, delete) and `GET /v1/chat/completions/{completion_id}/messages`.
Completions get there through `state.keep` when created with `store: true`. Objects live in the
session's store; lists run oldest first unless `order=desc`.
"""

from __future__ import annotations

from mockai.endpoints import Route

ROUTES = [
    Route("POST", "/chat/completions", "handlers.create", scenario="chat.completions"),
    Route(
        "GET", "/chat/completions", "stored.list_completions", scenario="chat.completions.stored"
    ),
    Route(
        "GET",
        "/chat/completions/{completion_id}",
        "stored.retrieve",
        scenario="chat.completions.stored",
    ),
    Route(
        "POST",
        "/chat/completions/{completion_id}",
        "stored.update",
        scenario="chat.completions.stored",
    ),
    Route(
        "DELETE",
        "/chat/completions/{completion_id}",
        "stored.delete",
        scenario="chat.completions.stored",
    ),
    Route(
        "GET",
        "/chat/completions/{completion_id}/messages",
        "stored.messages",
        scenario="chat.completions.stored",
    ),
]
