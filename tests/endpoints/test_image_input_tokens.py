"""Input images cost tokens by their size, `detail` and the model, through the official SDK:
the prompt's usage with an image minus the same prompt without it is the vision guide's cost.
Bad data URLs are the real API's 400s."""

from __future__ import annotations

import base64
import io
import math

import openai
import pytest
from openapi import validate_error, validate_response
from PIL import Image

QUESTION = "What is in this image?"


def png(size: tuple[int, int]) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (10, 120, 200)).save(out, "PNG")
    return out.getvalue()


def data_url(size: tuple[int, int]) -> str:
    return "data:image/png;base64," + base64.b64encode(png(size)).decode()


# -- chat completions ----------------------------------------------------------------------------
def chat_prompt(client, model: str, image: dict | None = None) -> int:
    content: list[dict] = [{"type": "text", "text": QUESTION}]
    if image is not None:
        content.append({"type": "image_url", "image_url": image})
    raw = client.chat.completions.with_raw_response.create(
        model=model, messages=[{"role": "user", "content": content}]
    )
    validate_response("POST", "/v1/chat/completions", 200, raw.http_response.json())
    return raw.parse().usage.prompt_tokens


@pytest.mark.parametrize(
    ("size", "detail", "cost"),
    [
        ((1, 1), "high", 85 + 170),
        ((1, 1), "low", 85),
        ((1024, 1024), "high", 765),
        ((1024, 1024), "auto", 765),
        ((1024, 1024), None, 765),
        ((2048, 4096), "high", 1105),
        ((2048, 4096), "low", 85),
    ],
)
def test_chat_image_cost_on_gpt_4o(mockai, size, detail, cost):
    client = mockai.client()
    image = {"url": data_url(size)} | ({"detail": detail} if detail else {})
    assert chat_prompt(client, "gpt-4o", image) - chat_prompt(client, "gpt-4o") == cost


@pytest.mark.parametrize(
    ("model", "cost"),
    [
        ("gpt-4o-mini", 2833 + 4 * 5667),
        ("gpt-5", 70 + 4 * 140),
        ("o3", 75 + 4 * 150),
        # patch models: the guide's 1024 patches for 1024x1024, times the model's multiplier
        ("gpt-4.1-mini", math.ceil(1024 * 1.62)),
        ("o4-mini", math.ceil(1024 * 1.72)),
    ],
)
def test_chat_image_cost_by_model(mockai, model, cost):
    client = mockai.client()
    image = {"url": data_url((1024, 1024)), "detail": "high"}
    assert chat_prompt(client, model, image) - chat_prompt(client, model) == cost


def test_a_remote_image_counts_as_1024_square(mockai):
    client = mockai.client()
    image = {"url": "https://example.com/cat.png"}
    assert (
        chat_prompt(client, "gpt-4o-mini", image) - chat_prompt(client, "gpt-4o-mini")
        == 2833 + 4 * 5667
    )


@pytest.mark.parametrize(
    ("url", "param", "code"),
    [
        (
            "data:image/png;base64,not base64!",
            "messages[0].content[1].image_url.url",
            "invalid_value",
        ),
        (
            "data:text/plain;base64,aGVsbG8=",
            "messages[0].content[1].image_url.url",
            "invalid_value",
        ),
        ("data:image/png;base64,aGVsbG8=", None, "invalid_image_format"),
    ],
)
def test_chat_refuses_a_data_url_that_holds_no_image(mockai, url, param, code):
    client = mockai.client(max_retries=0)
    with pytest.raises(openai.BadRequestError) as caught:
        chat_prompt(client, "gpt-4o", {"url": url})
    body = caught.value.response.json()
    validate_error(body)
    assert (body["error"]["param"], body["error"]["code"]) == (param, code)


@pytest.mark.parametrize(
    ("part", "message", "param", "code"),
    [
        (
            {"type": "image_url", "image_url": "https://example.com/a.png"},
            "Invalid type for 'messages[0].content[1].image_url': expected an object, but got a string "
            "instead.",
            "messages[0].content[1].image_url",
            "invalid_type",
        ),
        (
            {"type": "image_url"},
            "Missing required parameter: 'messages[0].content[1].image_url'.",
            "messages[0].content[1].image_url",
            "missing_required_parameter",
        ),
        (
            {"type": "image_url", "image_url": {"detail": "low"}},
            "Missing required parameter: 'messages[0].content[1].image_url.url'.",
            "messages[0].content[1].image_url.url",
            "missing_required_parameter",
        ),
        (
            {"type": "image_url", "image_url": {"url": 5}},
            "Invalid type for 'messages[0].content[1].image_url.url': expected a string, but got an "
            "integer instead.",
            "messages[0].content[1].image_url.url",
            "invalid_type",
        ),
        (
            {
                "type": "image_url",
                "image_url": {"url": "https://example.com/a.png", "detail": "medium"},
            },
            "Invalid value: 'medium'. Supported values are: 'auto', 'low', and 'high'.",
            "messages[0].content[1].image_url.detail",
            "invalid_value",
        ),
        (
            {"type": "text", "text": 5},
            "Invalid type for 'messages[0].content[1].text': expected a string, but got an integer "
            "instead.",
            "messages[0].content[1].text",
            "invalid_type",
        ),
    ],
)
def test_chat_content_parts_are_validated_field_by_field(mockai, part, message, param, code):
    client = mockai.client(max_retries=0)
    with pytest.raises(openai.BadRequestError) as caught:
        client.chat.completions.create(
            model="gpt-4o",
            messages=[{"role": "user", "content": [{"type": "text", "text": QUESTION}, part]}],
        )
    body = caught.value.response.json()
    validate_error(body)
    assert body["error"] == {
        "message": message,
        "type": "invalid_request_error",
        "param": param,
        "code": code,
    }


