"""Responses defaults and request options that shape the output: images counted in the
input, offered built-in tools used by default replies, `parallel_tool_calls: false`, and
output logprobs on request."""

from __future__ import annotations

import json

from responses_support import check_events, create, post

WEATHER = {
    "type": "function",
    "name": "get_weather",
    "parameters": {"type": "object", "properties": {"city": {"type": "string"}}},
}
TWO_CALLS = [
    {
        "name": "two-calls",
        "match": {"endpoint": "responses"},
        "reply": {
            "tool_calls": [
                {"name": "get_weather", "arguments": {"city": "Oslo"}},
                {"name": "get_weather", "arguments": {"city": "Rome"}},
            ]
        },
    }
]


def _image_input(detail: str | None) -> list[dict]:
    image = {"type": "input_image", "image_url": "https://example.com/cat.png"}
    if detail:
        image["detail"] = detail
    return [{"role": "user", "content": [{"type": "input_text", "text": "What is this?"}, image]}]


async def test_images_in_the_input_are_counted_by_detail(serve):
    client = await serve()
    text_only = await create(
        client,
        input=[{"role": "user", "content": [{"type": "input_text", "text": "What is this?"}]}],
    )
    low = await create(client, input=_image_input("low"))
    auto = await create(client, input=_image_input(None))
    base = text_only["usage"]["input_tokens"]
    assert low["usage"]["input_tokens"] == base + 85
    assert auto["usage"]["input_tokens"] == base + 765


async def test_a_default_reply_uses_an_offered_builtin_tool_then_answers(serve):
    client = await serve()
    body = await create(client, input="What happened today?", tools=[{"type": "web_search"}])
    assert [item["type"] for item in body["output"]] == ["web_search_call", "message"]
    assert body["output"][0]["action"]["query"]
    plain = await create(
        client, input="What happened today?", tools=[{"type": "web_search"}], tool_choice="none"
    )
    assert [item["type"] for item in plain["output"]] == ["message"]


async def test_parallel_tool_calls_false_keeps_one_function_call(serve):
    client = await serve(TWO_CALLS)
    both = await create(client, input="weather", tools=[WEATHER])
    assert [json.loads(i["arguments"])["city"] for i in both["output"]] == ["Oslo", "Rome"]
    one = await create(client, input="weather", tools=[WEATHER], parallel_tool_calls=False)
    assert [json.loads(i["arguments"])["city"] for i in one["output"]] == ["Oslo"]
    assert one["parallel_tool_calls"] is False
    assert one["usage"]["output_tokens"] < both["usage"]["output_tokens"]


async def test_output_logprobs_on_request(serve):
    client = await serve([{"name": "text", "reply": {"content": "Paris is the capital."}}])
    plain = await create(client, input="capital?")
    assert plain["output"][0]["content"][0]["logprobs"] == []
    body = await create(
        client, input="capital?", include=["message.output_text.logprobs"], top_logprobs=2
    )
    entries = body["output"][0]["content"][0]["logprobs"]
    assert "".join(e["token"] for e in entries) == "Paris is the capital."
    assert all(
        e["logprob"] <= 0
        and len(e["top_logprobs"]) == 2
        and e["bytes"] == list(e["token"].encode())
        for e in entries
    )
    response = await post(
        client,
        {
            "model": "gpt-4o",
            "input": "capital?",
            "stream": True,
            "top_logprobs": 1,
            "include": ["message.output_text.logprobs"],
        },
    )
    events = check_events(await response.text())  # validates each event against the spec
    deltas = [e for e in events if e["type"] == "response.output_text.delta"]
    assert sum(len(d["logprobs"]) for d in deltas) == len(entries)
    assert all("bytes" not in lp for d in deltas for lp in d["logprobs"])
    done = next(e for e in events if e["type"] == "response.output_text.done")
    assert [lp["token"] for lp in done["logprobs"]] == [e["token"] for e in entries]
