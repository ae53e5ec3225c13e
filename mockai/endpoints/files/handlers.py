"""The handlers of this family's `ROUTES` (see the package's docstring): upload, list,
retrieve, download and delete files; imported on the family's first request."""

from __future__ import annotations

from aiohttp import web

from mockai.endpoints.files.request import FILE_FIELDS, checked
from mockai.toolkit.files import (
    KIND,
    MAX_FILE_BYTES,
    check_batch_input,
    put_file,
    stored_file,
    too_large,
)
from mockai.toolkit.http import json_response
from mockai.toolkit.multipart import read_form
from mockai.toolkit.pagination import page
from mockai.toolkit.scripted import answer_if_targeted
from mockai.toolkit.state import exchange_of, state_of


async def create(request: web.Request) -> web.Response:
    form = await read_form(
        request,
        files=FILE_FIELDS,
        limit=MAX_FILE_BYTES,
        too_large=too_large,
        unknown_files=state_of(request).settings.lenient,
    )
    req = checked(form)
    if req.purpose == "batch" and not state_of(request).settings.lenient:  # any content leniently
        check_batch_input(req.upload)
    await answer_if_targeted(request, "files", exchange_of(request).body, file_name=req.filename)
    stored = put_file(
        state_of(request),
        exchange_of(request).session,
        filename=req.filename,
        purpose=req.purpose,
        data=req.upload.data,
        expires_after=req.expires_after,
    )
    return json_response(stored.body)


async def list_files(request: web.Request) -> web.Response:
    purpose = request.query.get("purpose")
    files = [
        f.body
        for f in state_of(request).store.values(exchange_of(request).session, KIND)
        if purpose is None or f.body["purpose"] == purpose
    ]
    return json_response(page(files, request, max_limit=10_000, default_limit=10_000))


async def retrieve(request: web.Request) -> web.Response:
    return json_response(stored_file(request).body)


async def content(request: web.Request) -> web.Response:
    return web.Response(body=stored_file(request).data, content_type="application/octet-stream")


async def delete(request: web.Request) -> web.Response:
    stored = stored_file(request)
    state_of(request).store.delete(exchange_of(request).session, KIND, stored.body["id"])
    return json_response({"id": stored.body["id"], "object": "file", "deleted": True})
