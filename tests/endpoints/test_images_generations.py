"""`POST /v1/images/generations` over raw HTTP: each model's defaults and response shape, real
pictures of the asked size and format (opened with Pillow), URLs served by mockai without a
key, every per-model rule as the real API's 400, scenarios (errors on the Nth call,
dall-e-3's revised prompt, usage) and gpt-image streaming. Every JSON body and stream event is
validated against the spec."""

from __future__ import annotations

import base64
import io
import json
import time
from urllib.parse import urlsplit

import pytest
from helpers import AUTH, api_json
from openapi import parse_sse_events, validate_error, validate_schema
from PIL import Image

from mockai.tokenizer import encoding_sync

PATH = "/v1/images/generations"


async def generate(client, headers: dict | None = None, path: str = PATH, **body):
    return await client.post(
        path,
        data=json.dumps({"prompt": "A cute baby sea otter", **body}),
        headers={**AUTH, **(headers or {})},
    )


async def ok(client, **body) -> dict:
    response = await generate(client, **body)
    assert response.status == 200, await response.text()
    return await api_json(response)


async def error(client, status: int = 400, **body) -> dict:
    response = await generate(client, **body)
    assert response.status == status, await response.text()
    return (await api_json(response))["error"]


async def fetch(client, url: str) -> tuple[bytes, str]:
    """Follow a returned URL as a browser would: no API key, no session header."""
    parts = urlsplit(url)
    assert parts.scheme == "http" and parts.port == client.port
    response = await client.get(parts.path + (f"?{parts.query}" if parts.query else ""))
    assert response.status == 200, await response.text()
    return await response.read(), response.content_type


