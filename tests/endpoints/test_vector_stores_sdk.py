"""Vector stores and file search through the official SDK: upload documents, build a store,
poll it to completion with the SDK's own helpers, search it, and ask Responses with the
`file_search` tool (citations, included results, a stream). Every object is validated as the
JSON it was parsed from."""

from __future__ import annotations

import io
import time

from media import docx, pdf
from responses_support import check_sdk, check_sdk_event
from vector_stores_support import DOCUMENTS

QUESTION = "How long does the dough rise before baking?"


def upload_documents(client) -> dict[str, str]:
    made = {}
    for name, data in DOCUMENTS.items():
        file = client.files.create(file=(name, io.BytesIO(data)), purpose="assistants")
        check_sdk(file, "OpenAIFile")
        made[name] = file.id
    return made


def test_upload_build_poll_and_search(mockai):
    client = mockai.client()
    files = upload_documents(client)
    store = client.vector_stores.create(name="kitchen", file_ids=list(files.values()))
    check_sdk(store, "VectorStoreObject")
    assert store.status == "in_progress" and store.file_counts.in_progress == 3
    deadline = time.monotonic() + 10
    while (store := client.vector_stores.retrieve(store.id)).status != "completed":
        assert time.monotonic() < deadline
        time.sleep(0.01)
    check_sdk(store, "VectorStoreObject")
    assert store.file_counts.completed == 3 and store.usage_bytes > 0

    page = client.vector_stores.search(store.id, query=QUESTION)
    assert page.data[0].filename == "baking.md" and page.data[0].file_id == files["baking.md"]
    assert page.data[0].score > page.data[1].score
    assert "dough rises" in page.data[0].content[0].text
    raw = client.vector_stores.with_raw_response.search(
        store.id, query=QUESTION, rewrite_query=True, max_num_results=2
    )
    body = raw.http_response.json()
    assert body["search_query"] == ["long dough rise baking"] and len(body["data"]) == 2

    listed = client.vector_stores.files.list(store.id)
    assert {f.id for f in listed} == set(files.values())
    for attached in listed:
        check_sdk(attached, "VectorStoreFileObject")
    content = client.vector_stores.files.content(files["baking.md"], vector_store_id=store.id)
    assert [part.text for part in content][0].startswith("# Baking bread")
    assert client.vector_stores.delete(store.id).deleted is True


def test_the_poll_helpers_follow_the_processing_pace(mockai):
    client = mockai.client()
    store = client.vector_stores.create(name="paced")
    slow = {"X-Mockai-Processing-Ms": "250"}
    started = time.monotonic()
    attached = client.vector_stores.files.upload_and_poll(
        vector_store_id=store.id,
        file=("memo.docx", io.BytesIO(docx("The office moves to Lisbon in May."))),
    )
    assert attached.status == "completed"
    file = client.files.create(
        file=("report.pdf", io.BytesIO(pdf("Revenue grew."))), purpose="assistants"
    )
    polled = client.vector_stores.files.create_and_poll(
        file.id, vector_store_id=store.id, attributes={"kind": "report"}, extra_headers=slow
    )
    assert (polled.status, polled.attributes) == ("completed", {"kind": "report"})
    assert time.monotonic() - started >= 0.25
    check_sdk(polled, "VectorStoreFileObject")

    batch = client.vector_stores.file_batches.upload_and_poll(
        store.id, files=[(name, io.BytesIO(data)) for name, data in DOCUMENTS.items()]
    )
    check_sdk(batch, "VectorStoreFileBatchObject")
    assert (batch.status, batch.file_counts.completed, batch.file_counts.in_progress) == (
        "completed",
        3,
        0,
    )
    in_batch = client.vector_stores.file_batches.list_files(batch.id, vector_store_id=store.id)
    assert len(in_batch.data) == 3
    done = client.vector_stores.retrieve(store.id)
    assert done.file_counts.total == 5 and done.status == "completed"
    found = client.vector_stores.search(store.id, query="When does the office move to Lisbon?")
    assert found.data[0].filename == "memo.docx"


def test_file_search_in_responses_cites_the_files(mockai):
    client = mockai.client()
    files = upload_documents(client)
    store = client.vector_stores.create(file_ids=list(files.values()))
    client.vector_stores.retrieve(store.id)  # processed from the next read on

    response = client.responses.create(
        model="gpt-4o",
        input=QUESTION,
        tools=[{"type": "file_search", "vector_store_ids": [store.id]}],
        include=["file_search_call.results"],
    )
    check_sdk(response)
    call, message = response.output
    assert call.type == "file_search_call" and call.queries == [QUESTION]
    assert call.results[0].filename == "baking.md"
    assert response.output_text == "The dough rises for an hour before it goes into a hot oven."
    [citation] = message.content[0].annotations
    assert (citation.type, citation.file_id, citation.filename) == (
        "file_citation",
        files["baking.md"],
        "baking.md",
    )
    assert response.output_text[: citation.index].endswith("oven")

    with client.responses.stream(
        model="gpt-4o",
        input=QUESTION,
        tools=[{"type": "file_search", "vector_store_ids": [store.id]}],
    ) as stream:
        events = list(stream)
        final = stream.get_final_response()
    for event in events:
        check_sdk_event(event)
    added = [e for e in events if e.type == "response.output_text.annotation.added"]
    assert [e.annotation.filename for e in added] == ["baking.md"]
    assert final.output_text == response.output_text
    assert final.output[0].results is None
