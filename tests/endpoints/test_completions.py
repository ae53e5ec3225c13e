"""Legacy `POST /v1/completions`, not streamed: the official SDK and raw HTTP, prompt forms,
echo, suffix, n and best_of, logprobs, stop, the 16-token default, usage and every error.

Every body is validated against the spec's CreateCompletionResponse (`api_json`, or
`validate_response` for SDK results); token counts are computed here with tiktoken's cl100k_base,
independently of the server's own counting.
"""

from __future__ import annotations

import json
import re

import openai
import pytest
from helpers import AUTH, api_json
from openapi import validate_response

from mockai.tokenizer import encoding_sync

MODEL = "gpt-3.5-turbo-instruct"
LONG = (
    "The lighthouse keeper counted every wave that broke on the rocks below, and wrote "
    "each number into a ledger that nobody would ever read."
)


def enc():
    return encoding_sync("cl100k_base")


def count(text: str) -> int:
    return len(enc().encode_ordinary(text))


def first_tokens(text: str, n: int) -> str:
    return enc().decode(enc().encode_ordinary(text)[:n])


async def post(client, body: dict, path: str = "/v1/completions"):
    return await client.post(path, data=json.dumps(body), headers=AUTH)


async def complete(client, **body) -> dict:
    response = await post(client, {"model": MODEL, **body})
    data = await api_json(response)
    assert response.status == 200, data
    return data


async def error_of(client, body: dict, status: int = 400) -> dict:
    response = await post(client, body)
    data = await api_json(response)
    assert response.status == status, data
    return data["error"]


def scripted(content: str, **match) -> list[dict]:
    return [
        {"name": "s", "match": {"endpoint": "completions", **match}, "reply": {"content": content}}
    ]


# -- the official SDK -------------------------------------------------------------------------


def test_sdk_create_returns_the_scripted_text_in_the_real_shape(mockai):
    mockai.add_scenario(
        {
            "name": "hello",
            "match": {"endpoint": "completions"},
            "reply": {"content": " This is a test."},
        }
    )
    raw = mockai.client().completions.with_raw_response.create(
        model=MODEL, prompt="Say this is a test", max_tokens=7
    )
    body = raw.http_response.json()
    validate_response("POST", "/v1/completions", 200, body)
    assert list(body) == ["id", "object", "created", "model", "choices", "usage"]
    assert re.fullmatch(r"cmpl-[A-Za-z0-9]{29}", body["id"])
    assert raw.headers["x-request-id"].startswith("req_")
    completion = raw.parse()
    assert completion.object == "text_completion"
    assert completion.model == MODEL
    assert completion.system_fingerprint is None
    [choice] = completion.choices
    assert (choice.text, choice.index, choice.finish_reason, choice.logprobs) == (
        " This is a test.",
        0,
        "stop",
        None,
    )
    assert list(body["choices"][0]) == ["text", "index", "logprobs", "finish_reason"]
    prompt, answer = count("Say this is a test"), count(" This is a test.")
    assert completion.usage.model_dump(exclude_none=True) == {
        "prompt_tokens": prompt,
        "completion_tokens": answer,
        "total_tokens": prompt + answer,
    }
    assert [r["scenario"] for r in mockai.requests] == ["hello"]


def test_sdk_max_tokens_defaults_to_16_and_cuts_with_length(mockai):
    mockai.add_scenario({"name": "long", "reply": {"content": LONG}})
    assert count(LONG) > 16
    completion = mockai.client().completions.create(model=MODEL, prompt="Tell me a story")
    validate_response("POST", "/v1/completions", 200, completion.model_dump(exclude_unset=True))
    [choice] = completion.choices
    assert choice.finish_reason == "length"
    assert choice.text == first_tokens(LONG, 16)
    assert completion.usage.completion_tokens == 16


def test_sdk_errors_raise_the_sdks_exceptions(mockai):
    client = mockai.client(max_retries=0)
    with pytest.raises(openai.NotFoundError) as chat:
        client.completions.create(model="gpt-4o", prompt="Hello")
    assert chat.value.body == {
        "message": "This is a chat model and not supported in the v1/completions endpoint. Did "
        "you mean to use v1/chat/completions?",
        "type": "invalid_request_error",
        "param": "model",
        "code": None,
    }
    with pytest.raises(openai.BadRequestError) as bad:
        client.completions.create(model=MODEL, prompt="Hello", best_of=1, n=2)
    assert bad.value.body["param"] == "best_of"


