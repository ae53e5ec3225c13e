"""The handlers of this family's `ROUTES` (see the package's docstring) for a vector store's
file batches: create, retrieve, cancel and list their files; imported on the family's first
request."""

from __future__ import annotations

import time

from aiohttp import web

from mockai import ids
from mockai.endpoints.vector_stores import render
from mockai.endpoints.vector_stores.attaching import answer, attach, check_usable, files_named
from mockai.endpoints.vector_stores.request import CreateFileBatch, batch_files
from mockai.errors import APIError, one_of
from mockai.toolkit.http import json_response, read_body
from mockai.toolkit.pagination import page
from mockai.toolkit.scripted import answer_if_targeted
from mockai.toolkit.state import state_of
from mockai.toolkit.vectorstores import STATUSES, FileBatch, VectorStore, check_prefix, store_of


def batch_of(request: web.Request, store: VectorStore) -> FileBatch:
    """The route's `{batch_id}` in the store: the real 400 for an id that is no batch's
    ("Expected an ID that begins with 'vsfb_'."), a 404 worded like the store's file 404 (not
    known from the real API), or under `--lenient` an empty stand-in, kept."""
    key = request.match_info["batch_id"]
    lenient = state_of(request).settings.lenient
    if not lenient:
        check_prefix(key, "batch_id", "vsfb_")
    found = store.batches.get(key)
    if found is None:
        if not lenient:
            raise APIError(
                404, f"No file batch found with id '{key}' in vector store '{store.id}'.", code=None
            )
        found = store.batches[key] = FileBatch(key, int(time.time()), [])
    return found


async def create(request: web.Request) -> web.Response:
    store = store_of(request)
    lenient = state_of(request).settings.lenient
    req, body = await read_body(request, CreateFileBatch)
    # A file named twice is attached once, as its last mention says.
    wanted = list({key: (key, s, a) for key, s, a in batch_files(req, lenient=lenient)}.values())
    await answer_if_targeted(request, "vector_stores.file_batches", body)
    check_usable(request, store)
    files = files_named(request, [key for key, _, _ in wanted], "file_ids")
    key = ids.vector_store_file_batch_id()
    attached = await attach(
        request, store, [(f, s, a) for f, (_, s, a) in zip(files, wanted, strict=True)], key
    )
    now = attached[0].started if attached else time.time()
    made = FileBatch(key, int(now), attached)
    store.batches[made.id] = made
    return answer(render.batch(store.id, made, now), attached, now)


async def retrieve(request: web.Request) -> web.Response:
    store = store_of(request)
    made = batch_of(request, store)
    now = time.time()
    return answer(render.batch(store.id, made, now), made.files, now)


async def cancel(request: web.Request) -> web.Response:
    store = store_of(request)
    made = batch_of(request, store)
    await answer_if_targeted(request, "vector_stores.file_batches", {})
    now = time.time()
    made.cancel(now)
    return json_response(render.batch(store.id, made, now))


async def list_files(request: web.Request) -> web.Response:
    store = store_of(request)
    made = batch_of(request, store)
    wanted = one_of(request.query.get("filter"), STATUSES, "filter")
    now = time.time()
    files = [f for f in made.files if wanted is None or f.status(now) == wanted]
    return json_response(page([render.store_file(store.id, f, now) for f in files], request))
