"""The official `openai` SDK's images resource against a running mockai: `generate` (URL and
base64, streamed partial images), `edit` with one file or a list of files, `create_variation`,
and errors surfacing as the SDK's exceptions. Raw bodies are validated against the spec
through `with_raw_response`; stream events through their schema."""

from __future__ import annotations

import base64
import io
import urllib.request

import openai
import pytest
from openapi import validate_response, validate_schema
from PIL import Image


def png(size: tuple[int, int] = (256, 256), mode: str = "RGBA") -> io.BytesIO:
    out = io.BytesIO()
    Image.new(mode, size, (200, 40, 40, 0)[: len(mode)]).save(out, "PNG")
    out.seek(0)
    out.name = "photo.png"
    return out


def opened(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def test_generate_dall_e_3_url_opens_without_a_key(mockai):
    raw = mockai.client().images.with_raw_response.generate(
        model="dall-e-3", prompt="A lighthouse at dusk", size="1792x1024", quality="hd"
    )
    validate_response("POST", "/v1/images/generations", 200, raw.http_response.json())
    result = raw.parse()
    (image,) = result.data
    assert image.revised_prompt.startswith("A lighthouse at dusk") and image.b64_json is None
    with urllib.request.urlopen(image.url, timeout=10) as response:  # no Authorization header
        assert response.headers["Content-Type"] == "image/png"
        assert opened(response.read()).size == (1792, 1024)


def test_generate_gpt_image_1_base64_with_usage(mockai):
    mockai.add_scenario(
        {
            "name": "img",
            "match": {"endpoint": "images.generations", "model": "gpt-image-*"},
            "reply": {},
        }
    )
    raw = mockai.client().images.with_raw_response.generate(
        model="gpt-image-1",
        prompt="A gift basket",
        quality="low",
        output_format="jpeg",
        output_compression=70,
        n=2,
    )
    validate_response("POST", "/v1/images/generations", 200, raw.http_response.json())
    result = raw.parse()
    assert (result.output_format, result.quality, result.size, result.background) == (
        "jpeg",
        "low",
        "1024x1024",
        "opaque",
    )
    assert [opened(base64.b64decode(d.b64_json)).format for d in result.data] == ["JPEG"] * 2
    assert result.usage.output_tokens == 2 * 272
    assert [r["scenario"] for r in mockai.requests] == ["img"]


def test_generate_stream_yields_typed_events(mockai):
    stream = mockai.client().images.generate(
        model="gpt-image-1", prompt="A fox", stream=True, partial_images=3, quality="medium"
    )
    events = list(stream)
    assert [e.type for e in events] == ["image_generation.partial_image"] * 3 + [
        "image_generation.completed"
    ]
    for event in events:
        validate_schema("ImageGenStreamEvent", event.model_dump(exclude_unset=True))
    assert [e.partial_image_index for e in events[:3]] == [0, 1, 2]
    assert events[-1].usage.output_tokens == 1056
    assert opened(base64.b64decode(events[-1].b64_json)).size == (1024, 1024)


def test_edit_with_a_list_of_files_and_streaming(mockai):
    client = mockai.client()
    raw = client.images.with_raw_response.edit(
        model="gpt-image-1",
        image=[png(), png((512, 256))],
        prompt="Combine them",
        size="1536x1024",
        background="transparent",
        output_format="webp",
    )
    validate_response("POST", "/v1/images/edits", 200, raw.http_response.json())
    result = raw.parse()
    image = opened(base64.b64decode(result.data[0].b64_json))
    assert (image.format, image.mode, image.size) == ("WEBP", "RGBA", (1536, 1024))
    assert result.usage.input_tokens_details.image_tokens > 0
    (entry,) = mockai.requests
    assert [f["filename"] for f in entry["body"]["image"]] == ["photo.png", "photo.png"]

    events = list(
        client.images.edit(
            model="gpt-image-1-mini", image=png(), prompt="Snow", stream=True, partial_images=1
        )
    )
    assert [e.type for e in events] == ["image_edit.partial_image", "image_edit.completed"]
    for event in events:
        validate_schema("ImageEditStreamEvent", event.model_dump(exclude_unset=True))


@pytest.mark.filterwarnings("ignore:deprecated:DeprecationWarning")  # create_variation
def test_dall_e_2_edit_and_variation(mockai):
    client = mockai.client()
    edited = client.images.edit(
        model="dall-e-2",
        image=png(),
        prompt="Add a hat",
        size="256x256",
        response_format="b64_json",
    )
    assert opened(base64.b64decode(edited.data[0].b64_json)).size == (256, 256)
    raw = client.images.with_raw_response.create_variation(
        image=png(mode="RGB"), n=2, size="512x512"
    )
    validate_response("POST", "/v1/images/variations", 200, raw.http_response.json())
    urls = [d.url for d in raw.parse().data]
    for url in urls:
        with urllib.request.urlopen(url, timeout=10) as response:
            assert opened(response.read()).size == (512, 512)


@pytest.mark.filterwarnings("ignore:deprecated:DeprecationWarning")  # create_variation
def test_errors_raise_the_sdk_exceptions(mockai):
    client = mockai.client(max_retries=0)
    with pytest.raises(openai.BadRequestError) as caught:
        client.images.generate(model="gpt-image-1", prompt="x", response_format="b64_json")
    assert caught.value.code == "unknown_parameter" and caught.value.param == "response_format"
    with pytest.raises(openai.BadRequestError) as caught:
        client.images.create_variation(image=png((300, 200)))
    assert caught.value.code == "invalid_image_format"
    mockai.add_scenario(
        {"name": "down", "match": {"endpoint": "images.edits"}, "reply": {"error": 503}}
    )
    with pytest.raises(openai.InternalServerError):
        client.images.edit(model="gpt-image-1", image=png(), prompt="x")


async def test_async_client_generates(mockai):
    result = await mockai.async_client().images.generate(
        model="dall-e-2", prompt="A cat", size="256x256", response_format="b64_json"
    )
    assert opened(base64.b64decode(result.data[0].b64_json)).size == (256, 256)
