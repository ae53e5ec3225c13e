"""The handlers of this family's `ROUTES` (see the package's docstring): create an Upload,
add a Part, complete or cancel it; imported on the family's first request."""

from __future__ import annotations

import hashlib
import time

from aiohttp import web

from mockai import ids
from mockai.endpoints.uploads.request import PART_FIELDS, CompleteUpload, CreateUpload
from mockai.endpoints.uploads.state import (
    KIND,
    MAX_PART_BYTES,
    TTL_S,
    StoredUpload,
)
from mockai.errors import APIError, invalid_request
from mockai.toolkit.files import check_batch_input, put_file, too_large
from mockai.toolkit.http import json_response, read_json
from mockai.toolkit.lenient import generated
from mockai.toolkit.multipart import Upload, read_form
from mockai.toolkit.scripted import answer_if_targeted
from mockai.toolkit.state import exchange_of, state_of, stored
from mockai.validation import validate


def _stand_in(request: web.Request, upload_id: str) -> StoredUpload:
    """`--lenient`: an Upload never created, as if it had been: pending, for an hour."""
    created = int(time.time())
    body = generated(
        request,
        "createUpload",
        upload_id,
        status="pending",
        filename=f"{upload_id}.txt",
        purpose="user_data",
        created_at=created,
        expires_at=created + TTL_S,
        file=None,
    )
    return StoredUpload(body)


def _stored(request: web.Request) -> StoredUpload:
    return stored(request, KIND, "upload_id", _stand_in)


def _conflict(action: str, upload: StoredUpload) -> APIError:
    """Worded like the Batch API's `Cannot cancel a batch with status 'completed'.` (409)."""
    return APIError(409, f"Cannot {action} an Upload with status '{upload.status}'.", code=None)


async def create(request: web.Request) -> web.Response:
    body = await read_json(request)
    req = validate(
        CreateUpload, body, unknown_parameter=True, lenient=state_of(request).settings.lenient
    )
    await answer_if_targeted(request, "uploads", body, file_name=req.filename)
    upload = StoredUpload.new(
        req.filename,
        req.purpose,
        req.bytes,
        req.expires_after.model_dump() if req.expires_after else None,
    )
    state_of(request).store.put(exchange_of(request).session, KIND, upload.body["id"], upload)
    return json_response(upload.body)


async def add_part(request: web.Request) -> web.Response:
    upload = _stored(request)
    form = await read_form(
        request,
        files=PART_FIELDS,
        limit=MAX_PART_BYTES,
        too_large=too_large,
        unknown_files=state_of(request).settings.lenient,
    )
    data = form.upload("data")
    if data is None or data.filename is None:
        raise invalid_request("'data' is a required property", "data")
    # `--lenient`: an Upload's status and declared size are the real API's rules, not the
    # description's; they are not checked.
    lenient = state_of(request).settings.lenient
    if upload.status != "pending" and not lenient:
        raise _conflict("add a part to", upload)
    if not lenient and upload.received() + len(data.data) > upload.body["bytes"]:
        raise invalid_request(
            f"Adding this part would exceed the number of bytes declared for this Upload "
            f"({upload.body['bytes']}).",
            "data",
        )
    part = ids.upload_part_id()
    upload.parts[part] = data.data
    return json_response(
        {
            "id": part,
            "object": "upload.part",
            "created_at": int(time.time()),
            "upload_id": upload.body["id"],
        }
    )


async def complete(request: web.Request) -> web.Response:
    upload = _stored(request)
    lenient = state_of(request).settings.lenient
    req = validate(
        CompleteUpload, await read_json(request), unknown_parameter=True, lenient=lenient
    )
    if lenient:
        # `--lenient` checks only what the description states: a part never added is empty,
        # and the status, size and checksum the real API checks are not checked.
        data = b"".join(upload.parts.get(p, b"") for p in req.part_ids)
        return _completed(request, upload, data)
    if upload.status != "pending":
        raise _conflict("complete", upload)
    unknown = next((p for p in req.part_ids if p not in upload.parts), None)
    if unknown is not None:
        raise invalid_request(
            f"Invalid part ID: '{unknown}' is not a part of this Upload.", "part_ids"
        )
    data = b"".join(upload.parts[p] for p in req.part_ids)
    if len(data) != upload.body["bytes"]:
        raise invalid_request(
            f"The number of bytes uploaded ({len(data)}) does not match the number of bytes "
            f"specified when the Upload was created ({upload.body['bytes']}).",
            "part_ids",
        )
    if req.md5 is not None and hashlib.md5(data).hexdigest() != req.md5.lower():
        raise invalid_request(
            "The md5 checksum of the uploaded bytes does not match the one provided.", "md5"
        )
    if upload.body["purpose"] == "batch":
        check_batch_input(Upload(upload.body["filename"], "application/jsonl", data))
    return _completed(request, upload, data)


def _completed(request: web.Request, upload: StoredUpload, data: bytes) -> web.Response:
    stored = put_file(
        state_of(request),
        exchange_of(request).session,
        filename=upload.body["filename"],
        purpose=upload.body["purpose"],
        data=data,
        expires_after=upload.file_expires_after,
    )
    upload.parts.clear()
    upload.body.update(status="completed", file=stored.body)
    return json_response(upload.body)


async def cancel(request: web.Request) -> web.Response:
    upload = _stored(request)
    lenient = state_of(request).settings.lenient  # a status is the real API's rule
    if upload.status not in ("pending", "cancelled") and not lenient:
        raise _conflict("cancel", upload)
    upload.parts.clear()
    upload.body["status"] = "cancelled"
    return json_response(upload.body)
