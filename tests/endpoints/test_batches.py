"""`/v1/batches` over raw HTTP: the run through mockai's own handlers, output and error files,
validation failures, cancel, list, and the lifecycle's end on reset."""

from __future__ import annotations

import asyncio
import json
import re
import time
from typing import Any

from files_support import chat_line, check, error_of, jsonl, ok, session_headers, upload

BATCH_ID = re.compile(r"^batch_[0-9a-f]{32}$")
LINE_ID = re.compile(r"^batch_req_[0-9a-f]{32}$")


async def start(
    client,
    lines: list[Any],
    headers: dict[str, str],
    *,
    endpoint: str = "/v1/chat/completions",
    **extra: Any,
) -> dict[str, Any]:
    file = await ok(await upload(client, jsonl(lines), headers=headers), "OpenAIFile")
    response = await client.post(
        "/v1/batches",
        json={
            "input_file_id": file["id"],
            "endpoint": endpoint,
            "completion_window": "24h",
            **extra,
        },
        headers=headers,
    )
    return await ok(response, "Batch")


async def wait(
    client, batch_id: str, headers: dict[str, str], until: set[str], timeout: float = 30.0
) -> tuple[dict[str, Any], list[str]]:
    """Poll until a status in `until`; returns the batch and every status seen on the way."""
    seen: list[str] = []
    deadline = time.monotonic() + timeout
    while True:
        batch = await ok(await client.get(f"/v1/batches/{batch_id}", headers=headers), "Batch")
        if not seen or seen[-1] != batch["status"]:
            seen.append(batch["status"])
        if batch["status"] in until:
            return batch, seen
        assert time.monotonic() < deadline, f"still {batch['status']}"
        await asyncio.sleep(0.005)


async def lines_of(client, file_id: str, headers: dict[str, str]) -> list[dict[str, Any]]:
    response = await client.get(f"/v1/files/{file_id}/content", headers=headers)
    assert response.status == 200
    return [json.loads(line) for line in (await response.read()).splitlines()]


SCENARIOS = [
    {
        "name": "weather",
        "match": {"endpoint": "chat.completions", "user": "weather"},
        "reply": {"content": "Sunny, 20°C."},
    },
    {
        "name": "fail-second",
        "match": {"endpoint": "chat.completions", "user": "flaky"},
        "replies": [{"content": "fine"}, {"error": 500}],
    },
]


async def test_a_chat_batch_runs_through_scenarios_and_writes_both_files(serve):
    client = await serve(SCENARIOS)
    headers = {**session_headers(), "X-Mockai-Batch-Line-Ms": "20"}
    batch = await start(
        client,
        [
            chat_line("w", "What's the weather?"),
            chat_line("f1", "flaky one"),
            chat_line("f2", "flaky two"),
            chat_line("big", "hi", max_tokens=10**7),
        ],
        headers,
        metadata={"job": "nightly"},
    )
    assert BATCH_ID.match(batch["id"])
    assert (
        batch["status"],
        batch["endpoint"],
        batch["completion_window"],
        batch["metadata"],
        batch["request_counts"],
    ) == (
        "validating",
        "/v1/chat/completions",
        "24h",
        {"job": "nightly"},
        {"total": 0, "completed": 0, "failed": 0},
    )
    assert batch["expires_at"] == batch["created_at"] + 24 * 3600

    done, seen = await wait(client, batch["id"], headers, {"completed"})
    order = ["validating", "in_progress", "finalizing", "completed"]
    assert seen == sorted(seen, key=order.index) and seen[-1] == "completed"  # never backwards
    assert done["request_counts"] == {"total": 4, "completed": 2, "failed": 2}
    assert done["model"] == "gpt-4o-mini-2024-07-18"
    assert (
        done["created_at"]
        <= done["in_progress_at"]
        <= done["finalizing_at"]
        <= done["completed_at"]
    )
    assert done["errors"] is None and done["failed_at"] is None
    assert done["usage"]["input_tokens"] > 0 and done["usage"]["output_tokens"] > 0
    assert (
        done["usage"]["total_tokens"]
        == done["usage"]["input_tokens"] + done["usage"]["output_tokens"]
    )

    output = await ok(
        await client.get(f"/v1/files/{done['output_file_id']}", headers=headers), "OpenAIFile"
    )
    assert (output["purpose"], output["filename"]) == (
        "batch_output",
        f"{batch['id']}_output.jsonl",
    )
    answers = {line["custom_id"]: line for line in await lines_of(client, output["id"], headers)}
    assert set(answers) == {"w", "f1"}
    for line in answers.values():
        assert LINE_ID.match(line["id"]) and line["error"] is None
        assert line["response"]["status_code"] == 200
        assert line["response"]["request_id"].startswith("req_")
        check("CreateChatCompletionResponse", line["response"]["body"])
    assert answers["w"]["response"]["body"]["choices"][0]["message"]["content"] == "Sunny, 20°C."
    assert answers["f1"]["response"]["body"]["choices"][0]["message"]["content"] == "fine"

    failures = {
        line["custom_id"]: line for line in await lines_of(client, done["error_file_id"], headers)
    }
    assert set(failures) == {"f2", "big"}
    assert failures["f2"]["response"]["status_code"] == 500 and failures["f2"]["error"] is None
    assert failures["big"]["response"]["status_code"] == 400
    assert failures["big"]["response"]["body"]["error"]["param"] == "max_tokens"
    for line in failures.values():
        check("ErrorResponse", line["response"]["body"])

    journal = await (
        await client.get(f"/_mockai/requests?session={headers['X-Mockai-Session']}")
    ).json()
    runs = [e for e in journal["data"] if e["headers"].get("x-mockai-batch") == batch["id"]]
    assert [e["body"]["messages"][0]["content"] for e in runs] == [
        "What's the weather?",
        "flaky one",
        "flaky two",
        "hi",
    ]  # in file order
    assert [e["scenario"] for e in runs] == ["weather", "fail-second", "fail-second", None]


