"""The handlers of this family's `ROUTES` (see the package's docstring): create a batch
(and start its `runner`), retrieve, list and cancel it; imported on the family's first
request."""

from __future__ import annotations

import asyncio

from aiohttp import web

from mockai import ids
from mockai.endpoints.batches import runner
from mockai.endpoints.batches.request import CreateBatch
from mockai.endpoints.batches.state import KIND, StoredBatch, Target
from mockai.errors import APIError, invalid_request
from mockai.jobclock import JobTime, Pace
from mockai.toolkit import jobs
from mockai.toolkit.http import json_response, read_json
from mockai.toolkit.lenient import generated
from mockai.toolkit.loopback import BATCH_HEADER, loopback
from mockai.toolkit.pagination import page
from mockai.toolkit.scripted import answer_if_targeted
from mockai.toolkit.state import exchange_of, state_of, stored
from mockai.validation import check_metadata, validate

DEFAULT_LINE_MS = 2.0
PACE_HEADER = "x-mockai-batch-line-ms"


def _target(request: web.Request, time: JobTime) -> Target:
    """This server as the creating client reached it, paced by its `PACE_HEADER` on `time`."""
    raw_pace = request.headers.get(PACE_HEADER, str(DEFAULT_LINE_MS))
    try:
        pace = max(float(raw_pace), 0.0)
    except ValueError:
        raise invalid_request(
            f"Invalid {PACE_HEADER} header: expected milliseconds, got '{raw_pace}'.", PACE_HEADER
        ) from None
    dropped = (PACE_HEADER, jobs.HEADER.lower())
    return Target(loopback(request, drop=dropped), pace / 1000, time)


def _stand_in(request: web.Request, batch_id: str) -> StoredBatch:
    """`--lenient`: a batch never created, as if it had been: in progress, running nothing."""
    body = generated(request, "retrieveBatch", batch_id, status="in_progress")
    return StoredBatch(body, _target(request, JobTime(Pace("paused"))))


def _stored(request: web.Request) -> StoredBatch:
    return stored(request, KIND, "batch_id", _stand_in)


async def create(request: web.Request) -> web.Response:
    state = state_of(request)
    session = exchange_of(request).session
    body = await read_json(request)
    req = validate(CreateBatch, body, unknown_parameter=True, lenient=state.settings.lenient)
    check_metadata(req.metadata)
    step = await answer_if_targeted(request, "batches", body)
    batch_id = ids.batch_id()
    target = _target(request, jobs.start_job(request, batch_id, step))
    batch = StoredBatch.new(
        batch_id,
        req.input_file_id,
        req.endpoint,
        req.metadata,
        target,
        req.output_expires_after.model_dump() if req.output_expires_after else None,
    )
    target.loopback.headers[BATCH_HEADER] = batch.body["id"]
    state.store.put(session, KIND, batch.body["id"], batch)
    batch.task = asyncio.get_running_loop().create_task(runner.run(state, session, batch))
    return json_response(batch.body)


async def retrieve(request: web.Request) -> web.Response:
    return json_response(_stored(request).body)


async def list_batches(request: web.Request) -> web.Response:
    batches = [b.body for b in state_of(request).store.values(exchange_of(request).session, KIND)]
    return json_response(page(batches, request, orderable=False))


async def cancel(request: web.Request) -> web.Response:
    batch = _stored(request)
    status = batch.body["status"]
    if status in ("validating", "in_progress", "finalizing"):
        batch.move("cancelling")
        if batch.task is not None:
            batch.task.cancel()
    elif status not in ("cancelling", "cancelled") and not state_of(request).settings.lenient:
        raise APIError(409, f"Cannot cancel a batch with status '{status}'.", code=None)
    return json_response(batch.body)
