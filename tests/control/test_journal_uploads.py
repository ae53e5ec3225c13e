"""Every route that takes a file shows it the same way in the journal: its name, size and
content type, never its bytes (one multipart reader, one entry shape)."""

from __future__ import annotations

from typing import Any

import aiohttp
import pytest
from helpers import AUTH
from media import png, wav

JSONL = b'{"custom_id": "a", "method": "POST", "url": "/v1/chat/completions", "body": {}}\n'
# route -> (text fields, file field, file name, content type, bytes)
ROUTES: dict[str, tuple[dict[str, str], str, str, str, bytes]] = {
    "/v1/files": ({"purpose": "batch"}, "file", "in.jsonl", "application/jsonl", JSONL),
    "/v1/audio/transcriptions": ({"model": "whisper-1"}, "file", "a.wav", "audio/wav", wav(0.1)),
    "/v1/images/edits": (
        {"model": "dall-e-2", "prompt": "a red square"},
        "image",
        "in.png",
        "image/png",
        png(),
    ),
    "/v1/uploads/{upload_id}/parts": ({}, "data", "blob", "application/octet-stream", JSONL),
}


async def _path(client, route: str) -> str:
    if "{upload_id}" not in route:
        return route
    created = await client.post(
        "/v1/uploads",
        headers=AUTH,
        json={
            "filename": "in.jsonl",
            "purpose": "batch",
            "bytes": len(JSONL),
            "mime_type": "text/jsonl",
        },
    )
    assert created.status == 200, await created.text()
    return route.format(upload_id=(await created.json())["id"])


@pytest.mark.parametrize("route", ROUTES)
async def test_a_file_is_journaled_by_name_size_and_type(serve, route: str):
    fields, field, filename, content_type, data = ROUTES[route]
    client = await serve()
    form = aiohttp.FormData(default_to_multipart=True)
    for key, value in fields.items():
        form.add_field(key, value)
    form.add_field(field, data, filename=filename, content_type=content_type)
    path = await _path(client, route)
    response = await client.post(path, data=form, headers=AUTH)
    assert response.status == 200, await response.text()
    entries: list[dict[str, Any]] = (await (await client.get("/_mockai/requests")).json())["data"]
    [entry] = [e for e in entries if e["path"] == path]
    described = {"filename": filename, "bytes": len(data), "content_type": content_type}
    # An edit takes several images (`image` or `image[]`): that field is a list of them.
    expected = [described] if route == "/v1/images/edits" else described
    assert entry["body"] == {**fields, field: expected}