async def test_async_sdk_create(mockai):
    mockai.add_scenario({"name": "a", "reply": {"content": " async works"}})
    client = mockai.async_client()
    completion = await client.completions.create(model="davinci-002", prompt="Does it?")
    assert completion.choices[0].text == " async works"
    assert completion.model == "davinci-002"
    await client.close()


# -- prompt forms -----------------------------------------------------------------------------

TOKENS = enc().encode_ordinary("Once upon a time")
PROMPT_FORMS = [
    ("string", "Once upon a time", ["Once upon a time"]),
    (
        "strings",
        ["First prompt here", "Once upon a time"],
        ["First prompt here", "Once upon a time"],
    ),
    ("token-ids", TOKENS, ["Once upon a time"]),
    ("token-arrays", [enc().encode_ordinary("Hi there"), TOKENS], ["Hi there", "Once upon a time"]),
]


@pytest.mark.parametrize(
    "prompt,texts", [f[1:] for f in PROMPT_FORMS], ids=[f[0] for f in PROMPT_FORMS]
)
async def test_prompt_forms_match_count_and_echo(serve, prompt, texts):
    client = await serve(scripted(" the end.", user={"regex": "^Once upon a time$"}))
    body = await complete(client, prompt=prompt, echo=True)
    assert [c["text"] for c in body["choices"]] == [t + " the end." for t in texts]
    assert [c["index"] for c in body["choices"]] == list(range(len(texts)))
    usage = body["usage"]
    assert usage["prompt_tokens"] == sum(count(t) for t in texts)
    assert usage["completion_tokens"] == len(texts) * count(" the end.")
    assert usage["total_tokens"] == usage["prompt_tokens"] + usage["completion_tokens"]


async def test_only_the_last_prompt_is_matched(serve):
    client = await serve(scripted("scripted", user="first"))
    body = await complete(client, prompt=["first prompt", "second prompt"])
    assert all(c["text"] != "scripted" for c in body["choices"])


async def test_without_a_prompt_the_model_reads_one_endoftext_token(serve):
    client = await serve(scripted(" A new document."))
    for body in ({}, {"prompt": None}):
        result = await complete(client, echo=True, **body)
        assert result["choices"][0]["text"] == "<|endoftext|> A new document."
        assert result["usage"]["prompt_tokens"] == 1


async def test_endoftext_in_a_prompt_is_one_token_other_special_text_is_not(serve):
    client = await serve(scripted("ok"))
    prompt = "a<|endoftext|>b<|fim_prefix|>"
    usage = (await complete(client, prompt=prompt))["usage"]
    assert usage["prompt_tokens"] == count("a") + 1 + count("b<|fim_prefix|>")


async def test_chat_scenarios_do_not_answer_completions(serve):
    client = await serve(
        [
            {
                "name": "chat",
                "match": {"endpoint": "chat.completions"},
                "reply": {"content": "chat only"},
            }
        ]
    )
    body = await complete(client, prompt="Hello")
    assert body["choices"][0]["text"] != "chat only"


# -- echo, suffix, stop, budgets --------------------------------------------------------------


async def test_echo_prepends_the_prompt_without_changing_usage(serve):
    client = await serve(scripted(" and then some."))
    plain = await complete(client, prompt="Start")
    echoed = await complete(client, prompt="Start", echo=True)
    assert plain["choices"][0]["text"] == " and then some."
    assert echoed["choices"][0]["text"] == "Start and then some."
    assert echoed["usage"] == plain["usage"]


async def test_echo_with_max_tokens_zero_returns_the_prompt(serve):
    client = await serve(scripted("never shown"))
    body = await complete(client, prompt="Score this prompt", echo=True, max_tokens=0)
    [choice] = body["choices"]
    assert (choice["text"], choice["finish_reason"]) == ("Score this prompt", "length")
    assert body["usage"]["completion_tokens"] == 0


async def test_suffix_is_read_after_the_prompt_but_not_returned(serve):
    client = await serve(scripted("    return a + b"))
    body = await complete(client, prompt="def add(a, b):\n", suffix="\n\nprint(add(1, 2))\n")
    assert body["choices"][0]["text"] == "    return a + b"
    assert body["usage"]["prompt_tokens"] == count("def add(a, b):\n") + count(
        "\n\nprint(add(1, 2))\n"
    )


