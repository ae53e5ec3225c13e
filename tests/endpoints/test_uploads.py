"""`/v1/uploads` over raw HTTP: create, add parts, complete into a File, cancel, and errors."""

from __future__ import annotations

import hashlib
import re

from aiohttp import FormData
from files_support import chat_line, check, error_of, jsonl, ok, session_headers

UPLOAD_ID = re.compile(r"^upload_[0-9a-f]{32}$")
PART_ID = re.compile(r"^part_[0-9a-f]{32}$")
DATA = jsonl([chat_line(str(n)) for n in range(4)])


async def create(client, headers, size: int = len(DATA), **extra):
    body = {
        "filename": "requests.jsonl",
        "purpose": "batch",
        "bytes": size,
        "mime_type": "application/jsonl",
        **extra,
    }
    return await client.post("/v1/uploads", json=body, headers=headers)


async def add_part(client, headers, upload_id: str, data: bytes):
    form = FormData()
    form.add_field("data", data, filename="blob", content_type="application/octet-stream")
    return await client.post(f"/v1/uploads/{upload_id}/parts", data=form, headers=headers)


async def test_parts_complete_into_a_file(serve):
    client = await serve()
    headers = session_headers()
    upload = await ok(await create(client, headers), "Upload")
    assert UPLOAD_ID.match(upload["id"])
    assert (upload["object"], upload["status"], upload["bytes"], upload["file"]) == (
        "upload",
        "pending",
        len(DATA),
        None,
    )
    assert upload["expires_at"] == upload["created_at"] + 3600

    half = len(DATA) // 2
    second = await ok(await add_part(client, headers, upload["id"], DATA[half:]), "UploadPart")
    first = await ok(await add_part(client, headers, upload["id"], DATA[:half]), "UploadPart")
    assert PART_ID.match(first["id"]) and first["upload_id"] == upload["id"]
    assert first["object"] == "upload.part"

    done = await ok(
        await client.post(
            f"/v1/uploads/{upload['id']}/complete",
            headers=headers,
            json={"part_ids": [first["id"], second["id"]], "md5": hashlib.md5(DATA).hexdigest()},
        ),
        "Upload",
    )
    assert done["status"] == "completed"
    file = done["file"]
    assert (file["bytes"], file["filename"], file["purpose"], file["status"]) == (
        len(DATA),
        "requests.jsonl",
        "batch",
        "processed",
    )
    content = await client.get(f"/v1/files/{file['id']}/content", headers=headers)
    assert await content.read() == DATA

    late = await error_of(await add_part(client, headers, upload["id"], b"x"), 409)
    assert late["message"] == "Cannot add a part to an Upload with status 'completed'."
    again = await error_of(
        await client.post(
            f"/v1/uploads/{upload['id']}/complete", headers=headers, json={"part_ids": []}
        ),
        409,
    )
    assert "completed" in again["message"]


async def test_completion_checks_bytes_parts_and_md5(serve):
    client = await serve()
    headers = session_headers()
    upload = await ok(await create(client, headers), "Upload")
    part = await ok(await add_part(client, headers, upload["id"], DATA[:10]), "UploadPart")
    url = f"/v1/uploads/{upload['id']}/complete"
    short = await error_of(
        await client.post(url, headers=headers, json={"part_ids": [part["id"]]}), 400
    )
    assert short["param"] == "part_ids" and f"({len(DATA)})" in short["message"]
    unknown = await error_of(
        await client.post(url, headers=headers, json={"part_ids": ["part_x"]}), 400
    )
    assert "part_x" in unknown["message"]
    rest = await ok(await add_part(client, headers, upload["id"], DATA[10:]), "UploadPart")
    wrong = await error_of(
        await client.post(
            url, headers=headers, json={"part_ids": [part["id"], rest["id"]], "md5": "0" * 32}
        ),
        400,
    )
    assert wrong["param"] == "md5"
    over = await error_of(await add_part(client, headers, upload["id"], b"more"), 400)
    assert over["param"] == "data"
    missing = await error_of(await client.post(url, headers=headers, json={}), 400)
    assert (missing["param"], missing["code"]) == ("part_ids", "missing_required_parameter")


async def test_a_batch_upload_must_complete_into_jsonl(serve):
    client = await serve()
    headers = session_headers()
    upload = await ok(await create(client, headers, size=8), "Upload")
    part = await ok(await add_part(client, headers, upload["id"], b"not json"), "UploadPart")
    error = await error_of(
        await client.post(
            f"/v1/uploads/{upload['id']}/complete", headers=headers, json={"part_ids": [part["id"]]}
        ),
        400,
    )
    assert error["message"] == "Invalid file format for Batch API. Must be .jsonl"


async def test_cancel_refuses_later_parts(serve):
    client = await serve()
    headers = session_headers()
    upload = await ok(await create(client, headers), "Upload")
    cancelled = await ok(
        await client.post(f"/v1/uploads/{upload['id']}/cancel", headers=headers), "Upload"
    )
    assert cancelled["status"] == "cancelled"
    error = await error_of(await add_part(client, headers, upload["id"], b"x"), 409)
    assert error == {
        "message": "Cannot add a part to an Upload with status 'cancelled'.",
        "type": "invalid_request_error",
        "param": None,
        "code": None,
    }
    error = await error_of(
        await client.post(
            f"/v1/uploads/{upload['id']}/complete", headers=headers, json={"part_ids": []}
        ),
        409,
    )
    assert "cancelled" in error["message"]
    again = await ok(
        await client.post(f"/v1/uploads/{upload['id']}/cancel", headers=headers), "Upload"
    )
    assert again["status"] == "cancelled"


async def test_create_errors_and_unknown_ids(serve):
    client = await serve()
    headers = session_headers()
    error = await error_of(await create(client, headers, purpose="nope"), 400)
    assert (error["param"], error["code"]) == ("purpose", "invalid_value")
    error = await error_of(await create(client, headers, size=9 * 1024**3), 400)
    assert (error["param"], error["code"]) == ("bytes", "integer_above_max_value")
    error = await error_of(await create(client, headers, colour="red"), 400)
    assert error["code"] == "unknown_parameter"
    for path in ("/parts", "/complete", "/cancel"):
        error = await error_of(
            await client.post(
                f"/v1/uploads/upload_nope{path}", headers=headers, json={"part_ids": []}
            ),
            404,
        )
        assert error == {
            "message": "No such Upload object: upload_nope",
            "type": "invalid_request_error",
            "param": "id",
            "code": None,
        }
    check("ErrorResponse", {"error": error})
