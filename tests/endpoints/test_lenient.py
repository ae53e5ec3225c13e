"""`--lenient` as a drop-in schema mock, side by side with the default (realistic) mode, through
the server: any id exists, any value the description allows passes (not the real API's stricter
rules), any file content, any key on the Admin API. The description's own constraints still
hold in both modes."""

from __future__ import annotations

import json
from typing import Any

import aiohttp
import pytest
from helpers import AUTH
from helpers import api_json as validated_json

HI = [{"role": "user", "content": "hi"}]


async def call(client, method: str, path: str, body: Any = None, headers: dict | None = None):
    sent = {**AUTH, **(headers or {})}
    data = body if isinstance(body, aiohttp.FormData) else None
    if body is not None and data is None:
        data = json.dumps(body)
        sent["Content-Type"] = "application/json"
    return await client.request(method, path, data=data, headers=sent)


async def both(serve, method: str, path: str, body: Any = None, headers: dict | None = None):
    """(default response, lenient response) for the same request (a form is built twice)."""
    default = await call(await serve(), method, path, body() if callable(body) else body, headers)
    lenient = await call(
        await serve(lenient=True), method, path, body() if callable(body) else body, headers
    )
    return default, lenient


async def api_json(response) -> Any:
    """The JSON body. Not validated against the description: an empty page's null cursors
    and a file's null `status_details` are the real API's, which the description does not
    allow; the stand-ins generated from it are validated where they are made."""
    return await response.json(content_type=None)


async def error_of(response) -> dict[str, Any]:
    """The error object (some operations' descriptions give their 404s another shape)."""
    return (await response.json(content_type=None))["error"]


# -- any id exists -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("method", "path", "message"),
    [
        ("GET", "/v1/responses/resp_never", "Response with id 'resp_never' not found."),
        ("POST", "/v1/responses/resp_never/cancel", "Response with id 'resp_never' not found."),
        ("GET", "/v1/responses/resp_never/input_items", "Response with id 'resp_never' not found."),
        ("DELETE", "/v1/responses/resp_never", "Response with id 'resp_never' not found."),
        ("GET", "/v1/chat/completions/cc_never", "Chat completion with id 'cc_never' not found."),
        (
            "GET",
            "/v1/chat/completions/cc_never/messages",
            "Chat completion with id 'cc_never' not found.",
        ),
        ("GET", "/v1/files/file-never", "No such File object: file-never"),
        ("GET", "/v1/batches/batch_never", "No batch found with id 'batch_never'."),
        ("POST", "/v1/batches/batch_never/cancel", "No batch found with id 'batch_never'."),
        ("POST", "/v1/uploads/upload_never/cancel", "No such Upload object: upload_never"),
        ("GET", "/v1/models/my-own-model", "The model 'my-own-model' does not exist"),
        ("DELETE", "/v1/models/ft:my-base:acme::never", None),
    ],
)
async def test_an_id_never_made_is_a_404_by_default_and_exists_leniently(
    serve, method, path, message
):
    default, lenient = await both(serve, method, path)
    assert default.status == 404
    if message is not None:
        assert (await error_of(default))["message"] == message
    assert lenient.status == 200, await lenient.text()
    body = await api_json(lenient)
    last = path.rstrip("/").split("/")[-1]
    named = last if last not in ("cancel", "messages", "input_items") else path.split("/")[-2]
    assert body.get("id", named) == named or body.get("object") == "list"


async def test_a_stand_in_is_kept_and_changes_like_a_made_object(serve):
    client = await serve(lenient=True)
    first = await validated_json(await call(client, "GET", "/v1/responses/resp_kept"))
    again = await validated_json(await call(client, "GET", "/v1/responses/resp_kept"))
    completion = await validated_json(await call(client, "GET", "/v1/chat/completions/cc_kept"))
    assert (completion["id"], completion["object"]) == ("cc_kept", "chat.completion")
    assert first == again and first["id"] == "resp_kept" and first["object"] == "response"
    batch = await api_json(await call(client, "POST", "/v1/batches/batch_kept/cancel"))
    assert batch["status"] == "cancelling"
    kept = await api_json(await call(client, "GET", "/v1/batches/batch_kept"))
    assert kept["status"] == "cancelling"
    content = await call(client, "GET", "/v1/files/file-kept/content")
    assert content.status == 200 and b"file-kept" in await content.read()
    deleted = await api_json(await call(client, "DELETE", "/v1/files/file-kept"))
    assert deleted == {"id": "file-kept", "object": "file", "deleted": True}


async def test_an_upload_never_created_takes_parts_and_completes_leniently(serve):
    client = await serve(lenient=True)
    form = aiohttp.FormData()
    form.add_field("data", b"abc", filename="part")
    part = await api_json(await call(client, "POST", "/v1/uploads/upload_x/parts", form))
    done = await call(
        client, "POST", "/v1/uploads/upload_x/complete", {"part_ids": [part["id"], "part_never"]}
    )
    body = await api_json(done)
    assert (body["status"], body["file"]["bytes"]) == ("completed", 3)
    # a second completion: the real API's 409, not the description's
    again = await call(client, "POST", "/v1/uploads/upload_x/complete", {"part_ids": []})
    assert again.status == 200


