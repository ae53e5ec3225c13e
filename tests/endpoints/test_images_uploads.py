"""`POST /v1/images/edits` and `/v1/images/variations` over raw multipart HTTP: the uploads
each model accepts (dall-e-2: one square PNG under 4 MB, with transparency unless a mask is
given; GPT image models: up to 16 PNG/JPEG/WebP files), the real API's errors for the rest,
the form fields as the journal records them (files by name and size), scenario matching on the
file name, and edit streaming. Every JSON body and stream event is validated against the spec."""

from __future__ import annotations

import base64
import io

import pytest
from aiohttp import FormData
from helpers import AUTH, api_json
from openapi import parse_sse_events, validate_schema
from PIL import Image


def picture(size: tuple[int, int] = (64, 64), mode: str = "RGBA", fmt: str = "PNG") -> bytes:
    out = io.BytesIO()
    Image.new(mode, size, (10, 200, 30, 128)[: len(mode)] if mode != "L" else 90).save(out, fmt)
    return out.getvalue()


def form(
    fields: dict | None = None,
    images: list[tuple[str, bytes]] | None = None,
    mask: bytes | None = None,
    image_field: str = "image",
) -> FormData:
    data = FormData(default_to_multipart=True)
    for name, value in (fields or {}).items():
        data.add_field(name, str(value))
    for filename, content in images if images is not None else [("otter.png", picture())]:
        data.add_field(image_field, content, filename=filename, content_type="image/png")
    if mask is not None:
        data.add_field("mask", mask, filename="mask.png", content_type="image/png")
    return data


async def post(client, path: str, data: FormData):
    return await client.post(f"/v1/images/{path}", data=data, headers=AUTH)


async def ok(client, path: str, data: FormData) -> dict:
    response = await post(client, path, data)
    assert response.status == 200, await response.text()
    return await api_json(response)


async def error(client, path: str, data: FormData) -> dict:
    response = await post(client, path, data)
    assert response.status == 400, await response.text()
    return (await api_json(response))["error"]


def decoded(item: dict) -> Image.Image:
    image = Image.open(io.BytesIO(base64.b64decode(item["b64_json"])))
    image.load()
    return image


# -- edits -----------------------------------------------------------------------------------
async def test_gpt_image_edit_of_several_images_with_usage(serve):
    client = await serve()
    images = [
        ("lotion.png", picture((1024, 1024))),
        ("soap.jpg", picture((800, 600), "RGB", "JPEG")),
        ("bomb.webp", picture((300, 300), "RGB", "WEBP")),
    ]
    body = await ok(
        client,
        "edits",
        form(
            {"model": "gpt-image-1", "prompt": "A gift basket", "quality": "medium", "n": 2},
            images,
            image_field="image[]",
        ),
    )
    assert (body["size"], body["quality"], body["output_format"]) == ("1024x1024", "medium", "png")
    assert [decoded(item).size for item in body["data"]] == [(1024, 1024)] * 2
    details = body["usage"]["input_tokens_details"]
    # 65 + 129 per 512-px tile once scaled to a 512-px shortest side (the vision guide's rule
    # for GPT Image 1): 1024x1024 and 300x300 are one tile, 800x600 (682x512) two.
    assert details["image_tokens"] == (65 + 129) * 2 + 65 + 129 * 2
    assert body["usage"]["input_tokens"] == details["image_tokens"] + details["text_tokens"]
    assert body["usage"]["output_tokens"] == 2 * 1056


async def test_default_edit_model_is_gpt_image_1_5_and_auto_size_keeps_orientation(serve):
    client = await serve()
    body = await ok(
        client, "edits", form({"prompt": "Make it snow"}, [("wide.png", picture((900, 600)))])
    )
    assert body["size"] == "1536x1024" and decoded(body["data"][0]).size == (1536, 1024)
    entries = (await (await client.get("/_mockai/requests")).json())["data"]
    assert entries[0]["body"] == {
        "prompt": "Make it snow",
        "image": [
            {"filename": "wide.png", "content_type": "image/png", "bytes": len(picture((900, 600)))}
        ],
    }


