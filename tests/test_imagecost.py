"""Image input token costs: the vision guide's worked examples and per-model tables
("Calculating costs", platform.openai.com/docs/guides/images-vision), and image sizes read
from data URLs' header bytes."""

from __future__ import annotations

import base64
import io

import pytest
from PIL import Image

from mockai.errors import APIError
from mockai.imagecost import image_tokens, patches, tiles
from mockai.imagesize import HEADER_CHARS, REMOTE_SIZE, url_size


# -- the guide's worked examples ---------------------------------------------------------------
def test_gpt_4o_examples():
    assert image_tokens("gpt-4o", 1024, 1024, "high") == 765  # 4 tiles at 768x768
    assert image_tokens("gpt-4o", 2048, 4096, "high") == 1105  # 6 tiles at 768x1536
    assert image_tokens("gpt-4o", 4096, 8192, "low") == 85


def test_patch_examples():
    assert patches(1024, 1024) == 1024  # 32 x 32 patches, under the cap
    assert patches(1800, 2400) == 1452  # shrunk to 1056x1408: 33 x 44 patches


@pytest.mark.parametrize(
    ("model", "base", "tile"),
    [
        ("gpt-4o", 85, 170),
        ("gpt-4o-2024-11-20", 85, 170),
        ("gpt-4.1", 85, 170),
        ("gpt-4.5-preview", 85, 170),
        ("gpt-4o-mini", 2833, 5667),
        ("gpt-4o-mini-2024-07-18", 2833, 5667),
        ("ft:gpt-4o-mini-2024-07-18:acme::abc", 2833, 5667),
        ("gpt-5", 70, 140),
        ("gpt-5-chat-latest", 70, 140),
        ("o1", 75, 150),
        ("o1-pro", 75, 150),
        ("o3", 75, 150),
        ("computer-use-preview", 65, 129),
    ],
)
def test_tile_models_base_and_tile_tokens(model, base, tile):
    assert image_tokens(model, 4096, 8192, "low") == base
    assert image_tokens(model, 1024, 1024, "high") == base + 4 * tile
    assert image_tokens(model, 2048, 4096, "high") == base + 6 * tile


@pytest.mark.parametrize(
    ("model", "multiplier"),
    [
        ("gpt-4.1-mini", 1.62),
        ("gpt-4.1-nano-2025-04-14", 2.46),
        ("gpt-5-mini", 1.62),
        ("gpt-5-nano", 2.46),
        ("o4-mini", 1.72),
    ],
)
def test_patch_models_multiply_patches_and_ignore_detail(model, multiplier):
    for detail in ("low", "high", "auto"):
        assert image_tokens(model, 1024, 1024, detail) == -(-1024 * multiplier // 1)
        assert image_tokens(model, 1800, 2400, detail) == -(-1452 * multiplier // 1)


def test_auto_and_original_cost_what_high_does():
    for detail in ("auto", "original"):
        assert image_tokens("gpt-4o", 2048, 4096, detail) == 1105
    assert image_tokens("gpt-4o", 2048, 4096) == 1105


def test_small_images_are_not_enlarged():
    assert image_tokens("gpt-4o", 1, 1, "high") == 85 + 170
    assert image_tokens("gpt-4o", 512, 512, "high") == 85 + 170
    assert image_tokens("gpt-4o", 513, 512, "high") == 85 + 2 * 170


def test_gpt_image_1_scales_to_a_512_px_shortest_side():
    assert tiles(1024, 1024, 512) == 1
    assert image_tokens("gpt-image-1", 1024, 1025) == 65 + 129  # rounds down to 512x512
    assert image_tokens("gpt-image-1", 512, 513) == 65 + 2 * 129


def test_unknown_models_cost_what_gpt_4o_does():
    assert image_tokens("my-model", 1024, 1024) == 765


def test_extreme_sizes_stay_within_bounds():
    assert patches(100_000, 1) <= 1536 and patches(1, 100_000) <= 1536
    assert tiles(100_000, 1) == 4 and tiles(1, 1) == 1


# -- sizes from data URLs -----------------------------------------------------------------------
def data_url(size: tuple[int, int], fmt: str = "PNG", **save) -> str:
    out = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(out, fmt, **save)
    return f"data:image/{fmt.lower()};base64,{base64.b64encode(out.getvalue()).decode()}"


@pytest.mark.parametrize("fmt", ["PNG", "JPEG", "WEBP", "GIF"])
def test_data_url_size_from_the_header(fmt):
    assert url_size(data_url((321, 123), fmt), "p") == (321, 123)


def test_a_jpeg_header_behind_a_large_exif_block_is_still_found():
    url = data_url((640, 480), "JPEG", exif=b"Exif\x00\x00" + b"\x00" * 20_000)
    assert len(url) > 2 * HEADER_CHARS
    assert url_size(url, "p") == (640, 480)


def test_remote_urls_have_the_documented_fixed_size():
    assert url_size("https://example.com/cat.png", "p") == REMOTE_SIZE == (1024, 1024)


@pytest.mark.parametrize(
    ("url", "got"),
    [
        ("data:image/png;base64,!!!!", "an invalid base64-encoded value"),
        ("data:image/png;base64,", "empty base64-encoded bytes"),
        ("data:application/pdf;base64,aGVsbG8=", "unsupported MIME type 'application/pdf'"),
        ("data:image/png,aGVsbG8=", "a value without the ';base64' separator"),
    ],
)
def test_bad_data_urls_are_the_real_400(url, got):
    with pytest.raises(APIError) as caught:
        url_size(url, "messages[0].content[1].image_url.url")
    error = caught.value.body()["error"]
    assert error["message"].startswith(
        "Invalid 'messages[0].content[1].image_url.url'. Expected "
        "a base64-encoded data URL with an image MIME type"
    )
    assert error["message"].endswith(f"but got {got}.")
    assert (error["param"], error["code"]) == (
        "messages[0].content[1].image_url.url",
        "invalid_value",
    )


def test_bytes_that_are_no_image_are_an_unsupported_image():
    with pytest.raises(APIError) as caught:
        url_size("data:image/png;base64," + base64.b64encode(b"hello").decode(), "p")
    error = caught.value.body()["error"]
    assert error["code"] == "invalid_image_format" and error["param"] is None
    assert error["message"].startswith("You uploaded an unsupported image.")
