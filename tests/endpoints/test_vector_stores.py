"""`/v1/vector_stores` over raw HTTP: stores, their files and batches as they are processed,
the errors of each route, and search. Every body is validated against the description
(`api_json`); file search in Responses is in `test_vector_stores_responses.py`."""

from __future__ import annotations

import asyncio
import re
import time

import pytest
from media import docx, pdf, png
from vector_stores_support import (
    DOCUMENTS,
    call,
    error,
    ready_store,
    search,
    send,
    upload,
    upload_all,
)

from mockai.tokenizer import encoding_sync
from mockai.toolkit.state import STATE
from mockai.toolkit.vectorstores import DAY_S, FILE_JOB_S, POLL_AFTER_MS, STORES

STORE_ID = re.compile(r"^vs_[0-9a-f]{32}$")
BATCH_ID = re.compile(r"^vsfb_[0-9a-f]{32}$")
SLOW = {
    "X-Mockai-Processing-Ms": "1000"
}  # long enough to read it in progress, even on a busy machine


def text_bytes(name: str) -> int:
    return len(DOCUMENTS[name].strip())


# -- stores and their files ---------------------------------------------------------------


async def test_a_store_of_files_is_in_progress_when_made_and_completed_on_the_next_read(serve):
    client = await serve()
    files = await upload_all(client)
    response = await send(
        client,
        "POST",
        "/vector_stores",
        {
            "name": "handbook",
            "file_ids": list(files.values()),
            "metadata": {"team": "docs"},
            "expires_after": {"anchor": "last_active_at", "days": 7},
        },
    )
    made = await call(client, "GET", "/vector_stores", params={"limit": "1"})
    assert response.status == 200
    created = await response.json()
    assert STORE_ID.match(created["id"]) and made["data"][0]["id"] == created["id"]
    assert created["status"] == "in_progress"
    assert created["file_counts"] == {
        "in_progress": 3,
        "completed": 0,
        "failed": 0,
        "cancelled": 0,
        "total": 3,
    }
    assert created["usage_bytes"] == 0
    assert int(response.headers["openai-poll-after-ms"]) <= 100
    assert (created["name"], created["metadata"]) == ("handbook", {"team": "docs"})
    assert created["expires_after"] == {"anchor": "last_active_at", "days": 7}
    assert created["expires_at"] == created["last_active_at"] + 7 * DAY_S

    response = await send(client, "GET", f"/vector_stores/{created['id']}")
    done = await response.json()
    assert "openai-poll-after-ms" not in response.headers
    assert done["status"] == "completed"
    assert done["file_counts"]["completed"] == done["file_counts"]["total"] == 3
    html_text = len(b"Volcanoes\n\nA volcano erupts when magma rises through the crust. ") + len(
        b"Mount Etna in Sicily is one of the most active volcanoes."
    )
    assert done["usage_bytes"] == (text_bytes("rivers.txt") + text_bytes("baking.md") + html_text)

    listed = await call(client, "GET", f"/vector_stores/{created['id']}/files")
    assert {f["id"] for f in listed["data"]} == set(files.values())
    for attached in listed["data"]:
        assert attached["object"] == "vector_store.file"
        assert (attached["status"], attached["last_error"]) == ("completed", None)
        assert attached["vector_store_id"] == created["id"]
        assert attached["chunking_strategy"] == {
            "type": "static",
            "static": {"max_chunk_size_tokens": 800, "chunk_overlap_tokens": 400},
        }
        assert attached["attributes"] == {}
    assert sum(f["usage_bytes"] for f in listed["data"]) == done["usage_bytes"]


async def test_the_processing_header_keeps_files_in_progress_for_that_long(serve):
    client = await serve()
    store = await call(client, "POST", "/vector_stores", {"name": "slow"})
    assert store["status"] == "completed" and store["file_counts"]["total"] == 0
    file_id = await upload(client, "rivers.txt", DOCUMENTS["rivers.txt"])
    path = f"/vector_stores/{store['id']}"
    await call(client, "POST", f"{path}/files", {"file_id": file_id}, headers=SLOW)
    response = await send(client, "GET", f"{path}/files/{file_id}")
    assert (await response.json())["status"] == "in_progress"
    assert 1 <= int(response.headers["openai-poll-after-ms"]) <= 100
    assert (await call(client, "GET", path))["status"] == "in_progress"
    await asyncio.sleep(1.05)
    assert (await call(client, "GET", f"{path}/files/{file_id}"))["status"] == "completed"
    assert (await call(client, "GET", path))["status"] == "completed"


