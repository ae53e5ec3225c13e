"""The three Images requests: a JSON body for generations, multipart forms for edits and
variations, validated field by field like the real API (types, enums, ranges), before the
per-model rules in `models.py`."""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any, Literal

from aiohttp import web
from pydantic import BaseModel, ConfigDict, Field

from mockai.errors import invalid_request
from mockai.server.state import exchange_of


class _Request(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    model: str | None = None
    n: int | None = Field(None, ge=1, le=10)
    size: str | None = None
    response_format: Literal["url", "b64_json"] | None = None
    user: str | None = None


class _GptImageOptions(_Request):
    prompt: str = Field(min_length=1)
    quality: str | None = None
    output_format: Literal["png", "jpeg", "webp"] | None = None
    output_compression: int | None = Field(None, ge=0, le=100)
    background: Literal["transparent", "opaque", "auto"] | None = None
    stream: bool | None = None
    partial_images: int | None = Field(None, ge=0, le=3)


class GenerateRequest(_GptImageOptions):
    moderation: Literal["low", "auto"] | None = None
    style: Literal["vivid", "natural"] | None = None


class EditRequest(_GptImageOptions):
    input_fidelity: Literal["high", "low"] | None = None


class VariationRequest(_Request):
    size: Literal["256x256", "512x512", "1024x1024"] | None = None


@dataclass(frozen=True)
class Upload:
    """An uploaded file; the journal records its name and size, never its bytes."""

    filename: str | None
    content_type: str | None
    data: bytes

    def describe(self) -> dict[str, Any]:
        return {"filename": self.filename, "content_type": self.content_type,
                "bytes": len(self.data)}

    def open(self):
        """The file as Pillow sees it (header only), or None when it is no image at all."""
        from PIL import Image, UnidentifiedImageError

        try:
            return Image.open(io.BytesIO(self.data))
        except (UnidentifiedImageError, OSError, ValueError):
            return None


@dataclass
class Form:
    fields: dict[str, Any]
    images: list[Upload]
    mask: Upload | None


_INTEGERS = ("n", "output_compression", "partial_images")
NOT_MULTIPART = ("Invalid Content-Type header ({}), expected multipart/form-data. (HINT: If "
                 "you're using curl, you can pass -H 'Content-Type: multipart/form-data')")


def _typed(name: str, value: str) -> Any:
    """Form values are text; the real API reads numbers and booleans out of them."""
    if name in _INTEGERS:
        try:
            return int(value)
        except ValueError:
            return value
    if name == "stream" and value.lower() in ("true", "false"):
        return value.lower() == "true"
    return value


async def read_form(request: web.Request) -> Form:
    """The multipart form's text fields (typed), images (`image` or `image[]`) and mask;
    the journal gets the fields with files described by name and size."""
    if request.content_type != "multipart/form-data":
        raise invalid_request(NOT_MULTIPART.format(request.content_type))
    try:
        posted = await request.post()
    except ValueError:
        raise invalid_request("Could not parse multipart form.") from None
    fields: dict[str, Any] = {}
    images: list[Upload] = []
    mask: Upload | None = None
    journal: dict[str, Any] = {}
    for name, value in posted.items():
        is_file = isinstance(value, web.FileField)
        if name in ("image", "image[]", "mask"):  # text sent for a file is a file that is no image
            upload = Upload(value.filename, value.content_type, value.file.read()) if is_file \
                else Upload(None, None, str(value).encode())
            if name == "mask":
                mask = upload
                journal["mask"] = upload.describe()
            else:
                images.append(upload)
                journal.setdefault("image", []).append(upload.describe())
            continue
        text = value.file.read().decode("utf-8", errors="replace") if is_file else str(value)
        fields[name] = _typed(name, text)
        journal[name] = fields[name]
    exchange_of(request).body = journal
    return Form(fields, images, mask)

