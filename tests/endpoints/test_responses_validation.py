"""`POST /v1/responses` requests the real API refuses, with its exact message, param and code;
every error body is validated as an ErrorResponse. Plus the context window: too long is a
400, `truncation: auto` drops the oldest items instead."""

from __future__ import annotations

import pytest
from responses_support import create, error_of, get, post

INPUT = "Hello"
CASES = {
    "missing model": (
        {"input": INPUT},
        400,
        "Missing required parameter: 'model'.",
        "model",
        "missing_required_parameter",
    ),
    "unknown parameter": (
        {"model": "gpt-4o", "input": INPUT, "foo": 1},
        400,
        "Unknown parameter: 'foo'.",
        "foo",
        "unknown_parameter",
    ),
    "temperature above 2": (
        {"model": "gpt-4o", "input": INPUT, "temperature": 3},
        400,
        "Invalid 'temperature': decimal above maximum value. Expected a value <= 2, but got 3 "
        "instead.",
        "temperature",
        "decimal_above_max_value",
    ),
    "max_output_tokens below 16": (
        {"model": "gpt-4o", "input": INPUT, "max_output_tokens": 5},
        400,
        "Invalid 'max_output_tokens': integer below minimum value. Expected a value >= 16, but "
        "got 5 instead.",
        "max_output_tokens",
        "integer_below_min_value",
    ),
    "message without content": (
        {"model": "gpt-4o", "input": [{"type": "message", "role": "user"}]},
        400,
        "Missing required parameter: 'input[0].content'.",
        "input[0].content",
        "missing_required_parameter",
    ),
    "function tool without name": (
        {"model": "gpt-4o", "input": INPUT, "tools": [{"type": "function"}]},
        400,
        "Missing required parameter: 'tools[0].name'.",
        "tools[0].name",
        "missing_required_parameter",
    ),
    "json_schema without name": (
        {
            "model": "gpt-4o",
            "input": INPUT,
            "text": {"format": {"type": "json_schema", "schema": {"type": "object"}}},
        },
        400,
        "Missing required parameter: 'text.format.name'.",
        "text.format.name",
        "missing_required_parameter",
    ),
    "reasoning effort on gpt-4o": (
        {"model": "gpt-4o", "input": INPUT, "reasoning": {"effort": "low"}},
        400,
        "Unsupported parameter: 'reasoning.effort' is not supported with this model.",
        "reasoning.effort",
        "unsupported_parameter",
    ),
    "temperature on o3": (
        {"model": "o3", "input": INPUT, "temperature": 0.5},
        400,
        "Unsupported parameter: 'temperature' is not supported with this model.",
        "temperature",
        "unsupported_parameter",
    ),
    "stream_options without stream": (
        {"model": "gpt-4o", "input": INPUT, "stream_options": {"include_obfuscation": False}},
        400,
        "The 'stream_options' parameter is only allowed when 'stream' is enabled.",
        "stream_options",
        None,
    ),
    "background without store": (
        {"model": "gpt-4o", "input": INPUT, "background": True, "store": False},
        400,
        "Background mode requires 'store' to be true.",
        "background",
        None,
    ),
    "previous_response_id with conversation": (
        {
            "model": "gpt-4o",
            "input": INPUT,
            "previous_response_id": "resp_x",
            "conversation": "conv_x",
        },
        400,
        "Mutually exclusive parameters: ''. Ensure you are only providing one of: "
        "'pre..._id' or 'conversation'.",
        None,
        "mutually_exclusive_parameters",
    ),
    "unknown model": (
        {"model": "gpt-nonexistent", "input": INPUT},
        404,
        "The model `gpt-nonexistent` does not exist or you do not have access to it.",
        None,
        "model_not_found",
    ),
    "max_output_tokens above the model's limit": (
        {"model": "gpt-4o", "input": INPUT, "max_output_tokens": 20_000},
        400,
        "max_output_tokens is too large: 20000. This model supports at most 16384 completion "
        "tokens, whereas you provided 20000.",
        "max_output_tokens",
        None,
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
async def test_refused_with_the_real_error(serve, case):
    body, status, message, param, code = CASES[case]
    client = await serve()
    error = await error_of(await post(client, body), status)
    expected_type = "invalid_request_error"
    assert error == {"message": message, "type": expected_type, "param": param, "code": code}


async def test_an_unknown_input_item_type(serve):
    client = await serve()
    error = await error_of(
        await post(client, {"model": "gpt-4o", "input": [{"type": "bogus"}]}), 400
    )
    assert error["message"].startswith("Invalid value: 'bogus'. Supported values are: 'message'")
    assert "'function_call_output'" in error["message"]
    assert (error["param"], error["code"]) == ("input[0].type", "invalid_value")


async def test_an_unknown_message_role(serve):
    client = await serve()
    error = await error_of(
        await post(client, {"model": "gpt-4o", "input": [{"role": "robot", "content": "Hi"}]}), 400
    )
    assert (error["param"], error["code"]) == ("input[0].role", "invalid_value")


async def test_a_wrongly_typed_field(serve):
    client = await serve()
    error = await error_of(
        await post(client, {"model": "gpt-4o", "input": INPUT, "max_output_tokens": "many"}), 400
    )
    assert error["param"] == "max_output_tokens"


async def test_malformed_json(serve):
    client = await serve()
    error = await error_of(await post(client, raw=b'{"model": "gpt-4o", "input": '), 400)
    assert error["message"].startswith("We could not parse the JSON body of your request.")
    assert (error["type"], error["param"], error["code"]) == ("invalid_request_error", None, None)


async def test_missing_api_key_is_a_401(serve):
    client = await serve()
    response = await client.post("/v1/responses", json={"model": "gpt-4o", "input": INPUT})
    await error_of(response, 401)


async def test_valid_requests_still_pass(serve):
    """The refusals above are not a matter of an over-strict validator."""
    client = await serve()
    await create(
        client,
        input=INPUT,
        temperature=2,
        top_p=0.5,
        max_output_tokens=16,
        tools=[{"type": "function", "name": "f"}],
        tool_choice="none",
        text={
            "format": {
                "type": "json_schema",
                "name": "n",
                "schema": {"type": "object", "properties": {}},
            },
            "verbosity": "low",
        },
        metadata={"k": "v"},
        truncation="auto",
        service_tier="auto",
        user="someone",
        safety_identifier="abc",
        parallel_tool_calls=False,
    )
    await create(
        client,
        model="o3",
        input=INPUT,
        temperature=1,
        reasoning={"effort": "high", "summary": "concise"},
    )


# -- the context window ---------------------------------------------------------------------------
HUGE = "lorem ipsum dolor sit amet " * 2000  # ~10k tokens: beyond gpt-4's 8,192


async def test_input_beyond_the_context_window_is_a_400(serve):
    client = await serve()
    error = await error_of(await post(client, {"model": "gpt-4", "input": HUGE}), 400)
    assert error == {
        "message": "Your input exceeds the context window of this model. Please "
        "adjust your input and try again.",
        "type": "invalid_request_error",
        "param": "input",
        "code": "context_length_exceeded",
    }


async def test_truncation_auto_drops_the_oldest_items_instead(serve):
    client = await serve(
        [{"name": "last", "match": {"user": "final question"}, "reply": {"content": "Answered."}}]
    )
    history = [
        {"role": "user", "content": f"Old note {n}: " + "lorem ipsum " * 400} for n in range(15)
    ]
    history.append({"role": "user", "content": "The final question."})
    refused = await post(client, {"model": "gpt-4", "input": history})
    assert (await error_of(refused, 400))["code"] == "context_length_exceeded"
    body = await create(client, model="gpt-4", input=history, truncation="auto")
    assert body["truncation"] == "auto"
    assert body["output"][0]["content"][0]["text"] == "Answered."
    assert 0 < body["usage"]["input_tokens"] <= 8192
    # the dropped items were still part of the request: input_items lists them all
    items = await (await get(client, f"/v1/responses/{body['id']}/input_items?limit=100")).json()
    assert len(items["data"]) == 16
