"""Shared checks for the Responses API tests (`test_responses_*.py`).

Every body read through these helpers is validated against the spec (`Response` for the
object, `ErrorResponse` for errors) and every stream against the rules the recordings in
mockai/spec/streams/responses-*.sse show: `event:` equals the payload's `type`, each
payload is a `ResponseStreamEvent`, `sequence_number` runs from 0 without gaps, and there is
no `[DONE]` terminator.
"""

from __future__ import annotations

import json
import re
from typing import Any

from helpers import AUTH, api_json
from openapi import parse_sse_events, validate_schema

from mockai.tokenizer import encoding_sync

SSE_TYPE = "text/event-stream; charset=utf-8"


def item_id(prefix: str) -> re.Pattern[str]:
    """Responses ids: prefix + 48 hex digits (`resp_`, `msg_`, `fc_`, `rs_`, `ws_`...)."""
    return re.compile(rf"^{prefix}_[0-9a-f]{{48}}$")


CALL_ID = re.compile(r"^call_[A-Za-z0-9]{24}$")


async def post(
    client,
    body: dict[str, Any] | None = None,
    *,
    path: str = "/v1/responses",
    raw: bytes | None = None,
    headers: dict[str, str] | None = None,
):
    data = raw if raw is not None else json.dumps(body or {})
    return await client.post(
        path, data=data, headers={**AUTH, "Content-Type": "application/json", **(headers or {})}
    )


async def create(client, **body: Any) -> dict[str, Any]:
    """A non-streamed `POST /v1/responses` that must succeed; the validated Response body."""
    body.setdefault("model", "gpt-4o")
    response = await post(client, body)
    assert response.status == 200, await response.text()
    found = await api_json(response)
    validate_schema("Response", found)
    return found


async def get(client, path: str):
    return await client.get(path, headers=AUTH)


async def error_of(response, status: int) -> dict[str, Any]:
    """The `error` object of a failed call, after checking status and ErrorResponse shape."""
    assert response.status == status, await response.text()
    return (await api_json(response))["error"]


def check_events(text: str) -> list[dict[str, Any]]:
    """Parse and check a Responses event stream; returns the payloads in order."""
    pairs = parse_sse_events(text)
    assert pairs, "empty stream"
    payloads = []
    for name, data in pairs:
        assert data != "[DONE]", "the Responses API sends no [DONE]"
        assert name == data["type"], f"event: {name} carries type {data['type']}"
        validate_schema("ResponseStreamEvent", data)
        payloads.append(data)
    assert [p["sequence_number"] for p in payloads] == list(range(len(payloads)))
    for frame in text.split("\n\n"):
        if frame:
            assert re.fullmatch(r"event: [a-z_.]+\ndata: \{.*\}", frame, re.S), frame[:200]
    return payloads


async def read_events(response) -> list[dict[str, Any]]:
    assert response.status == 200, await response.text()
    assert response.headers["Content-Type"] == SSE_TYPE
    return check_events(await response.text())


async def stream(client, **body: Any) -> list[dict[str, Any]]:
    """A streamed `POST /v1/responses`; its checked event payloads."""
    body.setdefault("model", "gpt-4o")
    return await read_events(await post(client, {**body, "stream": True}))


def types(events: list[dict[str, Any]]) -> list[str]:
    return [e["type"] for e in events]


def deltas(events: list[dict[str, Any]], kind: str = "response.output_text.delta") -> list[str]:
    return [e["delta"] for e in events if e["type"] == kind]


def token_pieces(text: str, encoding: str = "o200k_base") -> list[str]:
    enc = encoding_sync(encoding)
    return [enc.decode([t]) for t in enc.encode_ordinary(text)]


# What the SDK's `stream()` / `parse()` helpers add to the models they build; never on the wire.
SDK_ADDED = ("snapshot", "parsed", "parsed_arguments")


def _wire(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _wire(v) for k, v in value.items() if k not in SDK_ADDED}
    if isinstance(value, list):
        return [_wire(v) for v in value]
    return value


def check_sdk(obj: Any, schema: str = "Response") -> dict[str, Any]:
    """Validate an SDK model as the JSON it was parsed from (fields the server sent)."""
    # warnings off: dumping the helpers' Parsed* generics warns although the output is right
    dumped = _wire(obj.model_dump(mode="json", exclude_unset=True, by_alias=True, warnings=False))
    validate_schema(schema, dumped)
    return dumped


def check_sdk_event(event: Any) -> dict[str, Any]:
    """Validate one SDK stream event as sent."""
    return check_sdk(event, "ResponseStreamEvent")
