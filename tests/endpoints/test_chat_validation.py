"""Chat completions request validation: the real API's 400/404 texts, params and codes.

Each case posts one invalid body over raw HTTP and compares the whole error object with what
api.openai.com sends (texts collected in the research notes on real error bodies); every error
body is also checked against the spec's ErrorResponse by `api_json`.
"""

from __future__ import annotations

import json

import pytest
from helpers import AUTH, api_json, chat_body, post_chat

from mockai.tokenizer import encoding_sync

USER = {"role": "user", "content": "Hello"}
CALL = {"id": "call_abc", "type": "function", "function": {"name": "f", "arguments": "{}"}}
TOOL = {"type": "function", "function": {"name": "get_weather", "parameters": {"type": "object"}}}


body = chat_body


def without(key):
    data = chat_body()
    del data[key]
    return data


# (id, request body, message, param, code)
CASES = [
    ("missing-model", without("model"), "you must provide a model parameter", None, None),
    (
        "missing-messages",
        without("messages"),
        "Missing required parameter: 'messages'.",
        "messages",
        "missing_required_parameter",
    ),
    (
        "empty-messages",
        body(messages=[]),
        "Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty "
        "array instead.",
        "messages",
        "empty_array",
    ),
    (
        "invalid-role",
        body(messages=[USER, USER, {"role": "tooool", "content": "x"}]),
        "Invalid value: 'tooool'. Supported values are: 'system', 'assistant', 'user', 'function', "
        "'tool', and 'developer'.",
        "messages[2].role",
        "invalid_value",
    ),
    (
        "messages-string",
        body(messages="Hello"),
        "Invalid type for 'messages': expected an array of objects, but got a string instead.",
        "messages",
        "invalid_type",
    ),
    (
        "temperature-string",
        body(temperature="hot"),
        "Invalid type for 'temperature': expected a decimal, but got a string instead.",
        "temperature",
        "invalid_type",
    ),
    (
        "temperature-above",
        body(temperature=2.1),
        "Invalid 'temperature': decimal above maximum value. Expected a value <= 2, but got 2.1 "
        "instead.",
        "temperature",
        "decimal_above_max_value",
    ),
    (
        "temperature-below",
        body(temperature=-2.5),
        "Invalid 'temperature': decimal below minimum value. Expected a value >= 0, but got -2.5 "
        "instead.",
        "temperature",
        "decimal_below_min_value",
    ),
    (
        "top-p-above",
        body(top_p=5),
        "Invalid 'top_p': decimal above maximum value. Expected a value <= 1, but got 5 instead.",
        "top_p",
        "decimal_above_max_value",
    ),
    (
        "n-zero",
        body(n=0),
        "Invalid 'n': integer below minimum value. Expected a value >= 1, but got 0 instead.",
        "n",
        "integer_below_min_value",
    ),
    (
        "n-129",
        body(n=129),
        "Invalid 'n': integer above maximum value. Expected a value <= 128, but got 129 instead.",
        "n",
        "integer_above_max_value",
    ),
    (
        "max-tokens-below",
        body(max_tokens=-1),
        "Invalid 'max_tokens': integer below minimum value. Expected a value >= 1, but got -1 "
        "instead.",
        "max_tokens",
        "integer_below_min_value",
    ),
    (
        "max-tokens-too-large",
        body(max_tokens=20000),
        "max_tokens is too large: 20000. This model supports at most 16384 completion tokens, "
        "whereas you provided 20000.",
        "max_tokens",
        None,
    ),
    (
        "max-tokens-o3",
        body(model="o3", max_tokens=100),
        "Unsupported parameter: 'max_tokens' is not supported with this model. Use "
        "'max_completion_tokens' instead.",
        "max_tokens",
        "unsupported_parameter",
    ),
    (
        "temperature-o3",
        body(model="o3", temperature=0.5),
        "Unsupported value: 'temperature' does not support 0.5 with this model. Only the default "
        "(1) value is supported.",
        "temperature",
        "unsupported_value",
    ),
    (
        "stop-five",
        body(stop=["a", "b", "c", "d", "e"]),
        "Invalid 'stop': array too long. Expected an array with maximum length 4, but got an array "
        "with length 5 instead.",
        "stop",
        "array_above_max_length",
    ),
    (
        "stream-options-without-stream",
        body(stream_options={"include_usage": True}),
        "The 'stream_options' parameter is only allowed when 'stream' is enabled.",
        "stream_options",
        None,
    ),
    (
        "tool-choice-without-tools",
        body(tool_choice="auto"),
        "Invalid value for 'tool_choice': 'tool_choice' is only allowed when 'tools' are specified.",
        "tool_choice",
        None,
    ),
    (
        "empty-tools",
        body(tools=[]),
        "Invalid 'tools': empty array. Expected an array with minimum length 1, but got an empty "
        "array instead.",
        "tools",
        "empty_array",
    ),
    (
        "tool-message-without-call",
        body(messages=[USER, {"role": "tool", "tool_call_id": "call_x", "content": "20C"}]),
        "Invalid parameter: messages with role 'tool' must be a response to a preceeding message "
        "with 'tool_calls'.",
        "messages.[1].role",
        None,
    ),
    (
        "tool-calls-without-responses",
        body(messages=[USER, {"role": "assistant", "tool_calls": [CALL]}, USER]),
        "An assistant message with 'tool_calls' must be followed by tool messages responding to "
        "each 'tool_call_id'. The following tool_call_ids did not have response messages: "
        "call_abc",
        "messages.[1].role",
        None,
    ),
    (
        "json-object-without-json",
        body(response_format={"type": "json_object"}),
        "'messages' must contain the word 'json' in some form, to use 'response_format' of type "
        "'json_object'.",
        "messages",
        None,
    ),
    (
        "json-schema-without-name",
        body(
            response_format={"type": "json_schema", "json_schema": {"schema": {"type": "object"}}}
        ),
        "Missing required parameter: 'response_format.json_schema.name'.",
        "response_format.json_schema.name",
        "missing_required_parameter",
    ),
    (
        "bad-function-name",
        body(tools=[{"type": "function", "function": {"name": "get weather!"}}]),
        "Invalid 'tools[0].function.name': string does not match pattern. Expected a string that "
        "matches the pattern '^[a-zA-Z0-9_-]+$'.",
        "tools[0].function.name",
        "invalid_value",
    ),
    (
        "top-logprobs-21",
        body(logprobs=True, top_logprobs=21),
        "Invalid 'top_logprobs': integer above maximum value. Expected a value <= 20, but got 21 "
        "instead.",
        "top_logprobs",
        "integer_above_max_value",
    ),
    ("unknown-argument", body(foo=1), "Unrecognized request argument supplied: foo", None, None),
    (
        "missing-user-content",
        body(messages=[{"role": "user"}]),
        "Missing required parameter: 'messages[0].content'.",
        "messages[0].content",
        "missing_required_parameter",
    ),
    (
        "tool-without-function",
        body(tools=[{"type": "function"}]),
        "Missing required parameter: 'tools[0].function'.",
        "tools[0].function",
        "missing_required_parameter",
    ),
    (
        "max-completion-tokens-too-large",
        body(model="o3", max_completion_tokens=200000),
        "max_completion_tokens is too large: 200000. This model supports at most 100000 completion "
        "tokens, whereas you provided 200000.",
        "max_completion_tokens",
        None,
    ),
]


