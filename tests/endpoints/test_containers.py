"""`/v1/containers` over raw HTTP: containers and their files, expiry, the real errors,
scenarios, sessions and `--lenient`. Every body is validated against the description."""

from __future__ import annotations

import base64
import re
import time

import pytest
from aiohttp import FormData
from files_support import session_headers
from helpers import AUTH, api_json
from test_skills import FOLDER, form, zip_of

from mockai.toolkit import containers
from mockai.toolkit.state import STATE

CONTAINER_ID = re.compile(r"^cntr_[0-9a-f]{48}$")
FILE_ID = re.compile(r"^cfile_[0-9a-f]{32}$")
CSV = b"a,b\n1,2\n"
NOTES = b"# Notes\n"


async def ok(response) -> dict:
    assert response.status == 200, await response.text()
    return await api_json(response)


async def error_of(response, status: int) -> dict:
    assert response.status == status, await response.text()
    return (await api_json(response))["error"]


async def make(client, headers=AUTH, **body) -> dict:
    return await ok(
        await client.post("/v1/containers", json={"name": "box", **body}, headers=headers)
    )


async def upload(
    client, container_id: str, data: bytes = CSV, name: str = "data.csv", headers=AUTH
):
    form = FormData()
    form.add_field("file", data, filename=name, content_type="text/csv")
    return await client.post(f"/v1/containers/{container_id}/files", data=form, headers=headers)


def held(client, headers, container_id: str) -> containers.StoredContainer:
    state = client.app[STATE]
    found = state.store.get(headers.get("X-Mockai-Session"), containers.KIND, container_id)
    assert found is not None
    return found


def idle(client, headers, container_id: str, minutes: float) -> None:
    held(client, headers, container_id).body["last_active_at"] -= int(minutes * 60)


async def test_create_list_retrieve_delete(serve):
    client = await serve()
    made = await make(client)
    assert CONTAINER_ID.match(made["id"])
    now = int(time.time())
    assert made == {
        "id": made["id"],
        "object": "container",
        "created_at": made["created_at"],
        "status": "running",
        "expires_after": {"anchor": "last_active_at", "minutes": 20},
        "last_active_at": made["created_at"],
        "memory_limit": "1g",
        "name": "box",
    }
    assert abs(made["created_at"] - now) <= 2
    other = await make(
        client,
        name="other",
        memory_limit="4g",
        expires_after={"anchor": "last_active_at", "minutes": 5},
    )
    assert (other["memory_limit"], other["expires_after"]["minutes"]) == ("4g", 5)

    listed = await ok(await client.get("/v1/containers", headers=AUTH))
    assert [c["id"] for c in listed["data"]] == [other["id"], made["id"]]  # newest first
    assert (listed["first_id"], listed["last_id"], listed["has_more"]) == (
        other["id"],
        made["id"],
        False,
    )
    page = await ok(
        await client.get("/v1/containers", params={"order": "asc", "limit": "1"}, headers=AUTH)
    )
    assert [c["id"] for c in page["data"]] == [made["id"]] and page["has_more"] is True
    rest = await ok(
        await client.get(
            "/v1/containers", params={"order": "asc", "after": made["id"]}, headers=AUTH
        )
    )
    assert [c["id"] for c in rest["data"]] == [other["id"]]
    named = await ok(await client.get("/v1/containers", params={"name": "other"}, headers=AUTH))
    assert [c["id"] for c in named["data"]] == [other["id"]]

    assert await ok(await client.get(f"/v1/containers/{made['id']}", headers=AUTH)) == made
    deleted = await ok(await client.delete(f"/v1/containers/{made['id']}", headers=AUTH))
    assert deleted == {"id": made["id"], "object": "container.deleted", "deleted": True}
    for method in ("GET", "DELETE"):
        error = await error_of(
            await client.request(method, f"/v1/containers/{made['id']}", headers=AUTH), 404
        )
        assert error == {
            "message": f"Container with id '{made['id']}' not found.",
            "type": "invalid_request_error",
            "param": None,
            "code": None,
        }


