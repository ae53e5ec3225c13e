"""Reading a multipart audio upload: the form fields, the file, and how long the audio is."""

from __future__ import annotations

import hashlib
import io
import wave
from dataclasses import dataclass
from typing import Any

from aiohttp import web
from aiohttp.web_request import FileField

from mockai.endpoints.audio.errors import SUPPORTED_FORMATS, UPLOAD_LIMIT, invalid_file_format, \
    too_large
from mockai.server.state import exchange_of


@dataclass(frozen=True)
class Upload:
    name: str
    content_type: str | None
    data: bytes

    @property
    def digest(self) -> str:
        return hashlib.blake2b(self.data, digest_size=8).hexdigest()

    def wav_seconds(self) -> float | None:
        """The duration of a WAV upload from its header and the frames really present (a
        streamed WAV, like the speech endpoint's, declares 0xFFFFFFFF bytes); None for any
        other format or a file that does not parse."""
        try:
            with wave.open(io.BytesIO(self.data)) as reader:
                rate = reader.getframerate()
                width = reader.getsampwidth() * reader.getnchannels()
                frames = len(reader.readframes(reader.getnframes())) // max(width, 1)
        except (wave.Error, EOFError, ValueError):
            return None
        return frames / rate if rate else None


async def read_form(request: web.Request, list_fields: frozenset[str]
                    ) -> tuple[dict[str, Any], Upload | None]:
    """The form's fields (`x[]` and repeated list fields as lists) and its `file`.

    The journal records the fields with the file as name, size and type, never its bytes.
    """
    length = request.content_length
    if length is not None and length > UPLOAD_LIMIT:
        raise too_large(length)
    fields: dict[str, Any] = {}
    upload = None
    if request.content_type in ("multipart/form-data", "application/x-www-form-urlencoded"):
        form = await request.post()
        for key in dict.fromkeys(form.keys()):
            values = form.getall(key)
            name = key.removesuffix("[]")
            if name == "file" and isinstance(values[0], FileField):
                part = values[0]
                upload = Upload(part.filename or "", part.content_type, part.file.read())
            elif key.endswith("[]") or name in list_fields:
                fields[name] = [str(v) for v in values]
            else:
                fields[name] = str(values[-1])
    exchange_of(request).body = {**fields, **({"file": {
        "filename": upload.name, "bytes": len(upload.data), "content_type": upload.content_type,
    }} if upload is not None else {})}
    if upload is not None and len(upload.data) > UPLOAD_LIMIT:
        raise too_large(len(upload.data))
    return fields, upload


def check_extension(upload: Upload) -> None:
    extension = upload.name.rpartition(".")[2].lower() if "." in upload.name else ""
    if extension not in SUPPORTED_FORMATS:
        raise invalid_file_format()