async def test_dall_e_2_edit_with_mask_returns_urls(serve):
    client = await serve()
    body = await ok(
        client,
        "edits",
        form(
            {"model": "dall-e-2", "prompt": "A flamingo in the pool", "size": "512x512", "n": 2},
            [("lounge.png", picture((256, 256), "RGB"))],
            mask=picture((256, 256)),
        ),
    )
    assert set(body) == {"created", "data"}
    for item in body["data"]:
        response = await client.get(item["url"].split(str(client.port), 1)[1])
        assert Image.open(io.BytesIO(await response.read())).size == (512, 512)


async def test_edit_output_depends_on_the_input_image(serve):
    client = await serve()
    fields = {"model": "gpt-image-1", "prompt": "Same prompt", "quality": "low"}
    red = await ok(client, "edits", form(fields, [("a.png", picture(mode="RGB"))]))
    blue = await ok(client, "edits", form(fields, [("a.png", picture((64, 65), "RGB"))]))
    assert red["data"] != blue["data"]


async def test_edit_stream_events(serve):
    client = await serve()
    response = await post(
        client,
        "edits",
        form(
            {
                "model": "gpt-image-1",
                "prompt": "Snow",
                "stream": "true",
                "partial_images": 1,
                "quality": "low",
            }
        ),
    )
    assert response.status == 200, await response.text()
    events = parse_sse_events(await response.text())
    assert [name for name, _ in events] == ["image_edit.partial_image", "image_edit.completed"]
    for _, data in events:
        validate_schema("ImageEditStreamEvent", data)
        assert decoded(data).size == (1024, 1024)
    assert events[1][1]["usage"]["input_tokens_details"]["image_tokens"] == 65 + 129


async def test_scenario_matches_the_uploaded_file_name(serve):
    client = await serve(
        [
            {
                "name": "by-file",
                "match": {"endpoint": "images.edits", "file_name": "*.png", "user": "snow"},
                "reply": {"error": {"status": 400, "code": "content_policy_violation"}},
            }
        ]
    )
    failure = await error(client, "edits", form({"model": "gpt-image-1", "prompt": "Add snow"}))
    assert failure["code"] == "content_policy_violation"


@pytest.mark.parametrize(
    ("fields", "images", "mask", "message", "param", "code"),
    [
        (
            {"model": "dall-e-2", "prompt": "x"},
            [("a.jpg", picture(mode="RGB", fmt="JPEG"))],
            None,
            "Uploaded image must be a PNG and less than 4 MB.",
            None,
            "invalid_image_format",
        ),
        (
            {"model": "dall-e-2", "prompt": "x"},
            [("a.png", picture((64, 32)))],
            None,
            "Uploaded image must be a PNG and less than 4 MB.",
            None,
            "invalid_image_format",
        ),
        (
            {"model": "dall-e-2", "prompt": "x"},
            [("a.png", picture(mode="RGB"))],
            None,
            "Invalid input image - format must be in ['RGBA', 'LA', 'L'], got RGB.",
            None,
            None,
        ),
        (
            {"model": "dall-e-2", "prompt": "x"},
            [("a.png", picture())],
            picture((32, 32)),
            "Invalid mask image - the mask must have the same dimensions as the image.",
            "mask",
            "invalid_image_format",
        ),
        (
            {"model": "gpt-image-1", "prompt": "x"},
            [("a.png", picture()), ("b.gif", picture(mode="RGB", fmt="GIF"))],
            None,
            "Invalid image file or mode for image 2, please check your image file.",
            None,
            "invalid_image_file",
        ),
        (
            {"model": "gpt-image-1", "prompt": "x"},
            [("a.png", b"not an image")],
            None,
            "Invalid image file or mode for image 1, please check your image file.",
            None,
            "invalid_image_file",
        ),
        (
            {"model": "gpt-image-1", "prompt": "x"},
            [(f"{i}.png", picture()) for i in range(17)],
            None,
            "Invalid 'image': array too long. Expected an array with maximum length 16, but got "
            "an array with length 17 instead.",
            "image",
            "array_above_max_length",
        ),
        (
            {"model": "gpt-image-1"},
            None,
            None,
            "Missing required parameter: 'prompt'.",
            "prompt",
            "missing_required_parameter",
        ),
        (
            {"model": "gpt-image-1", "prompt": "x"},
            [],
            None,
            "Missing required parameter: 'image'.",
            "image",
            "missing_required_parameter",
        ),
        (
            {"model": "dall-e-3", "prompt": "x"},
            None,
            None,
            "Invalid model dall-e-3. The model argument should be left blank.",
            None,
            None,
        ),
        (
            {"model": "gpt-image-1", "prompt": "x", "response_format": "url"},
            None,
            None,
            "Unknown parameter: 'response_format'.",
            "response_format",
            "unknown_parameter",
        ),
        (
            {"model": "gpt-image-1", "prompt": "x", "n": "many"},
            None,
            None,
            "Invalid type for 'n': expected an integer, but got a string instead.",
            "n",
            "invalid_type",
        ),
        (
            {"model": "dall-e-2", "prompt": "x", "size": "1536x1024"},
            None,
            None,
            "Invalid value: '1536x1024'. Supported values are: '256x256', '512x512', and '1024x1024'.",
            "size",
            "invalid_value",
        ),
        (
            {"model": "dall-e-2", "prompt": "x", "background": "transparent"},
            None,
            None,
            "Unknown parameter: 'background'.",
            "background",
            "unknown_parameter",
        ),
    ],
)
async def test_edit_errors(serve, fields, images, mask, message, param, code):
    client = await serve()
    failure = await error(client, "edits", form(fields, images, mask))
    assert failure == {
        "message": message,
        "type": "invalid_request_error",
        "param": param,
        "code": code,
    }