@pytest.mark.parametrize(
    "stop,text",
    [
        ("\n", "Line one"),
        (["three", "two"], "Line one\nLine "),
    ],
)
async def test_stop_sequences_end_the_text(serve, stop, text):
    client = await serve(scripted("Line one\nLine two\nLine three"))
    body = await complete(client, prompt="List", stop=stop)
    [choice] = body["choices"]
    assert (choice["text"], choice["finish_reason"]) == (text, "stop")
    assert body["usage"]["completion_tokens"] == count(text)


async def test_an_explicit_max_tokens_and_null_budgets(serve):
    client = await serve(scripted(LONG))
    cut = await complete(client, prompt="Go", max_tokens=5)
    assert cut["choices"][0]["text"] == first_tokens(LONG, 5)
    unlimited = await complete(client, prompt="Go", max_tokens=None)  # only the window limits
    assert (unlimited["choices"][0]["text"], unlimited["choices"][0]["finish_reason"]) == (
        LONG,
        "stop",
    )


# -- n, best_of -------------------------------------------------------------------------------


async def test_n_choices_per_prompt_in_prompt_order(serve):
    client = await serve()
    body = await complete(client, prompt=["Alpha", "Beta"], n=3, max_tokens=8)
    choices = body["choices"]
    assert [c["index"] for c in choices] == list(range(6))
    texts = [c["text"] for c in choices]
    assert len(set(texts)) == 6  # default replies differ by prompt and by choice
    assert body["usage"]["prompt_tokens"] == count("Alpha") + count("Beta")
    assert body["usage"]["completion_tokens"] == sum(count(t) for t in texts)


async def test_default_replies_are_deterministic(serve):
    client = await serve()
    first = await complete(client, prompt="Same request", n=2)
    second = await complete(client, prompt="Same request", n=2)
    assert [c["text"] for c in first["choices"]] == [c["text"] for c in second["choices"]]
    assert first["id"] != second["id"]


async def test_best_of_bills_every_candidate_and_returns_n(serve):
    client = await serve(scripted(" best"))
    body = await complete(client, prompt="Pick", best_of=3, n=2)
    assert [c["index"] for c in body["choices"]] == [0, 1]
    assert body["usage"]["completion_tokens"] == 3 * count(" best")
    body = await complete(client, prompt=["P", "Q"], best_of=2)
    assert [(c["index"], c["text"]) for c in body["choices"]] == [(0, " best"), (1, " best")]
    assert body["usage"]["completion_tokens"] == 4 * count(" best")


# -- logprobs ---------------------------------------------------------------------------------


async def test_logprobs_shape_and_offsets(serve):
    client = await serve(scripted(" Bonjour, monde !"))
    prompt = "Translate the following English text to French: 'Hello, world!'"
    [choice] = (await complete(client, prompt=prompt, logprobs=3))["choices"]
    lp = choice["logprobs"]
    assert list(lp) == ["tokens", "token_logprobs", "top_logprobs", "text_offset"]
    assert "".join(lp["tokens"]) == choice["text"] == " Bonjour, monde !"
    assert (
        len(lp["tokens"])
        == len(lp["token_logprobs"])
        == len(lp["top_logprobs"])
        == len(lp["text_offset"])
        == count(" Bonjour, monde !")
    )
    offsets = [len(prompt)]
    for token in lp["tokens"][:-1]:
        offsets.append(offsets[-1] + len(token))
    assert lp["text_offset"] == offsets  # as in a real body: the first offset is len(prompt)
    for token, score, top in zip(
        lp["tokens"], lp["token_logprobs"], lp["top_logprobs"], strict=False
    ):
        assert score <= 0
        assert len(top) == 3 and top[token] == score
        assert max(top.values()) == score


async def test_logprobs_zero_scores_tokens_without_alternatives(serve):
    client = await serve(scripted(" two words"))
    [choice] = (await complete(client, prompt="x", logprobs=0))["choices"]
    assert choice["logprobs"]["top_logprobs"] is None
    assert len(choice["logprobs"]["token_logprobs"]) == 2


async def test_echo_with_logprobs_scores_the_prompt_from_its_second_token(serve):
    client = await serve(scripted(" end"))
    [choice] = (await complete(client, prompt="Hello world", echo=True, logprobs=1, max_tokens=1))[
        "choices"
    ]
    lp = choice["logprobs"]
    assert lp["tokens"] == ["Hello", " world", " end"]
    assert lp["text_offset"] == [0, 5, 11]
    assert lp["token_logprobs"][0] is None and lp["top_logprobs"][0] is None
    assert all(isinstance(s, float) for s in lp["token_logprobs"][1:])
    assert [list(t) for t in lp["top_logprobs"][1:]] == [[" world"], [" end"]]