async def test_previous_response_id_never_made(serve):
    body = {"model": "gpt-4o", "input": "hi", "previous_response_id": "resp_never"}
    default, lenient = await both(serve, "POST", "/v1/responses", body)
    assert (await error_of(default))["code"] == "previous_response_not_found"
    assert (await api_json(lenient))["status"] == "completed"


# -- any value the description allows --------------------------------------------------------
@pytest.mark.parametrize(
    ("path", "body", "code"),
    [
        # bounds stricter than the description's (it states none)
        (
            "/v1/chat/completions",
            {"model": "gpt-4o", "messages": HI, "max_completion_tokens": 0},
            "integer_below_min_value",
        ),
        (
            "/v1/responses",
            {"model": "gpt-4o", "input": "hi", "max_tool_calls": 0},
            "integer_below_min_value",
        ),
        # the real API's cross-field rules
        (
            "/v1/chat/completions",
            {"model": "gpt-4o", "messages": HI, "stream_options": {"include_usage": True}},
            None,
        ),
        (
            "/v1/chat/completions",
            {"model": "gpt-4o", "messages": HI, "tool_choice": "auto"},
            None,
        ),
        (
            "/v1/completions",
            {"model": "gpt-3.5-turbo-instruct", "prompt": "hi", "n": 2, "best_of": 1},
            None,
        ),
        (
            "/v1/responses",
            {"model": "gpt-4o", "input": "hi", "background": True, "store": False},
            None,
        ),
        # the description lets a Responses call name no model
        ("/v1/responses", {"input": "hi"}, "missing_required_parameter"),
        # a pattern the description does not state (tool names): made to fit, not dropped
        (
            "/v1/chat/completions",
            {
                "model": "gpt-4o",
                "messages": HI,
                "tools": [{"type": "function", "function": {"name": "look up", "parameters": {}}}],
            },
            "invalid_value",
        ),
        (
            "/v1/responses/input_tokens",
            {"model": "gpt-4o", "input": "hi", "tools": [{"type": "custom", "name": "my tool"}]},
            "invalid_value",
        ),
        # a known model's own rules (mockai.models.capabilities) and its dimensions
        ("/v1/completions", {"model": "gpt-4o", "prompt": "hi"}, None),
        ("/v1/embeddings", {"model": "gpt-4o", "input": "hi"}, None),
        (
            "/v1/embeddings",
            {"model": "text-embedding-ada-002", "input": "hi", "dimensions": 8},
            None,
        ),
        (
            "/v1/chat/completions",
            {"model": "o3", "messages": HI, "max_tokens": 5},
            "unsupported_parameter",
        ),
        # a picture's size and quality another model has
        (
            "/v1/images/generations",
            {"model": "gpt-image-1", "prompt": "a", "size": "1792x1024"},
            "invalid_value",
        ),
        (
            "/v1/images/generations",
            {"model": "gpt-image-1", "prompt": "a", "quality": "hd"},
            "invalid_value",
        ),
    ],
)
async def test_the_real_apis_stricter_rules_hold_by_default_only(serve, path, body, code):
    default, lenient = await both(serve, "POST", path, body)
    assert default.status in (400, 403, 404)
    assert (await error_of(default))["code"] == code
    assert lenient.status == 200, await lenient.text()
    await api_json(lenient)


async def test_a_lenient_answer_reports_what_it_served(serve):
    """A value made to fit is what the answer shows: the tool name as it could be called, the
    picture at the model's size of the same orientation."""
    client = await serve(lenient=True)
    tool = {"type": "function", "function": {"name": "look up", "parameters": {}}}
    scripted = await client.post(
        "/v1/chat/completions",
        json={"model": "gpt-4o", "messages": HI, "tools": [tool], "tool_choice": "required"},
        headers=AUTH,
    )
    call = (await api_json(scripted))["choices"][0]["message"]["tool_calls"][0]
    assert call["function"]["name"] == "look_up"
    wide = {"model": "gpt-image-1", "prompt": "a", "size": "1792x1024"}
    picture = await client.post("/v1/images/generations", json=wide, headers=AUTH)
    assert (await api_json(picture))["size"] == "1536x1024"


@pytest.mark.parametrize(
    ("kind", "beta"),
    [("tool_search_output", False), ("shell_call", False), ("multi_agent_call", True)],
)
async def test_every_input_item_type_the_description_lists_is_taken(serve, kind, beta):
    client = await serve()
    item = {"type": kind, "call_id": "call_1", "id": "item_1", "output": [], "action": {}}
    headers = {**AUTH, "OpenAI-Beta": "responses_multi_agent=v1"} if beta else AUTH
    body = {"model": "gpt-4o", "input": [item]}
    response = await client.post("/v1/responses/input_tokens", json=body, headers=headers)
    assert response.status == 200, await response.text()
    if beta:  # without the beta its items are refused, as the real API does
        plain = await client.post("/v1/responses/input_tokens", json=body, headers=AUTH)
        assert (await error_of(plain))["param"] == "input[0].type"