async def test_json_body_is_refused_with_the_multipart_hint(serve):
    client = await serve()
    response = await client.post("/v1/images/variations", json={"model": "dall-e-2"}, headers=AUTH)
    failure = (await api_json(response))["error"]
    assert response.status == 400
    assert failure["message"].startswith(
        "Invalid Content-Type header (application/json), expected multipart/form-data."
    )


# -- variations ------------------------------------------------------------------------------
async def test_variations_of_a_dall_e_2_png(serve):
    client = await serve()
    body = await ok(
        client,
        "variations",
        form(
            {"n": 2, "size": "256x256", "response_format": "b64_json"},
            [("otter.png", picture((512, 512), "RGB"))],
        ),
    )
    assert set(body) == {"created", "data"}
    assert [decoded(item).size for item in body["data"]] == [(256, 256)] * 2
    assert body["data"][0] != body["data"][1]


@pytest.mark.parametrize(
    ("fields", "images", "message", "param", "code"),
    [
        (
            {"model": "gpt-image-1"},
            None,
            "Invalid model gpt-image-1. The model argument should be left blank.",
            None,
            None,
        ),
        (
            {},
            [("a.png", picture((64, 48)))],
            "Uploaded image must be a PNG and less than 4 MB.",
            None,
            "invalid_image_format",
        ),
        (
            {"size": "1024x1536"},
            None,
            "Invalid value: '1024x1536'. Supported values are: '256x256', '512x512', and '1024x1024'.",
            "size",
            "invalid_value",
        ),
        ({"prompt": "x"}, None, "Unknown parameter: 'prompt'.", "prompt", "unknown_parameter"),
        (
            {"n": 0},
            None,
            "Invalid 'n': integer below minimum value. Expected a value >= 1, but got 0 instead.",
            "n",
            "integer_below_min_value",
        ),
        ({}, [], "Missing required parameter: 'image'.", "image", "missing_required_parameter"),
    ],
)
async def test_variation_errors(serve, fields, images, message, param, code):
    client = await serve()
    failure = await error(client, "variations", form(fields, images))
    assert failure == {
        "message": message,
        "type": "invalid_request_error",
        "param": param,
        "code": code,
    }


async def test_text_sent_as_the_image_is_an_invalid_image_file(serve):
    client = await serve()
    data = FormData(default_to_multipart=True)
    for name, value in (("model", "gpt-image-1"), ("prompt", "x"), ("image", "otter.png")):
        data.add_field(name, value)
    failure = await error(client, "edits", data)
    assert failure["code"] == "invalid_image_file"
