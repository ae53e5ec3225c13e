"""What a model does not support, refused as production refuses it, through the official
SDK: sampling parameters on reasoning models (taken by gpt-5.1+ only at effort `none`),
audio and image modalities, tools; and `--lenient`'s generic model, which refuses nothing."""

from __future__ import annotations

import openai
import pytest
from openapi import validate_response

HI = [{"role": "user", "content": "hi"}]


def refused(
    call, path: str = "/v1/chat/completions", exception: type = openai.BadRequestError
) -> openai.APIStatusError:
    with pytest.raises(exception) as info:
        call()
    validate_response("POST", path, info.value.status_code, info.value.response.json())
    return info.value


@pytest.mark.parametrize("model", ["o3", "gpt-5", "gpt-5.1-codex", "o1"])
def test_temperature_on_a_reasoning_model(mockai, model):
    client = mockai.client(max_retries=0)
    chat = refused(
        lambda: client.chat.completions.create(model=model, messages=HI, temperature=0.2)
    )
    assert chat.body == {
        "message": "Unsupported value: 'temperature' does not support 0.2 with "
        "this model. Only the default (1) value is supported.",
        "type": "invalid_request_error",
        "param": "temperature",
        "code": "unsupported_value",
    }
    responses = refused(
        lambda: client.responses.create(model=model, input="hi", temperature=0.2), "/v1/responses"
    )
    assert responses.body == {
        "message": "Unsupported parameter: 'temperature' is not supported with this model.",
        "type": "invalid_request_error",
        "param": "temperature",
        "code": "unsupported_parameter",
    }
    # the default value is no change
    assert client.chat.completions.create(model=model, messages=HI, temperature=1).choices


@pytest.mark.parametrize("model", ["gpt-5.1", "gpt-5.2", "gpt-5.6-luna"])
def test_gpt_5_1_and_later_sample_only_at_effort_none(mockai, model):
    """Their default effort is `none`: temperature and top_p pass until another effort is asked."""
    client = mockai.client(max_retries=0)
    assert client.chat.completions.create(
        model=model, messages=HI, temperature=0.2, top_p=0.5, logprobs=True
    ).choices
    assert (
        client.responses.create(
            model=model, input="hi", temperature=0.2, reasoning={"effort": "none"}
        ).status
        == "completed"
    )
    error = refused(
        lambda: client.responses.create(
            model=model, input="hi", temperature=0.2, reasoning={"effort": "low"}
        ),
        "/v1/responses",
    )
    assert (error.param, error.code) == ("temperature", "unsupported_parameter")
    error = refused(
        lambda: client.chat.completions.create(
            model=model, messages=HI, top_p=0.5, reasoning_effort="high"
        )
    )
    assert (error.param, error.code) == ("top_p", "unsupported_value")


def test_non_reasoning_models_take_sampling_parameters(mockai):
    client = mockai.client(max_retries=0)
    assert client.chat.completions.create(model="gpt-4.1", messages=HI, temperature=0.2).choices
    assert (
        client.responses.create(model="gpt-4o", input="hi", temperature=0.2).status == "completed"
    )


def test_audio_output_asked_of_a_text_model(mockai):
    error = refused(
        lambda: mockai.client(max_retries=0).chat.completions.create(
            model="gpt-4o",
            messages=HI,
            modalities=["text", "audio"],
            audio={"voice": "alloy", "format": "wav"},
        )
    )
    assert (error.param, error.code) == ("modalities", "unsupported_value")


def test_audio_models_want_audio_in_or_out(mockai):
    """CherryHQ/cherry-studio#1179: a text-only request to an audio model."""
    client = mockai.client(max_retries=0)
    error = refused(
        lambda: client.chat.completions.create(model="gpt-4o-audio-preview", messages=HI)
    )
    assert error.body == {
        "message": "This model requires that either input content or output "
        "modality contain audio.",
        "type": "invalid_request_error",
        "param": "model",
        "code": "invalid_value",
    }
    audio_in = [
        {
            "role": "user",
            "content": [
                {"type": "input_audio", "input_audio": {"data": "UklGRg==", "format": "wav"}}
            ],
        }
    ]
    assert client.chat.completions.create(model="gpt-audio-mini", messages=audio_in).choices


def test_image_input_on_a_text_only_model(mockai):
    image = [
        {
            "role": "user",
            "content": [
                {"type": "text", "text": "what is this?"},
                {"type": "image_url", "image_url": {"url": "https://example.com/a.png"}},
            ],
        }
    ]
    client = mockai.client(max_retries=0)
    error = refused(lambda: client.chat.completions.create(model="gpt-3.5-turbo", messages=image))
    assert (
        error.body["message"]
        == "Invalid content type. image_url is only supported by certain models."
    )
    assert client.chat.completions.create(model="gpt-4o", messages=image).choices


@pytest.mark.parametrize("model", ["o1-mini", "gpt-4o-search-preview"])
def test_tools_on_a_model_without_function_calling(mockai, model):
    tools = [{"type": "function", "function": {"name": "f", "parameters": {"type": "object"}}}]
    error = refused(
        lambda: mockai.client(max_retries=0).chat.completions.create(
            model=model, messages=HI, tools=tools
        )
    )
    assert error.body["message"].startswith("tools is not supported in this model.")
    assert error.param == "tools"


@pytest.mark.mockai(lenient=True)
def test_lenient_models_accept_every_effort_parameter_and_endpoint(mockai):
    """Under --lenient an unknown id is a generic model, and no model's own rules apply (only
    the description's): the efforts and sampling parameters frameworks send for gpt-5 models
    pass, on every endpoint."""
    client = mockai.client(max_retries=0)
    for effort in ("minimal", "none", "xhigh", "max"):
        assert client.chat.completions.create(
            model="gpt-9-preview", messages=HI, temperature=0.3, reasoning_effort=effort
        ).choices
        assert (
            client.responses.create(
                model="gpt-9-preview", input="hi", top_p=0.5, reasoning={"effort": effort}
            ).status
            == "completed"
        )
    assert client.completions.create(model="gpt-9-preview", prompt="hi", max_tokens=1).choices
    assert client.embeddings.create(model="gpt-9-preview", input="hi").data
    # known models too: their real limits hold in the default mode only (tests above)
    assert client.chat.completions.create(
        model="o3", messages=HI, reasoning_effort="minimal", max_tokens=5
    ).choices
    assert client.embeddings.create(model="gpt-4o", input="hi").data
