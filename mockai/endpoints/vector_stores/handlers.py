"""The handlers of this family's `ROUTES` (see the package's docstring) for the vector stores
themselves: create (attaching `file_ids`), list, retrieve, modify, delete and search; imported
on the family's first request."""

from __future__ import annotations

import asyncio
import time

from aiohttp import web

from mockai.endpoints.vector_stores import render
from mockai.endpoints.vector_stores.attaching import answer, attach, check_usable, files_named
from mockai.endpoints.vector_stores.request import (
    CreateVectorStore,
    ModifyVectorStore,
    SearchRequest,
    check_chunking,
    search_of,
)
from mockai.toolkit.http import json_response, read_body
from mockai.toolkit.pagination import page
from mockai.toolkit.scripted import answer_if_targeted
from mockai.toolkit.state import exchange_of, state_of
from mockai.toolkit.vectorstores import STORES, VectorStore, search, store_of
from mockai.validation import check_metadata


async def create(request: web.Request) -> web.Response:
    state = state_of(request)
    lenient = state.settings.lenient
    req, body = await read_body(request, CreateVectorStore)
    check_metadata(req.metadata)
    strategy = check_chunking(req.chunking_strategy, lenient=lenient, param="chunking_strategy")
    await answer_if_targeted(request, "vector_stores", body)
    files = files_named(request, req.file_ids, "file_ids")
    made = VectorStore.new(
        name=req.name,
        metadata=req.metadata or {},
        expires_after=req.expires_after.model_dump() if req.expires_after else None,
    )
    attached = await attach(request, made, [(file, strategy, {}) for file in files], made.id)
    state.store.put(exchange_of(request).session, STORES, made.id, made)
    now = attached[0].started if attached else time.time()
    return answer(render.store(made, now), attached, now)


async def list_stores(request: web.Request) -> web.Response:
    now = time.time()
    stores = state_of(request).store.values(exchange_of(request).session, STORES)
    return json_response(page([render.store(s, now) for s in stores], request))


async def retrieve(request: web.Request) -> web.Response:
    found = store_of(request)
    now = time.time()
    return answer(render.store(found, now), list(found.files.values()), now)


async def modify(request: web.Request) -> web.Response:
    found = store_of(request)
    req, body = await read_body(request, ModifyVectorStore)
    check_metadata(req.metadata)
    await answer_if_targeted(request, "vector_stores", body)
    if req.name is not None:
        found.name = req.name
    if req.metadata is not None:
        found.metadata = req.metadata
    if "expires_after" in req.model_fields_set:
        found.expires_after = req.expires_after.model_dump() if req.expires_after else None
    return json_response(render.store(found, time.time()))


async def delete(request: web.Request) -> web.Response:
    found = store_of(request)
    await answer_if_targeted(request, "vector_stores", {})
    state_of(request).store.delete(exchange_of(request).session, STORES, found.id)
    return json_response(render.deleted(found.id, "vector_store"))


async def search_store(request: web.Request) -> web.Response:
    found = store_of(request)
    req, body = await read_body(request, SearchRequest)
    await answer_if_targeted(request, "vector_stores.search", body)
    check_usable(request, found)
    # Off the event loop: a store of thousands of chunks takes a moment to score.
    result = await asyncio.to_thread(
        search, [found], search_of(req), state_of(request).settings.seed
    )
    return json_response(render.search_page(result))
