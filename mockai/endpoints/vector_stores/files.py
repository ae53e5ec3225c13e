"""The handlers of this family's `ROUTES` (see the package's docstring) for a vector store's
files: attach, list, retrieve, update attributes, detach and read the parsed content;
imported on the family's first request."""

from __future__ import annotations

import time

from aiohttp import web

from mockai.endpoints.vector_stores import render
from mockai.endpoints.vector_stores.attaching import answer, attach, check_usable, files_named
from mockai.endpoints.vector_stores.request import (
    CreateVectorStoreFile,
    UpdateAttributes,
    check_chunking,
)
from mockai.errors import APIError, one_of
from mockai.toolkit.http import json_response, read_body
from mockai.toolkit.pagination import page
from mockai.toolkit.scripted import answer_if_targeted
from mockai.toolkit.state import state_of
from mockai.toolkit.vectorstores import STATUSES, StoreFile, VectorStore, store_of
from mockai.validation import check_metadata


def file_of(request: web.Request, store: VectorStore) -> StoreFile:
    """The route's `{file_id}` in the store: the real 404 (openai/openai-python's users quote
    it: "No file found with id 'file-...' in vector store 'vs_...'."), or under `--lenient` a
    stand-in, kept."""
    key = request.match_info["file_id"]
    found = store.files.get(key)
    if found is None:
        state = state_of(request)
        if not state.settings.lenient:
            raise APIError(
                404, f"No file found with id '{key}' in vector store '{store.id}'.", code=None
            )
        found = store.files[key] = StoreFile.stand_in(key, state.settings.seed)
    return found


async def create(request: web.Request) -> web.Response:
    store = store_of(request)
    lenient = state_of(request).settings.lenient
    req, body = await read_body(request, CreateVectorStoreFile)
    check_metadata(req.attributes, "attributes")
    strategy = check_chunking(req.chunking_strategy, lenient=lenient, param="chunking_strategy")
    await answer_if_targeted(request, "vector_stores.files", body)
    check_usable(request, store)
    [file] = files_named(request, [req.file_id], "file_id")
    [attached] = await attach(
        request, store, [(file, strategy, req.attributes or {})], f"{store.id}/{file.body['id']}"
    )
    return answer(
        render.store_file(store.id, attached, attached.started), [attached], attached.started
    )


async def list_files(request: web.Request) -> web.Response:
    store = store_of(request)
    wanted = one_of(request.query.get("filter"), STATUSES, "filter")
    now = time.time()
    files = [f for f in store.files.values() if wanted is None or f.status(now) == wanted]
    return json_response(page([render.store_file(store.id, f, now) for f in files], request))


async def retrieve(request: web.Request) -> web.Response:
    store = store_of(request)
    attached = file_of(request, store)
    now = time.time()
    return answer(render.store_file(store.id, attached, now), [attached], now)


async def update(request: web.Request) -> web.Response:
    store = store_of(request)
    attached = file_of(request, store)
    req, body = await read_body(request, UpdateAttributes)
    check_metadata(req.attributes, "attributes")
    await answer_if_targeted(request, "vector_stores.files", body)
    attached.attributes = req.attributes or {}
    return json_response(render.store_file(store.id, attached, time.time()))


async def delete(request: web.Request) -> web.Response:
    store = store_of(request)
    attached = file_of(request, store)
    await answer_if_targeted(request, "vector_stores.files", {})
    store.files.pop(attached.id, None)
    return json_response(render.deleted(attached.id, "vector_store.file"))


async def content(request: web.Request) -> web.Response:
    store = store_of(request)
    return json_response(render.content(file_of(request, store), time.time()))
