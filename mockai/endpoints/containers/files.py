"""The handlers of a container's file routes (see the package's docstring): add a file
(uploaded, or copied from a stored File), list, retrieve, download and delete; imported on the
family's first request."""

from __future__ import annotations

from aiohttp import web

from mockai.endpoints.containers.handlers import named
from mockai.endpoints.containers.request import (
    FILE_FIELDS,
    CreateContainerFile,
    form_file,
    nothing_to_add,
)
from mockai.toolkit import containers
from mockai.toolkit.files import too_large
from mockai.toolkit.http import json_response, read_body
from mockai.toolkit.multipart import read_form
from mockai.toolkit.pagination import page
from mockai.toolkit.scripted import answer_if_targeted
from mockai.toolkit.state import exchange_of, state_of

ENDPOINT = "containers.files"


async def create(request: web.Request) -> web.Response:
    state = state_of(request)
    lenient = state.settings.lenient
    session = exchange_of(request).session
    if request.content_type == "multipart/form-data":
        form = await read_form(
            request,
            files=FILE_FIELDS,
            limit=containers.MAX_FILE_BYTES,
            too_large=too_large,
            unknown_files=lenient,
        )
        given = form_file(form)
        upload, file_id, missing = given.upload, given.file_id, "file"
    else:
        req, body = await read_body(request, CreateContainerFile)
        upload, file_id, missing = None, req.file_id, "file_id"
    await answer_if_targeted(
        request,
        ENDPOINT,
        exchange_of(request).body,
        file_name=upload.filename if upload is not None else None,
    )
    container = containers.use(state, named(request))
    if upload is not None and upload.filename is not None:  # a file wins over a file id
        filename, data = upload.filename, upload.data
    elif file_id is not None:
        filename, data = containers.copy_of(state, session, file_id, "file_id")
    elif lenient:  # the description requires neither: an empty file
        filename, data = "file", b""
    else:
        raise nothing_to_add(missing)
    made = containers.add_file(state, session, container, filename, data, "user")
    return json_response(made.body)


async def list_files(request: web.Request) -> web.Response:
    await answer_if_targeted(request, ENDPOINT, dict(request.query))
    container = containers.use(state_of(request), named(request))
    return json_response(page([f.body for f in container.files.values()], request))


def _named_file(
    request: web.Request,
) -> tuple[containers.StoredContainer, containers.ContainerFile]:
    state = state_of(request)
    container = containers.use(state, named(request))
    return container, containers.file_in(state, container, request.match_info["file_id"])


async def retrieve(request: web.Request) -> web.Response:
    await answer_if_targeted(request, ENDPOINT, {})
    _, found = _named_file(request)
    return json_response(found.body)


async def content(request: web.Request) -> web.Response:
    await answer_if_targeted(request, ENDPOINT, {})
    _, found = _named_file(request)
    return web.Response(body=found.data, content_type=containers.content_type(found.name))


async def delete(request: web.Request) -> web.Response:
    await answer_if_targeted(request, ENDPOINT, {})
    container, found = _named_file(request)
    del container.files[found.body["id"]]
    # The description declares no body; its example shows this one.
    return json_response(
        {"id": found.body["id"], "object": "container.file.deleted", "deleted": True}
    )
