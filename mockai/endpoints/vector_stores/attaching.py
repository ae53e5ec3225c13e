"""Attaching Files to a vector store, as a store, a file and a file batch are created: the
Files looked up in the session, processed off the event loop and attached; and the answer
with its poll hint. Files are in progress in the answer that attached them and, by default,
processed from the next read on (tests that create a store and search it at once need no
polling). When a pace is asked for (`X-Mockai-Job-Clock`, or a `--job-clock` given or other
than the default), the files
one call attaches are one job on the job clock, in progress until it has run; and never done
before the request's `X-Mockai-Processing-Ms`.

An unknown file id is a 404 worded like the real API's other vector store 404s ("No file found
with id 'file-...'."); the exact wording for a File that does not exist is not known.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any

from aiohttp import web

from mockai.config import DEFAULT_JOB_CLOCK
from mockai.endpoints.vector_stores.request import PROCESSING_HEADER, processing_delay
from mockai.errors import APIError
from mockai.jobclock import JobTime
from mockai.retrieval.chunking import Strategy
from mockai.retrieval.filters import Scalar
from mockai.toolkit.files import StoredFile, named_file
from mockai.toolkit.http import json_response
from mockai.toolkit.jobs import pace_of, start_job
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
    request: web.Request, store: VectorStore, wanted: Sequence[Wanted], job_id: str
) -> list[StoreFile]:
    """Process the files and attach them, in progress while their job (`job_id` on the job
    clock) runs and for the time the request asks."""
    delay = processing_delay(request.headers.get(PROCESSING_HEADER))
    done = await process(state_of(request), [(file, strategy) for file, strategy, _ in wanted])
    return store.attach(wanted, done, delay, _job(request, job_id) if wanted else None)


def _job(request: web.Request, job_id: str) -> JobTime | None:
    """The attaching call's job, when the request or the server asks for a pace; else None
    (the files are done from the next read on, as they were before the job clock)."""
    settings = state_of(request).settings
    asked = (
        pace_of(request) is not None
        or settings.job_clock != DEFAULT_JOB_CLOCK
        or "job_clock" in settings.sources
    )
    return start_job(request, job_id) if asked else None


def answer(body: dict[str, Any], files: Sequence[StoreFile], now: float) -> web.Response:
    """The body, with `openai-poll-after-ms` while any of `files` is in progress."""
    return json_response(body, headers=poll_after(files, now))
