"""Reading an audio upload's form, and what the service reads from the file: its name's
extension and, for a WAV, how long it is."""

from __future__ import annotations

import hashlib
import io
import wave
from typing import Annotated, Any

from aiohttp import web
from pydantic import PlainValidator

from mockai.endpoints.audio.errors import (
    SUPPORTED_FORMATS,
    UPLOAD_LIMIT,
    invalid_file_format,
    too_large,
)
from mockai.errors import APIError
from mockai.toolkit import multipart
from mockai.toolkit.multipart import Upload

_FILES = frozenset({"file"})


def _an_upload(value: Any) -> Upload:
    """The audio service is FastAPI: text sent where the file goes gets its wording."""
    if not isinstance(value, Upload):
        raise ValueError(f"Expected UploadFile, received: {type(value)}")
    return value


AudioFile = Annotated[Upload, PlainValidator(_an_upload)]


def _too_large(form: multipart.Form, name: str, read: int) -> APIError:
    return too_large(read)


async def read_form(
    request: web.Request, list_fields: frozenset[str], object_fields: frozenset[str] = frozenset()
) -> tuple[dict[str, Any], Upload | str | None]:
    """The form's fields (`x[]` and repeated list fields as lists, `x[key]` of object fields
    as objects) and its `file`: the upload, or the text sent in its place."""
    form = await multipart.read_form(
        request, files=_FILES, lists=list_fields, limit=UPLOAD_LIMIT, too_large=_too_large
    )
    fields = multipart.objects(form.fields, object_fields)
    upload = form.upload("file")
    if upload is not None and upload.filename is None:
        return fields, upload.data.decode("utf-8", errors="replace")
    return fields, upload


def digest(upload: Upload) -> str:
    return hashlib.blake2b(upload.data, digest_size=8).hexdigest()


def wav_seconds(upload: Upload) -> float | None:
    """The duration of a WAV upload from its header and the frames really present (a
    streamed WAV, like the speech endpoint's, declares 0xFFFFFFFF bytes); None for any
    other format or a file that does not parse."""
    try:
        with wave.open(io.BytesIO(upload.data)) as reader:
            rate = reader.getframerate()
            width = reader.getsampwidth() * reader.getnchannels()
            frames = len(reader.readframes(reader.getnframes())) // max(width, 1)
    except (wave.Error, EOFError, ValueError):
        return None
    return frames / rate if rate else None


def check_extension(upload: Upload) -> None:
    name = upload.filename or ""
    extension = name.rpartition(".")[2].lower() if "." in name else ""
    if extension not in SUPPORTED_FORMATS:
        raise invalid_file_format()
