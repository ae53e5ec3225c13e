"""Malformed upload forms, sent to every multipart route over raw HTTP: each is the real API's
400 (413 for an audio file over its limit) in the OpenAI error shape, with `param` naming the
field at fault where one is, and nothing is logged as a crash.

Every route reads its form through `mockai.toolkit.multipart`; before it, a part header without
a colon or with control characters was a 500 everywhere, and the audio routes answered 500 to
a missing boundary or a truncated body too.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass

import openai
import pytest
from helpers import AUTH
from openapi import validate_error

import mockai.endpoints.audio.request as audio_request
import mockai.endpoints.files.handlers as files_handlers
import mockai.endpoints.images.request as images_request
import mockai.endpoints.uploads.handlers as uploads_handlers

BOUNDARY = "B"
FORM = f"multipart/form-data; boundary={BOUNDARY}"
SMALL_LIMIT = 64 * 1024  # the limit a route's file parts get for the huge-part case


@dataclass(frozen=True)
class Route:
    path: str
    file_field: str
    filename: str
    text: dict[str, str]  # text fields that make the form valid but for the fault under test
    limit: tuple[object, str]  # (module, name) of the route's file size limit
    too_large: int = 400
    file_as_text_param: str | None = None  # what `param` names when text is sent for the file
    names_param: bool = True  # the audio service words errors without `param`


ROUTES = {
    "files": Route(
        "/v1/files",
        "file",
        "input.jsonl",
        {"purpose": "user_data"},
        (files_handlers, "MAX_FILE_BYTES"),
        file_as_text_param="file",
    ),
    "upload parts": Route(
        "/v1/uploads/{upload_id}/parts",
        "data",
        "blob",
        {},
        (uploads_handlers, "MAX_PART_BYTES"),
        file_as_text_param="data",
    ),
    "image edits": Route(
        "/v1/images/edits",
        "image",
        "otter.png",
        {"model": "gpt-image-1", "prompt": "A hat"},
        (images_request, "GPT_UPLOAD_LIMIT"),
    ),
    "image variations": Route(
        "/v1/images/variations",
        "image",
        "otter.png",
        {"model": "dall-e-2"},
        (images_request, "GPT_UPLOAD_LIMIT"),
    ),
    "transcriptions": Route(
        "/v1/audio/transcriptions",
        "file",
        "clip.wav",
        {"model": "whisper-1"},
        (audio_request, "UPLOAD_LIMIT"),
        too_large=413,
        names_param=False,
    ),
    "translations": Route(
        "/v1/audio/translations",
        "file",
        "clip.wav",
        {"model": "whisper-1"},
        (audio_request, "UPLOAD_LIMIT"),
        too_large=413,
        names_param=False,
    ),
}


def text_part(name: str, value: str) -> bytes:
    return (
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'
    ).encode()


def file_head(name: str, filename: str) -> bytes:
    return (
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="{name}"; '
        f'filename="{filename}"\r\nContent-Type: application/octet-stream\r\n\r\n'
    ).encode()


def file_part(name: str, filename: str, data: bytes = b"some bytes") -> bytes:
    return file_head(name, filename) + data + b"\r\n"


END = f"--{BOUNDARY}--\r\n".encode()


def fields(route: Route) -> bytes:
    return b"".join(text_part(name, value) for name, value in route.text.items())


def valid(route: Route) -> bytes:
    return fields(route) + file_part(route.file_field, route.filename) + END


@dataclass(frozen=True)
class Fault:
    """A malformed form: its Content-Type and body for a route, and the field it blames."""

    content_type: Callable[[Route], str]
    body: Callable[[Route], bytes]
    param: Callable[[Route], str | None] = lambda route: None
    applies: Callable[[Route], bool] = lambda route: True


def first_text(route: Route) -> str:
    return next(iter(route.text))


FAULTS = {
    "missing boundary": Fault(lambda r: "multipart/form-data", valid),
    "empty body": Fault(lambda r: FORM, lambda r: b""),
    "truncated body": Fault(
        lambda r: FORM, lambda r: fields(r) + file_head(r.file_field, r.filename) + b"half a fi"
    ),
    "no closing boundary": Fault(
        lambda r: FORM, lambda r: fields(r) + file_part(r.file_field, r.filename)
    ),
    "header without a colon": Fault(
        lambda r: FORM, lambda r: f"--{BOUNDARY}\r\nxx\r\n\r\nv\r\n".encode() + END
    ),
    "control character in name": Fault(
        lambda r: FORM, lambda r: text_part("mo\x01del", "x") + valid(r)
    ),
    "part without a name": Fault(
        lambda r: FORM,
        lambda r: (
            (f"--{BOUNDARY}\r\nContent-Disposition: form-data\r\n\r\nv\r\n").encode() + valid(r)
        ),
    ),
    "nested multipart": Fault(
        lambda r: FORM,
        lambda r: (
            (
                f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="{r.file_field}"\r\n'
                "Content-Type: multipart/mixed; boundary=C\r\n\r\n--C\r\n\r\nx\r\n--C--\r\n"
            ).encode()
            + END
        ),
    ),
    "text sent as a file": Fault(
        lambda r: FORM,
        lambda r: (
            file_part(first_text(r), "value.txt", r.text[first_text(r)].encode())
            + file_part(r.file_field, r.filename)
            + END
        ),
        param=first_text,
        applies=lambda r: bool(r.text),
    ),
    "file sent as text": Fault(
        lambda r: FORM,
        lambda r: fields(r) + text_part(r.file_field, "not a file") + END,
        param=lambda r: r.file_as_text_param,
    ),
    "field sent twice": Fault(
        lambda r: FORM,
        lambda r: (
            valid(r).replace(END, fields(r) if r.text else file_part(r.file_field, r.filename))
            + END
        ),
        param=lambda r: first_text(r) if r.text else r.file_field,
    ),
}

CASES = [
    pytest.param(route, fault, id=f"{route}: {fault}")
    for route in ROUTES
    for fault in FAULTS
    if FAULTS[fault].applies(ROUTES[route])
]


async def route_path(client, route: Route) -> str:
    """The route's URL; an Upload's parts route needs a pending Upload."""
    if "{upload_id}" not in route.path:
        return route.path
    created = await client.post(
        "/v1/uploads",
        headers=AUTH,
        json={
            "filename": "big.jsonl",
            "purpose": "assistants",
            "bytes": 1 << 30,
            "mime_type": "application/jsonl",
        },
    )
    assert created.status == 200, await created.text()
    return route.path.format(upload_id=(await created.json())["id"])


def assert_no_crash_logged(caplog) -> None:
    crashes = [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]
    assert not crashes, [r.getMessage() for r in crashes]


async def refused(response, status: int) -> dict:
    assert response.status == status, await response.text()
    assert response.headers["Content-Type"].startswith("application/json")
    body = await response.json()
    validate_error(body)
    return body["error"]


@pytest.mark.parametrize(("route_name", "fault_name"), CASES)
async def test_malformed_form_is_a_400(serve, caplog, route_name, fault_name):
    route, fault = ROUTES[route_name], FAULTS[fault_name]
    client = await serve()
    caplog.set_level(logging.INFO)
    response = await client.post(
        await route_path(client, route),
        data=fault.body(route),
        headers={**AUTH, "Content-Type": fault.content_type(route)},
    )
    error = await refused(response, 400)
    assert error["type"] == "invalid_request_error"
    blamed = fault.param(route)
    if blamed is None:
        assert error["param"] is None
    elif route.names_param:
        assert error["param"] == blamed
    else:
        assert f"'{blamed}'" in error["message"]
    assert_no_crash_logged(caplog)


async def endless_part(route: Route, answered: asyncio.Event) -> AsyncIterator[bytes]:
    """A file part far over the limit that ends only once the server has answered: a server
    that waited for the whole part before refusing it would never answer."""
    yield fields(route) + file_head(route.file_field, route.filename)
    for _ in range(16 * SMALL_LIMIT // 8192):
        yield b"\0" * 8192
    await asyncio.wait_for(answered.wait(), 10)
    yield b"\r\n" + END


@pytest.mark.parametrize("route_name", ROUTES)
async def test_huge_part_is_refused_before_it_ends(serve, caplog, monkeypatch, route_name):
    route = ROUTES[route_name]
    monkeypatch.setattr(*route.limit, SMALL_LIMIT)
    client = await serve()
    caplog.set_level(logging.INFO)
    answered = asyncio.Event()
    response = await client.post(
        await route_path(client, route),
        data=endless_part(route, answered),
        headers={**AUTH, "Content-Type": FORM},
    )
    answered.set()
    error = await refused(response, route.too_large)
    assert error["type"] == ("server_error" if route.too_large == 413 else "invalid_request_error")
    assert_no_crash_logged(caplog)


@pytest.mark.parametrize("route_name", ["files", "image edits", "transcriptions"])
async def test_a_text_field_over_the_body_limit_is_a_413(serve, route_name):
    route = ROUTES[route_name]
    client = await serve(max_body_mb=1)
    body = text_part("prompt", "x" * (1024 * 1024 + 1)) + valid(route)
    response = await client.post(route.path, data=body, headers={**AUTH, "Content-Type": FORM})
    error = await refused(response, 413)
    assert error["code"] == "request_too_large"


@pytest.mark.parametrize("route_name", ["files", "transcriptions"])
def test_the_sdk_reads_the_refusal_of_an_upload_over_the_limit(mockai, monkeypatch, route_name):
    """The server answers mid-upload; the official SDK still gets the error, not a reset."""
    route = ROUTES[route_name]
    monkeypatch.setattr(*route.limit, SMALL_LIMIT)
    client = mockai.client(max_retries=0)
    upload = (route.filename, b"\0" * (64 * SMALL_LIMIT))
    with pytest.raises(openai.APIStatusError) as caught:
        if route_name == "files":
            client.files.create(file=upload, purpose="user_data")
        else:
            client.audio.transcriptions.create(file=upload, model="whisper-1")
    assert caught.value.status_code == route.too_large
    validate_error({"error": caught.value.body})
