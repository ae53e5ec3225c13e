"""Token accounting and determinism: usage counted with the models' real tokenizers (the
expected numbers are computed here, independently of the server's own counting), reasoning
models' hidden tokens and budgets, scripted usage overrides, and seeded default replies."""

from __future__ import annotations

import pytest
from helpers import AUTH, api_json, chat_body, post_chat, sse

from mockai.tokenizer import encoding_sync

ENCODINGS = {
    "gpt-4o": "o200k_base",
    "gpt-4o-mini": "o200k_base",
    "gpt-4": "cl100k_base",
    "gpt-3.5-turbo": "cl100k_base",
}
CONVERSATION = [
    {"role": "system", "content": "You are a terse assistant who answers in one line."},
    {"role": "user", "content": "What is the capital of France?"},
    {"role": "assistant", "content": "Paris."},
    {"role": "user", "content": "And of Italy? Answer with the city name only, please."},
]


def tokens(model: str, text: str) -> int:
    return len(encoding_sync(ENCODINGS[model]).encode_ordinary(text))


def expected_prompt(model: str, messages: list[dict]) -> int:
    """The chat format's cost: 3 per message + role + content, and 3 to prime the reply."""
    return sum(3 + tokens(model, m["role"]) + tokens(model, m["content"]) for m in messages) + 3


async def complete(client, **body):
    response = await post_chat(client, body)
    assert response.status == 200, await response.text()
    return await api_json(response)


@pytest.mark.parametrize("model", list(ENCODINGS))
async def test_usage_counts_prompt_and_completion_with_the_model_tokenizer(serve, model):
    answer = "Rome is the capital of Italy; it has been since 1871. Ciao!"
    client = await serve([{"name": "a", "reply": {"content": answer}}])
    usage = (await complete(client, model=model, messages=CONVERSATION))["usage"]
    prompt = expected_prompt(model, CONVERSATION)
    completion = tokens(model, answer)
    assert (usage["prompt_tokens"], usage["completion_tokens"], usage["total_tokens"]) == (
        prompt,
        completion,
        prompt + completion,
    )
    assert usage["completion_tokens_details"]["reasoning_tokens"] == 0
    assert usage["prompt_tokens_details"]["cached_tokens"] == 0


async def test_a_message_name_costs_one_token_plus_the_name(serve):
    client = await serve([{"name": "a", "reply": {"content": "ok"}}])
    messages = [{"role": "user", "content": "Hi, it's me.", "name": "alice_smith"}]
    usage = (await complete(client, model="gpt-4o", messages=messages))["usage"]
    expected = (
        3
        + tokens("gpt-4o", "user")
        + tokens("gpt-4o", "Hi, it's me.")
        + 1
        + tokens("gpt-4o", "alice_smith")
        + 3
    )
    assert usage["prompt_tokens"] == expected


async def test_offered_tools_add_to_the_prompt(serve):
    client = await serve([{"name": "a", "reply": {"content": "ok"}}])
    tool = {
        "type": "function",
        "function": {
            "name": "lookup",
            "description": "Find a thing.",
            "parameters": {"type": "object", "properties": {"query": {"type": "string"}}},
        },
    }
    bare = (await complete(client, **chat_body()))["usage"]["prompt_tokens"]
    with_tool = (await complete(client, **chat_body(tools=[tool])))["usage"]["prompt_tokens"]
    assert bare == expected_prompt("gpt-4o", chat_body()["messages"])
    assert with_tool > bare + tokens("gpt-4o", "lookup Find a thing. query")


@pytest.mark.parametrize("path", ["/v1/chat/completions", "/v1/responses"])
async def test_a_nullable_parameter_type_list_is_counted_not_a_500(serve, path):
    """`"type": ["string", "null"]` is valid JSON Schema (the nullable form); it once crashed
    the prompt rendering with a 500. It costs the `| null` it adds."""
    client = await serve([{"name": "a", "reply": {"content": "ok"}}])

    def parameters(kind):
        return {"type": "object", "properties": {"query": {"type": kind}}}

    def body(kind):
        if path == "/v1/responses":
            tool = {"type": "function", "name": "lookup", "parameters": parameters(kind)}
            return {"model": "gpt-4o", "input": "hi", "tools": [tool]}
        tool = {"type": "function", "function": {"name": "lookup", "parameters": parameters(kind)}}
        return chat_body(tools=[tool])

    usage = {}
    for kind in ("string", ["string", "null"]):
        response = await client.post(path, json=body(kind), headers=AUTH)
        assert response.status == 200, await response.text()
        counted = (await response.json())["usage"]
        usage[str(kind)] = counted.get("prompt_tokens", counted.get("input_tokens"))
    assert usage["['string', 'null']"] == usage["string"] + tokens("gpt-4o", " | null")