async def test_on_a_paused_job_clock_files_wait_until_advanced(serve):
    """With a pace asked for, the files one call attaches are one job: paused, they stay in
    progress however often they are read; each advance of FILE_JOB_S finishes one more."""
    client = await serve()
    files = await upload_all(client)
    paused = {"X-Mockai-Job-Clock": "paused"}
    response = await send(
        client, "POST", "/vector_stores", {"file_ids": list(files.values())}, headers=paused
    )
    store = await response.json()
    assert int(response.headers["openai-poll-after-ms"]) == POLL_AFTER_MS[1]
    path = f"/vector_stores/{store['id']}"
    for _ in range(3):
        assert (await call(client, "GET", path))["file_counts"]["in_progress"] == 3
    assert (await search(client, store["id"], query="volcano"))["data"] == []

    jobs = await (await client.get("/_mockai/jobs")).json()
    assert [(j["id"], j["pace"]) for j in jobs["data"]] == [(store["id"], "paused")]
    advanced = await client.post("/_mockai/jobs/advance", json={"seconds": FILE_JOB_S})
    assert (await advanced.json())["advanced"] == [store["id"]]
    counts = (await call(client, "GET", path))["file_counts"]
    assert (counts["completed"], counts["in_progress"]) == (1, 2)
    await client.post("/_mockai/jobs/advance", json={})
    done = await call(client, "GET", path)
    assert (done["status"], done["file_counts"]["completed"]) == ("completed", 3)
    assert (await search(client, store["id"], query="volcano"))["data"]


async def test_the_server_job_clock_setting_paces_files_too(serve):
    client = await serve(job_clock="paused")
    file_id = await upload(client, "rivers.txt", DOCUMENTS["rivers.txt"])
    store = await call(client, "POST", "/vector_stores", {})
    path = f"/vector_stores/{store['id']}"
    await call(client, "POST", f"{path}/files", {"file_id": file_id})
    assert (await call(client, "GET", f"{path}/files/{file_id}"))["status"] == "in_progress"
    jobs = await (await client.get("/_mockai/jobs")).json()
    assert [j["id"] for j in jobs["data"]] == [f"{store['id']}/{file_id}"]
    await client.post("/_mockai/jobs/advance", json={})
    assert (await call(client, "GET", f"{path}/files/{file_id}"))["status"] == "completed"


async def test_unsupported_and_empty_files_fail_with_the_real_last_error(serve):
    client = await serve()
    picture = await upload(client, "chart.png", png())
    empty = await upload(client, "notes.txt", b"   \n")
    blank_html = await upload(client, "blank.html", b"<html><script>x()</script></html>")
    good = await upload(client, "rivers.txt", DOCUMENTS["rivers.txt"])
    store = await call(
        client, "POST", "/vector_stores", {"file_ids": [picture, empty, blank_html, good]}
    )
    path = f"/vector_stores/{store['id']}"
    failed = await call(client, "GET", f"{path}/files", params={"filter": "failed"})
    errors = {f["id"]: f["last_error"] for f in failed["data"]}
    assert errors == {
        picture: {"code": "unsupported_file", "message": "The file type is not supported."},
        empty: {
            "code": "invalid_file",
            "message": "The file could not be parsed because it is empty.",
        },
        blank_html: {
            "code": "invalid_file",
            "message": "The file could not be parsed because it is empty.",
        },
    }
    assert all(f["usage_bytes"] == 0 for f in failed["data"])
    done = await call(client, "GET", path)
    assert done["status"] == "completed"
    assert done["file_counts"] == {
        "in_progress": 0,
        "completed": 1,
        "failed": 3,
        "cancelled": 0,
        "total": 4,
    }
    assert done["usage_bytes"] == text_bytes("rivers.txt")
    completed = await call(client, "GET", f"{path}/files", params={"filter": "completed"})
    assert [f["id"] for f in completed["data"]] == [good]
    content = await call(client, "GET", f"{path}/files/{picture}/content")
    assert content["data"] == []


