"""`/v1/files` over raw HTTP: upload, list, retrieve, content, delete, and their errors."""

from __future__ import annotations

import re

import pytest
from files_support import chat_line, check, error_of, jsonl, ok, session_headers, upload
from helpers import AUTH

from mockai.endpoints.files import handlers as files_module
from mockai.toolkit import files as stored_files

FILE_ID = re.compile(r"^file-[A-Za-z0-9]{22}$")
DATA = jsonl([chat_line("a"), chat_line("b")])


async def test_upload_retrieve_download_delete(serve):
    client = await serve()
    created = await ok(await upload(client, DATA), "OpenAIFile")
    assert FILE_ID.match(created["id"])
    assert (
        created["object"],
        created["bytes"],
        created["filename"],
        created["purpose"],
        created["status"],
        created["status_details"],
    ) == ("file", len(DATA), "input.jsonl", "batch", "processed", None)
    assert created["expires_at"] == created["created_at"] + 30 * 24 * 3600  # batch files: 30 days

    again = await ok(await client.get(f"/v1/files/{created['id']}", headers=AUTH), "OpenAIFile")
    assert again == created
    content = await client.get(f"/v1/files/{created['id']}/content", headers=AUTH)
    assert content.status == 200 and await content.read() == DATA
    assert content.headers["Content-Type"] == "application/octet-stream"
    assert content.headers["x-request-id"].startswith("req_")

    deleted = await client.delete(f"/v1/files/{created['id']}", headers=AUTH)
    assert deleted.status == 200
    body = await deleted.json()
    check("DeleteFileResponse", body)
    assert body == {"id": created["id"], "object": "file", "deleted": True}
    for method, path in (("GET", ""), ("GET", "/content"), ("DELETE", "")):
        gone = await client.request(method, f"/v1/files/{created['id']}{path}", headers=AUTH)
        error = await error_of(gone, 404)
        assert error == {
            "message": f"No such File object: {created['id']}",
            "type": "invalid_request_error",
            "param": "id",
            "code": None,
        }


async def test_other_purposes_never_expire_unless_asked(serve):
    client = await serve()
    kept = await ok(
        await upload(client, b"notes", filename="notes.txt", purpose="user_data"), "OpenAIFile"
    )
    assert kept["expires_at"] is None
    soon = await ok(
        await upload(
            client,
            b"x",
            filename="x.txt",
            purpose="assistants",
            fields={"expires_after[anchor]": "created_at", "expires_after[seconds]": "3600"},
        ),
        "OpenAIFile",
    )
    assert soon["expires_at"] == soon["created_at"] + 3600
    error = await error_of(
        await upload(
            client,
            b"x",
            filename="x.txt",
            purpose="assistants",
            fields={"expires_after[anchor]": "created_at", "expires_after[seconds]": "60"},
        ),
        400,
    )
    assert (error["param"], error["code"]) == ("expires_after.seconds", "integer_below_min_value")


async def test_list_pages_newest_first_and_filters_by_purpose(serve):
    client = await serve()
    headers = session_headers()
    empty = await ok(await client.get("/v1/files", headers=headers), "ListFilesResponse")
    assert empty == {
        "object": "list",
        "data": [],
        "first_id": None,
        "last_id": None,
        "has_more": False,
    }
    ids = []
    for n in range(5):
        purpose = "batch" if n % 2 == 0 else "user_data"
        created = await ok(
            await upload(client, DATA, purpose=purpose, headers=headers), "OpenAIFile"
        )
        ids.append(created["id"])

    listed = await ok(await client.get("/v1/files", headers=headers), "ListFilesResponse")
    assert [f["id"] for f in listed["data"]] == ids[::-1]
    assert (listed["first_id"], listed["last_id"], listed["has_more"]) == (ids[-1], ids[0], False)

    first = await ok(await client.get("/v1/files?limit=2", headers=headers), "ListFilesResponse")
    assert [f["id"] for f in first["data"]] == [ids[4], ids[3]] and first["has_more"] is True
    rest = await ok(
        await client.get(f"/v1/files?limit=2&after={first['last_id']}", headers=headers),
        "ListFilesResponse",
    )
    assert [f["id"] for f in rest["data"]] == [ids[2], ids[1]] and rest["has_more"] is True

    oldest = await ok(
        await client.get("/v1/files?order=asc&limit=1", headers=headers), "ListFilesResponse"
    )
    assert [f["id"] for f in oldest["data"]] == [ids[0]]
    batch_only = await ok(
        await client.get("/v1/files?purpose=batch", headers=headers), "ListFilesResponse"
    )
    assert [f["id"] for f in batch_only["data"]] == [ids[4], ids[2], ids[0]]

    other_session = await ok(
        await client.get("/v1/files", headers=session_headers()), "ListFilesResponse"
    )
    assert other_session["data"] == []
    bad = await error_of(await client.get("/v1/files?limit=0", headers=headers), 400)
    assert (bad["param"], bad["code"]) == ("limit", "invalid_value")
    bad = await error_of(await client.get("/v1/files?order=up", headers=headers), 400)
    assert bad["param"] == "order"


