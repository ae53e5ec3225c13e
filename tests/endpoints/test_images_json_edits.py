"""`POST /v1/images/edits` as a JSON body (`EditImageBodyJsonParam`): pictures named by
`image_url` (a data URL decoded, an http(s) URL a 1024x1024 placeholder, since mockai fetches
nothing) or by the `file_id` of a file uploaded to mockai in the same session, through the same
pipeline as the multipart form: sizes, `size: auto`, input image tokens by mockai.imagecost,
streaming, and the real API's errors. Sent raw and through the official SDK (which has no JSON
edit method: `client.post` with the SDK's ImagesResponse); every body is validated against the
description."""

from __future__ import annotations

import base64
import io

import openai
import pytest
from helpers import AUTH, api_json
from openai.types import ImagesResponse
from openapi import parse_sse_events, validate_schema
from PIL import Image

from mockai.imagecost import image_tokens


def picture(size: tuple[int, int], fmt: str = "PNG", mode: str = "RGBA") -> bytes:
    out = io.BytesIO()
    Image.new(mode, size, (10, 200, 30, 128)[: len(mode)]).save(out, fmt)
    return out.getvalue()


def data_url(data: bytes, mime: str = "image/png") -> str:
    return f"data:{mime};base64,{base64.b64encode(data).decode()}"


def decoded(item: dict) -> Image.Image:
    return Image.open(io.BytesIO(base64.b64decode(item["b64_json"])))


async def post(client, body: dict):
    return await client.post("/v1/images/edits", json=body, headers=AUTH)


async def ok(client, body: dict) -> dict:
    response = await post(client, body)
    assert response.status == 200, await response.text()
    return await api_json(response)


async def test_data_urls_are_edited_with_their_token_cost(serve):
    client = await serve()
    jpeg = picture((800, 600), "JPEG", "RGB")
    body = await ok(
        client,
        {
            "model": "gpt-image-1",
            "prompt": "A gift basket",
            "quality": "low",
            "images": [
                {"image_url": data_url(jpeg, "image/jpeg")},
                {"image_url": data_url(picture((1024, 1024)))},
            ],
        },
    )
    # `size` defaults to auto: the first image's orientation, as for the multipart form.
    assert (body["size"], body["quality"]) == ("1536x1024", "low")
    assert decoded(body["data"][0]).size == (1536, 1024)
    details = body["usage"]["input_tokens_details"]
    assert details["image_tokens"] == image_tokens("gpt-image-1", 800, 600, "high") + image_tokens(
        "gpt-image-1", 1024, 1024, "high"
    )
    assert details["image_tokens"] > 0


async def test_http_urls_are_a_deterministic_1024_square(serve):
    client = await serve()
    request = {
        "model": "gpt-image-1.5",
        "prompt": "Snow",
        "output_format": "jpeg",
        "images": [{"image_url": "https://example.com/source-image.png"}],
        "mask": {"image_url": "https://example.com/mask.png"},
    }
    first, again = await ok(client, request), await ok(client, request)
    other = await ok(client, {**request, "images": [{"image_url": "https://example.com/b.png"}]})
    assert first["size"] == "1024x1024" and first["output_format"] == "jpeg"
    assert first["usage"]["input_tokens_details"]["image_tokens"] == image_tokens(
        "gpt-image-1.5", 1024, 1024, "high"
    )
    assert first["data"] == again["data"] != other["data"]


async def test_json_edits_stream(serve):
    client = await serve()
    response = await post(
        client,
        {
            "prompt": "Snow",
            "stream": True,
            "partial_images": 1,
            "images": [{"image_url": data_url(picture((64, 64)))}],
        },
    )
    assert response.status == 200
    events = parse_sse_events(await response.text())
    assert [name for name, _ in events] == ["image_edit.partial_image", "image_edit.completed"]
    for _, data in events:
        validate_schema("ImageEditStreamEvent", data)