async def test_the_content_route_returns_the_parsed_text(serve):
    client = await serve()
    files = {
        "report.pdf": pdf("Quarterly revenue grew by twelve percent.", "Costs fell slightly."),
        "memo.docx": docx("The office moves to Lisbon in May.", "Parking is free."),
        "page.html": DOCUMENTS["volcanoes.html"],
        "data.json": b'{"city": "Oslo", "population": 709000}',
        "script.py": b"def greet():\n    return 'hello'\n",
    }
    ids = {name: await upload(client, name, data) for name, data in files.items()}
    store = await call(client, "POST", "/vector_stores", {"file_ids": list(ids.values())})
    path = f"/vector_stores/{store['id']}/files"
    texts = {}
    for name, file_id in ids.items():
        page = await call(client, "GET", f"{path}/{file_id}/content")
        assert page["object"] == "vector_store.file_content.page"
        assert (page["has_more"], page["next_page"]) == (False, None)
        texts[name] = [part["text"] for part in page["data"]]
    assert texts["report.pdf"] == [
        "Quarterly revenue grew by twelve percent.",
        "Costs fell slightly.",
    ]
    assert texts["memo.docx"] == ["The office moves to Lisbon in May.\nParking is free."]
    assert texts["page.html"] == [
        "Volcanoes\n\nA volcano erupts when magma rises through the crust. "
        "Mount Etna in Sicily is one of the most active volcanoes."
    ]
    assert texts["data.json"] == ['{"city": "Oslo", "population": 709000}']
    assert texts["script.py"] == ["def greet():\n    return 'hello'"]
    found = await search(client, store["id"], query="Where does the office move?")
    assert found["data"][0]["filename"] == "memo.docx"
    found = await search(client, store["id"], query="revenue growth this quarter")
    assert found["data"][0]["filename"] == "report.pdf"