async def test_purpose_errors(serve):
    client = await serve()
    error = await error_of(await upload(client, DATA, purpose="vector_store"), 400)
    assert error == {
        "message": "'vector_store' is not one of ['fine-tune', 'assistants', 'batch', 'user_data', "
        "'vision', 'evals'] - 'purpose'",
        "type": "invalid_request_error",
        "param": "purpose",
        "code": None,
    }
    error = await error_of(await upload(client, DATA, purpose=None), 400)
    assert (error["message"], error["param"]) == ("'purpose' is a required property", "purpose")


async def test_missing_file_and_bad_multipart(serve):
    client = await serve()
    error = await error_of(
        await client.post("/v1/files", data={"purpose": "batch"}, headers=AUTH), 400
    )
    assert (error["message"], error["param"]) == ("'file' is a required property", "file")
    error = await error_of(
        await client.post("/v1/files", json={"purpose": "batch"}, headers=AUTH), 400
    )
    assert error["param"] == "file"
    broken = await client.post(
        "/v1/files",
        data=b"--nope\r\ngarbage",
        headers={**AUTH, "Content-Type": "multipart/form-data"},
    )
    error = await error_of(broken, 400)
    assert "multipart" in error["message"]


@pytest.mark.parametrize(
    "filename, data",
    [
        ("requests.txt", DATA),  # not .jsonl
        ("requests.jsonl", b"{not json\n" + DATA),  # first line is not JSON
        ("requests.jsonl", b"\n\n"),  # nothing in it
    ],
)
async def test_batch_files_must_be_jsonl(serve, filename, data):
    client = await serve()
    error = await error_of(await upload(client, data, filename=filename), 400)
    assert error == {
        "message": "Invalid file format for Batch API. Must be .jsonl",
        "type": "invalid_request_error",
        "param": None,
        "code": None,
    }


async def test_a_bad_line_after_the_first_is_left_to_the_batch(serve):
    client = await serve()
    created = await ok(await upload(client, jsonl([chat_line("a"), "{broken"])), "OpenAIFile")
    assert created["status"] == "processed"


async def test_size_limits(serve, monkeypatch):
    monkeypatch.setattr(stored_files, "MAX_BATCH_FILE_BYTES", len(DATA) - 1)
    monkeypatch.setattr(files_module, "MAX_FILE_BYTES", 3 * len(DATA))
    client = await serve()
    error = await error_of(await upload(client, DATA), 400)
    assert error == {
        "message": "File is too large.",
        "type": "invalid_request_error",
        "param": None,
        "code": None,
    }
    assert (await upload(client, DATA, purpose="user_data")).status == 200
    error = await error_of(await upload(client, DATA * 4, purpose="user_data"), 400)
    assert error["message"] == "File is too large."


async def test_journal_records_the_form_not_the_bytes(serve):
    client = await serve()
    headers = session_headers()
    await ok(await upload(client, DATA, headers=headers), "OpenAIFile")
    journal = await (
        await client.get(f"/_mockai/requests?session={headers['X-Mockai-Session']}")
    ).json()
    body = journal["data"][0]["body"]
    assert body == {
        "purpose": "batch",
        "file": {
            "filename": "input.jsonl",
            "bytes": len(DATA),
            "content_type": "application/octet-stream",
        },
    }


async def test_only_scenarios_naming_the_endpoint_answer_uploads(serve):
    client = await serve(
        [
            {
                "name": "refuse-uploads",
                "match": {"endpoint": "files", "file_name": "blocked*"},
                "reply": {"error": 503},
            },
            {"name": "catch-all", "replies": [{"content": "first"}, {"content": "second"}]},
        ]
    )
    headers = session_headers()
    error = await error_of(
        await upload(client, DATA, filename="blocked.jsonl", headers=headers), 503
    )
    assert error["type"] == "server_error"
    await ok(await upload(client, DATA, headers=headers), "OpenAIFile")
    journal = await (
        await client.get(f"/_mockai/requests?session={headers['X-Mockai-Session']}")
    ).json()
    assert [e["scenario"] for e in journal["data"]] == ["refuse-uploads", None]
