"""Responses' code interpreter over raw HTTP: the container a call runs in (an id, or `auto`),
the files a scenario scripts it to write (in the container, downloadable, cited in the text),
`code_interpreter_call.outputs`, the stream, and the real errors. Every body and event is
validated against the description."""

from __future__ import annotations

import base64
import re

from aiohttp import FormData
from helpers import AUTH, api_json
from responses_support import create, error_of, post, stream, types

from mockai.toolkit import containers
from mockai.toolkit.state import STATE

CSV = "a,b\n1,2\n"
PNG = base64.b64encode(b"\x89PNG\r\n\x1a\n" + b"\0" * 8).decode()
AUTO = {"type": "code_interpreter", "container": {"type": "auto"}}


def writes(*files: dict, content: str | None = None, logs: str | None = None) -> list[dict]:
    """A scenario whose reply runs the code interpreter, writing `files`."""
    arguments: dict = {"code": "df.to_csv('/mnt/data/report.csv')", "files": list(files)}
    if logs is not None:
        arguments["logs"] = logs
    step: dict = {"tool_calls": [{"name": "code_interpreter", "arguments": arguments}]}
    if content is not None:
        step["content"] = content
    return [{"name": "ci", "match": {"endpoint": "responses"}, "reply": step}]


async def ok(response) -> dict:
    assert response.status == 200, await response.text()
    return await api_json(response)


def parts(body: dict) -> tuple[dict, dict]:
    call, message = body["output"]
    assert call["type"] == "code_interpreter_call"
    return call, message["content"][0]


async def test_an_auto_container_holds_the_written_file_cited_in_the_answer(serve):
    client = await serve(writes({"name": "report.csv", "content": CSV}))
    body = await create(client, input="Make a CSV", tools=[AUTO])
    call, text = parts(body)
    assert re.fullmatch(r"cntr_[0-9a-f]{48}", call["container_id"])
    assert call["outputs"] is None  # not asked for with `include`
    container = await ok(await client.get(f"/v1/containers/{call['container_id']}", headers=AUTH))
    assert (container["status"], container["memory_limit"]) == ("running", "1g")
    (written,) = (
        await ok(await client.get(f"/v1/containers/{container['id']}/files", headers=AUTH))
    )["data"]
    assert (written["path"], written["source"], written["bytes"]) == (
        "/mnt/data/report.csv",
        "assistant",
        len(CSV),
    )
    content = await client.get(
        f"/v1/containers/{container['id']}/files/{written['id']}/content", headers=AUTH
    )
    assert await content.read() == CSV.encode() and content.headers["Content-Type"] == "text/csv"

    assert text["text"] == "Here is the file I wrote: [report.csv](sandbox:/mnt/data/report.csv)."
    (cited,) = text["annotations"]
    assert cited == {
        "type": "container_file_citation",
        "container_id": container["id"],
        "file_id": written["id"],
        "start_index": text["text"].index("sandbox:"),
        "end_index": text["text"].index(")"),
        "filename": "report.csv",
    }
    assert text["text"][cited["start_index"] : cited["end_index"]] == "sandbox:/mnt/data/report.csv"


async def test_scripted_text_is_cited_where_it_names_the_file(serve):
    client = await serve(
        writes(
            {"name": "report.csv", "content": CSV},
            {"name": "chart.png", "content_base64": PNG},
            {"name": "notes.txt", "content": "n"},
            content="The table is in report.csv; see [the chart](sandbox:/mnt/data/chart.png).",
        )
    )
    _, text = parts(await create(client, input="Analyse", tools=[AUTO]))
    spans = {
        a["filename"]: text["text"][a["start_index"] : a["end_index"]] for a in text["annotations"]
    }
    assert spans == {
        "report.csv": "report.csv",
        "chart.png": "sandbox:/mnt/data/chart.png",
        "notes.txt": "",
    }
    last = text["annotations"][2]
    assert (
        last["start_index"] == last["end_index"] == len(text["text"])
    )  # not mentioned: at the end


async def test_outputs_hold_logs_and_pictures_when_included(serve):
    client = await serve(
        writes(
            {"name": "chart.png", "content_base64": PNG},
            {"name": "t.csv", "content": CSV},
            logs="done\n",
        )
    )
    call, _ = parts(
        await create(client, input="Plot", tools=[AUTO], include=["code_interpreter_call.outputs"])
    )
    assert call["outputs"] == [
        {"type": "logs", "logs": "done\n"},
        {"type": "image", "url": f"data:image/png;base64,{PNG}"},
    ]


async def test_a_named_container_is_used_and_keeps_earlier_files(serve):
    client = await serve(writes({"name": "second.csv", "content": CSV}))
    made = await ok(
        await client.post(
            "/v1/containers", json={"name": "mine", "memory_limit": "4g"}, headers=AUTH
        )
    )
    form_path = f"/v1/containers/{made['id']}/files"
    first = await ok(
        await client.post(form_path, json={"file_id": await uploaded(client)}, headers=AUTH)
    )
    call, _ = parts(
        await create(
            client, input="Go", tools=[{"type": "code_interpreter", "container": made["id"]}]
        )
    )
    assert call["container_id"] == made["id"]
    listed = await ok(await client.get(form_path, headers=AUTH))
    assert [f["path"] for f in listed["data"]] == ["/mnt/data/second.csv", first["path"]]


