"""The pixel size of an input image, which its token cost depends on (see mockai.imagecost).

Chat `image_url` parts and Responses `input_image` items give an image as a base64 data URL,
an http(s) URL or (Responses) the `file_id` of an uploaded file. A data URL's or file's size
comes from its header bytes: Pillow opens images lazily, so reading the size decodes no
pixels, and only the first few kilobytes of the base64 text are decoded unless the header
lies further in (a JPEG after a large EXIF block). mockai fetches nothing, so a remote URL,
or a `file_id` it does not hold, counts as REMOTE_SIZE: the same cost on every run.
"""

from __future__ import annotations

import binascii
import io
from base64 import b64decode

from mockai.errors import APIError, invalid_request

REMOTE_SIZE = (1024, 1024)
FORMATS = ("PNG", "JPEG", "GIF", "WEBP")
# Base64 characters decoded first (a multiple of 4): 3 KB of image, past any PNG, GIF or WebP
# header and most JPEG ones.
HEADER_CHARS = 4096
EXAMPLE = "data:image/png;base64,aW1nIGJ5dGVzIGhlcmU="


def url_size(url: str, param: str) -> tuple[int, int]:
    """The size of the image at `url` (a data URL is checked as the real API does; errors
    name `param`, the request path of the URL)."""
    if not url.startswith("data:"):
        return REMOTE_SIZE
    payload = _payload(url, param)
    size = None
    if len(payload) > HEADER_CHARS:
        size = image_size(_decoded(payload[:HEADER_CHARS], param))
    if size is None:
        size = image_size(data_url_bytes(url, param))
    if size is None:
        raise unsupported_image()
    return size


def data_url_bytes(url: str, param: str) -> bytes:
    """All the bytes of a data URL, checked as `url_size` checks it (whether they are an
    image is the caller's question)."""
    whole = _decoded(_payload(url, param), param)
    if not whole:
        raise _bad_data_url(param, "empty base64-encoded bytes")
    return whole


def _payload(url: str, param: str) -> str:
    """The base64 text of a data URL that declares an image MIME type."""
    media, separator, payload = url[5:].partition(",")
    if not separator or not media.endswith(";base64"):
        raise _bad_data_url(param, "a value without the ';base64' separator")
    mime = media[: -len(";base64")]
    if not mime.startswith("image/"):
        raise _bad_data_url(param, f"unsupported MIME type '{mime}'")
    return payload


def image_size(data: bytes) -> tuple[int, int] | None:
    """Width and height from an image's header, or None when `data` is no image the API
    takes (or too little of one to tell)."""
    from PIL import Image, UnidentifiedImageError  # imported on first use: most runs send no image

    try:
        with Image.open(io.BytesIO(data)) as image:
            return image.size if image.format in FORMATS else None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        return None


def unsupported_image() -> APIError:
    return invalid_request(
        "You uploaded an unsupported image. Please make sure your image has of one the "
        "following formats: ['png', 'jpeg', 'gif', 'webp'].",
        None,
        "invalid_image_format",
    )


def _decoded(text: str, param: str) -> bytes:
    try:
        return b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise _bad_data_url(param, "an invalid base64-encoded value") from None


def _bad_data_url(param: str, got: str) -> APIError:
    return invalid_request(
        f"Invalid '{param}'. Expected a base64-encoded data URL with an image MIME type "
        f"(e.g. '{EXAMPLE}'), but got {got}.",
        param,
        "invalid_value",
    )
