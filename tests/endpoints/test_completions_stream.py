"""Streamed legacy completions: `text_completion` chunks as recorded from the real API (text
deltas with `finish_reason: null`, an empty closing chunk per choice, an `include_usage` chunk
with `choices: []`, then `[DONE]`), through the official SDK and raw HTTP. Every chunk is
validated against CreateCompletionResponse (the shape streamed and non-streamed completions
share), with the null finish reason of unfinished choices allowed.
"""

from __future__ import annotations

import json

from helpers import AUTH, api_json
from openapi import parse_sse, validate_completion_chunk

from mockai.tokenizer import encoding_sync

MODEL = "gpt-3.5-turbo-instruct"
TEXT = " It was a dark and stormy night; the rain fell in torrents."


def count(text: str) -> int:
    return len(encoding_sync("cl100k_base").encode_ordinary(text))


def pieces(text: str) -> list[str]:
    enc = encoding_sync("cl100k_base")
    return [enc.decode([t]) for t in enc.encode_ordinary(text)]


async def events(client, **body) -> list:
    """The stream's payloads, each chunk validated; the last one must be "[DONE]"."""
    response = await client.post(
        "/v1/completions", headers=AUTH, data=json.dumps({"model": MODEL, "stream": True, **body})
    )
    assert response.status == 200, await response.text()
    assert response.headers["Content-Type"] == "text/event-stream; charset=utf-8"
    assert response.headers["x-request-id"].startswith("req_")
    payloads = parse_sse(await response.text())
    assert payloads[-1] == "[DONE]" and "[DONE]" not in payloads[:-1]
    for chunk in payloads[:-1]:
        validate_completion_chunk(chunk)
    return payloads[:-1]


def by_index(chunks: list) -> dict[int, list[dict]]:
    out: dict[int, list[dict]] = {}
    for chunk in chunks:
        for choice in chunk["choices"]:
            out.setdefault(choice["index"], []).append(choice)
    return out


def scripted(content: str, **stream) -> list[dict]:
    scenario = {"name": "s", "reply": {"content": content}}
    if stream:
        scenario["stream"] = stream
    return [scenario]


def test_sdk_stream_yields_text_deltas_then_the_finish(mockai):
    mockai.add_scenario(scripted(TEXT)[0])
    chunks = list(
        mockai.client().completions.create(model=MODEL, prompt="Begin", stream=True, max_tokens=50)
    )
    for chunk in chunks:
        validate_completion_chunk(chunk.model_dump(mode="json", exclude_unset=True))
    assert "".join(c.choices[0].text for c in chunks) == TEXT
    assert [c.choices[0].text for c in chunks[:-1]] == pieces(TEXT)
    assert [c.choices[0].finish_reason for c in chunks] == [None] * (len(chunks) - 1) + ["stop"]
    assert chunks[-1].choices[0].text == ""
    assert len({c.id for c in chunks}) == 1 and chunks[0].id.startswith("cmpl-")
    assert all(c.object == "text_completion" and c.model == MODEL for c in chunks)
    assert all(c.usage is None for c in chunks)


def test_sdk_stream_with_include_usage_matches_the_plain_usage(mockai):
    mockai.add_scenario(scripted(TEXT * 2)[0])
    assert count(TEXT * 2) > 16
    client = mockai.client()
    plain = client.completions.create(model=MODEL, prompt="Begin")
    chunks = list(
        client.completions.create(
            model=MODEL, prompt="Begin", stream=True, stream_options={"include_usage": True}
        )
    )
    *text, last = chunks
    assert last.choices == [] and last.usage is not None
    assert last.usage.model_dump() == plain.usage.model_dump()
    assert last.usage.completion_tokens == 16  # the default budget cut it
    assert text[-1].choices[0].finish_reason == "length"
    assert "".join(c.choices[0].text for c in text) == plain.choices[0].text


async def test_async_sdk_stream(mockai):
    mockai.add_scenario(scripted(" async")[0])
    client = mockai.async_client()
    stream = await client.completions.create(model=MODEL, prompt="x", stream=True)
    chunks = [chunk async for chunk in stream]
    assert "".join(c.choices[0].text for c in chunks) == " async"
    await client.close()


async def test_raw_chunks_have_the_recorded_keys_and_no_usage_until_the_end(serve):
    client = await serve(scripted(TEXT))
    chunks = await events(
        client, prompt="Begin", max_tokens=5, stream_options={"include_usage": True}
    )
    *text, usage = chunks
    for chunk in text:
        assert list(chunk) == ["id", "object", "created", "choices", "model"]
        assert list(chunk["choices"][0]) == ["text", "index", "logprobs", "finish_reason"]
    assert list(usage) == ["id", "object", "created", "model", "usage", "choices"]
    assert usage["choices"] == []
    assert usage["usage"] == {
        "prompt_tokens": count("Begin"),
        "completion_tokens": 5,
        "total_tokens": count("Begin") + 5,
    }
    assert [c["choices"][0]["finish_reason"] for c in text[-2:]] == [None, "length"]