async def test_tokenizers_really_differ_between_model_families(serve):
    text = "Tokenization of naïve café résumés — ünïcödé heavy text 🙂🙂🙂."
    assert tokens("gpt-4o", text) != tokens("gpt-4", text)
    client = await serve([{"name": "a", "reply": {"content": text}}])
    for model in ("gpt-4o", "gpt-4"):
        usage = (await complete(client, **chat_body(model=model)))["usage"]
        assert usage["completion_tokens"] == tokens(model, text)


async def test_streamed_usage_matches_the_body_usage(serve):
    client = await serve([{"name": "a", "reply": {"content": "Same count either way."}}])
    body = await complete(client, model="gpt-4o", messages=CONVERSATION)
    events = await sse(
        await post_chat(
            client,
            {
                "model": "gpt-4o",
                "messages": CONVERSATION,
                "stream": True,
                "stream_options": {"include_usage": True},
            },
        )
    )
    assert events[-2]["choices"] == [] and events[-2]["usage"] == body["usage"]


async def test_scripted_usage_overrides(serve):
    client = await serve(
        [
            {
                "name": "u",
                "reply": {
                    "content": "Hi there!",
                    "usage": {"prompt_tokens": 10, "cached_tokens": 4},
                },
            }
        ]
    )
    usage = (await complete(client, **chat_body()))["usage"]
    counts = (usage["prompt_tokens"], usage["completion_tokens"], usage["total_tokens"])
    assert counts == (10, 3, 13)
    assert usage["prompt_tokens_details"]["cached_tokens"] == 4


@pytest.mark.parametrize(
    "model, effort, reasoning",
    [("o3", None, 192), ("o3", "low", 64), ("gpt-5", "high", 576), ("gpt-5", "minimal", 0)],
)
async def test_reasoning_models_spend_reasoning_tokens(serve, model, effort, reasoning):
    answer = "Forty-two."
    client = await serve([{"name": "r", "reply": {"content": answer}}])
    extra = {"reasoning_effort": effort} if effort else {}
    body = await complete(client, **chat_body(model=model, **extra))
    usage = body["usage"]
    assert usage["completion_tokens_details"]["reasoning_tokens"] == reasoning
    assert usage["completion_tokens"] == tokens("gpt-4o", answer) + reasoning
    assert body["choices"][0]["message"]["content"] == answer


async def test_max_completion_tokens_budget_includes_reasoning(serve):
    client = await serve([{"name": "r", "reply": {"content": "word " * 50}}])
    body = await complete(
        client, **chat_body(model="o3", reasoning_effort="low", max_completion_tokens=70)
    )
    choice, usage = body["choices"][0], body["usage"]
    assert choice["finish_reason"] == "length"
    assert usage["completion_tokens"] == 70
    assert usage["completion_tokens_details"]["reasoning_tokens"] == 64
    assert tokens("gpt-4o", choice["message"]["content"]) == 6


async def test_budget_spent_on_reasoning_leaves_empty_content(serve):
    client = await serve([{"name": "r", "reply": {"content": "Never seen."}}])
    body = await complete(client, **chat_body(model="o3", max_completion_tokens=100))
    choice, usage = body["choices"][0], body["usage"]
    assert (choice["message"]["content"], choice["finish_reason"]) == ("", "length")
    assert usage["completion_tokens"] == 100
    assert usage["completion_tokens_details"]["reasoning_tokens"] == 100


async def test_reasoning_model_accepts_default_temperature(serve):
    client = await serve()
    body = await complete(client, **chat_body(model="o3", temperature=1))
    assert body["model"] == "o3-2025-04-16"


async def default_text(client, **extra) -> str:
    return (await complete(client, **chat_body(**extra)))["choices"][0]["message"]["content"]


async def test_default_reply_is_deterministic_per_seed_and_request(serve):
    one, same = await serve(seed=1), await serve(seed=1)
    other = await serve(seed=2)
    first = await default_text(one, content="Tell me something")
    assert first and first == await default_text(same, content="Tell me something")
    assert first == await default_text(one, content="Tell me something")
    assert first != await default_text(other, content="Tell me something")
    assert first != await default_text(one, content="Tell me something else")


async def test_streamed_default_reply_equals_the_body_reply(serve):
    client = await serve(seed=7)
    text = await default_text(client, content="Stream me")
    events = await sse(await post_chat(client, stream=True, content="Stream me"))
    streamed = "".join(
        e["choices"][0]["delta"].get("content") or "" for e in events[:-1] if e["choices"]
    )
    assert streamed == text


async def test_request_seed_changes_the_default_reply(serve):
    client = await serve(seed=1)
    assert await default_text(client, seed=1) != await default_text(client, seed=2)
    assert await default_text(client, seed=1) == await default_text(client, seed=1)
