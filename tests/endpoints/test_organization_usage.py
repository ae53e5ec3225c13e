"""`GET /v1/organization/usage/*` and `/costs` over raw HTTP: the figures are what this server's
answers reported (summed here from the answers' own `usage`, not from the server's books), per
model, project, key and batch; 1m/1h/1d buckets and `next_page` cursors; the real 400s; and
each session's usage its own. Every body is validated against the spec (strict)."""

from __future__ import annotations

import asyncio
import json
import time
from collections import Counter

import pytest
from files_support import chat_line, jsonl, ok, upload
from helpers import AUTH, api_json, chat_body, post_chat, sse
from openapi import find_operation, spec
from usage_support import (
    ADMIN,
    PRICES,
    admin_get,
    post,
    results,
    session,
    since,
    summed,
    undated,
)

from mockai import ids
from mockai.endpoints.organization_usage.kinds import (
    COSTS_FILTERS,
    COSTS_GROUP_BY,
    FILTER_VALUES,
    KINDS,
)
from mockai.tokenizer import encoding_sync

FIGURES = ("input_tokens", "output_tokens", "input_cached_tokens", "num_model_requests")
LONG = "Tell me everything about the history of lighthouses. " + "The keeper climbed. " * 300


async def _send_completions_traffic(client, headers) -> dict[str, Counter]:
    """Chat (plain and streamed), legacy completions and Responses (one prompt-cache hit);
    returns per served model what the answers' `usage` said."""
    sent: dict[str, Counter] = {}

    def add(model: str, inp: int, out: int, cached: int = 0) -> None:
        sent.setdefault(model, Counter()).update(
            input_tokens=inp, output_tokens=out, input_cached_tokens=cached, num_model_requests=1
        )

    body = await post(
        client, "chat/completions", headers, chat_body("Hello there", model="gpt-4o-mini")
    )
    add(body["model"], body["usage"]["prompt_tokens"], body["usage"]["completion_tokens"])
    response = await post_chat(
        client,
        chat_body(
            "Stream it", model="gpt-4o-mini", stream=True, stream_options={"include_usage": True}
        ),
        headers,
    )
    last = [c for c in await sse(response) if c != "[DONE]"][-1]
    add(last["model"], last["usage"]["prompt_tokens"], last["usage"]["completion_tokens"])
    body = await post(
        client,
        "completions",
        headers,
        {"model": "gpt-3.5-turbo-instruct", "prompt": "Say hi", "max_tokens": 5},
    )
    add(body["model"], body["usage"]["prompt_tokens"], body["usage"]["completion_tokens"])
    for _ in range(2):  # the second repeats a long prefix under the same key: cached tokens
        body = await post(
            client,
            "responses",
            headers,
            {"model": "gpt-4o", "input": LONG, "prompt_cache_key": "k"},
        )
        usage = body["usage"]
        add(
            body["model"],
            usage["input_tokens"],
            usage["output_tokens"],
            usage["input_tokens_details"]["cached_tokens"],
        )
    assert usage["input_tokens_details"]["cached_tokens"] > 0  # the case is really tested
    return sent


async def test_completions_usage_is_what_the_answers_reported(serve):
    client = await serve()
    headers = session()
    sent = await _send_completions_traffic(client, headers)
    page = await admin_get(
        client, "usage/completions", headers, start_time=since(), group_by=["model"]
    )
    assert page["object"] == "page" and page["has_more"] is False
    assert summed(page, "model", *FIGURES) == {m: dict(c) for m, c in sent.items()}
    for result in results(page):
        assert result["object"] == "organization.usage.completions.result"
        assert (
            result["input_uncached_tokens"]
            == result["input_tokens"] - result["input_cached_tokens"]
        )
        assert result["input_text_tokens"] == result["input_uncached_tokens"]
        assert result["output_text_tokens"] == result["output_tokens"]
        assert result["input_cached_text_tokens"] == result["input_cached_tokens"]
        assert (result["project_id"], result["user_id"], result["api_key_id"]) == (None,) * 3
    # Ungrouped: one result per bucket, the totals, every group field null.
    total = await admin_get(client, "usage/completions", headers, start_time=since())
    (only,) = results(total)
    for figure in FIGURES:
        assert only[figure] == sum(c[figure] for c in sent.values())
    assert all(only[f] is None for f in ("model", "batch", "service_tier"))