async def test_streamed_and_plain_default_replies_agree(serve):
    client = await serve()
    response = await client.post(
        "/v1/completions",
        headers=AUTH,
        data=json.dumps({"model": MODEL, "prompt": ["One", "Two"], "n": 2}),
    )
    plain = await api_json(response)
    streamed = by_index(await events(client, prompt=["One", "Two"], n=2))
    assert sorted(streamed) == [0, 1, 2, 3]
    for choice in plain["choices"]:
        parts = streamed[choice["index"]]
        assert "".join(p["text"] for p in parts) == choice["text"]
        assert [p["finish_reason"] for p in parts] == [None] * (len(parts) - 1) + [
            choice["finish_reason"]
        ]


async def test_choices_are_interleaved(serve):
    client = await serve(scripted(" a b c"))
    chunks = await events(client, prompt="x", n=2)
    assert [c["choices"][0]["index"] for c in chunks[:4]] == [0, 1, 0, 1]


async def test_echo_streams_the_prompt_first(serve):
    client = await serve(scripted(" continued"))
    chunks = await events(client, prompt="Prompt text", echo=True)
    texts = [c["choices"][0]["text"] for c in chunks]
    assert texts == ["Prompt text", " continued", ""]


async def test_logprobs_ride_along_with_each_chunk(serve):
    client = await serve(scripted(TEXT, chunk_tokens=3))
    chunks = await events(client, prompt="Begin", logprobs=2, max_tokens=50)
    offset = len("Begin")
    for chunk in chunks[:-1]:
        [choice] = chunk["choices"]
        lp = choice["logprobs"]
        assert "".join(lp["tokens"]) == choice["text"]
        assert len(lp["tokens"]) <= 3
        assert lp["text_offset"][0] == offset
        assert all(len(top) == 2 for top in lp["top_logprobs"])
        offset += len(choice["text"])
    assert chunks[-1]["choices"][0]["logprobs"] == {
        "tokens": [],
        "token_logprobs": [],
        "top_logprobs": [],
        "text_offset": [],
    }


async def test_chunk_tokens_and_exact_chunks(serve):
    client = await serve(scripted(TEXT, chunk_tokens=4))
    texts = [c["choices"][0]["text"] for c in await events(client, prompt="x", max_tokens=50)]
    expected = pieces(TEXT)
    assert texts[:-1] == ["".join(expected[i : i + 4]) for i in range(0, len(expected), 4)]
    exact = await serve(
        [
            {
                "name": "e",
                "reply": {},
                "stream": {"chunks": [{"text": "Hel"}, {"text": "lo", "after_ms": 5}]},
            }
        ]
    )
    texts = [c["choices"][0]["text"] for c in await events(exact, prompt="x")]
    assert texts == ["Hel", "lo", ""]


async def test_a_stream_cut_by_the_scenario(serve):
    client = await serve(scripted(TEXT, disconnect_after_chunks=2))
    response = await client.post(
        "/v1/completions",
        headers=AUTH,
        data=json.dumps({"model": MODEL, "prompt": "x", "stream": True}),
    )
    raw = b""
    try:
        async for line in response.content:
            raw += line
    except Exception:  # the dropped connection
        pass
    assert raw.count(b"data: ") == 2 and b"[DONE]" not in raw


async def test_a_scripted_error_mid_stream(serve):
    """As recorded for this endpoint (vercel/ai's completion fixtures): `data: {"error": ...}`
    in place of the next chunk, then `[DONE]`; a bare error step streams default text first."""
    client = await serve(
        [
            {
                "name": "text",
                "match": {"user": "scripted"},
                "reply": {"content": TEXT, "error": 500, "stream": {"error_after_chunks": 3}},
            },
            {"name": "bare", "reply": {"error": 503, "stream": {"error_after_chunks": 2}}},
        ]
    )

    async def stream_of(prompt: str, chunks: int) -> str:
        response = await client.post(
            "/v1/completions",
            headers=AUTH,
            data=json.dumps({"model": MODEL, "prompt": prompt, "stream": True}),
        )
        payloads = parse_sse(await response.text())
        assert payloads[-1] == "[DONE]" and len(payloads) == chunks + 2
        for chunk in payloads[:chunks]:
            validate_completion_chunk(chunk)
        error = payloads[chunks]["error"]
        assert set(error) == {"message", "type", "param", "code"}
        assert error["type"] == "server_error"
        return "".join(c["choices"][0]["text"] for c in payloads[:chunks])

    assert await stream_of("scripted", 3) == "".join(pieces(TEXT)[:3])
    generated = await stream_of("other", 2)
    assert generated and not TEXT.startswith(generated)
    response = await client.post(
        "/v1/completions", headers=AUTH, data=json.dumps({"model": MODEL, "prompt": "scripted"})
    )
    assert response.status == 500  # not streamed: the plain HTTP error
