"""The pixel size of an input image, which its token cost depends on (see mockai.imagecost).

Chat `image_url` parts and Responses `input_image` items give an image as a base64 data URL,
an http(s) URL or (Responses) the `file_id` of an uploaded file. A data URL's or file's size
comes from its header bytes, parsed here (no Pillow: PNG's IHDR, a JPEG's SOF marker, GIF's
logical screen, WebP's VP8, VP8L or VP8X chunk), so reading the size decodes no pixels, and
only the first few kilobytes of the base64 text are decoded unless the header lies further in
(a JPEG after a large EXIF block). mockai fetches nothing, so a remote URL,
or a `file_id` it does not hold, counts as REMOTE_SIZE: the same cost on every run.
"""

from __future__ import annotations

import binascii
import struct
from base64 import b64decode
from dataclasses import dataclass

from mockai.errors import APIError, invalid_request

REMOTE_SIZE = (1024, 1024)
FORMATS = ("PNG", "JPEG", "GIF", "WEBP")
# Base64 characters decoded first (a multiple of 4): 3 KB of image, past any PNG, GIF or WebP
# header and most JPEG ones.
HEADER_CHARS = 4096
EXAMPLE = "data:image/png;base64,aW1nIGJ5dGVzIGhlcmU="
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# PNG (bit depth, colour type) -> the mode Pillow names it by (what the dall-e-2 checks quote)
_PNG_MODES = {
    **{(depth, 0): "L" for depth in (2, 4, 8)},
    (1, 0): "1",
    (16, 0): "I;16",
    **{(depth, 2): "RGB" for depth in (8, 16)},
    **{(depth, 3): "P" for depth in (1, 2, 4, 8)},
    **{(depth, 4): "LA" for depth in (8, 16)},
    **{(depth, 6): "RGBA" for depth in (8, 16)},
}
# JPEG's start-of-frame markers (SOF0-15 but DHT, JPG and DAC) and the markers with no length
_SOF = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}
_STANDALONE = frozenset({0x01, *range(0xD0, 0xD8)})


@dataclass(frozen=True)
class Header:
    """What an image's header says about it."""

    format: str  # one of FORMATS
    width: int
    height: int
    mode: str | None = None  # PNG only: its colour type as Pillow names it ("RGBA", "L"...)

    @property
    def size(self) -> tuple[int, int]:
        return self.width, self.height


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
    header = image_header(data)
    return None if header is None else header.size


def image_header(data: bytes) -> Header | None:
    """The header of a PNG, JPEG, GIF or WebP file, or None for anything else (or too little
    of one to tell, or a size of zero)."""
    try:
        header = _parsed(data)
    except (struct.error, IndexError):
        return None  # cut short
    return header if header is not None and header.width and header.height else None


def _parsed(data: bytes) -> Header | None:
    if data.startswith(PNG_SIGNATURE) and data[12:16] == b"IHDR":
        width, height, depth, colour = struct.unpack(">IIBB", data[16:26])
        mode = _PNG_MODES.get((depth, colour))
        return None if mode is None else Header("PNG", width, height, mode)
    if data.startswith(b"\xff\xd8\xff"):
        return _jpeg(data)
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return Header("GIF", *struct.unpack("<HH", data[6:10]))
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return _webp(data)
    return None


def _jpeg(data: bytes) -> Header | None:
    """The size in the first start-of-frame segment, walking the segments before it."""
    at = 2
    while True:
        if data[at] != 0xFF:
            return None
        while data[at + 1] == 0xFF:  # fill bytes
            at += 1
        marker = data[at + 1]
        if marker in _SOF:
            height, width = struct.unpack(">HH", data[at + 5 : at + 9])
            return Header("JPEG", width, height)
        if marker in (0xD9, 0xDA):  # the image ends, or its data starts, with no frame
            return None
        if marker in _STANDALONE:
            at += 2
        else:
            at += 2 + struct.unpack(">H", data[at + 2 : at + 4])[0]


def _webp(data: bytes) -> Header | None:
    """The size in the first chunk: lossy (VP8), lossless (VP8L) or extended (VP8X)."""
    chunk = data[12:16]
    if chunk == b"VP8 " and data[23:26] == b"\x9d\x01\x2a":
        width, height = struct.unpack("<HH", data[26:30])
        return Header("WEBP", width & 0x3FFF, height & 0x3FFF)
    if chunk == b"VP8L" and data[20] == 0x2F:
        bits = struct.unpack("<I", data[21:25])[0]
        return Header("WEBP", (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1)
    if chunk == b"VP8X" and len(data) >= 30:
        width = int.from_bytes(data[24:27], "little") + 1
        return Header("WEBP", width, int.from_bytes(data[27:30], "little") + 1)
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