# -- scripted steps ---------------------------------------------------------------------------


async def test_scripted_usage_and_finish_reason(serve):
    client = await serve(
        [
            {
                "name": "u",
                "reply": {
                    "content": "short",
                    "finish_reason": "content_filter",
                    "usage": {"prompt_tokens": 100, "completion_tokens": 7},
                },
            }
        ]
    )
    body = await complete(client, prompt="Hello")
    assert body["choices"][0]["finish_reason"] == "content_filter"
    assert body["usage"] == {"prompt_tokens": 100, "completion_tokens": 7, "total_tokens": 107}


async def test_tool_calls_and_refusals_become_plain_text(serve):
    client = await serve(
        [
            {
                "name": "tools",
                "match": {"user": "weather"},
                "reply": {"tool_calls": [{"name": "get_weather", "arguments": {"city": "Paris"}}]},
            },
            {"name": "refusal", "match": {"user": "secret"}, "reply": {"refusal": " I can't."}},
        ]
    )
    tools = await complete(client, prompt="weather in Paris")
    assert (tools["choices"][0]["text"], tools["choices"][0]["finish_reason"]) == ("", "stop")
    assert tools["usage"]["completion_tokens"] == 0
    refusal = await complete(client, prompt="tell me a secret")
    assert refusal["choices"][0]["text"] == " I can't."


async def test_scripted_errors_and_the_gateway_prefix(serve):
    client = await serve([{"name": "down", "reply": {"error": 503}}])
    response = await post(client, {"model": MODEL, "prompt": "x"})
    assert response.status == 503
    assert (await api_json(response))["error"]["type"] == "server_error"
    ok = await serve(scripted("via gateway"))
    response = await post(ok, {"model": MODEL, "prompt": "x"}, "/api/openai/v1/completions")
    assert (await api_json(response))["choices"][0]["text"] == "via gateway"


async def test_lenient_ignores_unknown_fields_and_serves_unknown_models(serve):
    client = await serve(scripted("fine"), lenient=True)
    body = await complete(client, model="my-local-model", prompt="x", frobnicate=True)
    assert (body["model"], body["choices"][0]["text"]) == ("my-local-model", "fine")


# -- validation -------------------------------------------------------------------------------


def body(**extra) -> dict:
    return {"model": MODEL, "prompt": "Hello", **extra}


def without_model() -> dict:
    data = body()
    del data["model"]
    return data