async def test_all_successful_batch_has_no_error_file(serve):
    client = await serve()
    headers = session_headers()
    batch = await start(client, [chat_line("a"), chat_line("b")], headers)
    done, _ = await wait(client, batch["id"], headers, {"completed"})
    assert done["error_file_id"] is None and done["output_file_id"] is not None
    assert done["request_counts"] == {"total": 2, "completed": 2, "failed": 0}


async def test_a_completions_batch_runs_through_the_legacy_endpoint(serve):
    client = await serve()
    headers = session_headers()
    line = {
        "custom_id": "c",
        "method": "POST",
        "url": "/v1/completions",
        "body": {"model": "gpt-3.5-turbo-instruct", "prompt": "Say hi", "max_tokens": 3},
    }
    batch = await start(client, [line], headers, endpoint="/v1/completions")
    done, _ = await wait(client, batch["id"], headers, {"completed"})
    answered = await lines_of(client, done["output_file_id"], headers)
    check("CreateCompletionResponse", answered[0]["response"]["body"])


async def test_an_embeddings_batch_answers_as_the_embeddings_route_does(serve):
    """Whatever `/v1/embeddings` answers directly (a 200, or a 404 while mockai serves no such
    route) is what the batch line gets, in the file its status belongs to."""
    client = await serve()
    headers = session_headers()
    body = {"model": "text-embedding-3-small", "input": "hello"}
    direct = await client.post("/v1/embeddings", json=body, headers=headers)
    line = {"custom_id": "e", "method": "POST", "url": "/v1/embeddings", "body": body}
    batch = await start(client, [line], headers, endpoint="/v1/embeddings")
    done, _ = await wait(client, batch["id"], headers, {"completed"})
    file_id = done["output_file_id"] if direct.status == 200 else done["error_file_id"]
    (answered,) = await lines_of(client, file_id, headers)
    assert answered["response"]["status_code"] == direct.status
    assert answered["response"]["body"].keys() == (await direct.json()).keys()


async def failed_batch(client, lines: list[Any], **extra: Any) -> list[dict[str, Any]]:
    headers = session_headers()
    batch = await start(client, lines, headers, **extra)
    done, _ = await wait(client, batch["id"], headers, {"failed", "completed"})
    assert done["status"] == "failed"
    assert done["failed_at"] is not None and done["request_counts"]["total"] == 0
    assert done["output_file_id"] is None and done["error_file_id"] is None
    assert done["errors"]["object"] == "list"
    for error in done["errors"]["data"]:
        check("BatchError", error)
    return done["errors"]["data"]