async def test_embeddings_moderations_images_and_audio_count_what_they_answered(serve):
    client = await serve()
    headers = session()
    body = await post(
        client,
        "embeddings",
        headers,
        {"model": "text-embedding-3-small", "input": ["one fish", "two fish"]},
    )
    embedded = body["usage"]["prompt_tokens"]
    texts = ["I love this", "Something else entirely"]
    moderation = await post(client, "moderations", headers, {"input": texts})
    await post(
        client,
        "images/generations",
        headers,
        {"model": "dall-e-2", "prompt": "a cat", "n": 2, "size": "256x256"},
    )
    speech = await client.post(
        "/v1/audio/speech",
        data=json.dumps({"model": "tts-1", "input": "Hello world", "voice": "alloy"}),
        headers={**AUTH, **headers},
    )
    assert speech.status == 200
    await speech.read()

    start = since()
    page = await admin_get(
        client, "usage/embeddings", headers, start_time=start, group_by=["model"]
    )
    assert summed(page, "model", "input_tokens", "num_model_requests") == {
        body["model"]: {"input_tokens": embedded, "num_model_requests": 1}
    }
    o200k = encoding_sync("o200k_base")
    page = await admin_get(
        client, "usage/moderations", headers, start_time=start, group_by=["model"]
    )
    assert summed(page, "model", "input_tokens", "num_model_requests") == {
        moderation["model"]: {
            "input_tokens": sum(len(o200k.encode_ordinary(t)) for t in texts),
            "num_model_requests": 1,
        }
    }
    page = await admin_get(
        client, "usage/images", headers, start_time=start, group_by=["size", "source", "model"]
    )
    (image,) = results(page)
    assert (image["images"], image["num_model_requests"]) == (2, 1)
    assert (image["size"], image["source"], image["model"]) == (
        "256x256",
        "image.generation",
        "dall-e-2",
    )
    assert (
        results(
            await admin_get(client, "usage/images", headers, start_time=start, sizes=["1024x1024"])
        )
        == []
    )
    page = await admin_get(client, "usage/audio_speeches", headers, start_time=start)
    assert [(r["characters"], r["num_model_requests"]) for r in results(page)] == [(11, 1)]


async def test_transcribed_seconds_are_the_answers_duration(serve):
    import io
    import wave

    import aiohttp

    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as writer:
        writer.setnchannels(1)
        writer.setsampwidth(2)
        writer.setframerate(16000)
        writer.writeframes(b"\x00\x00" * int(8.4 * 16000))
    client = await serve()
    headers = session()
    form = aiohttp.FormData()
    form.add_field("model", "whisper-1")
    form.add_field("file", buffer.getvalue(), filename="clip.wav", content_type="audio/wav")
    response = await client.post("/v1/audio/transcriptions", data=form, headers={**AUTH, **headers})
    reported = (await response.json())["usage"]
    page = await admin_get(
        client, "usage/audio_transcriptions", headers, start_time=since(), group_by=["model"]
    )
    assert [(r["model"], r["seconds"]) for r in results(page)] == [
        ("whisper-1", reported["seconds"])
    ]


BUILTIN_SCENARIO = [
    {
        "name": f"use-{name}",
        "match": {"endpoint": "responses", "user": name},
        "reply": {"content": "Done.", "tool_calls": [{"name": name, "arguments": arguments}]},
    }
    for name, arguments in (
        ("web_search", {"query": "mockai"}),
        ("file_search", {"query": "report"}),
        ("code_interpreter", {"code": "print(1)"}),
    )
]


async def test_builtin_tool_calls_count_as_their_own_usage(serve):
    client = await serve(BUILTIN_SCENARIO)
    headers = session()
    store = (await post(client, "vector_stores", headers, {}))["id"]  # a store to search
    for name, tool in (
        ("web_search", {"type": "web_search", "search_context_size": "low"}),
        ("web_search", {"type": "web_search"}),
        ("file_search", {"type": "file_search", "vector_store_ids": [store]}),
        ("code_interpreter", {"type": "code_interpreter", "container": {"type": "auto"}}),
    ):
        await post(
            client, "responses", headers, {"model": "gpt-4o", "input": name, "tools": [tool]}
        )
    start = since()
    page = await admin_get(
        client, "usage/web_search_calls", headers, start_time=start, group_by=["context_level"]
    )
    assert summed(page, "context_level", "num_requests", "num_model_requests") == {
        "low": {"num_requests": 1, "num_model_requests": 1},
        "medium": {"num_requests": 1, "num_model_requests": 1},
    }
    page = await admin_get(
        client, "usage/file_search_calls", headers, start_time=start, group_by=["vector_store_id"]
    )
    assert summed(page, "vector_store_id", "num_requests") == {store: {"num_requests": 1}}
    page = await admin_get(client, "usage/code_interpreter_sessions", headers, start_time=start)
    assert [r["num_sessions"] for r in results(page)] == [1]
    # Vector store storage is not metered: the buckets are there, empty.
    page = await admin_get(client, "usage/vector_stores", headers, start_time=start)
    assert page["data"] and results(page) == []