async def test_network_policy_is_shown_without_secrets_and_skills_are_kept(serve):
    client = await serve()
    policy = {
        "type": "allowlist",
        "allowed_domains": ["api.buildkite.com"],
        "domain_secrets": [{"domain": "api.buildkite.com", "name": "TOKEN", "value": "s3cret"}],
    }
    headers = session_headers()
    uploaded = await client.post("/v1/skills", data=form(FOLDER), headers=headers)
    assert uploaded.status == 200, await uploaded.text()
    skills = [
        {"type": "skill_reference", "skill_id": (await uploaded.json())["id"]},
        {"type": "skill_reference", "skill_id": "openai-spreadsheets", "version": "latest"},
        {
            "type": "inline",
            "name": "csv",
            "description": "Reads CSV files",
            "source": {
                "type": "base64",
                "media_type": "application/zip",
                "data": base64.b64encode(zip_of(FOLDER)).decode(),
            },
        },
    ]
    made = await make(client, headers, network_policy=policy, skills=skills)
    assert made["network_policy"] == {"type": "allowlist", "allowed_domains": ["api.buildkite.com"]}
    assert "skills" not in made and "s3cret" not in str(made)
    assert held(client, headers, made["id"]).skills == skills
    closed = await make(client, headers, network_policy={"type": "disabled"})
    assert closed["network_policy"] == {"type": "disabled"}


@pytest.mark.parametrize(
    ("body", "param", "message"),
    [
        ({}, "name", "Missing required parameter: 'name'."),
        (
            {"name": 7},
            "name",
            "Invalid type for 'name': expected a string, but got an integer instead.",
        ),
        (
            {"name": "box", "memory_limit": "2g"},
            "memory_limit",
            "Invalid value: '2g'. Supported values are: '1g', '4g', '16g', and '64g'.",
        ),
        (
            {"name": "box", "expires_after": {"anchor": "created_at", "minutes": 5}},
            "expires_after.anchor",
            "Invalid value: 'created_at'. Supported values are: 'last_active_at'.",
        ),
        (
            {"name": "box", "expires_after": {"anchor": "last_active_at"}},
            "expires_after.minutes",
            "Missing required parameter: 'expires_after.minutes'.",
        ),
        (
            {"name": "box", "network_policy": {"type": "allowlist"}},
            "network_policy.allowed_domains",
            "Missing required parameter: 'network_policy.allowed_domains'.",
        ),
        (
            {"name": "box", "network_policy": {"type": "open"}},
            "network_policy.type",
            "Invalid value: 'open'. Supported values are: 'disabled' and 'allowlist'.",
        ),
        (
            {"name": "box", "skills": [{"type": "skill_reference"}]},
            "skills[0].skill_id",
            "Missing required parameter: 'skills[0].skill_id'.",
        ),
        ({"name": "box", "size": 3}, "size", "Unknown parameter: 'size'."),
    ],
)
async def test_create_is_checked_like_the_real_api(serve, body, param, message):
    client = await serve()
    error = await error_of(await client.post("/v1/containers", json=body, headers=AUTH), 400)
    assert (error["param"], error["message"]) == (param, message)


async def test_files_upload_copy_list_retrieve_download_delete(serve):
    client = await serve()
    stored = await ok_file(client, NOTES, "notes.md")
    made = await make(client, file_ids=[stored["id"]])
    path = f"/v1/containers/{made['id']}/files"
    (copied,) = (await ok(await client.get(path, headers=AUTH)))["data"]
    assert copied["path"] == f"/mnt/data/{copied['id'].removeprefix('cfile_')}-notes.md"
    assert (copied["source"], copied["bytes"], copied["container_id"]) == ("user", 8, made["id"])

    added = await ok(await upload(client, made["id"]))
    assert FILE_ID.match(added["id"])
    assert added == {
        "id": added["id"],
        "object": "container.file",
        "created_at": added["created_at"],
        "bytes": len(CSV),
        "container_id": made["id"],
        "path": f"/mnt/data/{added['id'].removeprefix('cfile_')}-data.csv",
        "source": "user",
    }
    by_id = await ok(await client.post(path, json={"file_id": stored["id"]}, headers=AUTH))
    assert by_id["path"].endswith("-notes.md") and by_id["source"] == "user"

    listed = await ok(await client.get(path, headers=AUTH))
    assert [f["id"] for f in listed["data"]] == [by_id["id"], added["id"], copied["id"]]
    page = await ok(await client.get(path, params={"limit": "1", "order": "asc"}, headers=AUTH))
    assert [f["id"] for f in page["data"]] == [copied["id"]] and page["has_more"] is True

    assert await ok(await client.get(f"{path}/{added['id']}", headers=AUTH)) == added
    content = await client.get(f"{path}/{added['id']}/content", headers=AUTH)
    assert content.status == 200 and await content.read() == CSV
    assert content.headers["Content-Type"] == "text/csv"
    markdown = await client.get(f"{path}/{copied['id']}/content", headers=AUTH)
    assert markdown.headers["Content-Type"] == "text/markdown"

    gone = await ok(await client.delete(f"{path}/{added['id']}", headers=AUTH))
    assert gone == {"id": added["id"], "object": "container.file.deleted", "deleted": True}
    for suffix in ("", "/content"):
        error = await error_of(await client.get(f"{path}/{added['id']}{suffix}", headers=AUTH), 404)
        assert error["message"] == f"File {added['id']} not found on container {made['id']}."
        assert error["param"] is None
    assert await error_of(await client.delete(f"{path}/{added['id']}", headers=AUTH), 404)


