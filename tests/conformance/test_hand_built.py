"""Conformance of the hand-built operations: every operation an endpoint family builds by hand
gets a realistic request (a known model, a real file, the objects it names created first
through mockai's own routes), sent in the default mode and in `--lenient`, and the answer must
be the operation's success status with a body valid against its response schema, strictly (no
undeclared property). Streaming operations are sent a second time with streaming on, and every
event is checked against the operation's `text/event-stream` schema.

Realistic rather than generated requests: the default mode keeps the real API's business rules
(a model that exists, a PNG for an image edit, a batch input file that parses), which a request
built from the schema alone breaks; `tests/conformance/test_spec_driven.py` sends generated
requests to the spec-driven operations, and the official SDK's resource tests
(`tests/test_sdk_resources.py`) send schema-shaped requests to every operation in --lenient.
"""

from __future__ import annotations

import random
import time
from typing import Any

import aiohttp
import pytest
from cases import CASES, CHECKS, FILE, FINE_TUNED, USER, Api, Case, case, load
from generated import HAND_BUILT, send
from media import batch_line, png, wav
from openapi import parse_sse_events, validate_completion_chunk, validate_operation

from mockai.openapi.operations import Operation

# -- audio ------------------------------------------------------------------------------------


@case("createSpeech")
async def _speech(api: Api):
    body = {"model": "gpt-4o-mini-tts", "input": "Hello there", "voice": "alloy"}
    return await api.send("POST", "/v1/audio/speech", json=body)


@case("createSpeech stream")
async def _speech_stream(api: Api):
    body = {"model": "gpt-4o-mini-tts", "input": "Hi", "voice": "alloy", "stream_format": "sse"}
    return await api.send("POST", "/v1/audio/speech", json=body)


@case("createTranscription")
async def _transcription(api: Api):
    form = {"model": "gpt-4o-transcribe", "file": ("clip.wav", wav(), "audio/wav")}
    return await api.send("POST", "/v1/audio/transcriptions", form=form)


@case("createTranscription stream")
async def _transcription_stream(api: Api):
    form = {
        "model": "gpt-4o-mini-transcribe",
        "stream": "true",
        "file": ("clip.wav", wav(), "audio/wav"),
    }
    return await api.send("POST", "/v1/audio/transcriptions", form=form)


@case("createTranslation")
async def _translation(api: Api):
    form = {"model": "whisper-1", "file": ("clip.wav", wav(), "audio/wav")}
    return await api.send("POST", "/v1/audio/translations", form=form)


# -- batches, files, uploads ------------------------------------------------------------------


@case("listBatches")
async def _list_batches(api: Api):
    await api.batch()
    return await api.send("GET", "/v1/batches", params={"limit": "5"})


@case("createBatch")
async def _create_batch(api: Api):
    body = {
        "input_file_id": await api.file(),
        "endpoint": "/v1/chat/completions",
        "completion_window": "24h",
        "metadata": {"suite": "conformance"},
    }
    return await api.send("POST", "/v1/batches", json=body)


@case("retrieveBatch")
async def _retrieve_batch(api: Api):
    return await api.send("GET", f"/v1/batches/{await api.batch()}")


@case("cancelBatch")
async def _cancel_batch(api: Api):
    return await api.send("POST", f"/v1/batches/{await api.batch()}/cancel")


@case("listFiles")
async def _list_files(api: Api):
    await api.file()
    return await api.send("GET", "/v1/files", params={"purpose": "batch"})


@case("createFile")
async def _create_file(api: Api):
    form = {"purpose": "assistants", "file": ("notes.txt", b"Some notes.\n", "text/plain")}
    return await api.send("POST", "/v1/files", form=form)


@case("retrieveFile")
async def _retrieve_file(api: Api):
    return await api.send("GET", f"/v1/files/{await api.file()}")


@case("deleteFile")
async def _delete_file(api: Api):
    return await api.send("DELETE", f"/v1/files/{await api.file()}")


@case("downloadFile")
async def _download_file(api: Api):
    return await api.send("GET", f"/v1/files/{await api.file()}/content")


@case("createUpload")
async def _create_upload(api: Api):
    body = {"filename": "a.jsonl", "purpose": "batch", "bytes": 10, "mime_type": "text/jsonl"}
    return await api.send("POST", "/v1/uploads", json=body)


@case("addUploadPart")
async def _add_part(api: Api):
    part = ("blob", batch_line(), "application/octet-stream")
    return await api.send("POST", f"/v1/uploads/{await api.upload()}/parts", form={"data": part})


@case("completeUpload")
async def _complete_upload(api: Api):
    upload = await api.upload()
    part = ("blob", batch_line(), "application/octet-stream")
    made = await api.made("POST", f"/v1/uploads/{upload}/parts", form={"data": part})
    body = {"part_ids": [made["id"]]}
    return await api.send("POST", f"/v1/uploads/{upload}/complete", json=body)


