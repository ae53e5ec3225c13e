"""Files, Uploads and Batches through the official SDK: the round trip a batch client makes,
and the errors it sees. Every object is validated against the spec as JSON."""

from __future__ import annotations

import io
import json
import time

import openai
import pytest
from files_support import chat_line, check, jsonl


def wait(client, batch_id: str, until: set[str], timeout: float = 15.0):
    deadline = time.monotonic() + timeout
    while True:
        batch = client.batches.retrieve(batch_id)
        check("Batch", batch.model_dump(mode="json"))
        if batch.status in until:
            return batch
        assert time.monotonic() < deadline, batch.status
        time.sleep(0.01)


def test_upload_batch_poll_download(mockai):
    mockai.add_scenario(
        {
            "name": "echo",
            "match": {"endpoint": "chat.completions"},
            "reply": {"content": "Answer to: {{ last_user_message }}"},
        }
    )
    client = mockai.client()
    questions = {f"q{n}": f"question {n}" for n in range(5)}
    data = jsonl([chat_line(cid, text) for cid, text in questions.items()])
    file = client.files.create(file=("requests.jsonl", io.BytesIO(data)), purpose="batch")
    check("OpenAIFile", file.model_dump(mode="json"))
    batch = client.batches.create(
        input_file_id=file.id,
        endpoint="/v1/chat/completions",
        completion_window="24h",
        metadata={"run": "sdk"},
    )
    assert batch.status == "validating"

    done = wait(client, batch.id, {"completed", "failed"})
    assert done.status == "completed" and done.error_file_id is None
    assert done.request_counts.model_dump() == {"total": 5, "completed": 5, "failed": 0}
    lines = [
        json.loads(line) for line in client.files.content(done.output_file_id).text.splitlines()
    ]
    answers = {
        line["custom_id"]: line["response"]["body"]["choices"][0]["message"]["content"]
        for line in lines
    }
    assert answers == {cid: f"Answer to: {text}" for cid, text in questions.items()}

    listed = client.batches.list(limit=10)
    assert [b.id for b in listed.data] == [batch.id]
    files = client.files.list(purpose="batch_output")
    assert [f.id for f in files.data] == [done.output_file_id]
    assert client.files.delete(file.id).deleted is True


def test_a_bad_line_fails_the_batch(mockai):
    client = mockai.client()
    data = jsonl([chat_line("a"), "{not json", chat_line("c")])
    file = client.files.create(file=("bad.jsonl", io.BytesIO(data)), purpose="batch")
    batch = client.batches.create(
        input_file_id=file.id, endpoint="/v1/chat/completions", completion_window="24h"
    )
    failed = wait(client, batch.id, {"failed", "completed"})
    assert failed.status == "failed"
    (error,) = failed.errors.data
    assert (error.code, error.line, error.param) == ("invalid_json_line", 2, None)


def test_errors_the_sdk_raises(mockai):
    client = mockai.client()
    with pytest.raises(openai.NotFoundError) as missing:
        client.files.retrieve("file-abc123")
    assert missing.value.body["message"] == "No such File object: file-abc123"
    with pytest.raises(openai.NotFoundError):
        client.batches.retrieve("batch_abc123")
    with pytest.raises(openai.BadRequestError) as wrong:
        client.files.create(file=("x.jsonl", io.BytesIO(b"{}")), purpose="vector_store")  # type: ignore[arg-type]
    assert wrong.value.body["param"] == "purpose"
    with pytest.raises(openai.BadRequestError) as not_jsonl:
        client.files.create(file=("notes.txt", io.BytesIO(b"hello")), purpose="batch")
    assert "Must be .jsonl" in not_jsonl.value.body["message"]


def test_uploads_through_the_sdk(mockai):
    client = mockai.client()
    data = jsonl([chat_line("a"), chat_line("b")])
    upload = client.uploads.create(
        filename="requests.jsonl", purpose="batch", bytes=len(data), mime_type="application/jsonl"
    )
    check("Upload", upload.model_dump(mode="json"))
    parts = [client.uploads.parts.create(upload.id, data=chunk) for chunk in (data[:7], data[7:])]
    for part in parts:
        check("UploadPart", part.model_dump(mode="json"))
    done = client.uploads.complete(upload.id, part_ids=[p.id for p in parts])
    check("Upload", done.model_dump(mode="json"))
    assert done.status == "completed" and done.file is not None
    assert client.files.content(done.file.id).read() == data

    other = client.uploads.create(
        filename="x.jsonl", purpose="batch", bytes=3, mime_type="application/jsonl"
    )
    assert client.uploads.cancel(other.id).status == "cancelled"
    with pytest.raises(openai.ConflictError):
        client.uploads.parts.create(other.id, data=b"abc")
