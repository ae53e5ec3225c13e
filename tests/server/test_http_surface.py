"""The HTTP surface: prefixes, auth, OpenAI-shaped errors for every failure, headers."""

from __future__ import annotations

import json
import logging
import re

import pytest
from helpers import AUTH, api_json, chat_body, post_chat
from openapi import validate_error

from mockai.config import Settings
from mockai.server.app import create_app

RATE_LIMIT_HEADERS = [
    f"x-ratelimit-{kind}-{unit}"
    for kind in ("limit", "remaining", "reset")
    for unit in ("requests", "tokens")
]


def assert_standard_headers(response) -> None:
    assert re.fullmatch(r"req_[0-9a-f]{32}", response.headers["x-request-id"])
    assert response.headers["openai-version"] == "2020-10-01"
    assert int(response.headers["openai-processing-ms"]) >= 0
    for name in RATE_LIMIT_HEADERS:
        assert name in response.headers, name
    assert re.fullmatch(r"\d+", response.headers["x-ratelimit-remaining-requests"])
    assert re.fullmatch(
        r"(\d+h)?(\d+m)?(\d+(\.\d+)?s|\d+ms)", response.headers["x-ratelimit-reset-requests"]
    )


async def error_of(response, status: int) -> dict:
    assert response.status == status, await response.text()
    assert response.headers["Content-Type"] == "application/json"
    assert_standard_headers(response)
    body = json.loads(await response.text())
    validate_error(body)
    return body["error"]


@pytest.mark.parametrize("prefix", ["/v1", "/api/openai/v1"])
async def test_both_prefixes_answer(serve, prefix):
    client = await serve()
    response = await client.post(
        f"{prefix}/chat/completions", data=json.dumps(chat_body()), headers=AUTH
    )
    assert response.status == 200
    assert_standard_headers(response)
    await api_json(response)


async def test_unknown_route_is_an_openai_404(serve):
    client = await serve()
    error = await error_of(await client.post("/v1/chat/complete", headers=AUTH), 404)
    assert error == {
        "message": "Invalid URL (POST /v1/chat/complete)",
        "type": "invalid_request_error",
        "param": None,
        "code": None,
    }


async def test_wrong_method_is_an_openai_405(serve):
    client = await serve()
    error = await error_of(await client.put("/v1/chat/completions", headers=AUTH), 405)
    assert error["message"] == "Invalid URL (PUT /v1/chat/completions)"


async def test_missing_key_is_401_with_the_real_text(serve):
    client = await serve()
    response = await post_chat(client, headers={"Authorization": ""})
    error = await error_of(response, 401)
    assert error["message"].startswith("You didn't provide an API key.")
    assert error["code"] is None
    assert response.headers["www-authenticate"] == 'Bearer realm="OpenAI API"'


async def test_x_api_key_header_is_accepted(serve):
    client = await serve()
    response = await client.post(
        "/v1/chat/completions", data=json.dumps(chat_body()), headers={"x-api-key": "sk-anything"}
    )
    assert response.status == 200


async def test_configured_keys_refuse_others_with_a_masked_key(serve):
    client = await serve(api_key=["sk-good-key-1234567890"])
    ok = await post_chat(client, headers={"Authorization": "Bearer sk-good-key-1234567890"})
    assert ok.status == 200
    error = await error_of(
        await post_chat(client, headers={"Authorization": "Bearer sk-not-a-real-key"}), 401
    )
    assert error["code"] == "invalid_api_key"
    assert "provided: sk-n*********-key." in error["message"]  # short: a quarter at each end
    long_key = "sk-proj-not-the-configured-one-WXYZ"
    error = await error_of(
        await post_chat(client, headers={"Authorization": f"Bearer {long_key}"}), 401
    )
    assert f"provided: sk-proj-{'*' * 23}WXYZ." in error["message"]  # the real API's shape


async def test_malformed_json_is_400(serve):
    client = await serve()
    error = await error_of(
        await client.post("/v1/chat/completions", data=b"{not json", headers=AUTH), 400
    )
    assert error["message"].startswith("We could not parse the JSON body of your request.")
    assert error["type"] == "invalid_request_error"


async def test_oversize_body_is_413_in_openai_shape(serve):
    client = await serve(max_body_mb=1)
    big = json.dumps(chat_body("x" * (2 * 1024 * 1024)))
    error = await error_of(await client.post("/v1/chat/completions", data=big, headers=AUTH), 413)
    assert error["code"] == "request_too_large"


async def test_a_crashing_handler_answers_500_in_openai_shape(aiohttp_client, caplog):
    app = create_app(Settings(port=0, watch=False, quiet=True))

    async def boom(request):
        raise RuntimeError("kaboom")

    app.router.add_post("/v1/boom", boom)
    client = await aiohttp_client(app)
    with caplog.at_level(logging.ERROR, logger="mockai"):
        response = await client.post("/v1/boom", headers=AUTH)
    error = await error_of(response, 500)
    assert error["type"] == "server_error"
    assert response.headers["x-request-id"] in error["message"]
    assert "kaboom" not in error["message"] and "Traceback" not in await response.text()
    assert any("kaboom" in (r.exc_text or "") or "boom" in r.getMessage() for r in caplog.records)


async def test_scripted_errors_carry_the_standard_headers_and_overrides(serve):
    client = await serve(
        [
            {
                "name": "limited",
                "reply": {
                    "error": {"status": 429, "retry_after": 2.5},
                    "headers": {"x-ratelimit-remaining-requests": "0"},
                },
            }
        ]
    )
    response = await post_chat(client)
    error = await error_of(response, 429)
    assert error["code"] == "rate_limit_exceeded" and error["type"] == "requests"
    assert response.headers["retry-after"] == "3"
    assert response.headers["retry-after-ms"] == "2500"
    assert response.headers["x-ratelimit-remaining-requests"] == "0"


@pytest.mark.parametrize("quiet", [False, True])
async def test_access_log_line_and_quiet(serve, caplog, quiet):
    client = await serve([{"name": "named", "reply": {"content": "ok"}}], quiet=quiet)
    with caplog.at_level(logging.INFO, logger="mockai.access"):
        await post_chat(client)
    lines = [r.getMessage() for r in caplog.records if r.name == "mockai.access"]
    if quiet:
        assert lines == []
    else:
        assert len(lines) == 1
        assert re.fullmatch(r"POST /v1/chat/completions 200 scenario=named \d+\.\dms", lines[0])


async def test_control_api_needs_no_key_and_reports_health(serve):
    client = await serve()
    response = await client.get("/_mockai/health")
    assert response.status == 200
    assert await response.json() == {"status": "ok"}
