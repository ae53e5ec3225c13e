"""Fields the official description allows, sent over HTTP and through the official SDK: they
validate (types and enums) and do not 400 (tests/test_request_models.py proves no field is
missing); booleans are no integers; beta fields need their `OpenAI-Beta`; `--lenient` drops
unknown fields at any depth. Every body is validated against the description."""

from __future__ import annotations

from typing import Any

import openai
import pytest
from helpers import api_json
from openapi import validate_response, validate_schema
from responses_support import create, error_of, post

BETA = {"OpenAI-Beta": "responses_multi_agent=v1"}


def test_reasoning_context_and_mode_through_the_sdk(mockai):
    client = mockai.client()
    raw = client.responses.with_raw_response.create(
        model="o3", input="hi", reasoning={"effort": "low", "context": "all_turns", "mode": "pro"}
    )
    body = raw.http_response.json()
    validate_response("POST", "/v1/responses", 200, body)
    assert body["status"] == "completed" and body["output"][0]["type"] == "reasoning"


def test_sdk_parameters_newer_than_the_description(mockai):
    """The installed SDK's `image`, `background_options`, `access_programs` (Responses) and
    `image`, `safety_identifier` (compaction): accepted and type-checked."""
    client = mockai.client()
    raw = client.responses.with_raw_response.create(
        model="gpt-4o",
        input="hi",
        image={"context_compression": "auto"},
        background_options={"completion_window": "soonest", "continuation_id": "job-1"},
        access_programs={"cyber": "standard"},
    )
    validate_response("POST", "/v1/responses", 200, raw.http_response.json())
    raw = client.responses.with_raw_response.compact(
        model="gpt-4o",
        input="hi",
        image={"context_compression": "disabled"},
        safety_identifier="user-1",
    )
    validate_response("POST", "/v1/responses/compact", 200, raw.http_response.json())
    with pytest.raises(openai.BadRequestError) as refused:
        client.responses.create(
            model="gpt-4o", input="hi", background_options={"completion_window": "1h"}
        )  # type: ignore[typeddict-item]
    assert refused.value.body["param"] == "background_options.completion_window"


async def test_reasoning_context_takes_only_its_values(serve):
    client = await serve()
    for context in ("auto", "current_turn", "all_turns", None):
        await create(client, model="o3", input="hi", reasoning={"context": context})
    error = await error_of(
        await post(client, {"model": "o3", "input": "hi", "reasoning": {"context": "every_turn"}}),
        400,
    )
    assert error == {
        "message": "Invalid value: 'every_turn'. Supported values are: 'auto', 'current_turn', "
        "and 'all_turns'.",
        "type": "invalid_request_error",
        "param": "reasoning.context",
        "code": "invalid_value",
    }
    error = await error_of(
        await post(client, {"model": "o3", "input": "hi", "reasoning": {"mode": 1}}), 400
    )
    assert (error["param"], error["code"]) == ("reasoning.mode", "invalid_type")


async def test_ultrafast_service_tier_is_accepted_and_reported(serve):
    client = await serve()
    body = await create(client, input="hi", service_tier="ultrafast")
    assert body["service_tier"] == "ultrafast"


@pytest.mark.parametrize("path", ["/v1/responses/input_tokens", "/v1/responses/compact"])
async def test_null_model_counts_with_the_default_model(serve, path):
    client = await serve()
    counted = {}
    for model in (None, "gpt-4o"):
        response = await post(
            client, {"model": model, "input": "How many tokens is this?"}, path=path
        )
        assert response.status == 200, await response.text()
        counted[model] = await api_json(response)
    key = "input_tokens" if path.endswith("input_tokens") else "usage"
    assert counted[None][key] == counted["gpt-4o"][key]


async def test_compact_still_requires_the_model_key(serve):
    client = await serve()
    error = await error_of(await post(client, {"input": "hi"}, path="/v1/responses/compact"), 400)
    assert (error["param"], error["code"]) == ("model", "missing_required_parameter")


def test_input_tokens_takes_its_own_fields_through_the_sdk(mockai):
    client = mockai.client()
    plain = client.responses.input_tokens.count(model=None, input="Hi there")
    styled = client.responses.input_tokens.count(
        model=None,
        input="Hi there",
        reasoning={"effort": "low", "context": "auto"},
        extra_body={"personality": "friendly"},
    )
    assert styled.input_tokens == plain.input_tokens > 0
    with pytest.raises(openai.BadRequestError) as refused:
        client.responses.input_tokens.count(model="gpt-4o", input="Hi", extra_body={"stream": True})
    assert refused.value.body["param"] == "stream"  # not a TokenCountsBody field


@pytest.mark.parametrize(
    ("body", "param"),
    [
        ({"bytes": True}, "bytes"),
        ({"expires_after": {"anchor": "created_at", "seconds": True}}, "expires_after.seconds"),
    ],
)
async def test_uploads_refuse_a_boolean_for_an_integer(serve, body, param):
    client = await serve()
    sent = {
        "filename": "a.jsonl",
        "purpose": "batch",
        "bytes": 10,
        "mime_type": "application/jsonl",
        **body,
    }
    error = await error_of(await post(client, sent, path="/v1/uploads"), 400)
    assert error == {
        "message": f"Invalid type for '{param}': expected an integer, but got a boolean instead.",
        "type": "invalid_request_error",
        "param": param,
        "code": "invalid_type",
    }


