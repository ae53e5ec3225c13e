"""Shared helpers for the Realtime WebSocket tests: every server event read through them is
validated against the description's schema for its type (the `RealtimeServerEvent` members)."""

from __future__ import annotations

import json
from typing import Any

import aiohttp
from helpers import AUTH
from openapi import spec, validate_schema


def _members() -> dict[str, str]:
    """Each server event type -> the name of its schema in the `RealtimeServerEvent` union."""
    schemas = spec()["components"]["schemas"]
    out = {}
    for ref in schemas["RealtimeServerEvent"]["anyOf"]:
        name = ref["$ref"].rpartition("/")[2]
        out[schemas[name]["properties"]["type"]["enum"][0]] = name
    return out


MEMBERS = _members()


def check(event: dict[str, Any]) -> dict[str, Any]:
    validate_schema(MEMBERS[event["type"]], event)
    return event


async def connect(client, model: str = "gpt-realtime", headers: dict[str, str] | None = None):
    return await client.ws_connect(
        f"/v1/realtime?model={model}", headers={**AUTH, **(headers or {})}
    )


async def receive(ws) -> dict[str, Any]:
    message = await ws.receive(timeout=10)
    assert message.type == aiohttp.WSMsgType.TEXT, message
    return check(json.loads(message.data))


async def until(ws, kind: str) -> list[dict[str, Any]]:
    """Events up to and including the first of type `kind`."""
    events = []
    while True:
        events.append(await receive(ws))
        if events[-1]["type"] == kind:
            return events


def text_item(text: str, role: str = "user") -> dict[str, Any]:
    part = "output_text" if role == "assistant" else "input_text"
    return {"type": "message", "role": role, "content": [{"type": part, "text": text}]}