@case("cancelUpload")
async def _cancel_upload(api: Api):
    return await api.send("POST", f"/v1/uploads/{await api.upload()}/cancel")


# -- chat and completions ---------------------------------------------------------------------


@case("createChatCompletion")
async def _chat(api: Api):
    body = {"model": "gpt-4o-mini", "messages": USER, "logprobs": True, "top_logprobs": 2}
    return await api.send("POST", "/v1/chat/completions", json=body)


@case("createChatCompletion stream")
async def _chat_stream(api: Api):
    body = {
        "model": "gpt-4o-mini",
        "messages": USER,
        "stream": True,
        "stream_options": {"include_usage": True},
    }
    return await api.send("POST", "/v1/chat/completions", json=body)


@case("listChatCompletions")
async def _list_chats(api: Api):
    await api.stored_chat()
    return await api.send("GET", "/v1/chat/completions", params={"model": "gpt-4o-mini"})


@case("getChatCompletion")
async def _get_chat(api: Api):
    return await api.send("GET", f"/v1/chat/completions/{await api.stored_chat()}")


@case("updateChatCompletion")
async def _update_chat(api: Api):
    path = f"/v1/chat/completions/{await api.stored_chat()}"
    return await api.send("POST", path, json={"metadata": {"reviewed": "yes"}})


@case("deleteChatCompletion")
async def _delete_chat(api: Api):
    return await api.send("DELETE", f"/v1/chat/completions/{await api.stored_chat()}")


@case("getChatCompletionMessages")
async def _chat_messages(api: Api):
    return await api.send("GET", f"/v1/chat/completions/{await api.stored_chat()}/messages")


@case("createCompletion")
async def _completion(api: Api):
    body = {"model": "gpt-3.5-turbo-instruct", "prompt": "Say this is a test", "max_tokens": 7}
    return await api.send("POST", "/v1/completions", json=body)


@case("createEmbedding")
async def _embedding(api: Api):
    body = {"model": "text-embedding-3-small", "input": ["hello", "world"], "dimensions": 8}
    return await api.send("POST", "/v1/embeddings", json=body)


@case("createModeration")
async def _moderation(api: Api):
    body = {"model": "omni-moderation-latest", "input": "I like turtles."}
    return await api.send("POST", "/v1/moderations", json=body)


# -- images -----------------------------------------------------------------------------------


@case("createImage")
async def _image(api: Api):
    body = {"model": "gpt-image-1", "prompt": "A red square", "size": "1024x1024"}
    return await api.send("POST", "/v1/images/generations", json=body)


@case("createImage stream")
async def _image_stream(api: Api):
    body = {"model": "gpt-image-1", "prompt": "A red square", "stream": True, "partial_images": 1}
    return await api.send("POST", "/v1/images/generations", json=body)


def _edit_form(**extra: str) -> dict[str, str | FILE]:
    return {
        "model": "gpt-image-1",
        "prompt": "Make it blue",
        "image": ("in.png", png(), "image/png"),
        **extra,
    }


@case("createImageEdit")
async def _image_edit(api: Api):
    return await api.send("POST", "/v1/images/edits", form=_edit_form())


@case("createImageEdit stream")
async def _image_edit_stream(api: Api):
    form = _edit_form(stream="true", partial_images="1")
    return await api.send("POST", "/v1/images/edits", form=form)


@case("createImageVariation")
async def _image_variation(api: Api):
    form = {"model": "dall-e-2", "n": "1", "image": ("in.png", png(), "image/png")}
    return await api.send("POST", "/v1/images/variations", form=form)


# -- models -----------------------------------------------------------------------------------


@case("listModels")
async def _list_models(api: Api):
    return await api.send("GET", "/v1/models")


@case("retrieveModel")
async def _retrieve_model(api: Api):
    return await api.send("GET", "/v1/models/gpt-4o-mini")


@case("deleteModel")
async def _delete_model(api: Api):
    return await api.send("DELETE", f"/v1/models/{FINE_TUNED}")


# -- the administration API's usage, costs and audit logs ---------------------------------------

USAGE = [op for op in HAND_BUILT if op.startswith("usage-") and op != "usage-costs"]


def _usage_case(operation_id: str) -> Case:
    async def send(api: Api):
        # Traffic first, so the buckets hold results and not only empty pages.
        await api.made("POST", "/v1/chat/completions", json={"model": "gpt-4o", "messages": USER})
        op = HAND_BUILT[operation_id]
        params = {"start_time": str(int(time.time()) - 86400), "bucket_width": "1h"}
        group_by = next((p for p in op.parameters_in("query") if p.name == "group_by"), None)
        if group_by is not None:  # by model where the operation can, else its first grouping
            allowed = group_by.schema["items"]["enum"]
            params["group_by"] = "model" if "model" in allowed else allowed[0]
        return await api.send("GET", "/v1" + op.route, params=params)

    return send


