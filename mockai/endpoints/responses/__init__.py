"""`POST /v1/responses` and the response lifecycle routes (retrieve, delete, cancel,
input items, input token counts, compaction), and the WebSocket mode (`GET /v1/responses`
upgraded)."""

from __future__ import annotations

from mockai.endpoints import Route

ROUTES = [
    Route("POST", "/responses", "handlers.create", scenario="responses"),
    Route("GET", "/responses", "websocket.connect"),  # the WebSocket mode
    Route("POST", "/responses/input_tokens", "lifecycle.input_tokens"),
    Route("POST", "/responses/compact", "lifecycle.compact"),
    Route("GET", "/responses/{response_id}", "lifecycle.retrieve"),
    Route("DELETE", "/responses/{response_id}", "lifecycle.delete"),
    Route("POST", "/responses/{response_id}/cancel", "lifecycle.cancel"),
    Route("GET", "/responses/{response_id}/input_items", "lifecycle.input_items"),
]
