"""Tests of the OpenAPI validation helper itself, against the spec and real recordings.

If the helper accepted too much, every other test's shape check would be worthless; if it
rejected real API output, tests would push the emulator away from the real API. No server.
"""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from openapi import (
    RECORDINGS,
    SPEC_PATH,
    find_operation,
    parse_sse,
    parse_sse_events,
    validate_chat_chunk,
    validate_error,
    validate_response,
    validate_schema,
)

STREAMS = sorted(RECORDINGS.glob("chat-*.sse"))

CHUNK = {
    "id": "chatcmpl-1",
    "object": "chat.completion.chunk",
    "created": 1727346173,
    "model": "gpt-4o-2024-08-06",
    "choices": [{"index": 0, "delta": {"content": "Hi"}, "logprobs": None, "finish_reason": None}],
}
COMPLETION = {
    "id": "chatcmpl-1",
    "object": "chat.completion",
    "created": 1727346173,
    "model": "gpt-4o-2024-08-06",
    "choices": [
        {
            "index": 0,
            "message": {"role": "assistant", "content": "Hi", "refusal": None},
            "logprobs": None,
            "finish_reason": "stop",
        }
    ],
}
ERROR = {
    "error": {"message": "Not found.", "type": "invalid_request_error", "param": None, "code": None}
}


def _with(base: dict, path: tuple, value: object) -> dict:
    """A deep copy of `base` with the item at `path` set to `value`."""
    out = copy.deepcopy(base)
    target = out
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return out


def test_recordings_present() -> None:
    assert len(STREAMS) == 5, f"expected the five chat recordings next to {SPEC_PATH}"


@pytest.mark.parametrize("stream", STREAMS, ids=lambda p: Path(p).stem)
def test_recorded_chat_streams_validate_strictly(stream: Path) -> None:
    events = parse_sse(stream.read_text(encoding="utf-8"))
    assert events[-1] == "[DONE]" and "[DONE]" not in events[:-1]
    for chunk in events[:-1]:
        validate_chat_chunk(chunk)


def test_newer_real_chunk_fields_validate() -> None:
    # What streams send today: `usage: null` on each chunk, `service_tier`, `obfuscation`.
    validate_chat_chunk({**CHUNK, "usage": None, "service_tier": "default", "obfuscation": "x7"})


def test_missing_required_field_fails() -> None:
    chunk = {k: v for k, v in CHUNK.items() if k != "choices"}
    with pytest.raises(AssertionError, match="'choices' is a required property"):
        validate_chat_chunk(chunk)
    with pytest.raises(AssertionError, match=r"\$\.choices\[0\]: 'required' failed.*delta"):
        validate_chat_chunk(_with(CHUNK, ("choices", 0), {"index": 0, "finish_reason": None}))


@pytest.mark.parametrize("path", [("invented",), ("choices", 0, "delta", "invented")])
def test_invented_field_fails_only_when_strict(path: tuple) -> None:
    chunk = _with(CHUNK, path, "x")
    with pytest.raises(AssertionError, match="does not declare.*invented"):
        validate_chat_chunk(chunk)
    validate_chat_chunk(chunk, strict=False)


def test_nullable_enum_accepts_null_and_rejects_unknown_value() -> None:
    validate_chat_chunk(_with(CHUNK, ("choices", 0, "finish_reason"), "stop"))
    with pytest.raises(AssertionError, match="finish_reason: 'enum' failed"):
        validate_chat_chunk(_with(CHUNK, ("choices", 0, "finish_reason"), "done"))


def test_chat_completion_response() -> None:
    validate_response("POST", "/v1/chat/completions", 200, COMPLETION)
    with pytest.raises(AssertionError, match=r"\$\.created: 'type' failed"):
        validate_response("POST", "/v1/chat/completions", 200, {**COMPLETION, "created": "now"})


def test_error_statuses_need_an_error_body() -> None:
    validate_error(ERROR)
    validate_response("POST", "/v1/chat/completions", 404, ERROR)  # 404 not declared by the op
    validate_response("POST", "/v1/chat/completions", 429, ERROR)  # declared via a $ref
    with pytest.raises(AssertionError, match="'error' is a required property"):
        validate_response("POST", "/v1/chat/completions", 500, COMPLETION)
    with pytest.raises(AssertionError, match="'param' is a required property"):
        validate_error({"error": {"message": "x", "type": "server_error", "code": None}})


def test_undeclared_success_status_fails() -> None:
    with pytest.raises(AssertionError, match="status not declared"):
        validate_response("POST", "/v1/chat/completions", 201, COMPLETION)


@pytest.mark.parametrize(
    ("method", "path", "template"),
    [
        ("GET", "/v1/responses/resp_abc", "/responses/{response_id}"),
        ("GET", "/api/openai/v1/models/gpt-4o", "/models/{model}"),
        ("POST", "/v1/responses/compact", "/responses/compact"),
        ("POST", "/v1/chat/completions?stream=true", "/chat/completions"),
        ("POST", "/v1/threads/runs", "/threads/runs"),
    ],
)
def test_path_templates_match(method: str, path: str, template: str) -> None:
    assert find_operation(method, path)[0] == template


def test_unknown_operation_fails() -> None:
    with pytest.raises(AssertionError, match="no such operation"):
        find_operation("GET", "/v1/nothing/here")
    with pytest.raises(AssertionError, match="no such operation"):
        find_operation("PATCH", "/v1/chat/completions")


def test_responses_delta_event_with_obfuscation() -> None:
    # Real Responses streams put `obfuscation` on delta events; the spec omits it there.
    validate_schema(
        "ResponseStreamEvent",
        {
            "type": "response.output_text.delta",
            "sequence_number": 4,
            "item_id": "msg_1",
            "output_index": 0,
            "content_index": 0,
            "delta": "Hi",
            "logprobs": [],
            "obfuscation": "abc",
        },
    )


def test_parse_sse_events() -> None:
    text = (
        ": keep-alive\r\n\r\n"
        'event: response.created\r\ndata: {"a":\r\ndata: 1}\r\n\r\n'
        'data:{"b": 2}\n\n'
        "data: [DONE]\n"
    )
    assert parse_sse_events(text) == [
        ("response.created", {"a": 1}),
        (None, {"b": 2}),
        (None, "[DONE]"),
    ]
    assert parse_sse(text) == [{"a": 1}, {"b": 2}, "[DONE]"]