async def ok_file(client, data: bytes, name: str) -> dict:
    form = FormData()
    form.add_field("purpose", "user_data")
    form.add_field("file", data, filename=name, content_type="text/plain")
    return await ok(await client.post("/v1/files", data=form, headers=AUTH))


async def test_file_errors(serve, monkeypatch):
    client = await serve()
    made = await make(client)
    path = f"/v1/containers/{made['id']}/files"
    error = await error_of(
        await client.post(path, json={"file_id": "file-missing"}, headers=AUTH), 404
    )
    assert (error["message"], error["param"]) == ("No such File object: file-missing", "file_id")
    error = await error_of(
        await client.post(
            "/v1/containers", json={"name": "x", "file_ids": ["file-gone"]}, headers=AUTH
        ),
        404,
    )
    assert (error["message"], error["param"]) == ("No such File object: file-gone", "file_ids")
    error = await error_of(await client.post(path, json={}, headers=AUTH), 400)
    assert error["param"] == "file_id" and error["code"] == "missing_required_parameter"
    error = await error_of(
        await client.post(
            path, data=FormData({"note": "x"}, default_to_multipart=True), headers=AUTH
        ),
        400,
    )
    assert error["param"] == "file"
    error = await error_of(
        await client.post(path, json={"file_id": "f", "extra": 1}, headers=AUTH), 400
    )
    assert error["message"] == "Unknown parameter: 'extra'."
    monkeypatch.setattr(containers, "MAX_FILE_BYTES", 4)
    error = await error_of(await upload(client, made["id"]), 400)
    assert error["message"] == "File is too large."
    for method, suffix in (
        ("GET", ""),
        ("POST", ""),
        ("GET", "/cfile_x"),
        ("GET", "/cfile_x/content"),
    ):
        response = await client.request(
            method,
            f"/v1/containers/cntr_missing/files{suffix}",
            json={"file_id": "f"},
            headers=AUTH,
        )
        assert (await error_of(response, 404))[
            "message"
        ] == "Container with id 'cntr_missing' not found."


async def test_an_idle_container_expires_keeps_its_snapshot_and_refuses_use(serve):
    client = await serve()
    headers = session_headers()
    made = await make(client, headers, expires_after={"anchor": "last_active_at", "minutes": 1})
    added = await ok(await upload(client, made["id"], headers=headers))
    idle(client, headers, made["id"], 0.5)
    before = held(client, headers, made["id"]).body["last_active_at"]
    touched = await ok(await client.get(f"/v1/containers/{made['id']}", headers=headers))
    assert touched["status"] == "running" and touched["last_active_at"] > before  # any use

    idle(client, headers, made["id"], 2)
    snapshot = await ok(await client.get(f"/v1/containers/{made['id']}", headers=headers))
    assert snapshot["status"] == "expired"
    assert snapshot["last_active_at"] == held(client, headers, made["id"]).body["last_active_at"]
    listed = await ok(await client.get("/v1/containers", headers=headers))
    assert [c["status"] for c in listed["data"]] == ["expired"]
    path = f"/v1/containers/{made['id']}/files"
    for response in (
        await client.get(path, headers=headers),
        await upload(client, made["id"], headers=headers),
        await client.get(f"{path}/{added['id']}/content", headers=headers),
    ):
        error = await error_of(response, 400)
        assert (error["message"], error["param"], error["code"]) == (
            "Container is expired.",
            None,
            None,
        )
    assert held(client, headers, made["id"]).files == {}  # the data is discarded
    await ok(await client.delete(f"/v1/containers/{made['id']}", headers=headers))