for _operation_id in USAGE:
    case(_operation_id)(_usage_case(_operation_id))


@case("usage-costs")
async def _costs(api: Api):
    await api.made("POST", "/v1/chat/completions", json={"model": "gpt-4o", "messages": USER})
    params = {"start_time": str(int(time.time()) - 86400), "group_by": "line_item"}
    return await api.send("GET", "/v1/organization/costs", params=params)


@case("list-audit-logs")
async def _audit_logs(api: Api):
    return await api.send("GET", "/v1/organization/audit_logs", params={"limit": "10"})


# -- Realtime over HTTP ---------------------------------------------------------------------------

OFFER = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=mid:0\r\na=rtpmap:111 opus/48000/2\r\n"
REALTIME = {"type": "realtime", "model": "gpt-realtime"}


@case("create-realtime-client-secret")
async def _client_secret(api: Api):
    body = {"expires_after": {"anchor": "created_at", "seconds": 600}, "session": REALTIME}
    return await api.send("POST", "/v1/realtime/client_secrets", json=body)


@case("create-realtime-translation-client-secret")
async def _translation_secret(api: Api):
    body = {"session": {"model": "gpt-realtime-translate", "audio": {"output": {"language": "es"}}}}
    return await api.send("POST", "/v1/realtime/translations/client_secrets", json=body)


@case("create-realtime-session")
async def _realtime_session(api: Api):
    body = {"model": "gpt-realtime", "modalities": ["audio", "text"], "instructions": "Hi."}
    return await api.send("POST", "/v1/realtime/sessions", json=body)


@case("create-realtime-transcription-session")
async def _transcription_session(api: Api):
    return await api.send("POST", "/v1/realtime/transcription_sessions", json={})


async def _call(api: Api) -> str:
    form = {"sdp": ("offer.sdp", OFFER.encode(), "application/sdp")}
    response = await api.send("POST", "/v1/realtime/calls", form=form)
    assert response.status == 201, await response.text()
    return response.headers["Location"].rpartition("/")[2]


@case("create-realtime-call")
async def _create_call(api: Api):
    return await api.send(
        "POST", "/v1/realtime/calls", form={"sdp": OFFER, "session": '{"type": "realtime"}'}
    )


@case("accept-realtime-call")
async def _accept_call(api: Api):
    return await api.send("POST", f"/v1/realtime/calls/{await _call(api)}/accept", json=REALTIME)


@case("reject-realtime-call")
async def _reject_call(api: Api):
    path = f"/v1/realtime/calls/{await _call(api)}/reject"
    return await api.send("POST", path, json={"status_code": 486})


@case("refer-realtime-call")
async def _refer_call(api: Api):
    call = await _call(api)
    await api.send("POST", f"/v1/realtime/calls/{call}/accept", json=REALTIME)
    path = f"/v1/realtime/calls/{call}/refer"
    return await api.send("POST", path, json={"target_uri": "tel:+14155550123"})


@case("hangup-realtime-call")
async def _hangup_call(api: Api):
    return await api.send("POST", f"/v1/realtime/calls/{await _call(api)}/hangup")


# -- Responses, and their `?beta=true` twins --------------------------------------------------


def _beta(beta: bool) -> dict[str, Any]:
    return {"params": {"beta": "true"}} if beta else {}


def _responses_cases(prefix: str, beta: bool) -> None:
    kw = _beta(beta)

    @case(f"{prefix}createResponse")
    async def _create(api: Api):
        body = {"model": "gpt-4o-mini", "input": "Hello", "instructions": "Be brief."}
        return await api.send("POST", "/v1/responses", json=body, **kw)

    @case(f"{prefix}createResponse stream")
    async def _create_stream(api: Api):
        body = {"model": "gpt-4o-mini", "input": "Hello", "stream": True}
        return await api.send("POST", "/v1/responses", json=body, **kw)

    @case(f"{prefix}getResponse")
    async def _get(api: Api):
        return await api.send("GET", f"/v1/responses/{await api.stored_response()}", **kw)

    @case(f"{prefix}deleteResponse")
    async def _delete(api: Api):
        return await api.send("DELETE", f"/v1/responses/{await api.stored_response()}", **kw)

    @case(f"{prefix}cancelResponse")
    async def _cancel(api: Api):
        made = await api.stored_response(background=True)
        return await api.send("POST", f"/v1/responses/{made}/cancel", **kw)

    @case(f"{prefix}listInputItems")
    async def _items(api: Api):
        path = f"/v1/responses/{await api.stored_response()}/input_items"
        return await api.send("GET", path, **kw)

    @case(f"{prefix}Getinputtokencounts")
    async def _count(api: Api):
        body = {"model": "gpt-4o-mini", "input": "Hello there"}
        return await api.send("POST", "/v1/responses/input_tokens", json=body, **kw)

    @case(f"{prefix}Compactconversation")
    async def _compact(api: Api):
        body = {"model": "gpt-4o-mini", "input": [{"role": "user", "content": "Hello there"}]}
        return await api.send("POST", "/v1/responses/compact", json=body, **kw)