async def test_costs_price_the_token_line_items(serve):
    client = await serve()
    headers = session()
    chat = await post(
        client, "chat/completions", headers, chat_body("Price me", model="gpt-4o-mini")
    )
    embedding = await post(
        client, "embeddings", headers, {"model": "text-embedding-3-small", "input": "price me too"}
    )
    await post(client, "moderations", headers, {"input": "free of charge"})
    expected = {
        f"{chat['model']}, input": chat["usage"]["prompt_tokens"],
        f"{chat['model']}, output": chat["usage"]["completion_tokens"],
        f"{embedding['model']}, input": embedding["usage"]["prompt_tokens"],
    }
    page = await admin_get(client, "costs", headers, start_time=since(), group_by=["line_item"])
    items = {r["line_item"]: r for r in results(page)}
    assert {k: r["quantity"] for k, r in items.items()} == expected
    for line_item, tokens in expected.items():
        model, _, direction = line_item.partition(", ")
        price = PRICES[undated(model)][0 if direction == "input" else 1]
        assert items[line_item]["amount"] == {
            "value": pytest.approx(tokens * price / 1e6),
            "currency": "usd",
        }
        assert items[line_item]["quantity_unit"] == "tokens"
    total = await admin_get(client, "costs", headers, start_time=since())
    (only,) = results(total)
    assert only["amount"]["value"] == pytest.approx(
        sum(r["amount"]["value"] for r in items.values())
    )
    assert (only["line_item"], only["quantity"], only["quantity_unit"]) == (None, None, None)


async def test_projects_keys_and_models_group_and_filter(serve):
    client = await serve()
    headers = session()
    for key, project in (("sk-one", "proj_a"), ("sk-two", "proj_b"), ("sk-two", None)):
        extra = {
            "Authorization": f"Bearer {key}",
            **({"OpenAI-Project": project} if project else {}),
        }
        response = await post_chat(
            client, chat_body("hi", model="gpt-4o-mini"), {**headers, **extra}
        )
        assert response.status == 200
    start = since()
    page = await admin_get(
        client,
        "usage/completions",
        headers,
        start_time=start,
        group_by=["project_id", "api_key_id"],
    )
    groups = Counter(
        (r["project_id"], r["api_key_id"])
        for r in results(page)
        for _ in range(r["num_model_requests"])
    )
    one, two = ids.api_key_id("sk-one"), ids.api_key_id("sk-two")
    assert groups == Counter({("proj_a", one): 1, ("proj_b", two): 1, (None, two): 1})
    assert "sk-one" not in json.dumps(page)  # the key is named by its id, never itself

    async def requests(**query) -> int:
        got = await admin_get(client, "usage/completions", headers, start_time=start, **query)
        return sum(r["num_model_requests"] for r in results(got))

    assert await requests(project_ids=["proj_a", "proj_b"]) == 2
    assert await requests(api_key_ids=[two]) == 2
    assert await requests(models=["gpt-4o-mini"]) == 3  # the undated name covers its snapshot
    assert await requests(models=["gpt-4o-mini-2024-07-18"]) == 3
    assert await requests(models=["gpt-4o"]) == 0
    assert await requests(user_ids=["user-abc"]) == 0  # mockai knows no users
    assert await requests(batch=False) == 3 and await requests(batch=True) == 0
    # Comma-separated arrays are read too.
    response = await client.get(
        "/v1/organization/usage/completions",
        params={"start_time": str(start), "group_by": "project_id,api_key_id"},
        headers={**ADMIN, **headers},
    )
    assert len(results(await api_json(response))) == 3
    costs = await admin_get(
        client, "costs", headers, start_time=start, group_by=["project_id"], project_ids=["proj_b"]
    )
    assert [r["project_id"] for r in results(costs)] == ["proj_b"]


async def _completed(client, batch_id: str, headers) -> None:
    deadline = time.monotonic() + 30
    while (await (await client.get(f"/v1/batches/{batch_id}", headers=headers)).json())[
        "status"
    ] != "completed":
        assert time.monotonic() < deadline
        await asyncio.sleep(0.01)