@pytest.mark.parametrize(
    "request_body, message, param, code",
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
async def test_invalid_request(serve, request_body, message, param, code):
    client = await serve()
    response = await post_chat(client, request_body)
    assert response.status == 400
    error = (await api_json(response))["error"]
    assert error == {
        "message": message,
        "type": "invalid_request_error",
        "param": param,
        "code": code,
    }


MALFORMED = (
    "We could not parse the JSON body of your request. (HINT: This likely means you "
    "aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, "
    "but what was sent was not valid JSON. If you have trouble figuring out how to fix "
    "this, please contact us through our help center at help.openai.com.)"
)


@pytest.mark.parametrize(
    "raw",
    ['{"model": "gpt-4o", "messages": [', '[{"model": "gpt-4o"}]'],
    ids=["truncated", "array"],
)
async def test_body_that_is_not_a_json_object(serve, raw):
    client = await serve()
    response = await client.post(
        "/v1/chat/completions", data=raw, headers={**AUTH, "Content-Type": "application/json"}
    )
    assert response.status == 400
    assert (await api_json(response))["error"] == {
        "message": MALFORMED,
        "type": "invalid_request_error",
        "param": None,
        "code": None,
    }


async def test_unknown_model_is_404_model_not_found(serve):
    client = await serve()
    response = await post_chat(client, body(model="gpt-9-ultra"))
    assert response.status == 404
    assert (await api_json(response))["error"] == {
        "message": "The model `gpt-9-ultra` does not exist or you do not have access to it.",
        "type": "invalid_request_error",
        "param": None,
        "code": "model_not_found",
    }


def _gpt4_prompt_tokens(text: str) -> int:
    """Prompt tokens of one user message for gpt-4, counted independently of the server."""
    enc = encoding_sync("cl100k_base")
    return 3 + len(enc.encode_ordinary("user")) + len(enc.encode_ordinary(text)) + 3


async def test_prompt_over_the_context_window(serve):
    text = "hello " * 9000
    prompt = _gpt4_prompt_tokens(text)
    assert prompt > 8192
    client = await serve()
    response = await post_chat(client, body(model="gpt-4", content=text))
    assert response.status == 400
    assert (await api_json(response))["error"] == {
        "message": "This model's maximum context length is 8192 tokens. However, your messages "
        f"resulted in {prompt} tokens. Please reduce the length of the messages.",
        "type": "invalid_request_error",
        "param": "messages",
        "code": "context_length_exceeded",
    }


async def test_prompt_plus_max_tokens_over_the_context_window(serve):
    text = "hello " * 100
    prompt = _gpt4_prompt_tokens(text)
    client = await serve()
    response = await post_chat(client, body(model="gpt-4", content=text, max_tokens=8192))
    assert response.status == 400
    assert (await api_json(response))["error"] == {
        "message": "This model's maximum context length is 8192 tokens. However, you requested "
        f"{prompt + 8192} tokens ({prompt} in the messages, 8192 in the completion). "
        "Please reduce the length of the messages or completion.",
        "type": "invalid_request_error",
        "param": "messages",
        "code": "context_length_exceeded",
    }


async def test_the_same_prompt_fits_with_a_smaller_budget(serve):
    client = await serve()
    response = await post_chat(client, body(model="gpt-4", content="hello " * 100, max_tokens=1000))
    assert response.status == 200
    assert (await api_json(response))["model"] == "gpt-4-0613"


async def test_lenient_accepts_unknown_fields_and_models(serve):
    strict = await serve()
    assert (await post_chat(strict, body(model="my-local-llm", foo=1))).status == 400
    lenient = await serve(lenient=True)
    response = await post_chat(lenient, body(model="my-local-llm", foo=1))
    reply = await api_json(response)
    assert response.status == 200
    assert reply["model"] == "my-local-llm"
    assert reply["choices"][0]["message"]["content"]


async def test_lenient_still_rejects_invalid_values(serve):
    client = await serve(lenient=True)
    response = await post_chat(client, body(temperature=3))
    assert response.status == 400
    assert (await api_json(response))["error"]["code"] == "decimal_above_max_value"


async def test_error_body_is_pretty_printed_like_the_real_api(serve):
    client = await serve()
    response = await post_chat(client, body(n=0))
    text = await response.text()
    assert text.startswith('{\n  "error": {\n    "message": ')
    assert response.headers["Content-Type"].startswith("application/json")
    assert json.loads(text)["error"]["param"] == "n"