async def test_chunks_follow_the_chunking_strategy_in_real_tokens(serve):
    client = await serve()
    sentences = [f"Fact number {n} is about the planet number {n * 7}." for n in range(120)]
    text = " ".join(sentences)
    file_id = await upload(client, "facts.txt", text.encode())
    tokens = len(encoding_sync("cl100k_base").encode_ordinary(text))
    strategy = {
        "type": "static",
        "static": {"max_chunk_size_tokens": 100, "chunk_overlap_tokens": 0},
    }
    store = await call(
        client, "POST", "/vector_stores", {"file_ids": [file_id], "chunking_strategy": strategy}
    )
    attached = await call(client, "GET", f"/vector_stores/{store['id']}/files/{file_id}")
    assert attached["chunking_strategy"] == strategy
    found = await search(client, store["id"], query="planet", max_num_results=50)
    chunks = [hit["content"][0]["text"] for hit in found["data"]]
    enc = encoding_sync("cl100k_base")
    assert len(chunks) == -(-tokens // 100)  # every chunk found: one per 100 tokens
    assert all(len(enc.encode_ordinary(chunk)) <= 101 for chunk in chunks)
    assert sorted(chunks, key=text.index) and "".join(sorted(chunks, key=text.index)).replace(
        " ", ""
    ) == text.replace(" ", "")

    overlapping = {
        "type": "static",
        "static": {"max_chunk_size_tokens": 200, "chunk_overlap_tokens": 100},
    }
    other = await call(
        client,
        "POST",
        "/vector_stores",
        {"file_ids": [file_id], "chunking_strategy": overlapping},
    )
    found = await search(client, other["id"], query="planet", max_num_results=50)
    assert len(found["data"]) == -(-(tokens - 100) // 100)  # a new chunk every 100 tokens


@pytest.mark.parametrize(
    ("strategy", "message", "param"),
    [
        (
            {
                "type": "static",
                "static": {"max_chunk_size_tokens": 800, "chunk_overlap_tokens": 401},
            },
            "Invalid 'chunking_strategy.static.chunk_overlap_tokens': the overlap must not exceed "
            "half of 'max_chunk_size_tokens' (400), but got 401 instead.",
            "chunking_strategy.static.chunk_overlap_tokens",
        ),
        (
            {"type": "static", "static": {"max_chunk_size_tokens": 50, "chunk_overlap_tokens": 0}},
            "Invalid 'chunking_strategy.static.max_chunk_size_tokens': integer below minimum "
            "value. Expected a value >= 100, but got 50 instead.",
            "chunking_strategy.static.max_chunk_size_tokens",
        ),
        (
            {
                "type": "static",
                "static": {"max_chunk_size_tokens": 5000, "chunk_overlap_tokens": 0},
            },
            "Invalid 'chunking_strategy.static.max_chunk_size_tokens': integer above maximum "
            "value. Expected a value <= 4096, but got 5000 instead.",
            "chunking_strategy.static.max_chunk_size_tokens",
        ),
        (
            {"type": "static"},
            "Missing required parameter: 'chunking_strategy.static'.",
            "chunking_strategy.static",
        ),
        (
            {"type": "fixed"},
            "Invalid value: 'fixed'. Supported values are: 'auto' and 'static'.",
            "chunking_strategy.type",
        ),
    ],
)
async def test_a_bad_chunking_strategy_is_a_400_naming_it(serve, strategy, message, param):
    client = await serve()
    file_id = await upload(client, "rivers.txt", DOCUMENTS["rivers.txt"])
    store = await call(client, "POST", "/vector_stores", {})
    for path, body in (
        ("/vector_stores", {"file_ids": [file_id]}),
        (f"/vector_stores/{store['id']}/files", {"file_id": file_id}),
        (f"/vector_stores/{store['id']}/file_batches", {"file_ids": [file_id]}),
    ):
        problem = await error(
            await send(client, "POST", path, {**body, "chunking_strategy": strategy}), 400
        )
        assert (problem["message"], problem["param"]) == (message, param)


async def test_unknown_and_misshapen_ids_get_the_real_errors(serve):
    client = await serve()
    store = await call(client, "POST", "/vector_stores", {})
    path = f"/vector_stores/{store['id']}"
    missing = "vs_0123456789abcdef0123456789abcdef"
    for method, route in (("GET", ""), ("POST", "/search"), ("DELETE", "")):
        body = {"query": "x"} if route == "/search" else None
        problem = await error(
            await send(client, method, f"/vector_stores/{missing}{route}", body), 404
        )
        assert problem == {
            "message": f"No vector store found with id '{missing}'.",
            "type": "invalid_request_error",
            "param": None,
            "code": None,
        }
    problem = await error(await send(client, "GET", "/vector_stores/store-1"), 400)
    assert (
        problem["message"]
        == "Invalid 'vector_store_id': 'store-1'. Expected an ID that begins with 'vs_'."
    )
    assert problem["param"] == "vector_store_id"

    problem = await error(await send(client, "GET", f"{path}/files/file-nope"), 404)
    assert (
        problem["message"] == f"No file found with id 'file-nope' in vector store '{store['id']}'."
    )
    problem = await error(
        await send(client, "POST", f"{path}/files", {"file_id": "file-nope"}), 404
    )
    assert (problem["message"], problem["param"]) == (
        "No file found with id 'file-nope'.",
        "file_id",
    )
    problem = await error(
        await send(client, "POST", "/vector_stores", {"file_ids": ["file-gone"]}), 404
    )
    assert (problem["message"], problem["param"]) == (
        "No file found with id 'file-gone'.",
        "file_ids",
    )

    problem = await error(await send(client, "GET", f"{path}/file_batches/{store['id']}"), 400)
    assert problem["message"] == (
        f"Invalid 'batch_id': '{store['id']}'. Expected an ID that begins with 'vsfb_'."
    )
    batch = "vsfb_0123456789abcdef0123456789abcdef"
    problem = await error(await send(client, "POST", f"{path}/file_batches/{batch}/cancel"), 404)
    assert problem["message"] == (
        f"No file batch found with id '{batch}' in vector store '{store['id']}'."
    )
    problem = await error(
        await send(client, "GET", f"{path}/files", params={"filter": "done"}), 400
    )
    assert problem["message"] == (
        "Invalid value: 'done'. Supported values are: 'in_progress', 'completed', 'failed', "
        "and 'cancelled'."
    )
    problem = await error(await send(client, "POST", f"{path}/file_batches", {}), 400)
    assert (problem["message"], problem["code"]) == (
        "Missing required parameter: 'file_ids'.",
        "missing_required_parameter",
    )


async def test_modify_delete_and_list(serve):
    client = await serve()
    first = await call(client, "POST", "/vector_stores", {"name": "a"})
    second = await call(client, "POST", "/vector_stores", {"name": "b"})
    changed = await call(
        client,
        "POST",
        f"/vector_stores/{first['id']}",
        {
            "name": "renamed",
            "metadata": {"k": "v"},
            "expires_after": {"anchor": "last_active_at", "days": 2},
        },
    )
    assert (changed["name"], changed["metadata"]) == ("renamed", {"k": "v"})
    assert changed["expires_at"] == changed["last_active_at"] + 2 * DAY_S
    kept = await call(client, "POST", f"/vector_stores/{first['id']}", {"expires_after": None})
    assert (kept["name"], kept["expires_after"], kept["expires_at"]) == ("renamed", None, None)

    listed = await call(client, "GET", "/vector_stores")
    assert [s["id"] for s in listed["data"]] == [second["id"], first["id"]]
    assert (listed["first_id"], listed["last_id"], listed["has_more"]) == (
        second["id"],
        first["id"],
        False,
    )
    page = await call(client, "GET", "/vector_stores", params={"order": "asc", "limit": "1"})
    assert [s["id"] for s in page["data"]] == [first["id"]] and page["has_more"] is True

    gone = await call(client, "DELETE", f"/vector_stores/{first['id']}")
    assert gone == {"id": first["id"], "object": "vector_store.deleted", "deleted": True}
    await error(await send(client, "GET", f"/vector_stores/{first['id']}"), 404)
    problem = await error(
        await send(
            client, "POST", "/vector_stores", {"metadata": {f"k{n}": "v" for n in range(17)}}
        ),
        400,
    )
    assert problem["code"] == "object_above_max_properties"


async def test_detaching_a_file_and_its_attributes(serve):
    client = await serve()
    store = await ready_store(client)
    path = f"/vector_stores/{store['id']}/files"
    rivers = store["files"]["rivers.txt"]
    updated = await call(
        client,
        "POST",
        f"{path}/{rivers}",
        {"attributes": {"region": "south", "year": 2024, "open": True}},
    )
    assert updated["attributes"] == {"region": "south", "year": 2024, "open": True}
    assert (await call(client, "GET", f"{path}/{rivers}"))["attributes"] == updated["attributes"]
    problem = await error(
        await send(client, "POST", f"{path}/{rivers}", {"attributes": {"note": "x" * 513}}), 400
    )
    assert (problem["param"], problem["code"]) == ("attributes.note", "string_above_max_length")
    problem = await error(await send(client, "POST", f"{path}/{rivers}", {}), 400)
    assert problem["message"] == "Missing required parameter: 'attributes'."

    gone = await call(client, "DELETE", f"{path}/{rivers}")
    assert gone == {"id": rivers, "object": "vector_store.file.deleted", "deleted": True}
    done = await call(client, "GET", f"/vector_stores/{store['id']}")
    assert done["file_counts"]["total"] == 2
    assert done["usage_bytes"] == store["usage_bytes"] - text_bytes("rivers.txt")
    found = await search(client, store["id"], query="Amazon river", max_num_results=50)
    assert rivers not in {hit["file_id"] for hit in found["data"]}
    # The File itself stays.
    assert (await send(client, "GET", f"/files/{rivers}")).status == 200


# -- file batches ----------------------------------------------------------------------------


async def test_a_file_batch_moves_on_and_counts_its_files(serve):
    client = await serve()
    store = await call(client, "POST", "/vector_stores", {})
    files = await upload_all(client)
    picture = await upload(client, "chart.png", png())
    path = f"/vector_stores/{store['id']}/file_batches"
    response = await send(
        client,
        "POST",
        path,
        {"file_ids": [*files.values(), picture], "attributes": {"source": "wiki"}},
    )
    batch = await response.json()
    assert BATCH_ID.match(batch["id"]) and batch["object"] == "vector_store.files_batch"
    assert (batch["status"], batch["file_counts"]["in_progress"]) == ("in_progress", 4)
    assert "openai-poll-after-ms" in response.headers
    done = await call(client, "GET", f"{path}/{batch['id']}")
    assert done["status"] == "completed"
    assert done["file_counts"] == {
        "in_progress": 0,
        "completed": 3,
        "failed": 1,
        "cancelled": 0,
        "total": 4,
    }
    listed = await call(client, "GET", f"{path}/{batch['id']}/files")
    assert {f["id"] for f in listed["data"]} == {*files.values(), picture}
    assert all(f["attributes"] == {"source": "wiki"} for f in listed["data"])
    failed = await call(client, "GET", f"{path}/{batch['id']}/files", params={"filter": "failed"})
    assert [f["id"] for f in failed["data"]] == [picture]

    own = await call(
        client,
        "POST",
        path,
        {"files": [{"file_id": files["rivers.txt"], "attributes": {"kind": "river"}}]},
    )
    again = await call(client, "GET", f"/vector_stores/{store['id']}/files/{files['rivers.txt']}")
    assert own["file_counts"]["total"] == 1 and again["attributes"] == {"kind": "river"}


async def test_cancelling_a_batch_cancels_its_files_in_progress(serve):
    client = await serve()
    store = await call(client, "POST", "/vector_stores", {})
    files = await upload_all(client)
    path = f"/vector_stores/{store['id']}/file_batches"
    batch = await call(client, "POST", path, {"file_ids": list(files.values())}, headers=SLOW)
    cancelled = await call(client, "POST", f"{path}/{batch['id']}/cancel")
    assert cancelled["status"] == "cancelled"
    assert cancelled["file_counts"]["cancelled"] == cancelled["file_counts"]["total"] == 3
    await asyncio.sleep(1.05)
    later = await call(client, "GET", f"{path}/{batch['id']}")
    assert (later["status"], later["file_counts"]["cancelled"]) == ("cancelled", 3)
    counted = await call(client, "GET", f"/vector_stores/{store['id']}")
    assert counted["file_counts"]["cancelled"] == 3 and counted["usage_bytes"] == 0
    assert (await search(client, store["id"], query="bread"))["data"] == []
    # A batch that has finished stays as it ended.
    finished = await call(client, "POST", path, {"file_ids": [files["baking.md"]]})
    await call(client, "GET", f"{path}/{finished['id']}")
    unchanged = await call(client, "POST", f"{path}/{finished['id']}/cancel")
    assert unchanged["status"] == "completed"


# -- search ----------------------------------------------------------------------------------


async def test_search_ranks_the_document_with_the_query_words_first(serve):
    client = await serve()
    store = await ready_store(client)
    for query, best in (
        ("Which river carries the most water?", "rivers.txt"),
        ("How long does the dough rise?", "baking.md"),
        ("Is Mount Etna active?", "volcanoes.html"),
    ):
        found = await search(client, store["id"], query=query)
        assert found["object"] == "vector_store.search_results.page"
        assert found["search_query"] == [query]
        assert (found["has_more"], found["next_page"]) == (False, None)
        assert found["data"][0]["filename"] == best, (query, found["data"])
        scores = [hit["score"] for hit in found["data"]]
        assert scores == sorted(scores, reverse=True) and all(0 <= s <= 1 for s in scores)
        assert scores[0] > scores[1]
        hit = found["data"][0]
        assert hit["file_id"] == store["files"][best] and hit["attributes"] == {}
        assert hit["content"][0]["type"] == "text"

    again = await search(client, store["id"], query="Which river carries the most water?")
    first = await search(client, store["id"], query="Which river carries the most water?")
    assert again == first
    # Another server with the same seed and documents scores them alike.
    other = await serve()
    twin = await ready_store(other)
    mirrored = await search(other, twin["id"], query="Which river carries the most water?")
    assert [h["score"] for h in mirrored["data"]] == [h["score"] for h in first["data"]]


async def test_search_options(serve):
    client = await serve()
    store = await ready_store(client)
    query = "volcano magma eruption"
    full = await search(client, store["id"], query=query)
    assert len(full["data"]) == 3
    one = await search(client, store["id"], query=query, max_num_results=1)
    assert one["data"] == full["data"][:1]
    top = full["data"][0]["score"]
    kept = await search(
        client, store["id"], query=query, ranking_options={"score_threshold": top - 1e-9}
    )
    assert [h["file_id"] for h in kept["data"]] == [full["data"][0]["file_id"]]
    plain = await search(client, store["id"], query=query, ranking_options={"ranker": "none"})
    assert plain["data"][0]["filename"] == "volcanoes.html"
    assert plain["data"][0]["score"] != top  # no keyword re-ranking
    several = await search(client, store["id"], query=["Amazon river", "bread dough"])
    assert several["search_query"] == ["Amazon river", "bread dough"]
    assert {h["filename"] for h in several["data"][:2]} == {"rivers.txt", "baking.md"}
    for bad, param in (
        ({"max_num_results": 51}, "max_num_results"),
        ({"max_num_results": 0}, "max_num_results"),
        ({"ranking_options": {"score_threshold": 1.5}}, "ranking_options.score_threshold"),
        ({"ranking_options": {"ranker": "best"}}, "ranking_options.ranker"),
    ):
        problem = await error(
            await send(
                client, "POST", f"/vector_stores/{store['id']}/search", {"query": "x", **bad}
            ),
            400,
        )
        assert problem["param"] == param
    problem = await error(
        await send(client, "POST", f"/vector_stores/{store['id']}/search", {}), 400
    )
    assert problem["message"] == "Missing required parameter: 'query'."


async def test_rewrite_query_searches_the_content_words(serve):
    client = await serve()
    store = await ready_store(client)
    found = await search(
        client,
        store["id"],
        query="I'd like to know which volcano in Sicily is the most active.",
        rewrite_query=True,
    )
    assert found["search_query"] == ["volcano sicily active"]
    assert found["data"][0]["filename"] == "volcanoes.html"


ATTRIBUTES = {
    "rivers.txt": {"topic": "geography", "year": 2019, "score": 4.5, "public": True},
    "baking.md": {"topic": "cooking", "year": 2023, "public": False},
    "volcanoes.html": {"topic": "geography", "year": 2023, "score": 3.0},
}
FILTERS = [
    ({"type": "eq", "key": "topic", "value": "geography"}, {"rivers.txt", "volcanoes.html"}),
    ({"type": "ne", "key": "topic", "value": "geography"}, {"baking.md"}),
    ({"type": "gt", "key": "year", "value": 2019}, {"baking.md", "volcanoes.html"}),
    ({"type": "gte", "key": "year", "value": 2019}, set(ATTRIBUTES)),
    ({"type": "lt", "key": "score", "value": 4.5}, {"volcanoes.html"}),
    ({"type": "lte", "key": "score", "value": 4.5}, {"rivers.txt", "volcanoes.html"}),
    ({"type": "in", "key": "year", "value": [2019, 2020]}, {"rivers.txt"}),
    (
        {"type": "nin", "key": "topic", "value": ["cooking", "art"]},
        {"rivers.txt", "volcanoes.html"},
    ),
    ({"type": "eq", "key": "public", "value": True}, {"rivers.txt"}),
    ({"type": "eq", "key": "year", "value": "2023"}, set()),  # a string is no number
    ({"type": "gt", "key": "topic", "value": "d"}, {"rivers.txt", "volcanoes.html"}),
    ({"type": "ne", "key": "score", "value": 3.0}, {"rivers.txt", "baking.md"}),  # missing key
    (
        {
            "type": "and",
            "filters": [
                {"type": "eq", "key": "topic", "value": "geography"},
                {"type": "gte", "key": "year", "value": 2020},
            ],
        },
        {"volcanoes.html"},
    ),
    (
        {
            "type": "or",
            "filters": [
                {"type": "eq", "key": "public", "value": False},
                {
                    "type": "and",
                    "filters": [
                        {"type": "lt", "key": "year", "value": 2020},
                        {"type": "in", "key": "topic", "value": ["geography"]},
                    ],
                },
            ],
        },
        {"baking.md", "rivers.txt"},
    ),
]


@pytest.mark.parametrize(("rule", "expected"), FILTERS, ids=[str(n) for n in range(len(FILTERS))])
async def test_filters_select_files_by_their_attributes(serve, rule, expected):
    client = await serve()
    store = await call(client, "POST", "/vector_stores", {})
    files = await upload_all(client)
    for name, file_id in files.items():
        await call(
            client,
            "POST",
            f"/vector_stores/{store['id']}/files",
            {"file_id": file_id, "attributes": ATTRIBUTES[name]},
        )
    found = await search(client, store["id"], query="the", filters=rule, max_num_results=50)
    assert {hit["filename"] for hit in found["data"]} == expected
    for hit in found["data"]:
        assert hit["attributes"] == ATTRIBUTES[hit["filename"]]


async def test_a_malformed_filter_is_a_400(serve):
    client = await serve()
    store = await call(client, "POST", "/vector_stores", {})
    for rule, param in (
        ({"type": "eq", "key": "a"}, "filters.value"),
        ({"type": "like", "key": "a", "value": "b"}, "filters.type"),
        ({"type": "and", "filters": [{"type": "eq", "key": "a"}]}, "filters.filters[0].value"),
    ):
        problem = await error(
            await send(
                client,
                "POST",
                f"/vector_stores/{store['id']}/search",
                {"query": "x", "filters": rule},
            ),
            400,
        )
        assert problem["param"] == param, problem


async def test_an_expired_store_is_read_but_not_searched_or_added_to(serve):
    client = await serve()
    store = await ready_store(client, expires_after={"anchor": "last_active_at", "days": 1})
    before = await search(client, store["id"], query="bread")
    assert before["data"]
    kept = client.server.app[STATE].store.get(None, STORES, store["id"])
    kept.last_active_at -= DAY_S + 5
    expired = await call(client, "GET", f"/vector_stores/{store['id']}")
    assert expired["status"] == "expired" and expired["expires_at"] < time.time()
    message = f"Vector store '{store['id']}' has expired."
    problem = await error(
        await send(client, "POST", f"/vector_stores/{store['id']}/search", {"query": "bread"}), 400
    )
    assert problem["message"] == message
    file_id = await upload(client, "more.txt", b"More text.")
    for path, body in (("files", {"file_id": file_id}), ("file_batches", {"file_ids": [file_id]})):
        problem = await error(
            await send(client, "POST", f"/vector_stores/{store['id']}/{path}", body), 400
        )
        assert problem["message"] == message
    assert (await send(client, "DELETE", f"/vector_stores/{store['id']}")).status == 200


async def test_searching_keeps_a_store_active(serve):
    client = await serve()
    store = await ready_store(client, expires_after={"anchor": "last_active_at", "days": 1})
    kept = client.server.app[STATE].store.get(None, STORES, store["id"])
    kept.last_active_at -= 3600
    await search(client, store["id"], query="bread")
    after = await call(client, "GET", f"/vector_stores/{store['id']}")
    assert after["last_active_at"] >= int(time.time()) - 1
    assert after["expires_at"] == after["last_active_at"] + DAY_S


# -- sessions, reset, scenarios, --lenient ---------------------------------------------------


async def test_stores_are_per_session_and_gone_after_reset(serve):
    client = await serve()
    mine = {"X-Mockai-Session": "mine"}
    store = await ready_store(client, headers=mine)
    await error(await send(client, "GET", f"/vector_stores/{store['id']}"), 404)
    assert (await call(client, "GET", "/vector_stores"))["data"] == []
    assert (await call(client, "GET", "/vector_stores", headers=mine))["data"]
    await client.post("/_mockai/reset?session=mine")
    await error(await send(client, "GET", f"/vector_stores/{store['id']}", headers=mine), 404)


async def test_scenarios_script_errors_latency_and_literal_bodies(serve):
    page = {
        "object": "vector_store.search_results.page",
        "search_query": ["scripted"],
        "data": [
            {
                "file_id": "file-scripted",
                "filename": "scripted.txt",
                "score": 0.99,
                "attributes": {},
                "content": [{"type": "text", "text": "A scripted result."}],
            }
        ],
        "has_more": False,
        "next_page": None,
    }
    client = await serve(
        [
            {
                "name": "search",
                "match": {"endpoint": "vector_stores.search"},
                "replies": [
                    {"error": {"status": 503, "message": "Search is down."}},
                    {"latency_ms": 150, "body": page},
                ],
            },
            {
                "name": "stores",
                "match": {"endpoint": "createVectorStore"},
                "reply": {"error": {"status": 429, "message": "Too many stores."}},
            },
        ]
    )
    problem = await error(await send(client, "POST", "/vector_stores", {"name": "x"}), 429)
    assert problem["message"] == "Too many stores."
    store = client.server.app[STATE]
    assert list(store.store.values(None, STORES)) == []
    file_id = await upload(client, "rivers.txt", DOCUMENTS["rivers.txt"])
    made = await send(
        client,
        "POST",
        "/vector_stores/vs_0123456789abcdef0123456789abcdef/files",
        {"file_id": file_id},
    )
    assert made.status == 404  # the files route is another endpoint: no scenario there
    stores = client.server.app[STATE].store
    from mockai.toolkit.vectorstores import VectorStore

    real = VectorStore.new()
    stores.put(None, STORES, real.id, real)
    problem = await error(
        await send(client, "POST", f"/vector_stores/{real.id}/search", {"query": "x"}), 503
    )
    assert problem["message"] == "Search is down."
    started = time.monotonic()
    scripted = await call(client, "POST", f"/vector_stores/{real.id}/search", {"query": "x"})
    assert scripted == page and time.monotonic() - started >= 0.14


async def test_lenient_answers_any_id(serve):
    client = await serve(lenient=True)
    key = "vs_never_made"
    store = await call(client, "GET", f"/vector_stores/{key}")
    assert (store["id"], store["status"], store["file_counts"]["total"]) == (key, "completed", 0)
    assert (await search(client, key, query="anything"))["data"] == []
    attached = await call(client, "GET", f"/vector_stores/{key}/files/file-abc")
    assert (attached["id"], attached["status"]) == ("file-abc", "completed")
    content = await call(client, "GET", f"/vector_stores/{key}/files/file-abc/content")
    assert content["data"] == [{"type": "text", "text": "The content of file-abc."}]
    batch = await call(client, "GET", f"/vector_stores/{key}/file_batches/batch-1")
    assert (batch["id"], batch["status"]) == ("batch-1", "completed")
    made = await call(client, "POST", f"/vector_stores/{key}/files", {"file_id": "file-xyz"})
    assert made["status"] == "in_progress"
    # The description's bounds only: an overlap over half is taken.
    wide = {"type": "static", "static": {"max_chunk_size_tokens": 100, "chunk_overlap_tokens": 90}}
    await call(
        client, "POST", "/vector_stores", {"file_ids": ["file-xyz"], "chunking_strategy": wide}
    )