async def test_batch_lines_are_batch_usage(serve):
    client = await serve()
    headers = {**AUTH, **session()}
    file = await ok(
        await upload(client, jsonl([chat_line("a"), chat_line("b")]), headers=headers), "OpenAIFile"
    )
    create = await client.post(
        "/v1/batches",
        json={
            "input_file_id": file["id"],
            "endpoint": "/v1/chat/completions",
            "completion_window": "24h",
        },
        headers=headers,
    )
    batch = await ok(create, "Batch")
    await _completed(client, batch["id"], headers)
    await post_chat(client, chat_body("direct", model="gpt-4o-mini"), headers)
    session_only = {"X-Mockai-Session": headers["X-Mockai-Session"]}
    page = await admin_get(
        client, "usage/completions", session_only, start_time=since(), group_by=["batch"]
    )
    assert summed(page, "batch", "num_model_requests") == {
        True: {"num_model_requests": 2},
        False: {"num_model_requests": 1},
    }


async def test_buckets_are_aligned_and_paged_with_next_page(serve):
    client = await serve()
    headers = session()
    sent_at = time.time()
    await post_chat(client, chat_body("hi", model="gpt-4o-mini"), headers)
    start = int(sent_at) - 299
    everything = await admin_get(
        client, "usage/completions", headers, start_time=start, bucket_width="1m"
    )
    buckets = everything["data"]
    first = start - start % 60
    assert buckets[0]["start_time"] == first
    assert [b["end_time"] - b["start_time"] for b in buckets] == [60] * len(buckets)
    assert all(a["end_time"] == b["start_time"] for a, b in zip(buckets, buckets[1:], strict=False))
    assert buckets[-1]["start_time"] <= time.time() < buckets[-1]["end_time"] + 5  # up to now
    (full,) = [b for b in buckets if b["results"]]
    assert full["start_time"] <= sent_at < full["end_time"]

    walked, cursor = [], None
    while True:
        query = {
            "start_time": start,
            "bucket_width": "1m",
            "limit": 2,
            **({"page": cursor} if cursor else {}),
        }
        page = await admin_get(client, "usage/completions", headers, **query)
        assert len(page["data"]) <= 2
        walked += page["data"]
        cursor = page["next_page"]
        assert page["has_more"] is (cursor is not None)
        if cursor is None:
            break
        assert cursor.startswith("page_")
    assert [b["start_time"] for b in walked] == [b["start_time"] for b in buckets]

    # An hour's buckets start on the hour, a day's at midnight UTC; explicit end_time bounds them.
    hours = await admin_get(
        client, "usage/completions", headers, start_time=start, bucket_width="1h"
    )
    assert hours["data"][0]["start_time"] % 3600 == 0
    days = await admin_get(
        client, "usage/completions", headers, start_time=86_400 * 3 + 5, end_time=86_400 * 13
    )
    assert [b["start_time"] for b in days["data"]] == [
        86_400 * d for d in range(3, 10)
    ]  # 7 by default
    assert days["has_more"] is True and days["next_page"]
    rest = await admin_get(
        client,
        "usage/completions",
        headers,
        start_time=86_400 * 3 + 5,
        end_time=86_400 * 13,
        page=days["next_page"],
    )
    assert [b["start_time"] for b in rest["data"]] == [86_400 * d for d in range(10, 13)]
    assert rest["has_more"] is False and rest["next_page"] is None


@pytest.mark.parametrize(
    ("path", "query", "param", "code", "message"),
    [
        (
            "usage/completions",
            {},
            "start_time",
            "missing_required_parameter",
            "Missing required parameter: 'start_time'.",
        ),
        (
            "costs",
            {"start_time": "soon"},
            "start_time",
            "invalid_type",
            "Invalid 'start_time': expected an integer, but got 'soon'.",
        ),
        ("usage/embeddings", {"start_time": 10, "end_time": 10}, "end_time", "invalid_value", None),
        (
            "usage/images",
            {"start_time": 10, "bucket_width": "1w"},
            "bucket_width",
            "invalid_value",
            "Invalid value: '1w'. Supported values are: '1m', '1h', and '1d'.",
        ),
        (
            "costs",
            {"start_time": 10, "bucket_width": "1h"},
            "bucket_width",
            "invalid_value",
            "Invalid value: '1h'. Supported values are: '1d'.",
        ),
        (
            "usage/completions",
            {"start_time": 10, "limit": 32},
            "limit",
            "invalid_value",
            "Invalid 'limit': integer out of range. Expected a value between 1 and 31, but got 32 instead.",
        ),
        (
            "usage/completions",
            {"start_time": 10, "bucket_width": "1m", "limit": 1441},
            "limit",
            "invalid_value",
            None,
        ),
        ("costs", {"start_time": 10, "limit": 181}, "limit", "invalid_value", None),
        (
            "usage/embeddings",
            {"start_time": 10, "group_by": ["batch"]},
            "group_by",
            "invalid_value",
            "Invalid value: 'batch'. Supported values are: 'project_id', 'user_id', 'api_key_id', and 'model'.",
        ),
        ("costs", {"start_time": 10, "group_by": ["model"]}, "group_by", "invalid_value", None),
        (
            "usage/images",
            {"start_time": 10, "sources": ["image.upscale"]},
            "sources",
            "invalid_value",
            None,
        ),
        (
            "usage/web_search_calls",
            {"start_time": 10, "context_levels": ["max"]},
            "context_levels",
            "invalid_value",
            None,
        ),
        (
            "usage/completions",
            {"start_time": 10, "batch": "sometimes"},
            "batch",
            "invalid_type",
            None,
        ),
        (
            "usage/completions",
            {"start_time": 10, "page": "page_nonsense"},
            "page",
            "invalid_value",
            None,
        ),
    ],
)
async def test_bad_parameters_are_the_real_400s(serve, path, query, param, code, message):
    client = await serve()
    error = (await admin_get(client, path, None, status=400, **query))["error"]
    assert (error["type"], error["param"], error["code"]) == ("invalid_request_error", param, code)
    if message is not None:
        assert error["message"] == message