# -- responses -----------------------------------------------------------------------------------
def responses_input(image: dict | None) -> list[dict]:
    content: list[dict] = [{"type": "input_text", "text": QUESTION}]
    if image is not None:
        content.append({"type": "input_image", **image})
    return [{"role": "user", "content": content}]


def response_input_tokens(client, model: str, image: dict | None = None) -> int:
    raw = client.responses.with_raw_response.create(model=model, input=responses_input(image))
    validate_response("POST", "/v1/responses", 200, raw.http_response.json())
    return raw.parse().usage.input_tokens


@pytest.mark.parametrize(
    ("model", "detail", "cost"),
    [
        ("gpt-4o", "high", 1105),
        ("gpt-4o", "low", 85),
        ("gpt-4o", None, 1105),
        ("gpt-4o", "original", 1105),
        ("gpt-5", "auto", 70 + 6 * 140),
    ],
)
def test_responses_image_cost(mockai, model, detail, cost):
    client = mockai.client()
    image = {"image_url": data_url((2048, 4096))} | ({"detail": detail} if detail else {})
    assert (
        response_input_tokens(client, model, image) - response_input_tokens(client, model) == cost
    )


@pytest.mark.parametrize("detail", ["low", "high"])
def test_responses_patch_model_image_cost_ignores_detail(mockai, detail):
    """The guide's 1800x2400 example: shrunk to 1056x1408, 1452 patches; gpt-5-nano x 2.46."""
    client = mockai.client()
    model, cost = "gpt-5-nano", math.ceil(1452 * 2.46)
    image = {"image_url": data_url((1800, 2400)), "detail": detail}
    assert (
        response_input_tokens(client, model, image) - response_input_tokens(client, model) == cost
    )


def test_responses_image_from_an_uploaded_file(mockai):
    client = mockai.client()
    uploaded = client.files.create(file=("tall.png", png((2048, 4096))), purpose="vision")
    image = {"file_id": uploaded.id, "detail": "high"}
    assert (
        response_input_tokens(client, "gpt-4o", image) - response_input_tokens(client, "gpt-4o")
        == 1105
    )
    counted = client.responses.input_tokens.count(model="gpt-4o", input=responses_input(image))
    plain = client.responses.input_tokens.count(model="gpt-4o", input=responses_input(None))
    assert counted.input_tokens - plain.input_tokens == 1105


def test_responses_refuses_an_uploaded_file_that_is_no_image(mockai):
    client = mockai.client(max_retries=0)
    uploaded = client.files.create(file=("notes.txt", b"plain text"), purpose="user_data")
    with pytest.raises(openai.BadRequestError) as caught:
        response_input_tokens(client, "gpt-4o", {"file_id": uploaded.id})
    body = caught.value.response.json()
    validate_error(body)
    assert body["error"]["code"] == "invalid_image_format"


def test_responses_refuses_a_bad_data_url_naming_its_input_path(mockai):
    client = mockai.client(max_retries=0)
    with pytest.raises(openai.BadRequestError) as caught:
        response_input_tokens(client, "gpt-4o", {"image_url": "data:image/png;base64,"})
    body = caught.value.response.json()
    validate_error(body)
    assert body["error"]["param"] == "input[0].content[1].image_url"
    assert body["error"]["message"].endswith("but got empty base64-encoded bytes.")


@pytest.mark.parametrize(
    ("part", "message", "param"),
    [
        (
            {"image_url": 5},
            "Invalid type for 'input[0].content[1].image_url': expected a string, but "
            "got an integer instead.",
            "input[0].content[1].image_url",
        ),
        (
            {"file_id": {"id": "file-1"}},
            "Invalid type for 'input[0].content[1].file_id': expected a "
            "string, but got an object instead.",
            "input[0].content[1].file_id",
        ),
        (
            {"image_url": "https://example.com/a.png", "detail": "medium"},
            "Invalid value: 'medium'. Supported values are: 'auto', 'low', 'high', and 'original'.",
            "input[0].content[1].detail",
        ),
    ],
)
def test_responses_input_image_fields_are_validated(mockai, part, message, param):
    client = mockai.client(max_retries=0)
    with pytest.raises(openai.BadRequestError) as caught:
        response_input_tokens(client, "gpt-4o", part)
    body = caught.value.response.json()
    validate_error(body)
    assert (body["error"]["message"], body["error"]["param"]) == (message, param)
