"""`POST /v1/chat/completions`: validation, scenario step or default reply, body or stream."""

from __future__ import annotations

from mockai.endpoints import Route

ROUTES = [
    Route("POST", "/chat/completions", "handlers.create"),
]
