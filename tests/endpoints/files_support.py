"""Shared helpers for the Files, Uploads and Batches tests (`test_files*.py`, `test_uploads.py`,
`test_batches*.py`).

Every body is validated against the spec, strictly; the nulls the real API sends where the spec
says otherwise (batches' unset fields, files' `status_details`) are allowed in
`tests/openapi.py`'s `_patch_real_api`, with the evidence.
"""

from __future__ import annotations

import json
import uuid
from typing import Any

from aiohttp import FormData
from helpers import AUTH
from openapi import validate_error, validate_schema


def check(schema: str, body: dict[str, Any]) -> dict[str, Any]:
    """Validate `body` as `schema` (strict: no undeclared properties) and return it."""
    validate_schema(schema, body)
    return body


async def ok(response, schema: str) -> dict[str, Any]:
    assert response.status == 200, await response.text()
    return check(schema, await response.json())


async def error_of(response, status: int) -> dict[str, Any]:
    assert response.status == status, await response.text()
    body = await response.json()
    validate_error(body)
    return body["error"]


def session_headers() -> dict[str, str]:
    return {**AUTH, "X-Mockai-Session": uuid.uuid4().hex}


def jsonl(lines: list[Any]) -> bytes:
    return "\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines).encode()


def chat_line(custom_id: str, content: str = "Hello", **body: Any) -> dict[str, Any]:
    return {
        "custom_id": custom_id,
        "method": "POST",
        "url": "/v1/chat/completions",
        "body": {
            "model": "gpt-4o-mini",
            "messages": [{"role": "user", "content": content}],
            **body,
        },
    }


async def upload(
    client,
    data: bytes,
    *,
    filename: str = "input.jsonl",
    purpose: str | None = "batch",
    headers: dict[str, str] | None = None,
    fields: dict[str, str] | None = None,
):
    form = FormData()
    if purpose is not None:
        form.add_field("purpose", purpose)
    for name, value in (fields or {}).items():
        form.add_field(name, value)
    form.add_field("file", data, filename=filename, content_type="application/octet-stream")
    return await client.post("/v1/files", data=form, headers=headers or AUTH)
