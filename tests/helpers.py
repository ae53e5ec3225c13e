"""Helpers for tests: every JSON body and stream chunk read through them is validated
against the official OpenAPI description (`openapi.py`)."""

from __future__ import annotations

import json
from typing import Any

from openapi import parse_sse, validate_chat_chunk, validate_response

AUTH = {"Authorization": "Bearer sk-test"}


async def api_json(response, *, strict: bool = True) -> Any:
    """The response's JSON, validated against the spec for its route and status."""
    body = await response.json(content_type=None)
    path = response.url.path
    validate_response(response.method, path, response.status, body, strict=strict)
    return body


async def sse(response) -> list[Any]:
    """A chat stream's events (parsed chunks and the literal "[DONE]"), each chunk validated."""
    assert response.status == 200, await response.text()
    assert response.headers["Content-Type"] == "text/event-stream; charset=utf-8"
    events = parse_sse(await response.text())
    for event in events:
        if event != "[DONE]":
            validate_chat_chunk(event)
    return events


def chat_body(content: str = "Hello", **extra: Any) -> dict[str, Any]:
    return {"model": "gpt-4o", "messages": [{"role": "user", "content": content}], **extra}


async def post_chat(
    client, body: dict[str, Any] | None = None, headers: dict | None = None, **extra: Any
):
    return await client.post(
        "/v1/chat/completions",
        data=json.dumps(body or chat_body(**extra)),
        headers={**AUTH, **(headers or {})},
    )


async def chat_outcome(client, stream: bool = False, headers: dict | None = None) -> object:
    """What a chat request's client sees: the status, "cut" (the body ended early) or "reset"
    (no response at all)."""
    import aiohttp

    try:
        response = await post_chat(client, chat_body(stream=stream), headers)
        await response.read()
        return response.status
    except aiohttp.ClientPayloadError:
        return "cut"
    except (aiohttp.ClientOSError, aiohttp.ServerDisconnectedError):
        return "reset"
