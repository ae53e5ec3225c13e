"""Scripted failures as the official SDK sees them: exception classes per status, the error
body's defaults, retry headers, scenario header overrides, and the SDK's own retry loop."""

from __future__ import annotations

import time

import openai
import pytest
from helpers import api_json, post_chat
from openapi import validate_response

from mockai.errors import DEFAULTS, INSUFFICIENT_QUOTA

MESSAGES = [{"role": "user", "content": "hi"}]

EXCEPTIONS = [
    (400, openai.BadRequestError),
    (401, openai.AuthenticationError),
    (403, openai.PermissionDeniedError),
    (404, openai.NotFoundError),
    (409, openai.ConflictError),
    (422, openai.UnprocessableEntityError),
    (429, openai.RateLimitError),
    (500, openai.InternalServerError),
    (503, openai.InternalServerError),
]
# What the real API sends for a bare status (see the research notes on real error bodies).
TYPES = {
    400: "invalid_request_error",
    401: "invalid_request_error",
    403: "request_forbidden",
    404: "invalid_request_error",
    409: "invalid_request_error",
    422: "invalid_request_error",
    429: "requests",
    500: "server_error",
    503: "server_error",
}
CODES = {
    401: "invalid_api_key",
    403: "unsupported_country_region_territory",
    409: "conflict",
    429: "rate_limit_exceeded",
}


def raise_from(mockai, **client_args) -> openai.APIStatusError:
    with pytest.raises(openai.APIStatusError) as info:
        mockai.client(**client_args).chat.completions.create(model="gpt-4o", messages=MESSAGES)
    error = info.value
    validate_response("POST", "/v1/chat/completions", error.status_code, error.response.json())
    return error


@pytest.mark.parametrize("status, exception", EXCEPTIONS, ids=[str(s) for s, _ in EXCEPTIONS])
def test_scripted_status_raises_the_sdk_class_with_default_fields(mockai, status, exception):
    mockai.add_scenario({"name": "fail", "reply": {"error": status}})
    error = raise_from(mockai, max_retries=0)
    assert type(error) is exception
    assert error.status_code == status
    assert error.type == TYPES[status]
    assert error.code == CODES.get(status)
    assert error.param is None
    request_id = error.response.headers["x-request-id"]
    assert error.request_id == request_id
    expected = DEFAULTS[status][0].replace("{request_id}", request_id)
    assert error.body["message"] == expected
    if status >= 500:
        assert f"Please include the request ID {request_id} in your message." in expected
    assert [(r["status"], r["scenario"], r["step"]) for r in mockai.requests] == [
        (status, "fail", 0)
    ]


def test_insufficient_quota_has_its_own_type_code_and_message(mockai):
    mockai.add_scenario(
        {"name": "quota", "reply": {"error": {"status": 429, "code": "insufficient_quota"}}}
    )
    error = raise_from(mockai, max_retries=0)
    assert isinstance(error, openai.RateLimitError)
    assert error.body == {
        "message": INSUFFICIENT_QUOTA,
        "type": "insufficient_quota",
        "param": None,
        "code": "insufficient_quota",
    }
    assert "retry-after" not in error.response.headers


def test_scripted_fields_override_the_defaults(mockai):
    mockai.add_scenario(
        {
            "name": "custom",
            "reply": {
                "error": {
                    "status": 429,
                    "type": "tokens",
                    "code": "rate_limit_exceeded",
                    "param": "model",
                    "message": "Rate limit reached for gpt-4o on tokens per min (TPM).",
                    "retry_after": 2,
                }
            },
        }
    )
    error = raise_from(mockai, max_retries=0)
    assert error.body == {
        "message": "Rate limit reached for gpt-4o on tokens per min (TPM).",
        "type": "tokens",
        "param": "model",
        "code": "rate_limit_exceeded",
    }
    assert error.response.headers["retry-after"] == "2"
    assert error.response.headers["retry-after-ms"] == "2000"


