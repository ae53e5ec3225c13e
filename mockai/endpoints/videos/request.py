"""The videos requests, as JSON bodies or multipart forms (the official SDKs send forms for
create, edits, extensions and characters): their models, reading either into one dict, and
the real API's rules beyond the schemas (each model's sizes, a reference image the size of
the video, a reference object naming exactly one source)."""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from typing import Any, Literal, get_args

from aiohttp import web
from pydantic import BaseModel, ConfigDict, Field

from mockai.errors import APIError, choices, invalid_request
from mockai.imagesize import image_size
from mockai.toolkit import multipart
from mockai.toolkit.http import lenient_check, read_json
from mockai.toolkit.multipart import Upload
from mockai.toolkit.state import state_of
from mockai.validation import validated

Seconds = Literal["4", "8", "12"]
Size = Literal["720x1280", "1280x720", "1024x1792", "1792x1024"]
DEFAULT_MODEL = "sora-2"
DEFAULT_SIZE = "720x1280"
DEFAULT_SECONDS = "4"
MODELS = ("sora-2", "sora-2-pro")
# sora-2 renders 720p only; sora-2-pro also the taller 1024x1792 and 1792x1024 (the API
# reference's `size` and the video generation guide).
SIZES = {"sora-2": ("720x1280", "1280x720"), "sora-2-pro": get_args(Size)}
UPLOAD_LIMIT = 512 * 1024 * 1024  # an upload's real limit is not known: a File's is taken
_PROMPT = Field(min_length=1, max_length=32000)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class ImageReference(_Model):
    image_url: str | None = Field(None, max_length=20971520)
    file_id: str | None = None


class VideoReference(_Model):
    id: str


class CreateVideo(_Model):
    model: str | None = None
    prompt: str = _PROMPT
    # An uploaded image arrives as a form's file, outside this model.
    input_reference: ImageReference | None = None
    seconds: Seconds | None = None
    size: Size | None = None


class RemixVideo(_Model):
    prompt: str = _PROMPT


class EditVideo(_Model):
    # Required: a form may carry the video as an uploaded file instead (checked by `source`).
    video: VideoReference | None = None
    prompt: str = _PROMPT


class ExtendVideo(EditVideo):
    seconds: Seconds


class CreateCharacter(_Model):
    # The uploaded `video` file arrives outside this model.
    name: str = Field(min_length=1, max_length=80)


@dataclass(frozen=True)
class Read:
    """A request's checked model, its fields as sent (what scenarios see) and its file."""

    model: Any
    body: dict[str, Any]
    upload: Upload | None


def _nested(fields: dict[str, str | list[str]]) -> dict[str, Any]:
    """A form's text fields, `a[b]` folded into `{"a": {"b": ...}}` as the SDKs encode objects."""
    body: dict[str, Any] = {}
    for name, value in fields.items():
        outer, _, inner = name.partition("[")
        if inner.endswith("]") and inner[:-1]:
            into = body.setdefault(outer, {})
            if isinstance(into, dict):
                into[inner[:-1]] = value
                continue
        body[name] = value
    return body


def _too_large(form: multipart.Form, name: str, read: int) -> APIError:
    # The real wording is not known.
    return invalid_request(f"File '{name}' is too large.", name)


async def read(
    request: web.Request, schema: type[BaseModel], file_field: str | None = None
) -> Read:
    """A JSON body or a form (`file_field` the part that may carry a file), validated."""
    lenient = state_of(request).settings.lenient
    upload = None
    if request.content_type in ("multipart/form-data", "application/x-www-form-urlencoded"):
        form = await multipart.read_form(
            request,
            files=frozenset({file_field} if file_field else ()),
            limit=UPLOAD_LIMIT,
            too_large=_too_large,
            unknown_files=lenient,
        )
        body = _nested(form.fields)
        upload = form.upload(file_field) if file_field else None
        if upload is not None and upload.filename is None:  # text sent where a file goes
            body[file_field] = upload.data.decode("utf-8", "replace")  # type: ignore[index]
            upload = None
    else:
        body = await read_json(request)
    model, body = validated(
        schema,
        body,
        unknown_parameter=True,
        lenient=lenient,
        spec_check=lenient_check(request),
    )
    return Read(model, body, upload)


def model_of(request: web.Request, name: str | None) -> str:
    """The video model asked for (sora-2 by default), or the real 400 for one that is none."""
    name = name or DEFAULT_MODEL
    found = state_of(request).models.get(name)
    if state_of(request).settings.lenient or (found is not None and found.kind == "video"):
        return name
    # The real wording is not known: the newer APIs' word for a value outside an enum.
    raise invalid_request(
        f"Invalid value: '{name}'. Supported values are: 'sora-2' and 'sora-2-pro'.",
        "model",
        "invalid_value",
    )


def check_size(request: web.Request, model: str, size: str) -> None:
    """sora-2 makes 720p videos only (the real wording of the refusal is not known)."""
    allowed = SIZES["sora-2-pro" if model.startswith("sora-2-pro") else "sora-2"]
    if size not in allowed and not state_of(request).settings.lenient:
        raise invalid_request(
            f"Invalid value: '{size}'. Supported values for model '{model}' are: "
            f"{choices(allowed)}.",
            "size",
            "invalid_value",
        )


def _data_url(url: str) -> bytes | None:
    """The bytes of a base64 data URL (None for an http(s) URL, which is not fetched)."""
    head, _, data = url.partition(",")
    if not (head.startswith("data:") and head.endswith(";base64")):
        return None
    try:
        return base64.b64decode(data, validate=True)
    except (binascii.Error, ValueError):
        return b""


def check_reference(
    request: web.Request, size: str, upload: Upload | None, ref: ImageReference | None
) -> bytes | None:
    """The reference image's bytes when mockai can see them (an upload, a data URL; a File
    is read by the handler), after the real API's checks: exactly one of `image_url` and
    `file_id`, an image, exactly the video's size ("Inpaint image must match the requested
    width and height", quoted by developers meeting it)."""
    if state_of(request).settings.lenient:
        return upload.data if upload is not None else None
    data = upload.data if upload is not None else None
    if ref is not None:
        if (ref.image_url is None) == (ref.file_id is None):
            raise invalid_request(
                "Provide exactly one of 'image_url' or 'file_id'.", "input_reference"
            )
        if ref.image_url is not None:
            data = _data_url(ref.image_url)
    if data is not None:
        check_reference_bytes(data, size)
    return data


def check_reference_bytes(data: bytes, size: str) -> None:
    found = image_size(data)
    if found is None:
        # The real wording is not known.
        raise invalid_request(
            "Invalid input_reference: the file is not a supported image.",
            "input_reference",
            "invalid_value",
        )
    if f"{found[0]}x{found[1]}" != size:
        raise invalid_request("Inpaint image must match the requested width and height")