WINDOW = "This model's maximum context length is 4097 tokens, however you requested"
# (id, request body, message, param, code)
CASES = [
    ("missing-model", without_model(), "you must provide a model parameter", None, None),
    (
        "unknown-argument",
        body(messages=[]),
        "Unrecognized request argument supplied: messages",
        None,
        None,
    ),
    (
        "prompt-number",
        body(prompt=5),
        "Invalid type for 'prompt': expected one of a string or an array, but got an integer "
        "instead.",
        "prompt",
        "invalid_type",
    ),
    (
        "prompt-mixed",
        body(prompt=[1, "a"]),
        "Invalid type for 'prompt[1]': expected an integer, but got a string instead.",
        "prompt[1]",
        "invalid_type",
    ),
    (
        "prompt-empty",
        body(prompt=[]),
        "Invalid 'prompt': empty array. Expected an array with minimum length 1, but got an empty "
        "array instead.",
        "prompt",
        "empty_array",
    ),
    (
        "prompt-empty-token-array",
        body(prompt=[[1, 2], []]),
        "Invalid 'prompt[1]': empty array. Expected an array with minimum length 1, but got an "
        "empty array instead.",
        "prompt[1]",
        "empty_array",
    ),
    (
        "token-too-large",
        body(prompt=[9906, 100300]),
        "Invalid token in prompt: 100300. Minimum value is 0, maximum value is 100257 (inclusive).",
        None,
        None,
    ),
    (
        "token-negative",
        body(prompt=[[-1]]),
        "Invalid token in prompt: -1. Minimum value is 0, maximum value is 100257 (inclusive).",
        None,
        None,
    ),
    (
        "best-of-below-n",
        body(n=3, best_of=2),
        "best_of must be greater than or equal to n.",
        "best_of",
        None,
    ),
    (
        "best-of-21",
        body(best_of=21),
        "Invalid 'best_of': integer above maximum value. Expected a value <= 20, but got 21 "
        "instead.",
        "best_of",
        "integer_above_max_value",
    ),
    (
        "logprobs-6",
        body(logprobs=6),
        "Invalid 'logprobs': integer above maximum value. Expected a value <= 5, but got 6 "
        "instead.",
        "logprobs",
        "integer_above_max_value",
    ),
    (
        "logprobs-bool",
        body(logprobs=True),
        "Invalid type for 'logprobs': expected an integer, but got a boolean instead.",
        "logprobs",
        "invalid_type",
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
        "max-tokens-negative",
        body(max_tokens=-1),
        "Invalid 'max_tokens': integer below minimum value. Expected a value >= 0, but got -1 "
        "instead.",
        "max_tokens",
        "integer_below_min_value",
    ),
    (
        "temperature-above",
        body(temperature=2.5),
        "Invalid 'temperature': decimal above maximum value. Expected a value <= 2, but got 2.5 "
        "instead.",
        "temperature",
        "decimal_above_max_value",
    ),
    (
        "top-p-above",
        body(top_p=1.5),
        "Invalid 'top_p': decimal above maximum value. Expected a value <= 1, but got 1.5 instead.",
        "top_p",
        "decimal_above_max_value",
    ),
    (
        "frequency-penalty-below",
        body(frequency_penalty=-3),
        "Invalid 'frequency_penalty': decimal below minimum value. Expected a value >= -2, but got "
        "-3 instead.",
        "frequency_penalty",
        "decimal_below_min_value",
    ),
    (
        "presence-penalty-above",
        body(presence_penalty=3),
        "Invalid 'presence_penalty': decimal above maximum value. Expected a value <= 2, but got 3 "
        "instead.",
        "presence_penalty",
        "decimal_above_max_value",
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
        "echo-string",
        body(echo="yes"),
        "Invalid type for 'echo': expected a boolean, but got a string instead.",
        "echo",
        "invalid_type",
    ),
    (
        "stream-options-without-stream",
        body(stream_options={"include_usage": True}),
        "The 'stream_options' parameter is only allowed when 'stream' is enabled.",
        "stream_options",
        None,
    ),
    (
        "stream-best-of",
        body(stream=True, best_of=2),
        "Cannot stream results when best_of > 1.",
        "best_of",
        None,
    ),
    (
        "suffix-davinci",
        body(model="davinci-002", suffix="x"),
        "Unrecognized request argument supplied: suffix",
        None,
        None,
    ),
    (
        "prompt-plus-max-tokens",
        body(max_tokens=4097),
        f"{WINDOW} 4098 tokens (1 in your prompt; 4097 for the completion). Please reduce your "
        "prompt; or completion length.",
        None,
        None,
    ),
    (
        "prompt-plus-default-16",
        body(prompt=[1] * 4090),
        f"{WINDOW} 4106 tokens (4090 in your prompt; 16 for the completion). Please reduce your "
        "prompt; or completion length.",
        None,
        None,
    ),
]


@pytest.mark.parametrize(
    "request_body,message,param,code", [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
async def test_invalid_requests_get_the_real_400(serve, request_body, message, param, code):
    client = await serve()
    assert await error_of(client, request_body) == {
        "message": message,
        "type": "invalid_request_error",
        "param": param,
        "code": code,
    }


async def test_the_largest_prompt_that_fits_the_window(serve):
    client = await serve(scripted("x"))
    body = await complete(client, prompt=[1] * 4081)  # + 16 = 4097
    assert body["usage"]["prompt_tokens"] == 4081


@pytest.mark.parametrize(
    "model,status,message,param,code",
    [
        (
            "gpt-4o",
            404,
            "This is a chat model and not supported in the v1/completions endpoint. Did "
            "you mean to use v1/chat/completions?",
            "model",
            None,
        ),
        (
            "gpt-3.5-turbo",
            404,
            "This is a chat model and not supported in the v1/completions "
            "endpoint. Did you mean to use v1/chat/completions?",
            "model",
            None,
        ),
        (
            "text-davinci-003",
            404,
            "The model `text-davinci-003` does not exist or you do not have access to it.",
            None,
            "model_not_found",
        ),
    ],
)
async def test_chat_and_unknown_models_get_the_real_404(serve, model, status, message, param, code):
    client = await serve()
    assert await error_of(client, body(model=model), status) == {
        "message": message,
        "type": "invalid_request_error",
        "param": param,
        "code": code,
    }
