"""Scripted failures on `/v1/responses` as the official SDK sees them: exception classes,
default bodies, retry headers, and the SDK's retry loop recovering, for plain, streamed and
background requests."""

from __future__ import annotations

import time

import openai
import pytest
from openapi import validate_response
from responses_support import check_sdk

from mockai.errors import DEFAULTS


def raise_from(mockai, **create_args) -> openai.APIStatusError:
    args = {"model": "gpt-4o", "input": "hi", **create_args}
    with pytest.raises(openai.APIStatusError) as caught:
        mockai.client(max_retries=0).responses.create(**args)
    error = caught.value
    validate_response("POST", "/v1/responses", error.status_code, error.response.json())
    return error


@pytest.mark.parametrize(
    ("status", "exception", "kind", "code"),
    [
        (429, openai.RateLimitError, "requests", "rate_limit_exceeded"),
        (500, openai.InternalServerError, "server_error", None),
        (503, openai.InternalServerError, "server_error", None),
    ],
)
def test_scripted_status_maps_to_the_sdk_class(mockai, status, exception, kind, code):
    mockai.add_scenario(
        {"name": "fail", "match": {"endpoint": "responses"}, "reply": {"error": status}}
    )
    error = raise_from(mockai)
    assert type(error) is exception and error.status_code == status
    assert (error.type, error.code, error.param) == (kind, code, None)
    request_id = error.response.headers["x-request-id"]
    assert error.body["message"] == DEFAULTS[status][0].replace("{request_id}", request_id)
    assert [(r["status"], r["scenario"]) for r in mockai.requests] == [(status, "fail")]


def test_429_carries_retry_after_headers_and_the_scripted_fields(mockai):
    mockai.add_scenario(
        {
            "name": "limited",
            "reply": {
                "error": {
                    "status": 429,
                    "type": "tokens",
                    "code": "rate_limit_exceeded",
                    "retry_after": 2,
                    "message": "Rate limit reached for gpt-4o on tokens per min (TPM).",
                }
            },
        }
    )
    error = raise_from(mockai)
    assert isinstance(error, openai.RateLimitError)
    assert error.response.headers["retry-after"] == "2"
    assert error.response.headers["retry-after-ms"] == "2000"
    assert error.body == {
        "message": "Rate limit reached for gpt-4o on tokens per min (TPM).",
        "type": "tokens",
        "param": None,
        "code": "rate_limit_exceeded",
    }


def test_a_scripted_error_on_a_streamed_request_fails_before_any_event(mockai):
    mockai.add_scenario({"name": "fail", "reply": {"error": 500}})
    with pytest.raises(openai.InternalServerError):
        mockai.client(max_retries=0).responses.create(model="gpt-4o", input="hi", stream=True)
    with pytest.raises(openai.InternalServerError):
        with mockai.client(max_retries=0).responses.stream(model="gpt-4o", input="hi") as events:
            list(events)


def test_a_scripted_error_on_a_background_request(mockai):
    mockai.add_scenario({"name": "fail", "reply": {"error": 503}})
    with pytest.raises(openai.InternalServerError):
        mockai.client(max_retries=0).responses.create(model="gpt-4o", input="hi", background=True)


def test_sdk_retries_a_503_then_succeeds(mockai):
    mockai.add_scenario(
        {
            "name": "flaky",
            "replies": [{"error": {"status": 503, "retry_after": 0.05}}, {"content": "Recovered."}],
        }
    )
    started = time.monotonic()
    response = mockai.client(max_retries=1).responses.create(model="gpt-4o", input="hi")
    check_sdk(response)
    assert response.output_text == "Recovered."
    assert time.monotonic() - started < 5  # retry-after-ms honoured, not the SDK's backoff cap
    assert [(r["status"], r["step"]) for r in mockai.requests] == [(503, 0), (200, 1)]


def test_sdk_retries_a_429_on_the_stream_helper(mockai):
    mockai.add_scenario(
        {
            "name": "flaky",
            "replies": [
                {"error": {"status": 429, "retry_after": 0.05}},
                {"content": "Streamed after a retry."},
            ],
        }
    )
    with mockai.client(max_retries=2).responses.stream(model="gpt-4o", input="hi") as events:
        final = events.get_final_response()
    assert final.output_text == "Streamed after a retry."
    assert [r["status"] for r in mockai.requests] == [429, 200]


def test_without_retries_the_error_surfaces(mockai):
    mockai.add_scenario(
        {
            "name": "flaky",
            "replies": [{"error": {"status": 503, "retry_after": 0.05}}, {"content": "Too late."}],
        }
    )
    with pytest.raises(openai.InternalServerError):
        mockai.client(max_retries=0).responses.create(model="gpt-4o", input="hi")
    assert [r["status"] for r in mockai.requests] == [503]


def test_scenario_headers_reach_the_sdk(mockai):
    mockai.add_scenario(
        {
            "name": "h",
            "reply": {"content": "ok", "headers": {"x-ratelimit-remaining-requests": "0"}},
        }
    )
    raw = mockai.client().responses.with_raw_response.create(model="gpt-4o", input="hi")
    assert raw.headers["x-ratelimit-remaining-requests"] == "0"
    assert raw.headers["openai-version"] == "2020-10-01"
    check_sdk(raw.parse())
