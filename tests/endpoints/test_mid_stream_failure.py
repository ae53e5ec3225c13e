"""A step's `error` sent mid-stream (`stream.error_after_chunks`): chat streams carry
`data: {"error": ...}` as the real API sends it; Responses streams end with `response.failed`
(server errors) or an `error` event (others). Non-streamed requests get the plain HTTP error."""

from __future__ import annotations

import json

import openai
import pytest
from helpers import AUTH, chat_body, post_chat
from openapi import (
    parse_sse,
    parse_sse_events,
    validate_chat_chunk,
    validate_error,
    validate_schema,
)

SCENARIOS = """
- name: fail-mid
  match: {user: fail}
  reply:
    content: "one two three four five six seven eight"
    error: 500
    stream: {error_after_chunks: 4}
- name: limit-mid
  match: {user: limit}
  reply:
    error: {status: 429, message: "Rate limit reached mid-stream"}
    stream: {error_after_chunks: 3}
"""


async def _responses(client, text: str, stream: bool = True):
    return await client.post(
        "/v1/responses",
        headers=AUTH,
        data=json.dumps({"model": "gpt-4o", "input": text, "stream": stream}),
    )


async def test_chat_stream_carries_the_error_after_n_chunks(serve):
    client = await serve(SCENARIOS)
    response = await post_chat(client, chat_body("fail", stream=True))
    assert response.status == 200
    events = parse_sse(await response.text())
    chunks, error, done = events[:4], events[4], events[5:]
    for chunk in chunks:
        validate_chat_chunk(chunk)
    assert "".join(c["choices"][0]["delta"].get("content") or "" for c in chunks) == "one two three"
    validate_error(error)
    assert error["error"]["type"] == "server_error"
    assert response.headers["x-request-id"] in error["error"]["message"]
    assert done == ["[DONE]"]


async def test_bare_error_step_streams_generated_text_first(serve):
    client = await serve(SCENARIOS)
    events = parse_sse(await (await post_chat(client, chat_body("limit", stream=True))).text())
    assert len(events) == 5  # role chunk, two content chunks, the error, [DONE]
    assert events[2]["choices"][0]["delta"]["content"]
    assert events[3] == {
        "error": {
            "message": "Rate limit reached mid-stream",
            "type": "requests",
            "param": None,
            "code": "rate_limit_exceeded",
        }
    }


async def test_non_streamed_request_gets_the_http_error(serve):
    client = await serve(SCENARIOS)
    response = await post_chat(client, chat_body("fail"))
    assert response.status == 500
    response = await _responses(client, "limit", stream=False)
    assert response.status == 429


async def test_responses_server_error_fails_the_response(serve):
    client = await serve(SCENARIOS)
    events = parse_sse_events(await (await _responses(client, "fail")).text())
    for name, data in events:
        assert name == data["type"]
        validate_schema("ResponseStreamEvent", data)
    assert [data["sequence_number"] for _, data in events] == list(range(len(events)))
    last = events[-1][1]
    assert last["type"] == "response.failed"
    assert last["response"]["status"] == "failed"
    assert last["response"]["error"]["code"] == "server_error"
    assert len(events) == 5


async def test_responses_rate_limit_arrives_as_an_error_event(serve):
    client = await serve(SCENARIOS)
    events = parse_sse_events(await (await _responses(client, "limit")).text())
    assert [name for name, _ in events] == [
        "response.created",
        "response.in_progress",
        "response.output_item.added",
        "error",
    ]
    error = events[-1][1]
    validate_schema("ResponseStreamEvent", error)
    assert (error["code"], error["message"], error["sequence_number"]) == (
        "rate_limit_exceeded",
        "Rate limit reached mid-stream",
        3,
    )


def test_the_sdk_sees_both_stream_formats(mockai):
    mockai.add_scenario(SCENARIOS)
    client = mockai.client(max_retries=0)
    received = []
    with pytest.raises(openai.APIError, match="server had an error"):
        for chunk in client.chat.completions.create(
            model="gpt-4o", stream=True, messages=[{"role": "user", "content": "fail"}]
        ):
            received.append(chunk)
    assert len(received) == 4
    # For Responses the SDK hands the `error` event to the caller as a typed event.
    events = list(client.responses.create(model="gpt-4o", input="limit", stream=True))
    assert events[-1].type == "error"
    assert events[-1].message == "Rate limit reached mid-stream"


def test_background_response_that_fails_is_stored_failed(mockai):
    mockai.add_scenario(SCENARIOS)
    client = mockai.client(max_retries=0)
    created = client.responses.create(model="gpt-4o", input="fail", background=True)
    for _ in range(100):
        current = client.responses.retrieve(created.id)
        if current.status not in ("queued", "in_progress"):
            break
    assert current.status == "failed"
    assert current.error is not None and current.error.code == "server_error"