@pytest.mark.parametrize(
    "retry_after, seconds, millis", [(1.5, "2", "1500"), (0.25, "1", "250"), (30, "30", "30000")]
)
async def test_retry_after_headers_over_raw_http(serve, retry_after, seconds, millis):
    client = await serve(
        [{"name": "r", "reply": {"error": {"status": 429, "retry_after": retry_after}}}]
    )
    response = await post_chat(client)
    assert response.status == 429
    body = await api_json(response)
    assert body["error"]["code"] == "rate_limit_exceeded"
    headers = response.headers
    assert (headers["retry-after"], headers["retry-after-ms"]) == (seconds, millis)


async def test_error_responses_carry_the_standard_headers(serve):
    client = await serve([{"name": "e", "reply": {"error": 500}}])
    response = await post_chat(client)
    await api_json(response)
    assert response.headers["openai-version"] == "2020-10-01"
    assert "retry-after" not in response.headers
    for kind in ("limit", "remaining", "reset"):
        for unit in ("requests", "tokens"):
            assert f"x-ratelimit-{kind}-{unit}" in response.headers


def test_scenario_headers_appear_on_success_errors_and_streams(mockai):
    mockai.add_scenario(
        {
            "name": "hdr",
            "headers": {"x-ratelimit-remaining-requests": "0", "X-Custom": "scenario"},
            "replies": [
                {"content": "ok"},
                {"error": 503, "headers": {"x-custom": "step", "x-extra": "1"}},
                {"content": "streamed", "headers": {"x-custom": "stream"}},
            ],
        }
    )
    raw = mockai.client().chat.completions.with_raw_response.create(
        model="gpt-4o", messages=MESSAGES
    )
    assert raw.headers["x-ratelimit-remaining-requests"] == "0"
    assert raw.headers["x-custom"] == "scenario"
    error = raise_from(mockai, max_retries=0)
    assert error.response.headers["x-ratelimit-remaining-requests"] == "0"
    assert error.response.headers["x-custom"] == "step"
    assert error.response.headers["x-extra"] == "1"
    streamed = mockai.client(max_retries=0).chat.completions.with_raw_response.create(
        model="gpt-4o", messages=MESSAGES, stream=True
    )
    assert streamed.headers["x-custom"] == "stream"
    assert streamed.headers["x-ratelimit-remaining-requests"] == "0"
    assert "x-extra" not in streamed.headers
    assert (
        "".join(c.choices[0].delta.content or "" for c in streamed.parse() if c.choices)
        == "streamed"
    )


def test_sdk_retries_through_two_503s_to_success(mockai):
    outage = {"error": {"status": 503, "retry_after": 0.01}}
    mockai.add_scenario({"name": "flaky", "replies": [outage, outage, {"content": "Recovered."}]})
    started = time.monotonic()
    completion = mockai.client(max_retries=2).chat.completions.create(
        model="gpt-4o", messages=MESSAGES
    )
    elapsed = time.monotonic() - started
    assert completion.choices[0].message.content == "Recovered."
    journal = mockai.requests
    assert [(r["scenario"], r["step"], r["status"]) for r in journal] == [
        ("flaky", 0, 503),
        ("flaky", 1, 503),
        ("flaky", 2, 200),
    ]
    assert [r["headers"].get("x-stainless-retry-count") for r in journal] == ["0", "1", "2"]
    # retry-after-ms (10 ms) steered the SDK's sleeps; its own backoff would take >= 1.1 s
    assert elapsed < 1.0


def test_sdk_gives_up_after_max_retries(mockai):
    mockai.add_scenario({"name": "down", "reply": {"error": {"status": 503, "retry_after": 0.01}}})
    error = raise_from(mockai, max_retries=1)
    assert isinstance(error, openai.InternalServerError)
    assert [(r["step"], r["status"]) for r in mockai.requests] == [(0, 503), (0, 503)]


async def test_async_sdk_retries_a_rate_limit(mockai):
    mockai.add_scenario(
        {
            "name": "limited",
            "replies": [{"error": {"status": 429, "retry_after": 0.01}}, {"content": "Through."}],
        }
    )
    client = mockai.async_client(max_retries=1)
    completion = await client.chat.completions.create(model="gpt-4o", messages=MESSAGES)
    await client.close()
    assert completion.choices[0].message.content == "Through."
    assert [r["status"] for r in mockai.requests] == [429, 200]
