"""Stored files: their bytes and public object, kept per session, bounded in count and bytes,
and the rules an uploaded file meets whichever route brings it (files, uploads).

Files are what uploads complete into, what batches read and write, and what images and
Responses read as inputs, so this module is the one place that creates, finds and forgets them.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any, Literal

import orjson
from aiohttp import web
from pydantic import BaseModel, Field

from mockai import ids
from mockai.errors import APIError, invalid_request
from mockai.store import Kind
from mockai.toolkit.multipart import Form, Upload
from mockai.toolkit.state import ServerState, exchange_of, state_of, stored
from mockai.validation import Integer

KIND: Kind[StoredFile] = Kind("files", missing="No such File object: {id}", param="id")
# Purposes a client may upload with (CreateFileRequest); the API itself also writes
# `batch_output` files.
PURPOSES = ("assistants", "batch", "fine-tune", "vision", "user_data", "evals")
# The order the real API's enum error lists them in: "'x' is not one of [...] - 'purpose'".
PURPOSES_AS_LISTED = ("fine-tune", "assistants", "batch", "user_data", "vision", "evals")
# Files with purpose batch (and batch output files) expire after 30 days unless told otherwise.
BATCH_FILE_TTL_S = 30 * 24 * 3600
# Keeps a long-running server's memory flat: past this, a session's oldest files are dropped.
SESSION_BYTES = 1024 * 1024 * 1024


MAX_FILE_BYTES = 512 * 1024 * 1024
MAX_BATCH_FILE_BYTES = 200 * 1024 * 1024
BATCH_FORMAT = "Invalid file format for Batch API. Must be .jsonl"
TOO_LARGE = "File is too large."


def too_large(form: Form, name: str, read: int) -> APIError:
    """A file over its limit (the upload's or a part's), whatever it is."""
    return invalid_request(TOO_LARGE)


class ExpiresAfter(BaseModel):
    """Lax: a form sends `expires_after[seconds]` as text."""

    anchor: Literal["created_at"]
    seconds: Integer = Field(ge=3600, le=2592000)


def check_batch_input(upload: Upload) -> None:
    """What the upload itself refuses for purpose `batch`: a file that is not JSONL (by name or
    by its first line) or over 200 MB. Bad requests inside are reported by the batch."""
    if len(upload.data) > MAX_BATCH_FILE_BYTES:
        raise invalid_request(TOO_LARGE)
    first = next((line for line in upload.data.splitlines() if line.strip()), None)
    if not (upload.filename or "").lower().endswith(".jsonl") or first is None:
        raise invalid_request(BATCH_FORMAT)
    try:
        orjson.loads(first)
    except orjson.JSONDecodeError:
        raise invalid_request(BATCH_FORMAT) from None


@dataclass
class StoredFile:
    body: dict[str, Any]
    data: bytes


def _expiry(created: int, purpose: str, expires_after: dict[str, Any] | None) -> int | None:
    if expires_after is not None:
        return created + int(expires_after["seconds"])
    return created + BATCH_FILE_TTL_S if purpose in ("batch", "batch_output") else None


def put_file(
    state: ServerState,
    session: str | None,
    *,
    filename: str,
    purpose: str,
    data: bytes,
    expires_after: dict[str, Any] | None = None,
) -> StoredFile:
    """Store a new processed file and return it; the session's oldest files make room."""
    created = int(time.time())
    body: dict[str, Any] = {
        "id": ids.file_id(),
        "object": "file",
        "bytes": len(data),
        "created_at": created,
        "expires_at": _expiry(created, purpose, expires_after),
        "filename": filename,
        "purpose": purpose,
        "status": "processed",
        "status_details": None,
    }
    new = StoredFile(body, data)
    state.store.put(session, KIND, body["id"], new)
    total = sum(len(f.data) for f in state.store.values(session, KIND))
    for old in state.store.values(session, KIND):
        if total <= SESSION_BYTES or old is new:
            break
        state.store.delete(session, KIND, old.body["id"])
        total -= len(old.data)
    return new


def find_file(state: ServerState, session: str | None, file_id: str) -> StoredFile | None:
    return state.store.get(session, KIND, file_id)


def _stand_in(request: web.Request, file_id: str) -> StoredFile:
    """`--lenient`: a file never uploaded, as if it had been: a small processed text file."""
    data = f"The content of {file_id}.\n".encode()
    body: dict[str, Any] = {
        "id": file_id,
        "object": "file",
        "bytes": len(data),
        "created_at": int(time.time()),
        "expires_at": None,
        "filename": f"{file_id}.txt",
        "purpose": "user_data",
        "status": "processed",
        "status_details": None,
    }
    return StoredFile(body, data)


def named_file(request: web.Request, file_id: str) -> StoredFile | None:
    """A file a request's body names (a vector store's `file_ids`): the session's, or under
    `--lenient` a stand-in for an id never uploaded (kept from then on); None otherwise."""
    state = state_of(request)
    session = exchange_of(request).session
    found = state.store.get(session, KIND, file_id)
    if found is None and state.settings.lenient:
        found = _stand_in(request, file_id)
        state.store.put(session, KIND, file_id, found)
    return found


def stored_file(request: web.Request) -> StoredFile:
    """The file named by the route's `{file_id}`, or the real API's 404 (under `--lenient`,
    a stand-in: any id exists)."""
    return stored(request, KIND, "file_id", _stand_in)