async def test_invalid_lines_fail_the_batch_with_every_problem(serve):
    client = await serve()
    no_custom_id = chat_line("x")
    del no_custom_id["custom_id"]
    errors = await failed_batch(
        client,
        [
            chat_line("ok"),
            "{broken",
            no_custom_id,
            {**chat_line("u"), "url": "/v1/embeddings"},
            chat_line("s", stream=True),
            {**chat_line("m"), "body": {"model": "gpt-9", "messages": []}},
            {**chat_line("n"), "body": {"messages": []}},
            {**chat_line("q"), "body": {"model": "gpt-4o"}},
            chat_line("ok"),
            {**chat_line("g"), "method": "GET"},
        ],
    )
    assert errors == [
        {
            "code": "invalid_json_line",
            "message": "This line is not parseable as valid JSON.",
            "param": None,
            "line": 2,
        },
        {
            "code": "missing_required_parameter",
            "message": "Missing required parameter: 'custom_id'.",
            "param": "custom_id",
            "line": 3,
        },
        {
            "code": "invalid_url",
            "message": "The URL provided for this request does not match the batch endpoint.",
            "param": "url",
            "line": 4,
        },
        {
            "code": "streaming_unsupported",
            "message": "Chat Completions: Streaming is not supported in the Batch API.",
            "param": "body.stream",
            "line": 5,
        },
        {
            "code": "model_not_found",
            "message": "The provided model 'gpt-9' is not supported by the Batch API.",
            "param": "body.model",
            "line": 6,
        },
        {
            "code": "invalid_request",
            "message": "Model parameter is required.",
            "param": "body.model",
            "line": 7,
        },
        {
            "code": "invalid_request",
            "message": "Messages parameter is required.",
            "param": "body.messages",
            "line": 8,
        },
        {
            "code": "duplicate_custom_id",
            "message": "The custom_id for this request is a duplicate of another request. The "
            "custom_id parameter must be unique for each request in a batch.",
            "param": "custom_id",
            "line": 9,
        },
        {
            "code": "invalid_value",
            "message": "Invalid value: 'GET'. Supported values are: 'POST'.",
            "param": "method",
            "line": 10,
        },
    ]


async def test_unknown_input_file_fails_the_batch(serve):
    client = await serve()
    headers = session_headers()
    response = await client.post(
        "/v1/batches",
        json={
            "input_file_id": "file-nope",
            "endpoint": "/v1/chat/completions",
            "completion_window": "24h",
        },
        headers=headers,
    )
    batch = await ok(response, "Batch")
    done, _ = await wait(client, batch["id"], headers, {"failed"})
    (error,) = done["errors"]["data"]
    assert (error["code"], error["param"], error["line"]) == ("invalid_request", "file_id", None)
    assert error["message"].startswith("Cannot find file file-nope")


async def test_create_errors(serve):
    client = await serve()
    headers = session_headers()
    file = await ok(await upload(client, jsonl([chat_line("a")]), headers=headers), "OpenAIFile")
    base = {
        "input_file_id": file["id"],
        "endpoint": "/v1/chat/completions",
        "completion_window": "24h",
    }

    async def refused(**change: Any) -> dict[str, Any]:
        body = {k: v for k, v in {**base, **change}.items() if v is not None}
        return await error_of(await client.post("/v1/batches", json=body, headers=headers), 400)

    assert await refused(endpoint="/v1/invalid/endpoint") == {
        "message": "Invalid value: '/v1/invalid/endpoint'. Supported values are: "
        "'/v1/responses', '/v1/chat/completions', '/v1/embeddings', '/v1/completions', "
        "'/v1/moderations', '/v1/images/generations', '/v1/images/edits', and "
        "'/v1/videos'.",
        "type": "invalid_request_error",
        "param": "endpoint",
        "code": "invalid_value",
    }
    assert (await refused(completion_window="48h"))["param"] == "completion_window"
    assert await refused(metadata={"tags": ["a", "b"]}) == {
        "message": "Invalid type for 'metadata.tags': expected a string, but got an array instead.",
        "type": "invalid_request_error",
        "param": "metadata.tags",
        "code": "invalid_type",
    }
    assert (await refused(metadata={str(n): "v" for n in range(17)}))[
        "code"
    ] == "object_above_max_properties"
    missing = await refused(input_file_id=None)
    assert (missing["param"], missing["code"]) == ("input_file_id", "missing_required_parameter")


async def test_cancel_keeps_what_ran_and_reports_the_rest(serve):
    client = await serve()
    headers = {**session_headers(), "X-Mockai-Batch-Line-Ms": "300"}
    batch = await start(client, [chat_line(f"r{n}") for n in range(6)], headers)
    await wait(client, batch["id"], headers, {"in_progress"})
    while (await ok(await client.get(f"/v1/batches/{batch['id']}", headers=headers), "Batch"))[
        "request_counts"
    ]["completed"] < 1:
        await asyncio.sleep(0.01)
    cancelling = await ok(
        await client.post(f"/v1/batches/{batch['id']}/cancel", headers=headers), "Batch"
    )
    assert cancelling["status"] == "cancelling" and cancelling["cancelling_at"] is not None
    done, _ = await wait(client, batch["id"], headers, {"cancelled"})
    assert done["cancelled_at"] >= done["cancelling_at"]
    counts = done["request_counts"]
    assert counts["total"] == 6 and 1 <= counts["completed"] < 6
    assert counts["completed"] + counts["failed"] == 6
    ran = await lines_of(client, done["output_file_id"], headers)
    skipped = await lines_of(client, done["error_file_id"], headers)
    assert len(ran) == counts["completed"]
    assert {line["custom_id"] for line in ran + skipped} == {f"r{n}" for n in range(6)}
    assert all(
        line["response"] is None and line["error"]["code"] == "batch_cancelled" for line in skipped
    )

    again = await ok(
        await client.post(f"/v1/batches/{batch['id']}/cancel", headers=headers), "Batch"
    )
    assert again["status"] == "cancelled"