_responses_cases("", beta=False)
_responses_cases("beta_", beta=True)


# -- the check --------------------------------------------------------------------------------


load()  # the later families' cases (`cases_<family>.py`)


async def _check(op: Operation, response: aiohttp.ClientResponse, stream: bool) -> None:
    raw = await response.read()
    assert response.status == op.success.status, raw[:2000]
    template, method, status = op.path, op.method, op.success.status
    if op.operation_id in CHECKS and not stream:
        await CHECKS[op.operation_id](response)
    elif stream:
        assert response.content_type == "text/event-stream"
        events = [data for _, data in parse_sse_events(raw.decode()) if data != "[DONE]"]
        assert events, "a stream without events"
        for event in events:
            validate_operation(template, method, status, event, media="text/event-stream")
    elif op.operation_id == "createSpeech":
        # The description says application/octet-stream; the real API names the format
        # (audio/mpeg for the default mp3), as mockai does.
        assert response.content_type == "audio/mpeg" and raw[:3] in (b"ID3", b"\xff\xfb")
    elif op.operation_id == "downloadFile":
        # The description declares a JSON string; the real API sends the file's own bytes.
        assert raw == batch_line()
    elif op.operation_id == "create-realtime-call":
        # An SDP answer; the call id in `Location` (the description declares the header).
        assert response.content_type == "application/sdp" and raw.startswith(b"v=0\r\n")
        assert response.headers["Location"].startswith("/v1/realtime/calls/rtc_")
    elif op.operation_id.endswith("-realtime-call"):  # the call actions: no body, as declared
        assert raw == b""
    elif op.operation_id in ("deleteResponse", "beta_deleteResponse"):
        # The description declares no body; the real API answers the deletion object.
        assert await response.json() == {
            "id": response.url.path.rpartition("/")[2],
            "object": "response",
            "deleted": True,
        }
    else:
        assert response.content_type == "application/json", response.content_type
        validate_operation(template, method, status, await response.json())


@pytest.mark.parametrize("lenient", [False, True], ids=["default", "lenient"])
@pytest.mark.parametrize("name", sorted(CASES))
async def test_the_answer_is_the_success_the_description_declares(
    serve, name, lenient, record_property
):
    operation_id, _, streaming = name.partition(" ")
    op = HAND_BUILT[operation_id]
    record_property("conformance", f"{operation_id} {'lenient' if lenient else 'default'}")
    response = await CASES[name](Api(await serve(lenient=lenient)))
    await _check(op, response, stream=bool(streaming))


@pytest.mark.parametrize("operation_id", sorted(HAND_BUILT))
async def test_lenient_answers_a_request_generated_from_the_schema(serve, operation_id):
    """`--lenient` as a drop-in schema mock: whatever the request schema allows (any model,
    voice, tool name, tool or item type the description lists, any id) is answered with the
    declared success, though the real API's stricter rules would refuse much of it."""
    op = HAND_BUILT[operation_id]
    client = await serve(lenient=True)
    names = {p.name: f"{p.name}_conformance" for p in op.parameters_in("path")}
    query = "?" + "&".join(f"{k}={v}" for k, v in op.query.items()) if op.query else ""
    response, _ = await send(client, op, "/v1" + op.route.format_map(names) + query, _rng(op))
    raw = await response.read()
    assert response.status == op.success.status, raw[:2000]
    if response.content_type == "text/event-stream":
        for _, event in parse_sse_events(raw.decode()):
            if event == "[DONE]":
                continue
            if "text/event-stream" in op.success.content_types:
                validate_operation(op.path, op.method, 200, event, media="text/event-stream")
            else:  # legacy completions declare no stream (see tests/openapi.py)
                validate_completion_chunk(event)
    elif op.success.json and response.content_type == "application/json":
        validate_operation(op.path, op.method, op.success.status, await response.json())


def _rng(op: Operation) -> random.Random:
    return random.Random(f"{op.operation_id} generated")


def test_every_hand_built_operation_has_a_case():
    """And every one that can stream has a streaming case."""
    assert {name.split()[0] for name in CASES} == set(HAND_BUILT)
    streaming = {
        op.operation_id
        for op in HAND_BUILT.values()
        if "text/event-stream" in op.success.content_types
    }
    assert {name.split()[0] for name in CASES if name.endswith(" stream")} == streaming