def _multi_agent(**extra: Any) -> dict[str, Any]:
    return {
        "model": "gpt-5",
        "input": "hi",
        "multi_agent": {"enabled": True, "max_concurrent_subagents": 2},
        **extra,
    }


async def test_multi_agent_needs_its_beta_header(serve):
    client = await serve()
    for path in ("/v1/responses", "/v1/responses?beta=true"):
        error = await error_of(await post(client, _multi_agent(), path=path), 400)
        assert error == {
            "message": "Unknown parameter: 'multi_agent'.",
            "type": "invalid_request_error",
            "param": "multi_agent",
            "code": "unknown_parameter",
        }
    response = await post(
        client,
        _multi_agent(),
        path="/v1/responses?beta=true",
        headers={"OpenAI-Beta": "assistants=v2, responses_multi_agent=v1"},
    )
    assert response.status == 200, await response.text()
    validate_schema("Response", await api_json(response))
    bad = {**_multi_agent(), "multi_agent": {"enabled": "yes"}}
    error = await error_of(
        await post(client, bad, path="/v1/responses?beta=true", headers=BETA), 400
    )
    assert (error["param"], error["code"]) == ("multi_agent.enabled", "invalid_type")


def test_multi_agent_through_the_beta_sdk(mockai):
    client = mockai.client()
    raw = client.beta.responses.with_raw_response.create(
        model="gpt-5", input="hi", multi_agent={"enabled": True}, betas=["responses_multi_agent=v1"]
    )
    assert raw.http_request.headers["openai-beta"] == "responses_multi_agent=v1"
    assert raw.http_request.url.params["beta"] == "true"
    validate_response("POST", "/v1/responses", 200, raw.http_response.json())
    with pytest.raises(openai.BadRequestError):
        client.beta.responses.create(model="gpt-5", input="hi", multi_agent={"enabled": True})


NESTED = [
    (
        "/v1/responses",
        {"model": "gpt-4o", "input": "hi", "text": {"format": {"type": "text"}, "foo": 1}},
        "text.foo",
    ),
    (
        "/v1/responses",
        {"model": "o3", "input": "hi", "reasoning": {"effort": "low", "foo": {"bar": 1}}},
        "reasoning.foo",
    ),
    (
        "/v1/chat/completions",
        {"model": "gpt-4o", "messages": [{"role": "user", "content": "hi", "foo": 1}]},
        "messages[0].foo",
    ),
    (
        "/v1/chat/completions",
        {
            "model": "gpt-4o",
            "messages": [{"role": "user", "content": "hi"}],
            "tools": [{"type": "function", "function": {"name": "f", "foo": 1}}],
        },
        "tools[0].function.foo",
    ),
]


@pytest.mark.parametrize(("path", "body", "param"), NESTED, ids=[n[2] for n in NESTED])
async def test_lenient_drops_unknown_fields_at_any_depth(serve, path, body, param):
    strict = await serve()
    error = await error_of(await post(strict, body, path=path), 400)
    assert (error["param"], error["code"]) == (param, "unknown_parameter")
    lenient = await serve(lenient=True)
    response = await post(lenient, {**body, "bar": 2}, path=path)
    assert response.status == 200, await response.text()
    await api_json(response)
    journal = (await (await lenient.get("/_mockai/requests")).json())["data"]
    assert journal[-1]["body"] == {**body, "bar": 2}  # the journal keeps what was sent


async def test_lenient_drops_unknown_fields_inside_a_union_branch(serve):
    """`conversation` is a string or an object: the unknown field is the object branch's."""
    client = await serve(lenient=True)
    body = await create(client, input="hi", conversation={"id": "conv_1", "foo": 1})
    assert body["conversation"] == {"id": "conv_1"}


async def test_lenient_still_refuses_a_bad_value_beside_an_unknown_field(serve):
    client = await serve(lenient=True)
    body = {"model": "gpt-4o", "input": "hi", "text": {"format": {"type": "xml"}, "foo": 1}}
    error = await error_of(await post(client, body), 400)
    assert (error["param"], error["code"]) == ("text.format.type", "invalid_value")


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/v1/moderations", {"input": "hi", "foo": 1}),
        (
            "/v1/uploads",
            {
                "filename": "a.jsonl",
                "purpose": "batch",
                "bytes": 1,
                "mime_type": "application/jsonl",
                "foo": 1,
                "expires_after": {"anchor": "created_at", "seconds": 3600, "foo": 1},
            },
        ),
    ],
    ids=["moderations", "uploads"],
)
async def test_lenient_covers_every_json_request(serve, path, body):
    strict = await serve()
    message = (await error_of(await post(strict, body, path=path), 400))["message"]
    assert message in ("Unknown parameter: 'foo'.", "Unrecognized request argument supplied: foo")
    lenient = await serve(lenient=True)
    response = await post(lenient, body, path=path)
    assert response.status == 200, await response.text()
    await api_json(response)


@pytest.mark.parametrize("path", ["/v1/responses/input_tokens", "/v1/responses/compact"])
async def test_a_part_whose_text_is_not_a_string_is_no_server_error(serve, path):
    """Found by tests/test_fuzz.py: `"text": true` in a function output's parts was a 500."""
    client = await serve()
    item = {"type": "function_call_output", "call_id": "call_1", "output": [{"text": True}]}
    response = await post(client, {"model": "gpt-4o", "input": [item]}, path=path)
    assert response.status < 500, await response.text()
