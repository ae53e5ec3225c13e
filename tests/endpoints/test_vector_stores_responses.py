"""`file_search` in Responses over raw HTTP: the call runs the vector stores' own search, its
item carries the queries and (when included) the ranked chunks, and the answer's text cites
the files it drew on, whether the text is a default reply's or a scenario's; streamed too."""

from __future__ import annotations

from responses_support import create, error_of, post, stream, types
from vector_stores_support import DOCUMENTS, call, ready_store, upload

from mockai.toolkit.state import STATE
from mockai.toolkit.vectorstores import DAY_S, STORES

QUESTION = "Which river carries the most water?"


def tool(store_id: str, **options) -> dict:
    return {"type": "file_search", "vector_store_ids": [store_id], **options}


def parts(body: dict) -> tuple[dict, dict]:
    """The file search call and the message's text part."""
    call_item, message = body["output"]
    assert call_item["type"] == "file_search_call" and message["type"] == "message"
    return call_item, message["content"][0]


async def test_a_default_reply_searches_quotes_the_best_chunk_and_cites_it(serve):
    client = await serve()
    store = await ready_store(client)
    body = await create(
        client, input=QUESTION, tools=[tool(store["id"])], include=["file_search_call.results"]
    )
    found, text = parts(body)
    assert (found["status"], found["queries"]) == ("completed", [QUESTION])
    assert found["id"].startswith("fs_")
    results = found["results"]
    assert [r["filename"] for r in results][0] == "rivers.txt"
    assert results[0]["file_id"] == store["files"]["rivers.txt"]
    assert set(results[0]) == {"file_id", "filename", "score", "text", "attributes"}
    assert [r["score"] for r in results] == sorted((r["score"] for r in results), reverse=True)
    searched = await call(
        client, "POST", f"/vector_stores/{store['id']}/search", {"query": QUESTION}
    )
    assert [(r["file_id"], r["score"]) for r in results] == [
        (hit["file_id"], hit["score"]) for hit in searched["data"]
    ]
    quoted = "The Amazon river carries more water than any other river on Earth."
    assert text["text"] == quoted
    assert text["annotations"] == [
        {
            "type": "file_citation",
            "index": len(quoted) - 1,  # after the last word, before the full stop
            "file_id": store["files"]["rivers.txt"],
            "filename": "rivers.txt",
        }
    ]

    plain = await create(client, input=QUESTION, tools=[tool(store["id"])])
    found, text = parts(plain)
    assert found["results"] is None
    assert text["annotations"][0]["filename"] == "rivers.txt"


async def test_a_scripted_answer_gets_the_citations_of_what_it_says(serve):
    said = (
        "The Amazon river carries more water than any other. "
        "Bread needs flour, water, salt and yeast."
    )
    client = await serve(
        [
            {
                "name": "answer",
                "match": {"endpoint": "responses"},
                "reply": {
                    "content": said,
                    "tool_calls": [
                        {"name": "file_search", "arguments": {"queries": ["Amazon", "bread"]}}
                    ],
                },
            }
        ]
    )
    store = await ready_store(client)
    body = await create(client, input="Tell me", tools=[tool(store["id"])])
    found, text = parts(body)
    assert found["queries"] == ["Amazon", "bread"]
    assert text["text"] == said
    first_end = said.index("other") + len("other")
    second_end = said.index("yeast") + len("yeast")
    assert [(a["index"], a["filename"]) for a in text["annotations"]] == [
        (first_end, "rivers.txt"),
        (second_end, "baking.md"),
    ]


async def test_text_about_something_else_still_cites_the_best_file(serve):
    client = await serve(
        [
            {
                "name": "answer",
                "match": {"endpoint": "responses"},
                "reply": {
                    "content": "Here is what I found!",
                    "tool_calls": [{"name": "file_search", "arguments": {"query": "volcano"}}],
                },
            }
        ]
    )
    store = await ready_store(client)
    _, text = parts(await create(client, input="Search", tools=[tool(store["id"])]))
    assert [(a["index"], a["filename"]) for a in text["annotations"]] == [
        (len("Here is what I found"), "volcanoes.html")
    ]


