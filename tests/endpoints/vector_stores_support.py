"""Shared helpers for the vector store tests (`test_vector_stores*.py`): uploading documents,
making stores, and calls whose bodies are validated against the description (`api_json`)."""

from __future__ import annotations

from typing import Any

from aiohttp import FormData
from helpers import AUTH, api_json

# Three documents on distinct subjects, each in another supported format.
DOCUMENTS = {
    "rivers.txt": (
        b"The Amazon river carries more water than any other river on Earth. "
        b"It flows through Brazil, Peru and Colombia into the Atlantic Ocean.\n"
    ),
    "baking.md": (
        b"# Baking bread\n\nBread is baked from flour, water, salt and yeast. "
        b"The dough rises for an hour before it goes into a hot oven.\n"
    ),
    "volcanoes.html": (
        b"<html><head><title>Volcanoes</title><style>p {color: red}</style></head><body>"
        b"<h1>Volcanoes</h1><p>A volcano erupts when magma rises through the crust. "
        b"Mount Etna in Sicily is one of the most active volcanoes.</p>"
        b"<script>alert('never read')</script></body></html>"
    ),
}


async def upload(client, name: str, data: bytes, headers: dict[str, str] | None = None) -> str:
    """A File uploaded for assistants; its id."""
    form = FormData()
    form.add_field("purpose", "assistants")
    form.add_field("file", data, filename=name, content_type="application/octet-stream")
    response = await client.post("/v1/files", data=form, headers={**AUTH, **(headers or {})})
    assert response.status == 200, await response.text()
    return (await response.json())["id"]


async def upload_all(client, headers: dict[str, str] | None = None) -> dict[str, str]:
    """The three DOCUMENTS uploaded: file name -> File id."""
    return {name: await upload(client, name, data, headers) for name, data in DOCUMENTS.items()}


async def send(
    client,
    method: str,
    path: str,
    body: Any = None,
    *,
    headers: dict[str, str] | None = None,
    params: dict[str, str] | None = None,
):
    return await client.request(
        method, f"/v1{path}", json=body, params=params, headers={**AUTH, **(headers or {})}
    )


async def ok(response) -> dict[str, Any]:
    """The body of a 200, validated against the description."""
    assert response.status == 200, await response.text()
    return await api_json(response)


async def error(response, status: int) -> dict[str, Any]:
    """The `error` of a failed call, validated as an ErrorResponse."""
    assert response.status == status, await response.text()
    return (await api_json(response))["error"]


async def call(client, method: str, path: str, body: Any = None, **kwargs: Any) -> dict[str, Any]:
    return await ok(await send(client, method, path, body, **kwargs))


async def ready_store(client, headers: dict[str, str] | None = None, **body: Any) -> dict:
    """A store made of the three DOCUMENTS, read once they are processed; its body."""
    files = await upload_all(client, headers)
    made = await call(
        client,
        "POST",
        "/vector_stores",
        {"file_ids": list(files.values()), **body},
        headers=headers,
    )
    done = await call(client, "GET", f"/vector_stores/{made['id']}", headers=headers)
    assert done["status"] == "completed", done
    return {**done, "files": files}


async def search(client, store_id: str, **body: Any) -> dict[str, Any]:
    return await call(client, "POST", f"/vector_stores/{store_id}/search", body)
