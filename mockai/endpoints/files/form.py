"""Reading `multipart/form-data` bodies (file uploads, upload parts) with a size limit.

The body is streamed part by part rather than read whole, so the server's general body limit
(`--max-body-mb`) does not cap files: they have their own limits, checked here while reading.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from aiohttp import BodyPartReader, web

from mockai.errors import invalid_request
from mockai.server.state import exchange_of

CHUNK = 1 << 16
TOO_LARGE = "File is too large."


@dataclass
class Upload:
    filename: str
    content_type: str
    data: bytes


@dataclass
class Form:
    fields: dict[str, str] = field(default_factory=dict)
    files: dict[str, Upload] = field(default_factory=dict)


def _malformed() -> Exception:
    return invalid_request("Could not parse multipart form data. Expected a multipart/form-data "
                           "body with a valid boundary.")


async def _read_part(part: BodyPartReader, limit: int) -> bytes | None:
    """The part's bytes, or None when it is over `limit` (the rest is drained, so the client
    finishes sending and reads the error instead of a reset connection)."""
    data = bytearray()
    while chunk := await part.read_chunk(CHUNK):
        if len(data) <= limit:
            data.extend(chunk)
    return None if len(data) > limit else bytes(data)


async def read_form(request: web.Request, *, limit: int) -> Form:
    """The form's text fields and file parts; the journal gets the fields and a description of
    each file (name, size, type), never its bytes. A file over `limit` bytes is a 400."""
    form = Form()
    if request.content_type != "multipart/form-data":
        return form
    too_large = False
    try:
        reader = await request.multipart()
        while (part := await reader.next()) is not None:
            if not isinstance(part, BodyPartReader) or part.name is None:
                raise _malformed()
            if part.filename is None:
                form.fields[part.name] = (await part.read()).decode("utf-8", errors="replace")
                continue
            data = await _read_part(part, limit)
            too_large = too_large or data is None
            form.files[part.name] = Upload(
                part.filename, part.headers.get("Content-Type", "application/octet-stream"),
                data or b"")
    except (ValueError, AssertionError):
        raise _malformed() from None
    journal: dict[str, Any] = dict(form.fields)
    journal.update({name: {"filename": f.filename, "bytes": len(f.data), "content_type": f.content_type}
                    for name, f in form.files.items()})
    exchange_of(request).body = journal
    if too_large:
        raise invalid_request(TOO_LARGE)
    return form