def test_sdk_edits_an_uploaded_file_with_a_mask(mockai):
    client = mockai.client()
    image = client.files.create(file=("photo.png", picture((512, 256))), purpose="vision")
    mask = client.files.create(file=("mask.png", picture((512, 256))), purpose="vision")
    result = client.post(
        "/images/edits",
        cast_to=ImagesResponse,
        body={
            "model": "gpt-image-1-mini",
            "prompt": "Add a hat",
            "size": "auto",
            "images": [{"file_id": image.id}],
            "mask": {"file_id": mask.id},
        },
    )
    validate_schema("ImagesResponse", result.model_dump(exclude_unset=True))
    assert result.size == "1536x1024"
    assert Image.open(io.BytesIO(base64.b64decode(result.data[0].b64_json))).size == (1536, 1024)
    assert result.usage.input_tokens_details.image_tokens == image_tokens(
        "gpt-image-1-mini", 512, 256, "high"
    )
    (_, _, entry) = mockai.requests
    assert entry["body"]["images"] == [{"file_id": image.id}]


def test_sdk_raises_not_found_for_a_file_of_another_session(mockai):
    client = mockai.client(max_retries=0)
    uploaded = client.files.create(file=("photo.png", picture((64, 64))), purpose="vision")
    other = mockai.client(max_retries=0, default_headers={"X-Mockai-Session": "elsewhere"})
    with pytest.raises(openai.NotFoundError) as caught:
        other.post(
            "/images/edits",
            cast_to=ImagesResponse,
            body={"prompt": "x", "images": [{"file_id": uploaded.id}]},
        )
    assert caught.value.body == {
        "message": f"No such File object: {uploaded.id}",
        "type": "invalid_request_error",
        "param": "images[0].file_id",
        "code": None,
    }


PNG = data_url(picture((64, 64)))


@pytest.mark.parametrize(
    ("body", "message", "param", "code"),
    [
        (
            {"prompt": "x"},
            "Missing required parameter: 'images'.",
            "images",
            "missing_required_parameter",
        ),
        (
            {"prompt": "x", "images": [{"image_url": PNG, "file_id": "file-abc"}]},
            "Provide exactly one of 'image_url' or 'file_id'.",
            "images[0]",
            "invalid_value",
        ),
        (
            {"prompt": "x", "images": [{}]},
            "Provide exactly one of 'image_url' or 'file_id'.",
            "images[0]",
            "invalid_value",
        ),
        (
            {"prompt": "x", "images": [{"image_url": PNG}] * 17},
            "Invalid 'images': array too long. Expected an array with maximum length 16, but got an "
            "array with length 17 instead.",
            "images",
            "array_above_max_length",
        ),
        (
            {"prompt": "x", "images": [{"image_url": "data:text/plain;base64,aGk="}]},
            "Invalid 'images[0].image_url'. Expected a base64-encoded data URL with an image MIME type "
            "(e.g. 'data:image/png;base64,aW1nIGJ5dGVzIGhlcmU='), but got unsupported MIME type "
            "'text/plain'.",
            "images[0].image_url",
            "invalid_value",
        ),
        (
            {"prompt": "x", "images": [{"image_url": "data:image/png;base64,aGVsbG8="}]},
            "Invalid image file or mode for image 1, please check your image file.",
            None,
            "invalid_image_file",
        ),
        (
            {"prompt": "x", "images": [{"image_url": PNG}], "response_format": "url"},
            "Unknown parameter: 'response_format'.",
            "response_format",
            "unknown_parameter",
        ),
        (
            {"model": "dall-e-2", "prompt": "x", "images": [{"image_url": PNG}]},
            "Invalid model dall-e-2. The model argument should be left blank.",
            None,
            None,
        ),
        (
            {
                "prompt": "x",
                "images": [{"image_url": PNG}],
                "mask": {"image_url": data_url(picture((32, 32)))},
            },
            "Invalid mask image - the mask must have the same dimensions as the image.",
            "mask",
            "invalid_image_format",
        ),
    ],
)
async def test_errors(serve, body, message, param, code):
    client = await serve()
    response = await post(client, body)
    assert response.status == 400, await response.text()
    assert (await api_json(response))["error"] == {
        "message": message,
        "type": "invalid_request_error",
        "param": param,
        "code": code,
    }


async def test_an_unknown_file_id_is_the_files_404(serve):
    client = await serve()
    response = await post(
        client, {"prompt": "x", "images": [{"image_url": PNG}], "mask": {"file_id": "file-nope"}}
    )
    assert response.status == 404
    assert (await api_json(response))["error"] == {
        "message": "No such File object: file-nope",
        "type": "invalid_request_error",
        "param": "mask.file_id",
        "code": None,
    }
