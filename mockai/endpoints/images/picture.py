"""Real image files, drawn deterministically: a diagonal striped gradient picked from a digest
of the request (prompt, seed, image index...), so the same request always gets the same
picture, different prompts get visibly different ones, and every file opens in any viewer at
exactly the size asked.

PNG is written here with zlib (rows are slices of one precomputed strip, so a 1024x1024 image
costs a few milliseconds); JPEG and WebP go through Pillow (the `images` extra: without it,
asking for them is mockai's 400 naming the extra). Encoded files are cached, since
clients often ask for the same picture again (retries, partial images of a stream).
"""

from __future__ import annotations

import hashlib
import io
import random
import struct
import zlib
from dataclasses import dataclass

from mockai.caches import memoized
from mockai.extras import require

MEDIA_TYPES = {"png": "image/png", "jpeg": "image/jpeg", "webp": "image/webp"}


@dataclass(frozen=True)
class Picture:
    """What to draw: `material` seeds the pattern; `fade` (0..1) washes it out towards grey,
    which is how the partial images of a stream look unfinished."""

    material: str
    width: int
    height: int
    format: str = "png"  # png | jpeg | webp
    transparent: bool = False
    compression: int = 100
    fade: float = 0.0

    def encode(self) -> bytes:
        return _encode(self)


def digest(*parts: object) -> str:
    return hashlib.blake2b("\x1f".join(map(str, parts)).encode(), digest_size=16).hexdigest()


def _mix(a: tuple[int, ...], b: tuple[int, ...], t: float) -> tuple[int, ...]:
    return tuple(int(x + (y - x) * t) for x, y in zip(a, b, strict=False))


def _strip(picture: Picture, length: int) -> bytes:
    """One long row of pixels; image rows are windows into it, shifted per row (diagonals)."""
    rng = random.Random(picture.material)
    first = tuple(rng.randrange(256) for _ in range(3))
    second = tuple(rng.randrange(256) for _ in range(3))
    if picture.fade:
        first = _mix(first, (128, 128, 128), picture.fade)
        second = _mix(second, (128, 128, 128), picture.fade)
    period = rng.randrange(24, 97)
    span = max(picture.width, 1)
    out = bytearray()
    for i in range(length):
        phase = (i % (2 * span)) / span
        colour = _mix(first, second, phase if phase <= 1 else 2 - phase)
        stripe = (i // period) % 2 == 1
        if stripe:
            colour = tuple(c * 4 // 5 for c in colour)
        out += bytes(colour)
        if picture.transparent:
            out.append(255 if stripe else 0)
    return bytes(out)


def _rows(picture: Picture) -> list[bytes]:
    width, height = picture.width, picture.height
    slope = random.Random(picture.material + "/slope").choice((1, 2, 3))
    channels = 4 if picture.transparent else 3
    strip = _strip(picture, width + height * slope)
    return [strip[(y * slope) * channels : (y * slope + width) * channels] for y in range(height)]


def _png(picture: Picture, rows: list[bytes]) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    colour_type = 6 if picture.transparent else 2
    header = struct.pack(">IIBBBBB", picture.width, picture.height, 8, colour_type, 0, 0, 0)
    raw = b"".join(b"\x00" + row for row in rows)  # filter type 0 on every row
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 6))
        + chunk(b"IEND", b"")
    )


@memoized(limit=64)
def _encode(picture: Picture) -> bytes:
    if picture.format == "png":
        return _png(picture, _rows(picture))
    # imported on first use: most runs never ask for JPEG or WebP
    feature = f"{picture.format.upper()} images"
    Image = require("images", "PIL.Image", feature=feature, param="output_format")
    rows = _rows(picture)
    mode = "RGBA" if picture.transparent else "RGB"
    image = Image.frombytes(mode, (picture.width, picture.height), b"".join(rows))
    out = io.BytesIO()
    quality = max(picture.compression, 1)
    if picture.format == "jpeg":
        image.save(out, "JPEG", quality=quality)
    else:
        image.save(out, "WEBP", quality=quality, method=0)
    return out.getvalue()
