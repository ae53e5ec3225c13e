"""The handlers of this family's `ROUTES` (see the package's docstring), imported on
its first request."""

from __future__ import annotations

from aiohttp import web
from pydantic import BaseModel

from mockai.errors import invalid_request
from mockai.toolkit.files import (
    KIND,
    MAX_FILE_BYTES,
    PURPOSES,
    PURPOSES_AS_LISTED,
    ExpiresAfter,
    check_batch_input,
    put_file,
    stored_file,
    too_large,
)
from mockai.toolkit.http import json_response
from mockai.toolkit.multipart import objects, read_form
from mockai.toolkit.pagination import page
from mockai.toolkit.scripted import answer_if_targeted
from mockai.toolkit.state import exchange_of, state_of
from mockai.validation import validate

FILE_FIELDS = frozenset({"file"})
_OBJECTS = frozenset({"expires_after"})


class FileOptions(BaseModel):
    expires_after: ExpiresAfter | None = None


def _expires_after(fields: dict[str, str | list[str]]) -> dict | None:
    """`expires_after[anchor]` and `expires_after[seconds]`: how the SDKs flatten the object."""
    given = objects(fields, _OBJECTS).get("expires_after")
    if not isinstance(given, dict):
        return None
    return validate(FileOptions, {"expires_after": given}).expires_after.model_dump()  # type: ignore[union-attr]


async def create(request: web.Request) -> web.Response:
    form = await read_form(request, files=FILE_FIELDS, limit=MAX_FILE_BYTES, too_large=too_large)
    upload = form.upload("file")
    if upload is None or upload.filename is None:
        raise invalid_request("'file' is a required property", "file")
    purpose = form.fields.get("purpose")
    if purpose is None:
        raise invalid_request("'purpose' is a required property", "purpose")
    if purpose not in PURPOSES:
        listed = ", ".join(f"'{p}'" for p in PURPOSES_AS_LISTED)
        raise invalid_request(f"'{purpose}' is not one of [{listed}] - 'purpose'", "purpose")
    expires_after = _expires_after(form.fields)
    if purpose == "batch":
        check_batch_input(upload)
    await answer_if_targeted(request, "files", exchange_of(request).body, file_name=upload.filename)
    stored = put_file(
        state_of(request),
        exchange_of(request).session,
        filename=upload.filename,
        purpose=purpose,
        data=upload.data,
        expires_after=expires_after,
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
