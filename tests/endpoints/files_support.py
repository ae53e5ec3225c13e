"""Shared helpers for the Files, Uploads and Batches tests (`test_files*.py`, `test_uploads.py`,
`test_batches*.py`).

Every body is validated against the spec. The spec leaves some fields non-nullable that the
real API sends as null, so those (and only those) are dropped before validating:
- Batch: the spec's own example shows `errors`, `failed_at`, `expired_at`, `cancelling_at` and
  `cancelled_at` as null; real batches show `output_file_id`, `error_file_id`, `model` and the
  other timestamps null until set (ProjectTech4DevAI/kaapi-backend#723 quotes one).
- OpenAIFile: `status_details: null` and `expires_at` (null for files that never expire) as in
  the real upload quoted in BerriAI/litellm#37527.
- ListFilesResponse / ListBatchesResponse: `first_id`/`last_id` are null on an empty page;
  ListFilesResponse requires them, so they are checked as strings when present and otherwise
  stand in as "" (the only value the check then sees is the null allowed here).
"""

from __future__ import annotations

import json
import uuid
from typing import Any

from aiohttp import FormData
from helpers import AUTH
from openapi import validate_error, validate_schema

REAL_NULLS = {
    "Batch": {
        "errors",
        "output_file_id",
        "error_file_id",
        "in_progress_at",
        "finalizing_at",
        "completed_at",
        "failed_at",
        "expired_at",
        "cancelling_at",
        "cancelled_at",
        "model",
    },
    "OpenAIFile": {"expires_at", "status_details"},
    "Upload": set(),
}
LISTS = {"ListFilesResponse": "OpenAIFile", "ListBatchesResponse": "Batch"}


def without_real_nulls(schema: str, body: dict[str, Any]) -> dict[str, Any]:
    if schema in LISTS:
        ends = {k: "" for k in ("first_id", "last_id") if body.get(k, "") is None}
        return {
            **body,
            **ends,
            "data": [without_real_nulls(LISTS[schema], item) for item in body["data"]],
        }
    out = {k: v for k, v in body.items() if not (v is None and k in REAL_NULLS.get(schema, ()))}
    if schema == "Upload" and isinstance(out.get("file"), dict):
        out["file"] = without_real_nulls("OpenAIFile", out["file"])
    return out


def check(schema: str, body: dict[str, Any]) -> dict[str, Any]:
    """Validate `body` as `schema` (strict: no undeclared properties) and return it."""
    validate_schema(schema, without_real_nulls(schema, body))
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
