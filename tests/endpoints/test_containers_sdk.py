"""Containers and the code interpreter through the official SDK: the container and file
resources, and a Responses call whose code writes a file into its automatic container (the
file listed, downloaded byte for byte and cited), streamed too. Raw bodies are validated
against the description, parsed models through their JSON dump, stream events one by one."""

from __future__ import annotations

import io

import openai
import pytest
from openapi import validate_response
from responses_support import check_sdk, check_sdk_event

CSV = b"region,total\nnorth,12\nsouth,7\n"


def checked(raw, method: str, path: str):
    """The parsed model of a `with_raw_response` call, its body validated first."""
    validate_response(method, path, raw.http_response.status_code, raw.http_response.json())
    return raw.parse()


def test_containers_create_list_retrieve_delete(mockai):
    client = mockai.client()
    made = checked(
        client.containers.with_raw_response.create(
            name="analysis",
            memory_limit="4g",
            expires_after={"anchor": "last_active_at", "minutes": 10},
            network_policy={"type": "disabled"},
        ),
        "POST",
        "/v1/containers",
    )
    assert made.id.startswith("cntr_") and made.name == "analysis"
    assert (made.status, made.memory_limit, made.expires_after.minutes) == ("running", "4g", 10)
    assert made.network_policy.type == "disabled"
    other = client.containers.create(name="scratch")
    assert [c.id for c in client.containers.list()] == [other.id, made.id]
    assert [c.id for c in client.containers.list(name="analysis")] == [made.id]
    retrieved = checked(
        client.containers.with_raw_response.retrieve(made.id), "GET", f"/v1/containers/{made.id}"
    )
    assert retrieved.id == made.id and retrieved.last_active_at >= made.last_active_at
    raw = client.containers.with_raw_response.delete(made.id)
    validate_response("DELETE", f"/v1/containers/{made.id}", 200, raw.http_response.json())
    with pytest.raises(openai.NotFoundError) as caught:
        client.containers.retrieve(made.id)
    assert caught.value.body["message"] == f"Container with id '{made.id}' not found."


def test_container_files_upload_copy_download_delete(mockai):
    client = mockai.client()
    container = client.containers.create(name="files")
    path = f"/v1/containers/{container.id}/files"
    uploaded = checked(
        client.containers.files.with_raw_response.create(
            container.id, file=("totals.csv", io.BytesIO(CSV))
        ),
        "POST",
        path,
    )
    assert uploaded.id.startswith("cfile_") and uploaded.path.endswith("-totals.csv")
    assert (uploaded.bytes, uploaded.source, uploaded.container_id) == (
        len(CSV),
        "user",
        container.id,
    )
    stored = client.files.create(file=("notes.txt", io.BytesIO(b"hello\n")), purpose="user_data")
    copied = client.containers.files.create(container.id, file_id=stored.id)
    assert copied.path.endswith("-notes.txt") and copied.bytes == 6

    assert [f.id for f in client.containers.files.list(container.id)] == [copied.id, uploaded.id]
    found = checked(
        client.containers.files.with_raw_response.retrieve(uploaded.id, container_id=container.id),
        "GET",
        f"{path}/{uploaded.id}",
    )
    assert found.path == uploaded.path
    content = client.containers.files.content.retrieve(uploaded.id, container_id=container.id)
    assert content.content == CSV
    client.containers.files.delete(uploaded.id, container_id=container.id)
    with pytest.raises(openai.NotFoundError) as caught:
        client.containers.files.content.retrieve(uploaded.id, container_id=container.id)
    assert (
        caught.value.body["message"] == f"File {uploaded.id} not found on container {container.id}."
    )
    with pytest.raises(openai.NotFoundError):
        client.containers.files.create(container.id, file_id="file-missing")


WRITES_A_REPORT = {
    "name": "report",
    "match": {"endpoint": "responses"},
    "reply": {
        "tool_calls": [
            {
                "name": "code_interpreter",
                "arguments": {
                    "code": "df.to_csv('/mnt/data/report.csv', index=False)",
                    "logs": "wrote 2 rows\n",
                    "files": [{"name": "report.csv", "content": CSV.decode()}],
                },
            }
        ]
    },
}
TOOLS = [{"type": "code_interpreter", "container": {"type": "auto"}}]


def _file_in_its_container(client, response) -> None:
    call, message = response.output
    assert call.type == "code_interpreter_call" and call.code.startswith("df.to_csv")
    container = client.containers.retrieve(call.container_id)
    assert container.status == "running"
    (written,) = client.containers.files.list(container.id)
    assert (written.path, written.source) == ("/mnt/data/report.csv", "assistant")
    downloaded = client.containers.files.content.retrieve(written.id, container_id=container.id)
    assert downloaded.content == CSV
    (citation,) = message.content[0].annotations
    assert citation.type == "container_file_citation"
    assert (citation.container_id, citation.file_id, citation.filename) == (
        container.id,
        written.id,
        "report.csv",
    )
    text = response.output_text
    assert text[citation.start_index : citation.end_index] == "sandbox:/mnt/data/report.csv"


def test_a_code_interpreter_call_leaves_its_file_in_its_container(mockai):
    mockai.add_scenario(WRITES_A_REPORT)
    client = mockai.client()
    raw = client.responses.with_raw_response.create(
        model="gpt-4o",
        input="Total the sales per region as a CSV",
        tools=TOOLS,
        include=["code_interpreter_call.outputs"],
    )
    validate_response("POST", "/v1/responses", 200, raw.http_response.json())
    response = raw.parse()
    check_sdk(response)
    assert response.output[0].outputs[0].logs == "wrote 2 rows\n"
    _file_in_its_container(client, response)


def test_the_streamed_call_cites_the_file_too(mockai):
    mockai.add_scenario(WRITES_A_REPORT)
    client = mockai.client()
    events = list(
        client.responses.create(
            model="gpt-4o", input="Total the sales as a CSV", tools=TOOLS, stream=True
        )
    )
    for event in events:
        check_sdk_event(event)
    kinds = [e.type for e in events]
    assert "response.code_interpreter_call.completed" in kinds
    assert "response.output_text.annotation.added" in kinds
    assert kinds[-1] == "response.completed"
    _file_in_its_container(client, events[-1].response)
