"""Conformance cases of the containers family: containers and the files in them, each made
first through mockai's own routes; the file download is checked as bytes."""

from __future__ import annotations

import aiohttp
from cases import Api, case

CSV = b"region,total\nnorth,12\n"


async def _container(api: Api) -> str:
    body = {"name": "conformance", "memory_limit": "1g"}
    return (await api.made("POST", "/v1/containers", json=body))["id"]


async def _container_file(api: Api) -> tuple[str, str]:
    container = await _container(api)
    form = {"file": ("totals.csv", CSV, "text/csv")}
    made = await api.made("POST", f"/v1/containers/{container}/files", form=form)
    return container, made["id"]


@case("ListContainers")
async def _list(api: Api):
    await _container(api)
    return await api.send("GET", "/v1/containers", params={"limit": "5", "order": "asc"})


@case("CreateContainer")
async def _create(api: Api):
    body = {
        "name": "analysis",
        "file_ids": [await api.file("user_data", b"notes\n")],
        "expires_after": {"anchor": "last_active_at", "minutes": 20},
        "memory_limit": "4g",
        "network_policy": {"type": "allowlist", "allowed_domains": ["pypi.org"]},
        "skills": [{"type": "skill_reference", "skill_id": "openai-spreadsheets"}],
    }
    return await api.send("POST", "/v1/containers", json=body)


@case("RetrieveContainer")
async def _retrieve(api: Api):
    return await api.send("GET", f"/v1/containers/{await _container(api)}")


@case("DeleteContainer")
async def _delete(api: Api):
    return await api.send("DELETE", f"/v1/containers/{await _container(api)}")


@case("CreateContainerFile")
async def _create_file(api: Api):
    form = {"file": ("notes.md", b"# Notes\n", "text/markdown")}
    return await api.send("POST", f"/v1/containers/{await _container(api)}/files", form=form)


@case("ListContainerFiles")
async def _list_files(api: Api):
    container, _ = await _container_file(api)
    return await api.send("GET", f"/v1/containers/{container}/files", params={"limit": "10"})


@case("RetrieveContainerFile")
async def _retrieve_file(api: Api):
    container, file_id = await _container_file(api)
    return await api.send("GET", f"/v1/containers/{container}/files/{file_id}")


@case("DeleteContainerFile")
async def _delete_file(api: Api):
    container, file_id = await _container_file(api)
    return await api.send("DELETE", f"/v1/containers/{container}/files/{file_id}")


async def _bytes_of_the_file(response: aiohttp.ClientResponse) -> None:
    # The description declares no body; the real API sends the file's own bytes.
    assert response.content_type == "text/csv"
    assert await response.read() == CSV


@case("RetrieveContainerFileContent", check=_bytes_of_the_file)
async def _content(api: Api):
    container, file_id = await _container_file(api)
    return await api.send("GET", f"/v1/containers/{container}/files/{file_id}/content")