@pytest.mark.parametrize(
    ("path", "body", "param"),
    [
        ("/v1/chat/completions", {"model": "gpt-4o", "messages": HI, "temperature": 3}, None),
        ("/v1/chat/completions", {"model": "gpt-4o", "messages": HI, "n": "2"}, "n"),
        ("/v1/responses", {"model": "gpt-4o", "input": "hi", "max_output_tokens": "x"}, None),
        ("/v1/chat/completions", {"model": "gpt-4o"}, "messages"),
    ],
)
async def test_the_descriptions_own_constraints_hold_in_both_modes(serve, path, body, param):
    default, lenient = await both(serve, "POST", path, body)
    assert default.status == lenient.status == 400
    assert await error_of(default) == await error_of(lenient)


@pytest.mark.parametrize(
    "query",
    ["/v1/files?limit=0", "/v1/batches?limit=0", "/v1/chat/completions?order=ascending"],
)
async def test_list_parameters_the_descriptions_allow(serve, query):
    default, lenient = await both(serve, "GET", query)
    assert default.status == 400
    assert (await api_json(lenient))["object"] == "list"


async def test_usage_windows_and_cursors_the_real_api_refuses(serve):
    path = "/v1/organization/usage/completions?start_time=100&end_time=100&page=page"
    admin = {"Authorization": "Bearer sk-admin-test"}
    default, lenient = await both(serve, "GET", path, headers=admin)
    assert (await error_of(default))["param"] == "end_time"
    assert (await api_json(lenient))["object"] == "page"


async def test_any_key_opens_the_admin_api_leniently(serve):
    path = "/v1/organization/usage/completions?start_time=100"
    default, lenient = await both(serve, "GET", path)
    assert default.status == 403
    assert "api.usage.read" in (await error_of(default))["message"]
    assert (await api_json(lenient))["object"] == "page"


# -- any file content --------------------------------------------------------------------------
def _audio_form() -> aiohttp.FormData:
    form = aiohttp.FormData()
    form.add_field("model", "whisper-1")
    form.add_field("response_format", "diarized_json")
    form.add_field("file", b"Example data", filename="upload")
    return form


async def test_a_transcription_takes_any_file_and_format_leniently(serve):
    default, lenient = await both(serve, "POST", "/v1/audio/transcriptions", _audio_form)
    assert default.status == 400
    assert "text" in await api_json(lenient)


def _batch_file() -> aiohttp.FormData:
    form = aiohttp.FormData()
    form.add_field("purpose", "batch")
    form.add_field("file", b"not JSON lines", filename="requests.txt")
    return form


async def test_a_batch_file_may_hold_anything_leniently(serve):
    default, lenient = await both(serve, "POST", "/v1/files", _batch_file)
    assert (await error_of(default))[
        "message"
    ] == "Invalid file format for Batch API. Must be .jsonl"
    assert (await api_json(lenient))["purpose"] == "batch"


def _image_form(model: str, size: str | None = None) -> aiohttp.FormData:
    form = aiohttp.FormData()
    form.add_field("model", model)
    form.add_field("prompt", "an otter")
    if size is not None:
        form.add_field("size", size)
    form.add_field("image", b"Example data", filename="image.png", content_type="image/png")
    return form


@pytest.mark.parametrize(
    ("path", "model", "size"),
    [
        ("/v1/images/edits", "gpt-image-1", None),  # no picture at all
        ("/v1/images/edits", "dall-e-2", "1536x1024"),  # a size the model lacks
        ("/v1/images/variations", "gpt-image-1", None),  # a model without variations
    ],
)
async def test_image_uploads_take_any_model_size_and_file_leniently(serve, path, model, size):
    default, lenient = await both(serve, "POST", path, lambda: _image_form(model, size))
    assert default.status == 400
    assert lenient.status == 200, await lenient.text()
    assert len((await api_json(lenient))["data"]) == 1


async def test_a_json_edit_may_name_a_file_never_uploaded_leniently(serve):
    body = {"model": "gpt-image-1", "prompt": "an otter", "images": [{"file_id": "file-never"}]}
    default, lenient = await both(serve, "POST", "/v1/images/edits", body)
    assert default.status == 404, await default.text()
    assert len((await api_json(lenient))["data"]) == 1


def _edit_with_markup() -> aiohttp.FormData:
    form = _image_form("gpt-image-1")
    form.add_field("markup", b"a newer field", filename="markup.png", content_type="image/png")
    return form


async def test_a_file_sent_for_a_field_mockai_does_not_know_is_dropped_leniently(serve):
    default, lenient = await both(serve, "POST", "/v1/images/edits", _edit_with_markup)
    assert (await error_of(default))["message"] == (
        "Invalid type for 'markup': expected a string, but got a file instead."
    )
    assert len((await api_json(lenient))["data"]) == 1