def opened(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()  # decodes every byte: a truncated or corrupt file fails here
    return image


async def test_default_is_dall_e_2_with_a_url_to_a_1024_png_served_without_a_key(serve):
    client = await serve()
    body = await ok(client)
    assert set(body) == {"created", "data"} and len(body["data"]) == 1
    (item,) = body["data"]
    assert set(item) == {"url"}
    data, media_type = await fetch(client, item["url"])
    image = opened(data)
    assert (media_type, image.format, image.size) == ("image/png", "PNG", (1024, 1024))


@pytest.mark.parametrize("size", ["256x256", "512x512", "1024x1024"])
async def test_dall_e_2_sizes_and_n(serve, size):
    client = await serve()
    body = await ok(client, model="dall-e-2", size=size, n=3)
    urls = [item["url"] for item in body["data"]]
    assert len(set(urls)) == 3
    pictures = [(await fetch(client, url))[0] for url in urls]
    width, _, height = size.partition("x")
    assert {opened(p).size for p in pictures} == {(int(width), int(height))}
    assert len(set(pictures)) == 3  # n pictures, not one picture n times


async def test_b64_json_holds_the_same_picture_deterministically(serve):
    client = await serve()
    first = await ok(client, model="dall-e-2", response_format="b64_json", size="256x256")
    again = await ok(client, model="dall-e-2", response_format="b64_json", size="256x256")
    other = await ok(
        client,
        model="dall-e-2",
        response_format="b64_json",
        size="256x256",
        prompt="A lighthouse at dusk",
    )
    assert set(first["data"][0]) == {"b64_json"}
    data = base64.b64decode(first["data"][0]["b64_json"])
    assert opened(data).size == (256, 256)
    assert first["data"] == again["data"] and other["data"] != first["data"]


@pytest.mark.parametrize("size", ["1024x1024", "1792x1024", "1024x1792"])
async def test_dall_e_3_sizes_with_a_revised_prompt(serve, size):
    client = await serve()
    body = await ok(client, model="dall-e-3", size=size, quality="hd", style="natural")
    (item,) = body["data"]
    assert item["revised_prompt"].startswith("A cute baby sea otter")
    width, _, height = size.partition("x")
    assert opened((await fetch(client, item["url"]))[0]).size == (int(width), int(height))


async def test_dall_e_3_revised_prompt_from_the_scenario_content(serve):
    client = await serve(
        [
            {
                "name": "rev",
                "match": {"endpoint": "images.generations", "model": "dall-e-3", "user": "otter"},
                "reply": {"content": "A fluffy sea otter floating on its back."},
            }
        ]
    )
    body = await ok(client, model="dall-e-3", response_format="b64_json")
    assert body["data"][0]["revised_prompt"] == "A fluffy sea otter floating on its back."
    assert set(body["data"][0]) == {"b64_json", "revised_prompt"}


@pytest.mark.parametrize(
    ("size", "quality", "tokens"),
    [("1024x1024", "low", 272), ("1536x1024", "medium", 1568), ("1024x1536", "high", 6240)],
)
async def test_gpt_image_1_returns_base64_with_settings_and_usage(serve, size, quality, tokens):
    client = await serve()
    body = await ok(client, model="gpt-image-1", size=size, quality=quality, n=2)
    assert (body["size"], body["quality"], body["background"], body["output_format"]) == (
        size,
        quality,
        "opaque",
        "png",
    )
    assert all(set(item) == {"b64_json"} for item in body["data"])
    width, _, height = size.partition("x")
    for item in body["data"]:
        assert opened(base64.b64decode(item["b64_json"])).size == (int(width), int(height))
    usage = body["usage"]
    assert usage["output_tokens"] == 2 * tokens
    text = len(encoding_sync("o200k_base").encode_ordinary("A cute baby sea otter"))
    assert usage["input_tokens_details"] == {"text_tokens": text, "image_tokens": 0}
    assert usage["total_tokens"] == usage["input_tokens"] + usage["output_tokens"]


async def test_gpt_image_auto_settles_on_a_size_quality_and_background(serve):
    client = await serve()
    body = await ok(
        client, model="gpt-image-1-mini", size="auto", quality="auto", background="auto"
    )
    assert (body["size"], body["quality"], body["background"]) == ("1024x1024", "high", "opaque")
    assert body["usage"]["output_tokens"] == 4160


@pytest.mark.parametrize(
    ("fmt", "background", "mode"),
    [
        ("png", "transparent", "RGBA"),
        ("webp", "transparent", "RGBA"),
        ("jpeg", "opaque", "RGB"),
        ("webp", "opaque", "RGB"),
    ],
)
async def test_gpt_image_output_formats_and_transparency(serve, fmt, background, mode):
    client = await serve()
    body = await ok(
        client,
        model="gpt-image-1",
        output_format=fmt,
        background=background,
        output_compression=80,
        size="1536x1024",
    )
    assert (body["output_format"], body["background"]) == (fmt, background)
    image = opened(base64.b64decode(body["data"][0]["b64_json"]))
    assert (image.format, image.mode, image.size) == (fmt.upper(), mode, (1536, 1024))
    if background == "transparent":
        assert image.getchannel("A").getextrema() == (0, 255)  # see-through and solid parts


async def test_a_gpt_image_only_parameter_makes_gpt_image_1_the_default(serve):
    client = await serve()
    body = await ok(client, output_format="jpeg")
    assert body["output_format"] == "jpeg" and "usage" in body


async def test_urls_follow_the_gateway_prefix_and_the_session(serve):
    client = await serve()
    response = await generate(
        client,
        path="/api/openai/v1/images/generations",
        headers={"X-Mockai-Session": "s1"},
        size="256x256",
    )
    url = (await api_json(response))["data"][0]["url"]
    parts = urlsplit(url)
    assert parts.path.startswith("/api/openai/v1/images/files/img-") and parts.query == "session=s1"
    assert opened((await fetch(client, url))[0]).size == (256, 256)
    elsewhere = await client.get(parts.path)  # the file belongs to session s1 only
    assert elsewhere.status == 404
    validate_error(await elsewhere.json())
    await client.post("/_mockai/reset?session=s1")
    assert (await client.get(f"{parts.path}?{parts.query}")).status == 404


async def test_journal_records_the_json_body_and_the_scenario(serve):
    client = await serve([{"name": "img", "match": {"endpoint": "images.*"}, "reply": {}}])
    await ok(client, model="dall-e-2", size="256x256")
    entries = (await (await client.get("/_mockai/requests")).json())["data"]
    assert entries[0]["body"] == {
        "prompt": "A cute baby sea otter",
        "model": "dall-e-2",
        "size": "256x256",
    }
    assert entries[0]["scenario"] == "img"


async def test_scripted_content_policy_error_on_the_second_call(serve):
    client = await serve(
        [
            {
                "name": "policy",
                "match": {"endpoint": "images.generations"},
                "replies": [{}, {"error": {"status": 400, "code": "content_policy_violation"}}],
            }
        ]
    )
    await ok(client, model="dall-e-3")
    failure = await error(client, model="dall-e-3")
    assert failure == {
        "message": "Your request was rejected as a result of our safety system. "
        "Your prompt may contain text that is not allowed by our "
        "safety system.",
        "type": "invalid_request_error",
        "param": None,
        "code": "content_policy_violation",
    }


async def test_scripted_moderation_block_names_the_request_id(serve):
    client = await serve(
        [{"name": "blocked", "reply": {"error": {"status": 400, "code": "moderation_blocked"}}}]
    )
    response = await generate(client, model="gpt-image-1")
    failure = (await api_json(response))["error"]
    assert failure["type"] == "image_generation_user_error"
    assert response.headers["x-request-id"] in failure["message"]


async def test_scenario_usage_overrides_the_counts(serve):
    client = await serve(
        [{"name": "u", "reply": {"usage": {"prompt_tokens": 50, "completion_tokens": 50}}}]
    )
    body = await ok(client, model="gpt-image-1", quality="low")
    assert body["usage"] == {
        "input_tokens": 50,
        "output_tokens": 50,
        "total_tokens": 100,
        "input_tokens_details": {"text_tokens": 50, "image_tokens": 0},
    }


# -- the real API's 400s ---------------------------------------------------------------------
@pytest.mark.parametrize(
    ("body", "message", "param", "code"),
    [
        (
            {"model": "gpt-image-1", "response_format": "url"},
            "Unknown parameter: 'response_format'.",
            "response_format",
            "unknown_parameter",
        ),
        (
            {"model": "gpt-image-1", "style": "vivid"},
            "Unknown parameter: 'style'.",
            "style",
            "unknown_parameter",
        ),
        (
            {"model": "dall-e-2", "quality": "standard"},
            "Unknown parameter: 'quality'.",
            "quality",
            "unknown_parameter",
        ),
        (
            {"model": "dall-e-2", "style": "vivid"},
            "Unknown parameter: 'style'.",
            "style",
            "unknown_parameter",
        ),
        (
            {"model": "dall-e-3", "output_format": "png"},
            "Unknown parameter: 'output_format'.",
            "output_format",
            "unknown_parameter",
        ),
        (
            {"model": "dall-e-3", "background": "transparent"},
            "Unknown parameter: 'background'.",
            "background",
            "unknown_parameter",
        ),
        (
            {"model": "dall-e-2", "stream": True},
            "Unknown parameter: 'stream'.",
            "stream",
            "unknown_parameter",
        ),
        ({"model": "dall-e-3", "n": 2}, "You must provide n=1 for this model.", None, None),
        (
            {"model": "dall-e-3", "size": "512x512"},
            "The size is not supported by this model.",
            None,
            "invalid_size",
        ),
        (
            {"model": "dall-e-2", "size": "auto"},
            "Invalid value: 'auto'. Supported values are: '256x256', '512x512', and '1024x1024'.",
            "size",
            "invalid_value",
        ),
        (
            {"model": "gpt-image-1", "size": "512x512"},
            "Invalid value: '512x512'. Supported values are: '1024x1024', '1536x1024', '1024x1536', "
            "and 'auto'.",
            "size",
            "invalid_value",
        ),
        (
            {"model": "gpt-image-1", "quality": "standard"},
            "Invalid value: 'standard'. Supported values are: 'low', 'medium', 'high', and 'auto'.",
            "quality",
            "invalid_value",
        ),
        (
            {"model": "dall-e-3", "quality": "high"},
            "Invalid value: 'high'. Supported values are: 'standard', 'hd', and 'auto'.",
            "quality",
            "invalid_value",
        ),
        (
            {"model": "gpt-image-1", "background": "transparent", "output_format": "jpeg"},
            "Transparent background is not supported for JPEG output format",
            "background",
            "invalid_value",
        ),
        (
            {"model": "dall-e-2", "prompt": "x" * 1001},
            "Invalid 'prompt': string too long. Expected a string with maximum length 1000, but got a "
            "string with length 1001 instead.",
            "prompt",
            "string_above_max_length",
        ),
        (
            {"model": "dall-e-3", "prompt": "x" * 4001},
            "Invalid 'prompt': string too long. Expected a string with maximum length 4000, but got a "
            "string with length 4001 instead.",
            "prompt",
            "string_above_max_length",
        ),
        (
            {"model": "gpt-image-1", "n": 11},
            "Invalid 'n': integer above maximum value. Expected a value <= 10, but got 11 instead.",
            "n",
            "integer_above_max_value",
        ),
        (
            {"model": "gpt-image-1", "partial_images": 4, "stream": True},
            "Invalid 'partial_images': integer above maximum value. Expected a value <= 3, but got 4 "
            "instead.",
            "partial_images",
            "integer_above_max_value",
        ),
        (
            {"model": "dall-e-2", "response_format": "png"},
            "Invalid value: 'png'. Supported values are: 'url' and 'b64_json'.",
            "response_format",
            "invalid_value",
        ),
        (
            {"model": "gpt-image-1", "n": "2"},
            "Invalid type for 'n': expected an integer, but got a string instead.",
            "n",
            "invalid_type",
        ),
        (
            {"model": "dall-e-2", "seed": 3},
            "Unknown parameter: 'seed'.",
            "seed",
            "unknown_parameter",
        ),
        (
            {"model": "gpt-4o"},
            "Invalid model gpt-4o. The model argument should be left blank.",
            None,
            None,
        ),
    ],
)
async def test_invalid_requests_get_the_real_400(serve, body, message, param, code):
    client = await serve()
    failure = await error(client, **body)
    assert failure == {
        "message": message,
        "type": "invalid_request_error",
        "param": param,
        "code": code,
    }


async def test_missing_prompt(serve):
    client = await serve()
    response = await client.post(PATH, data=json.dumps({"model": "dall-e-3"}), headers=AUTH)
    failure = (await api_json(response))["error"]
    assert (response.status, failure["message"], failure["param"]) == (
        400,
        "Missing required parameter: 'prompt'.",
        "prompt",
    )


async def test_lenient_drops_what_the_model_refuses(serve):
    client = await serve(lenient=True)
    body = await ok(
        client, model="gpt-image-1", response_format="url", style="vivid", size="1024x1024"
    )
    assert "b64_json" in body["data"][0]


async def test_an_image_url_needs_no_key_but_the_api_still_does(serve):
    client = await serve(api_key=["sk-right"])
    response = await client.post(
        PATH,
        data=json.dumps({"prompt": "otter", "size": "256x256"}),
        headers={"Authorization": "Bearer sk-right"},
    )
    url = (await api_json(response))["data"][0]["url"]
    assert opened((await fetch(client, url))[0]).size == (256, 256)
    denied = await client.post(PATH, data=json.dumps({"prompt": "otter"}))
    assert denied.status == 401


# -- streaming -------------------------------------------------------------------------------
async def stream_events(response, schema: str) -> list[tuple[str, dict]]:
    assert response.status == 200, await response.text()
    assert response.headers["Content-Type"] == "text/event-stream; charset=utf-8"
    events = parse_sse_events(await response.text())
    for name, data in events:
        assert name == data["type"]
        validate_schema(schema, data)
    return events


async def test_stream_sends_partial_images_then_the_completed_one(serve):
    client = await serve()
    response = await generate(
        client,
        model="gpt-image-1",
        stream=True,
        partial_images=2,
        size="1024x1536",
        quality="low",
        output_format="webp",
    )
    events = await stream_events(response, "ImageGenStreamEvent")
    assert [name for name, _ in events] == ["image_generation.partial_image"] * 2 + [
        "image_generation.completed"
    ]
    assert [data.get("partial_image_index") for _, data in events] == [0, 1, None]
    pictures = [opened(base64.b64decode(data["b64_json"])) for _, data in events]
    assert {(p.format, p.size) for p in pictures} == {("WEBP", (1024, 1536))}
    assert len({p.tobytes() for p in pictures}) == 3  # each partial differs from the final
    final = events[-1][1]
    assert final["usage"]["output_tokens"] == 408
    assert (final["size"], final["quality"], final["output_format"]) == ("1024x1536", "low", "webp")
    body = await ok(
        client, model="gpt-image-1", size="1024x1536", quality="low", output_format="webp"
    )
    assert body["data"][0]["b64_json"] == final["b64_json"]  # streamed or not, one picture


async def test_stream_pacing_comes_from_the_scenario(serve):
    client = await serve(
        [{"name": "slow", "reply": {"stream": {"first_chunk_ms": 50, "chunk_ms": 150}}}]
    )
    start = time.perf_counter()
    response = await generate(
        client, model="gpt-image-1", stream=True, partial_images=1, quality="low"
    )
    events = await stream_events(response, "ImageGenStreamEvent")
    assert len(events) == 2 and time.perf_counter() - start >= 0.19


async def test_stream_error_mid_way(serve):
    client = await serve(
        [{"name": "fail", "reply": {"error": {"status": 500}, "stream": {"error_after_chunks": 1}}}]
    )
    response = await generate(
        client, model="gpt-image-1", stream=True, partial_images=2, quality="low"
    )
    events = parse_sse_events(await response.text())
    assert [name for name, _ in events] == ["image_generation.partial_image", "error"]
    assert events[1][1]["type"] == "error" and events[1][1]["error"]["type"] == "server_error"


async def test_served_files_are_bounded_per_session(serve, monkeypatch):
    from mockai.endpoints.images import state

    monkeypatch.setattr(state, "KEPT_PER_SESSION", 3)
    client = await serve()
    urls = [item["url"] for item in (await ok(client, size="256x256", n=5))["data"]]
    statuses = [(await client.get(urlsplit(url).path)).status for url in urls]
    assert statuses == [404, 404, 200, 200, 200]  # the oldest are dropped
