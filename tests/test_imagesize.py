"""mockai.imagesize reads an image's size from its header in pure Python (no Pillow in a plain
install): it must agree with Pillow, which the test extras install, on the files Pillow makes,
and say None for a file cut short before its size and for anything that is no PNG, JPEG, GIF or
WebP image."""

from __future__ import annotations

import base64
import io

import pytest
from PIL import Image

from mockai.errors import APIError
from mockai.imagesize import HEADER_CHARS, image_header, image_size, url_size

# (Pillow format, mode, save options): each variant of a header the parser walks
CASES = [
    ("PNG", "RGB", {}),
    ("PNG", "RGBA", {}),
    ("PNG", "L", {}),
    ("PNG", "LA", {}),
    ("PNG", "P", {}),
    ("PNG", "1", {}),
    ("PNG", "I;16", {}),
    ("JPEG", "RGB", {}),
    ("JPEG", "L", {}),
    ("JPEG", "RGB", {"progressive": True}),
    ("JPEG", "CMYK", {}),
    ("JPEG", "RGB", {"exif": b"Exif\x00\x00" + bytes(2000)}),
    ("GIF", "P", {}),
    ("GIF", "RGB", {"save_all": True, "append_images": [Image.new("RGB", (5, 5))]}),
    ("WEBP", "RGB", {}),  # lossy: VP8
    ("WEBP", "RGB", {"lossless": True}),  # VP8L
    ("WEBP", "RGBA", {}),  # extended: VP8X (alpha)
    ("WEBP", "RGB", {"exif": b"Exif\x00\x00xx"}),  # extended: VP8X (metadata)
]
SIZES = [(1, 1), (37, 21), (640, 480), (3000, 17)]


def _made(fmt: str, mode: str, size: tuple[int, int], options: dict) -> bytes:
    out = io.BytesIO()
    Image.new(mode, size).save(out, fmt, **options)
    return out.getvalue()


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize(("fmt", "mode", "options"), CASES)
def test_the_header_says_what_pillow_says(fmt, mode, options, size):
    data = _made(fmt, mode, size, options)
    with Image.open(io.BytesIO(data)) as image:
        expected = (image.format, image.size, image.mode)
    header = image_header(data)
    assert header is not None
    assert (header.format, header.size) == expected[:2]
    assert image_size(data) == expected[1]
    if fmt == "PNG":  # the dall-e-2 checks quote a PNG's mode as Pillow names it
        assert header.mode == expected[2]


@pytest.mark.parametrize(("fmt", "mode", "options"), CASES)
def test_a_file_cut_before_its_size_is_none(fmt, mode, options):
    data = _made(fmt, mode, (37, 21), options)
    cut = next(n for n in range(len(data)) if image_size(data[: n + 1]) is not None)
    assert image_size(data[:cut]) is None
    assert image_size(data[: cut + 1]) == (37, 21)
    for length in range(cut):  # every shorter prefix too, none of them an error
        assert image_size(data[:length]) is None


@pytest.mark.parametrize("fmt", ["BMP", "TIFF", "ICO", "PPM"])
def test_formats_the_api_does_not_take_are_none(fmt):
    assert image_size(_made(fmt, "RGB", (37, 21), {})) is None


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"hello, world",
        b"\x89PNG\r\n\x1a\n" + bytes(40),  # a signature and no IHDR
        b"\xff\xd8\xff\xd9",  # a JPEG that ends before any frame
        b"RIFF\x00\x00\x00\x00WEBPVP8 " + bytes(30),  # no VP8 start code
        b"RIFF\x00\x00\x00\x00WAVEfmt " + bytes(30),  # RIFF, but audio
        b"GIF89a\x00\x00\x00\x00",  # a size of zero
    ],
)
def test_non_images_are_none(data):
    assert image_size(data) is None


def test_a_jpeg_header_past_the_first_kilobytes_is_still_found():
    """A large EXIF block pushes the size past the first `HEADER_CHARS` of base64 text:
    `url_size` reads the whole file then."""
    data = _made("JPEG", "RGB", (300, 200), {"exif": b"Exif\x00\x00" + bytes(20_000)})
    text = base64.b64encode(data).decode()
    assert len(text) > HEADER_CHARS
    assert image_size(base64.b64decode(text[:HEADER_CHARS])) is None
    assert url_size("data:image/jpeg;base64," + text, "url") == (300, 200)


def test_a_data_url_that_is_no_image_is_the_real_400():
    text = base64.b64encode(_made("BMP", "RGB", (8, 8), {})).decode()
    with pytest.raises(APIError) as raised:
        url_size("data:image/bmp;base64," + text, "url")
    assert raised.value.code == "invalid_image_format"
