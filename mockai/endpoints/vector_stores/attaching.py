"""Attaching Files to a vector store, as a store, a file and a file batch are created: the
Files looked up in the session, processed off the event loop, attached at the pace the
request's `X-Mockai-Processing-Ms` sets; and the answer with its poll hint.

An unknown file id is a 404 worded like the real API's other vector store 404s ("No file found
with id 'file-...'."); the exact wording for a File that does not exist is not known.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any

from aiohttp import web

from mockai.endpoints.vector_stores.request import PROCESSING_HEADER, processing_delay
from mockai.errors import APIError
from mockai.retrieval.chunking import Strategy
from mockai.retrieval.filters import Scalar
from mockai.toolkit.files import StoredFile, named_file
from mockai.toolkit.http import json_response
from mockai.toolkit.state import state_of
from mockai.toolkit.vectorstores import StoreFile, VectorStore, poll_after, process

Wanted = tuple[StoredFile, Strategy, dict[str, Scalar]]


def files_named(request: web.Request, keys: Sequence[str], param: str) -> list[StoredFile]:
    """The session's Files by id, or the 404 for the first one it does not hold."""
    found = []
    for key in keys:
        file = named_file(request, key)
        if file is None:
            raise APIError(404, f"No file found with id '{key}'.", param=param, code=None)
        found.append(file)
    return found


def check_usable(request: web.Request, store: VectorStore) -> None:
    """An expired store takes no more files (`--lenient`: every store is usable)."""
    if not state_of(request).settings.lenient:
        store.check_active(time.time())


async def attach(
    request: web.Request, store: VectorStore, wanted: Sequence[Wanted]
) -> list[StoreFile]:
    """Process the files and attach them, in progress for the time the request asks."""
    delay = processing_delay(request.headers.get(PROCESSING_HEADER))
    done = await process(state_of(request), [(file, strategy) for file, strategy, _ in wanted])
    return store.attach(wanted, done, delay)


def answer(body: dict[str, Any], files: Sequence[StoreFile], now: float) -> web.Response:
    """The body, with `openai-poll-after-ms` while any of `files` is in progress."""
    return json_response(body, headers=poll_after(files, now))