async def uploaded(client) -> str:
    form = FormData()
    form.add_field("purpose", "user_data")
    form.add_field("file", b"x,y\n", filename="input.csv", content_type="text/csv")
    return (await ok(await client.post("/v1/files", data=form, headers=AUTH)))["id"]


async def test_auto_takes_the_tools_files_and_settings_and_reuses_the_context_container(serve):
    client = await serve(writes({"name": "out.csv", "content": CSV}))
    file_id = await uploaded(client)
    tool = {
        "type": "code_interpreter",
        "container": {"type": "auto", "file_ids": [file_id], "memory_limit": "4g"},
    }
    first = await create(client, input="Go", tools=[tool])
    container_id = first["output"][0]["container_id"]
    container = await ok(await client.get(f"/v1/containers/{container_id}", headers=AUTH))
    assert container["memory_limit"] == "4g"
    names = [
        f["path"].rpartition("-")[2]
        for f in (await ok(await client.get(f"/v1/containers/{container_id}/files", headers=AUTH)))[
            "data"
        ]
    ]
    assert sorted(names) == ["/mnt/data/out.csv", "input.csv"]
    again = await create(client, input="More", tools=[AUTO], previous_response_id=first["id"])
    assert again["output"][0]["container_id"] == container_id  # the context's active container
    fresh = await create(client, input="Anew", tools=[AUTO])
    assert fresh["output"][0]["container_id"] != container_id


async def test_a_conversation_keeps_its_auto_container(serve):
    client = await serve(writes({"name": "out.csv", "content": CSV}))
    conversation = await ok(await client.post("/v1/conversations", json={}, headers=AUTH))
    first = await create(client, input="Go", tools=[AUTO], conversation=conversation["id"])
    again = await create(client, input="More", tools=[AUTO], conversation=conversation["id"])
    assert again["output"][0]["container_id"] == first["output"][0]["container_id"]


async def test_the_stream_carries_the_call_and_the_citation(serve):
    client = await serve(writes({"name": "report.csv", "content": CSV}))
    events = await stream(client, input="Make a CSV", tools=[AUTO])
    assert "response.code_interpreter_call.interpreting" in types(events)
    (added,) = [e for e in events if e["type"] == "response.output_text.annotation.added"]
    assert added["annotation"]["type"] == "container_file_citation"
    assert added["annotation"]["filename"] == "report.csv"
    done = events[-1]["response"]
    assert done["output"][1]["content"][0]["annotations"] == [added["annotation"]]


async def test_container_errors(serve):
    client = await serve(writes())
    named = {"type": "code_interpreter", "container": "cntr_missing"}
    error = await error_of(
        await post(client, {"model": "gpt-4o", "input": "x", "tools": [named]}), 404
    )
    assert (error["message"], error["param"]) == (
        "Container with id 'cntr_missing' not found.",
        None,
    )
    for container, param, message in (
        (None, "tools[0].container", "Missing required parameter: 'tools[0].container'."),
        (
            {"type": "auto", "memory_limit": "2g"},
            "tools[0].container.memory_limit",
            "Invalid value: '2g'. Supported values are: '1g', '4g', '16g', and '64g'.",
        ),
        (
            {"type": "auto", "file_ids": ["file-gone"]},
            "tools[0].container.file_ids",
            "No such File object: file-gone",
        ),
    ):
        tool = {"type": "code_interpreter"} | ({"container": container} if container else {})
        response = await post(client, {"model": "gpt-4o", "input": "x", "tools": [tool]})
        error = await error_of(response, 404 if "No such" in message else 400)
        assert (error["param"], error["message"]) == (param, message)


async def test_an_expired_container_is_refused(serve):
    client = await serve(writes())
    made = await ok(await client.post("/v1/containers", json={"name": "old"}, headers=AUTH))
    client.app[STATE].store.get(None, containers.KIND, made["id"]).body["last_active_at"] -= 21 * 60
    tool = {"type": "code_interpreter", "container": made["id"]}
    error = await error_of(
        await post(client, {"model": "gpt-4o", "input": "x", "tools": [tool]}), 400
    )
    assert (error["message"], error["param"], error["code"]) == (
        "Container is expired.",
        None,
        None,
    )


async def test_a_malformed_scripted_file_is_named(serve):
    client = await serve(writes({"name": "x.bin", "content_base64": "not base64!"}))
    response = await post(client, {"model": "gpt-4o", "input": "x", "tools": [AUTO]})
    error = await error_of(response, 500)
    assert "files.0.content_base64" in error["message"]


async def test_a_default_call_runs_code_about_the_question_in_a_new_container(serve):
    client = await serve()
    body = await create(client, input="Average the readings", tools=[AUTO])
    call = body["output"][0]
    assert call["code"] == "# Average the readings\nprint('Average the readings')"
    container = await ok(await client.get(f"/v1/containers/{call['container_id']}", headers=AUTH))
    assert container["status"] == "running"