async def test_cancel_a_finished_batch_is_a_conflict(serve):
    client = await serve()
    headers = session_headers()
    batch = await start(client, [chat_line("a")], headers)
    await wait(client, batch["id"], headers, {"completed"})
    error = await error_of(
        await client.post(f"/v1/batches/{batch['id']}/cancel", headers=headers), 409
    )
    assert error == {
        "message": "Cannot cancel a batch with status 'completed'.",
        "type": "invalid_request_error",
        "param": None,
        "code": None,
    }


async def test_unknown_batch_is_404(serve):
    client = await serve()
    for method, path in (
        ("GET", "/v1/batches/batch_nope"),
        ("POST", "/v1/batches/batch_nope/cancel"),
    ):
        error = await error_of(await client.request(method, path, headers=session_headers()), 404)
        assert "batch_nope" in error["message"]


async def test_list_pages_newest_first(serve):
    client = await serve()
    headers = session_headers()
    ids = [(await start(client, [chat_line("a")], headers))["id"] for _ in range(3)]
    listed = await ok(await client.get("/v1/batches", headers=headers), "ListBatchesResponse")
    assert [b["id"] for b in listed["data"]] == ids[::-1] and listed["has_more"] is False
    page = await ok(await client.get("/v1/batches?limit=2", headers=headers), "ListBatchesResponse")
    assert [b["id"] for b in page["data"]] == [ids[2], ids[1]] and page["has_more"] is True
    rest = await ok(
        await client.get(f"/v1/batches?after={page['last_id']}", headers=headers),
        "ListBatchesResponse",
    )
    assert [b["id"] for b in rest["data"]] == [ids[0]] and rest["has_more"] is False
    error = await error_of(await client.get("/v1/batches?limit=101", headers=headers), 400)
    assert error["param"] == "limit"
    for batch_id in ids:
        await wait(client, batch_id, headers, {"completed"})


async def test_reset_ends_a_running_batch(serve):
    client = await serve()
    headers = {**session_headers(), "X-Mockai-Batch-Line-Ms": "100"}
    batch = await start(client, [chat_line(f"r{n}") for n in range(50)], headers)
    await wait(client, batch["id"], headers, {"in_progress"})
    journal_url = f"/_mockai/requests?session={headers['X-Mockai-Session']}"
    await client.post(f"/_mockai/reset?session={headers['X-Mockai-Session']}")
    await asyncio.sleep(0.4)
    before = len((await (await client.get(journal_url)).json())["data"])
    await asyncio.sleep(0.4)
    after = len((await (await client.get(journal_url)).json())["data"])
    assert before == after <= 2  # at most the request in flight when the reset came
    error = await error_of(await client.get(f"/v1/batches/{batch['id']}", headers=headers), 404)
    assert error["code"] is None


async def test_every_endpoint_the_description_lists_takes_a_batch(serve):
    """Moderations, image generations and (JSON) image edits run like the others (their
    `model` is optional, as in a direct call); so do videos, whose lines start video
    jobs as a direct call does."""
    client = await serve()
    headers = session_headers()
    lines = {
        "/v1/moderations": ({"input": "I love kittens"}, "CreateModerationResponse"),
        "/v1/images/generations": (
            {"prompt": "a cat", "size": "256x256", "response_format": "b64_json"},
            "ImagesResponse",
        ),
        "/v1/images/edits": (
            {
                "prompt": "a hat",
                "quality": "low",
                "images": [{"image_url": "https://example.com/cat.png"}],
            },
            "ImagesResponse",
        ),
    }
    for endpoint, (body, schema) in lines.items():
        line = {"custom_id": "a", "method": "POST", "url": endpoint, "body": body}
        batch = await start(client, [line], headers, endpoint=endpoint)
        done, _ = await wait(client, batch["id"], headers, {"completed", "failed"})
        assert done["request_counts"] == {"total": 1, "completed": 1, "failed": 0}, done
        [answer] = await lines_of(client, done["output_file_id"], headers)
        check(schema, answer["response"]["body"])
    video = {"custom_id": "v", "method": "POST", "url": "/v1/videos", "body": {"prompt": "a cat"}}
    batch = await start(client, [video], headers, endpoint="/v1/videos")
    done, _ = await wait(client, batch["id"], headers, {"completed", "failed"})
    assert done["request_counts"] == {"total": 1, "completed": 1, "failed": 0}, done
    [answer] = await lines_of(client, done["output_file_id"], headers)
    assert answer["response"]["status_code"] == 200
    assert answer["response"]["body"]["object"] == "video"
