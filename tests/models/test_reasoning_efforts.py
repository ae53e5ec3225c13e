"""The reasoning-effort matrix through the official SDK: every reasoning model x every value
of the description's ReasoningEffort, on chat completions and Responses. The efforts a
model supports are accepted (and run, billed and echoed); the others get the real 400."""

from __future__ import annotations

import openai
import pytest
from openapi import spec, validate_response

from mockai.models import BUILTIN, Model
from mockai.replies import REASONING_TOKENS_BY_EFFORT

EFFORTS = spec()["components"]["schemas"]["ReasoningEffort"]["anyOf"][0]["enum"]
REASONING = [
    m for m in BUILTIN if m.reasoning and {"chat.completions", "responses"} & set(m.served_by)
]
HI = [{"role": "user", "content": "hi"}]


def _listed(values: tuple[str, ...]) -> str:
    quoted = [f"'{v}'" for v in values]
    return (
        ", ".join(quoted[:-1]) + f", and {quoted[-1]}" if len(quoted) > 2 else " and ".join(quoted)
    )


def _chat(client: openai.OpenAI, model: Model, effort: str) -> None:
    try:
        raw = client.chat.completions.with_raw_response.create(
            model=model.id, messages=HI, reasoning_effort=effort
        )
    except openai.BadRequestError as refused:
        validate_response("POST", "/v1/chat/completions", 400, refused.response.json())
        assert model.efforts is not None and effort not in model.efforts, (model.id, effort)
        assert refused.body == {
            "message": (
                "Unsupported parameter: 'reasoning_effort' is not supported with this model."
                if not model.efforts
                else f"Unsupported value: 'reasoning_effort' does not support '{effort}' with this "
                f"model. Supported values are: {_listed(model.efforts)}."
            ),
            "type": "invalid_request_error",
            "param": "reasoning_effort",
            "code": "unsupported_value" if model.efforts else "unsupported_parameter",
        }
        return
    assert effort in model.efforts, (model.id, effort)
    body = raw.http_response.json()
    validate_response("POST", "/v1/chat/completions", 200, body)
    assert (
        body["usage"]["completion_tokens_details"]["reasoning_tokens"]
        == REASONING_TOKENS_BY_EFFORT[effort]
    )


def _responses(client: openai.OpenAI, model: Model, effort: str) -> None:
    try:
        raw = client.responses.with_raw_response.create(
            model=model.id, input="hi", reasoning={"effort": effort}
        )
    except openai.BadRequestError as refused:
        validate_response("POST", "/v1/responses", 400, refused.response.json())
        assert model.efforts is not None and effort not in model.efforts, (model.id, effort)
        assert refused.body == {
            "message": f"Unsupported value: '{effort}' is not supported with the '{model.id}' "
            f"model. Supported values are: {_listed(model.efforts)}.",
            "type": "invalid_request_error",
            "param": "reasoning.effort",
            "code": "unsupported_value",
        }
        return
    assert effort in model.efforts, (model.id, effort)
    body = raw.http_response.json()
    validate_response("POST", "/v1/responses", 200, body)
    assert body["reasoning"]["effort"] == effort


@pytest.mark.parametrize("model", REASONING, ids=[m.id for m in REASONING])
def test_each_effort_is_accepted_or_refused_as_the_model_supports(mockai, model):
    client = mockai.client(max_retries=0)
    for effort in EFFORTS:
        if "chat.completions" in model.served_by:
            _chat(client, model, effort)
        if "responses" in model.served_by:
            _responses(client, model, effort)


# Reported by clients against production, independent of the catalog's data.
@pytest.mark.parametrize(
    "model, effort, message",
    [
        (
            "o3",
            "minimal",
            "Unsupported value: 'reasoning_effort' does not support 'minimal' with this "
            "model. Supported values are: 'low', 'medium', and 'high'.",
        ),
        (
            "gpt-5",
            "none",
            "Unsupported value: 'reasoning_effort' does not support 'none' with this "
            "model. Supported values are: 'minimal', 'low', 'medium', and 'high'.",
        ),
    ],
)
def test_chat_refusals_as_reported(mockai, model, effort, message):
    with pytest.raises(openai.BadRequestError) as refused:
        mockai.client(max_retries=0).chat.completions.create(
            model=model, messages=HI, reasoning_effort=effort
        )
    assert (refused.value.body["message"], refused.value.code) == (message, "unsupported_value")


def test_gpt_5_1_refuses_minimal_on_responses_as_reported(mockai):
    """openai/openai-agents-python#2089, word for word."""
    with pytest.raises(openai.BadRequestError) as refused:
        mockai.client(max_retries=0).responses.create(
            model="gpt-5.1", input="hi", reasoning={"effort": "minimal"}
        )
    assert refused.value.body == {
        "message": "Unsupported value: 'minimal' is not supported with the 'gpt-5.1' model. "
        "Supported values are: 'none', 'low', 'medium', and 'high'.",
        "type": "invalid_request_error",
        "param": "reasoning.effort",
        "code": "unsupported_value",
    }


@pytest.mark.parametrize(
    "model, accepted, refused",
    [
        ("o4-mini", "high", "xhigh"),
        ("gpt-5-pro", "high", "medium"),
        ("gpt-5.2", "xhigh", "minimal"),
        ("gpt-5.1", "none", "xhigh"),
        ("gpt-5.1-codex-max", "xhigh", "none"),
    ],
)
def test_documented_efforts_per_model(mockai, model, accepted, refused):
    client = mockai.client(max_retries=0)
    assert (
        client.responses.create(
            model=model, input="hi", reasoning={"effort": accepted}
        ).reasoning.effort
        == accepted
    )
    with pytest.raises(openai.BadRequestError):
        client.responses.create(model=model, input="hi", reasoning={"effort": refused})


@pytest.mark.parametrize(
    "model, default",
    [
        ("gpt-5.1", "none"),
        ("gpt-5.2", "none"),
        ("gpt-5", "medium"),
        ("o3", "medium"),
        ("gpt-5-pro", "high"),
    ],
)
def test_a_request_without_effort_runs_with_the_model_default(mockai, model, default):
    response = mockai.client(max_retries=0).responses.create(model=model, input="hi")
    assert response.reasoning.effort == default
    assert (
        response.usage.output_tokens_details.reasoning_tokens == REASONING_TOKENS_BY_EFFORT[default]
    )


def test_a_model_without_reasoning_refuses_any_effort(mockai):
    client = mockai.client(max_retries=0)
    for call in (
        lambda: client.chat.completions.create(model="gpt-4o", messages=HI, reasoning_effort="low"),
        lambda: client.responses.create(model="gpt-4.1", input="hi", reasoning={"effort": "low"}),
        lambda: client.chat.completions.create(
            model="o1-mini", messages=HI, reasoning_effort="low"
        ),
    ):
        with pytest.raises(openai.BadRequestError) as refused:
            call()
        assert refused.value.code == "unsupported_parameter"