async def test_containers_are_per_session_and_gone_after_reset(serve):
    client = await serve()
    mine, theirs = session_headers(), session_headers()
    made = await make(client, mine)
    await ok(await upload(client, made["id"], headers=mine))
    assert await error_of(await client.get(f"/v1/containers/{made['id']}", headers=theirs), 404)
    assert (await ok(await client.get("/v1/containers", headers=theirs)))["data"] == []
    reset = await client.post(f"/_mockai/reset?session={mine['X-Mockai-Session']}")
    assert reset.status == 200
    assert await error_of(await client.get(f"/v1/containers/{made['id']}", headers=mine), 404)


async def test_a_session_keeps_a_bounded_number_of_bytes(serve, monkeypatch):
    monkeypatch.setattr(containers, "SESSION_BYTES", 2 * len(CSV))
    client = await serve()
    first, second = await make(client), await make(client)
    old = await ok(await upload(client, first["id"]))
    await ok(await upload(client, second["id"]))
    await ok(await upload(client, second["id"], name="more.csv"))
    assert await error_of(
        await client.get(f"/v1/containers/{first['id']}/files/{old['id']}", headers=AUTH), 404
    )
    listed = await ok(await client.get(f"/v1/containers/{second['id']}/files", headers=AUTH))
    assert len(listed["data"]) == 2


async def test_scenarios_script_errors_latency_and_literal_bodies(serve):
    literal = {
        "id": "cntr_scripted",
        "object": "container",
        "created_at": 1,
        "status": "running",
        "name": "scripted",
    }
    client = await serve(
        [
            {
                "name": "slow-list",
                "match": {"endpoint": "containers", "headers": {"x-test": "literal"}},
                "replies": [
                    {
                        "latency_ms": 150,
                        "body": {
                            "object": "list",
                            "data": [literal],
                            "first_id": "cntr_scripted",
                            "last_id": "cntr_scripted",
                            "has_more": False,
                        },
                    }
                ],
            },
            {
                "name": "refuse-csv",
                "match": {"endpoint": "containers.files", "file_name": "*.csv"},
                "reply": {"error": 503},
            },
        ]
    )
    started = time.monotonic()
    scripted = {**AUTH, "x-test": "literal"}
    listed = await ok(await client.get("/v1/containers", headers=scripted))
    assert listed["data"] == [literal] and time.monotonic() - started >= 0.15
    made = await make(client)  # no scenario names this call: the real answer
    assert (await ok(await client.get("/v1/containers", headers=AUTH)))["data"] == [made]
    error = await error_of(await upload(client, made["id"]), 503)
    assert error["type"] == "server_error"
    await ok(await upload(client, made["id"], data=b"x", name="notes.txt"))


async def test_lenient_answers_any_id(serve):
    client = await serve(lenient=True)
    container = await ok(await client.get("/v1/containers/cntr_never", headers=AUTH))
    assert (container["id"], container["status"]) == ("cntr_never", "running")
    found = await ok(await client.get("/v1/containers/cntr_never/files/cfile_never", headers=AUTH))
    assert (found["id"], found["container_id"]) == ("cfile_never", "cntr_never")
    content = await client.get("/v1/containers/cntr_never/files/cfile_never/content", headers=AUTH)
    assert await content.read() == b"The content of cfile_never.\n"
    empty = await ok(await client.post("/v1/containers/cntr_other/files", json={}, headers=AUTH))
    assert empty["bytes"] == 0
    copied = await ok(
        await client.post(
            "/v1/containers", json={"name": "x", "file_ids": ["file-any"]}, headers=AUTH
        )
    )
    listed = await ok(await client.get(f"/v1/containers/{copied['id']}/files", headers=AUTH))
    assert listed["data"][0]["path"].endswith("-file-any.txt")