async def test_the_tools_own_options_apply(serve):
    client = await serve()
    store = await call(client, "POST", "/vector_stores", {})
    for name, data in DOCUMENTS.items():
        file_id = await upload(client, name, data)
        kind = "water" if name == "rivers.txt" else "land"
        await call(
            client,
            "POST",
            f"/vector_stores/{store['id']}/files",
            {"file_id": file_id, "attributes": {"kind": kind}},
        )
    include = ["file_search_call.results"]
    one = await create(
        client, input=QUESTION, tools=[tool(store["id"], max_num_results=1)], include=include
    )
    assert [r["filename"] for r in parts(one)[0]["results"]] == ["rivers.txt"]
    land = await create(
        client,
        input=QUESTION,
        tools=[tool(store["id"], filters={"type": "eq", "key": "kind", "value": "land"})],
        include=include,
    )
    results = parts(land)[0]["results"]
    assert {r["filename"] for r in results} == {"baking.md", "volcanoes.html"}
    assert all(r["attributes"] == {"kind": "land"} for r in results)
    strict = await create(
        client,
        input=QUESTION,
        tools=[tool(store["id"], ranking_options={"score_threshold": 0.99})],
        include=include,
    )
    found, text = parts(strict)
    assert found["results"] == [] and text["annotations"] == []
    assert text["text"] == "I could not find anything about that in the files."
    weighted = await create(
        client,
        input=QUESTION,
        tools=[
            tool(
                store["id"],
                ranking_options={
                    "ranker": "auto",
                    "hybrid_search": {"embedding_weight": 1, "text_weight": 0},
                },
            )
        ],
        include=include,
    )
    searched = await call(
        client,
        "POST",
        f"/vector_stores/{store['id']}/search",
        {"query": QUESTION, "ranking_options": {"ranker": "none"}},
    )
    assert [r["score"] for r in parts(weighted)[0]["results"]] == [
        hit["score"] for hit in searched["data"]
    ]


async def test_a_missing_expired_or_misconfigured_store_is_refused(serve):
    client = await serve()
    missing = "vs_0123456789abcdef0123456789abcdef"
    problem = await error_of(
        await post(client, {"model": "gpt-4o", "input": "Hi", "tools": [tool(missing)]}), 404
    )
    assert (problem["message"], problem["param"]) == (
        f"No vector store found with id '{missing}'.",
        "tools[0].vector_store_ids",
    )
    store = await ready_store(client, expires_after={"anchor": "last_active_at", "days": 1})
    for options, param in (
        ({"max_num_results": 0}, "tools[0].max_num_results"),
        ({"ranking_options": {"score_threshold": 2}}, "tools[0].ranking_options.score_threshold"),
        ({"filters": {"type": "eq", "key": "k"}}, "tools[0].filters.value"),
    ):
        body = {"model": "gpt-4o", "input": "Hi", "tools": [tool(store["id"], **options)]}
        problem = await error_of(await post(client, body), 400)
        assert problem["param"] == param, problem
    client.server.app[STATE].store.get(None, STORES, store["id"]).last_active_at -= 2 * DAY_S
    body = {"model": "gpt-4o", "input": "Hi", "tools": [tool(store["id"])]}
    problem = await error_of(await post(client, body), 400)
    assert problem["message"] == f"Vector store '{store['id']}' has expired."


async def test_a_streamed_file_search_sends_its_events_and_annotations(serve):
    client = await serve()
    store = await ready_store(client)
    events = await stream(
        client, input=QUESTION, tools=[tool(store["id"])], include=["file_search_call.results"]
    )
    kinds = types(events)
    own = [k for k in kinds if k.startswith("response.file_search_call.")]
    assert own == [
        "response.file_search_call.in_progress",
        "response.file_search_call.searching",
        "response.file_search_call.completed",
    ]
    done = [e["item"] for e in events if e["type"] == "response.output_item.done"]
    assert (
        done[0]["type"] == "file_search_call" and done[0]["results"][0]["filename"] == "rivers.txt"
    )
    added = [e for e in events if e["type"] == "response.output_text.annotation.added"]
    assert [e["annotation"]["filename"] for e in added] == ["rivers.txt"]
    assert added[0]["annotation_index"] == 0
    last_delta = max(i for i, k in enumerate(kinds) if k == "response.output_text.delta")
    assert last_delta < kinds.index("response.output_text.annotation.added")
    assert kinds.index("response.output_text.annotation.added") < kinds.index(
        "response.output_text.done"
    )
    final = events[-1]["response"]
    assert final["output"][1]["content"][0]["annotations"] == [e["annotation"] for e in added]