async def test_a_cursor_from_another_width_is_refused(serve):
    client = await serve()
    page = await admin_get(
        client, "usage/completions", None, start_time=since(600), bucket_width="1m", limit=1
    )
    error = (
        await admin_get(
            client,
            "usage/completions",
            None,
            status=400,
            start_time=since(600),
            page=page["next_page"],
        )
    )["error"]
    assert error["param"] == "page"


async def test_each_session_has_its_own_usage_and_reset_forgets_it(serve):
    client = await serve()
    a, b = session(), session()
    await post_chat(client, chat_body("from a", model="gpt-4o-mini"), a)
    await post_chat(client, chat_body("from b", model="gpt-4o-mini"), b)
    await post_chat(client, chat_body("from b again", model="gpt-4o-mini"), b)

    async def requests(headers) -> int:
        page = await admin_get(client, "usage/completions", headers, start_time=since())
        return sum(r["num_model_requests"] for r in results(page))

    assert (await requests(a), await requests(b)) == (1, 2)
    await client.post("/_mockai/reset", headers=a)
    assert (await requests(a), await requests(b)) == (0, 2)
    costs = await admin_get(client, "costs", a, start_time=since())
    assert results(costs) == []


async def test_refused_and_failed_requests_are_not_usage(serve):
    client = await serve([{"name": "down", "match": {"user": "fail"}, "reply": {"error": 503}}])
    headers = session()
    assert (await post_chat(client, chat_body("fail"), headers)).status == 503
    assert (await post_chat(client, chat_body("x", temperature=5), headers)).status == 400
    page = await admin_get(client, "usage/completions", headers, start_time=since())
    assert results(page) == []


def test_the_operations_table_is_the_descriptions():
    """kinds.py lists each usage operation's filters, group_by values and figures as the spec
    does (the time, paging and group_by parameters aside)."""
    paging = {"start_time", "end_time", "bucket_width", "limit", "page", "group_by", "batch"}
    schemas = spec()["components"]["schemas"]
    for name, kind in KINDS.items():
        _, operation = find_operation("GET", f"/v1/organization/usage/{name}")
        parameters = {p["name"]: p for p in operation["parameters"]}
        assert set(parameters) - paging == set(kind.filters), name
        assert ("batch" in parameters) is kind.batch, name
        assert tuple(parameters["group_by"]["schema"]["items"]["enum"]) == kind.group_by, name
        (schema,) = [
            s
            for s in schemas.values()
            if s.get("properties", {}).get("object", {}).get("enum") == [kind.object]
        ]
        assert set(schema["properties"]) == {"object", *kind.figures, *kind.group_by}, name
        for name_ in ("sources", "context_levels"):
            if name_ in parameters:
                enum = parameters[name_]["schema"]["items"]["enum"]
                assert tuple(enum) == FILTER_VALUES[name_]
    _, costs = find_operation("GET", "/v1/organization/costs")
    parameters = {p["name"]: p for p in costs["parameters"]}
    assert set(parameters) - paging == set(COSTS_FILTERS)
    assert tuple(parameters["group_by"]["schema"]["items"]["enum"]) == COSTS_GROUP_BY


def test_the_routes_serve_every_usage_operation():
    from mockai.endpoints import organization_usage

    served = {r.path.rpartition("/")[2] for r in organization_usage.ROUTES if "/usage/" in r.path}
    described = {
        p.rpartition("/")[2] for p in spec()["paths"] if p.startswith("/organization/usage/")
    }
    assert served == described == set(KINDS)
