"""Shared helpers for the Responses WebSocket mode tests (`test_responses_websocket*.py`).

Every server event read through them is validated against the description's
`ResponsesServerEvent`, except the steering events and the steered `response.incomplete`,
which only the official SDK defines yet: those are parsed with the SDK's own event models."""

from __future__ import annotations

import json
from typing import Any

import aiohttp
from helpers import AUTH
from openai.types.responses import (
    ResponseSteerAcceptedEvent,
    ResponseSteerFailedEvent,
    ResponseSteerPendingEvent,
)
from openapi import validate_schema

SLOW = {"chunk_ms": 30}  # pacing that keeps a response streaming while other things happen
SDK_ONLY = {
    "response.steer.accepted": ResponseSteerAcceptedEvent,
    "response.steer.failed": ResponseSteerFailedEvent,
    "response.steer.pending": ResponseSteerPendingEvent,
}


def check(event: dict[str, Any]) -> dict[str, Any]:
    """Validate one server event: against the description, or the SDK for steering."""
    model = SDK_ONLY.get(event["type"])
    if model is not None:
        assert model.model_validate(event).model_dump(exclude_unset=True) == event
    elif (event.get("response") or {}).get("incomplete_details") == {"reason": "steered"}:
        validate_schema(
            "ResponsesServerEvent",
            {
                **event,
                "response": {
                    **event["response"],
                    "incomplete_details": {"reason": "max_output_tokens"},
                },
            },
        )
    else:
        validate_schema("ResponsesServerEvent", event)
    return event


async def connect(client, headers: dict[str, str] | None = None, path: str = "/v1/responses"):
    return await client.ws_connect(path, headers={**AUTH, **(headers or {})})


async def receive(ws, *, checked: bool = True) -> dict[str, Any]:
    message = await ws.receive(timeout=10)
    assert message.type == aiohttp.WSMsgType.TEXT, message
    event = json.loads(message.data)
    return check(event) if checked else event


async def until(ws, predicate) -> list[dict[str, Any]]:
    """Events up to and including the first for which `predicate` holds."""
    events = []
    while True:
        events.append(await receive(ws))
        if predicate(events[-1]):
            return events


def terminal(event: dict[str, Any]) -> bool:
    return event["type"] in (
        "response.completed",
        "response.incomplete",
        "response.failed",
        "error",
    )


def create(input: str = "hi", **fields: Any) -> str:
    return json.dumps({"type": "response.create", "model": "gpt-4o", "input": input, **fields})
