"""The three Images requests: a JSON body for generations, multipart forms for edits and
variations (edits also as a JSON body naming their pictures by reference), validated field by
field like the real API (types, enums, ranges), before the per-model rules in `rules.py`; and
the checks of the pictures an edit or variation carries (format, size, alpha, mask)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import Any, Literal

from aiohttp import web
from pydantic import BaseModel, ConfigDict, Field, model_validator

from mockai.errors import APIError, invalid_request, missing_parameter
from mockai.imagesize import Header, image_header
from mockai.toolkit import multipart
from mockai.toolkit.multipart import Upload
from mockai.toolkit.state import state_of


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


class ImageRef(BaseModel):
    """A picture of a JSON edit: a URL (data or http(s)) or an uploaded file, exactly one."""

    model_config = ConfigDict(extra="forbid", strict=True)

    image_url: str | None = Field(None, max_length=20_971_520)
    file_id: str | None = None

    @model_validator(mode="after")
    def _exactly_one(self) -> ImageRef:
        if (self.image_url is None) == (self.file_id is None):
            raise ValueError("Provide exactly one of 'image_url' or 'file_id'.")
        return self


class JsonEditRequest(EditRequest):
    """An edit sent as JSON (GPT image models only): `images` by reference instead of the
    form's `image` files, and the generation's `moderation`."""

    images: list[ImageRef] = Field(min_length=1, max_length=16)
    mask: ImageRef | None = None
    moderation: Literal["low", "auto"] | None = None


class VariationRequest(_Request):
    size: Literal["256x256", "512x512", "1024x1024"] | None = None


# What each model takes: dall-e-2 one square PNG under 4 MB, the GPT image models files under
# 50 MB each (the multipart reader refuses bigger ones before the model is known).
DALL_E_UPLOAD_LIMIT = 4 * 1024 * 1024
GPT_UPLOAD_LIMIT = 50 * 1024 * 1024
EDIT_MODEL = "gpt-image-1.5"
VARIATION_MODEL = "dall-e-2"
NOT_A_PNG = "Uploaded image must be a PNG and less than 4 MB."
_FILES = frozenset({"image", "mask"})
_LISTS = frozenset({"image"})  # `image` or `image[]`, once per picture
_INTEGERS = ("n", "output_compression", "partial_images")
GPT_IMAGES_LIMIT = 16


def not_a_png(param: str | None = None) -> APIError:
    return invalid_request(NOT_A_PNG, param, "invalid_image_format")


def invalid_image_file(number: int) -> APIError:
    return invalid_request(
        f"Invalid image file or mode for image {number}, please check your image file.",
        code="invalid_image_file",
    )


def picture(upload: Upload) -> Header | None:
    """The file's image header, or None when it is no PNG, JPEG, GIF or WebP image."""
    return image_header(upload.data)


@dataclass
class Form:
    fields: dict[str, Any]
    images: list[Upload]
    mask: Upload | None


def _typed(name: str, value: str | list[str]) -> Any:
    """Form values are text; the real API reads numbers and booleans out of them."""
    if isinstance(value, list):
        return value  # a field that may repeat (`_LISTS`), as sent
    if name in _INTEGERS:
        try:
            return int(value)
        except ValueError:
            return value
    if name == "stream" and value.lower() in ("true", "false"):
        return value.lower() == "true"
    return value


def _too_large(default_model: str, form: multipart.Form, name: str, read: int) -> APIError:
    """A file of 50 MB or more, which no model takes: refused as the model named so far (the
    SDKs send the fields before the files) refuses a file it cannot read."""
    if name == "mask":
        return not_a_png("mask")
    if str(form.fields.get("model", default_model)).startswith("dall-e"):
        return not_a_png()
    return invalid_image_file(len(form.uploads("image")) + 1)


async def read_form(request: web.Request, default_model: str) -> Form:
    """The multipart form's text fields (typed), images (`image` or `image[]`) and mask; text
    sent for a file is a file that is no image."""
    form = await multipart.read_form(
        request,
        files=_FILES,
        lists=_LISTS,
        limit=GPT_UPLOAD_LIMIT - 1,
        multipart_only=True,
        too_large=partial(_too_large, default_model),
        unknown_files=state_of(request).settings.lenient,
    )
    fields = {name: _typed(name, value) for name, value in form.fields.items()}
    return Form(fields, form.uploads("image"), form.upload("mask"))


# -- the pictures an edit or variation carries ------------------------------------------------
def missing_image(form: Form) -> None:
    if not form.images:
        raise missing_parameter("image")


def png_for_dall_e(upload: Upload, *, needs_alpha: bool) -> tuple[int, int]:
    """dall-e-2 takes one square PNG under 4 MB; without a mask, its transparency is the area
    to edit, so it must have an alpha channel (or be greyscale, as the real check allows)."""
    image = picture(upload)
    if (
        image is None
        or image.format != "PNG"
        or len(upload.data) >= DALL_E_UPLOAD_LIMIT
        or image.width != image.height
    ):
        raise not_a_png()
    if needs_alpha and image.mode not in ("RGBA", "LA", "L"):
        raise invalid_request(
            f"Invalid input image - format must be in ['RGBA', 'LA', 'L'], got {image.mode}."
        )
    return image.size


def gpt_inputs(images: list[Upload]) -> list[tuple[int, int]]:
    """The sizes of a GPT image edit's pictures: up to 16 PNG, JPEG or WebP files."""
    if len(images) > GPT_IMAGES_LIMIT:
        raise invalid_request(
            f"Invalid 'image': array too long. Expected an array with maximum length "
            f"{GPT_IMAGES_LIMIT}, but got an array with length {len(images)} instead.",
            "image",
            "array_above_max_length",
        )
    sizes = []
    for number, upload in enumerate(images, 1):
        image = picture(upload)
        if image is None or image.format not in ("PNG", "JPEG", "WEBP"):
            raise invalid_image_file(number)
        sizes.append(image.size)
    return sizes


def any_sizes(images: list[Upload]) -> list[tuple[int, int]]:
    """`--lenient`: the pictures' sizes, whatever their format; a file that is no picture at
    all stands for a square one."""
    sizes = [picture(upload) for upload in images]
    return [image.size if image is not None else (1024, 1024) for image in sizes]


def check_mask(mask: Upload | None, size: tuple[int, int]) -> None:
    """A mask is a PNG under 4 MB the size of the (first) picture."""
    if mask is None:
        return
    image = picture(mask)
    if image is None or image.format != "PNG" or len(mask.data) >= DALL_E_UPLOAD_LIMIT:
        raise not_a_png("mask")
    if image.size != size:
        raise invalid_request(
            "Invalid mask image - the mask must have the same dimensions as the image.",
            "mask",
            "invalid_image_format",
        )
