"""The handlers of the job routes (see the package's docstring): create a job (checking it and
reading its files), list, retrieve, cancel, pause and resume jobs, list a job's events and
checkpoints; imported on the family's first request."""

from __future__ import annotations

import asyncio
import hashlib
import time
from typing import Any

from aiohttp import web

from mockai import ids, tokenizer
from mockai.endpoints.fine_tuning import dataset, render
from mockai.endpoints.fine_tuning.request import (
    CreateJob,
    Integration,
    check_file,
    check_method,
    check_model,
)
from mockai.endpoints.fine_tuning.rules import COMPLETION_MODELS, FORMATS, base_of
from mockai.endpoints.fine_tuning.state import ACTIVE, KIND, RUN_START, StoredJob
from mockai.endpoints.fine_tuning.training import Plan, resolve
from mockai.errors import invalid_request
from mockai.jobclock import Pace
from mockai.toolkit import finetuned, jobs
from mockai.toolkit.files import StoredFile, named_file, put_file
from mockai.toolkit.http import json_response, read_body
from mockai.toolkit.pagination import page
from mockai.toolkit.scripted import answer_if_targeted
from mockai.toolkit.state import exchange_of, state_of, stored
from mockai.validation import check_metadata

ENDPOINT = "fine_tuning.jobs"
MAX_EVENTS_PAGE = 1000  # real clients ask for 300 at a time; the real ceiling is not known


def _seed(job_id: str) -> int:
    return int.from_bytes(hashlib.sha256(job_id.encode()).digest()[:4], "big") >> 1


def _file(request: web.Request, file_id: str | None, param: str) -> StoredFile | None:
    if file_id is None:
        return None
    found = named_file(request, file_id)
    if state_of(request).settings.lenient and found is not None:
        return found  # any file will do: only the description's rules apply
    return check_file(found, file_id, param)


async def _read(
    request: web.Request, model: str, method: str, files: list[tuple[StoredFile, str]]
) -> dataset.Dataset | dict[str, Any]:
    """The training file's dataset, or the first bad file's `error` (read on a worker thread:
    a large file takes a while to tokenize with the model's own vocabulary)."""
    base = base_of(model)
    form = "completion" if base in COMPLETION_MODELS else FORMATS[method]
    known = state_of(request).models.get(base)
    counter = await tokenizer.encoding(known.encoding if known else "o200k_base")
    found: dataset.Dataset | dict[str, Any] | None = None
    for stored_file, which in files:
        read = await asyncio.to_thread(dataset.read, stored_file.data, form, counter, which)
        if isinstance(read, dict):
            return read
        found = found or read
    assert found is not None
    return found


def _integration(integration: Integration) -> dict[str, Any]:
    """As stored: `name` and `entity` null when not given, `tags` a list."""
    wandb = integration.wandb.model_dump()
    return {"type": "wandb", "wandb": {**wandb, "tags": wandb["tags"] or []}}


def _new_job(
    request: web.Request, req: CreateJob, model: str, job_id: str
) -> tuple[dict[str, Any], str]:
    method: dict[str, Any] = {"type": req.method_type}
    if req.method is not None and req.method.reinforcement is not None:
        method["reinforcement"] = {"grader": req.method.reinforcement.grader}
    body = {
        "object": "fine_tuning.job",
        "id": job_id,
        "model": model,
        "created_at": int(time.time()),
        "organization_id": ids.organization_id(exchange_of(request).api_key or ""),
        "training_file": req.training_file,
        "validation_file": req.validation_file,
        "user_provided_suffix": req.suffix,
        "seed": req.seed if req.seed is not None else _seed(job_id),
        "integrations": [_integration(i) for i in req.integrations or ()],
        "metadata": req.metadata,
        "method": method,
    }
    return body, render.model_name(model, req.suffix, job_id)


def _store(request: web.Request, job: StoredJob) -> StoredJob:
    state = state_of(request)
    session = exchange_of(request).session
    state.store.put(session, KIND, job.id, job)
    finetuned.register(state, session, job.id, job)
    return job


async def create(request: web.Request) -> web.Response:
    lenient = state_of(request).settings.lenient
    req, body = await read_body(request, CreateJob)
    check_metadata(req.metadata)
    step = await answer_if_targeted(request, ENDPOINT, body)
    model = check_model(req, lenient)
    check_method(req)
    training = _file(request, req.training_file, "training_file")
    validation = _file(request, req.validation_file, "validation_file")
    assert training is not None
    files = [(training, "training")] + ([(validation, "validation")] if validation else [])
    read = await _read(request, model, req.method_type, files)
    job_id = ids.fine_tuning_job_id()
    job_time = jobs.start_job(request, job_id, step)
    fixed, name = _new_job(request, req, model, job_id)
    asked = req.asked()
    plan = None
    if isinstance(read, dataset.Dataset):
        hyper = resolve(asked, read.examples, req.method_type)
        plan = Plan(read.examples, read.tokens, hyper, validation is not None, fixed["seed"])
    failure = read if isinstance(read, dict) else None
    job = _store(request, StoredJob(fixed, asked, job_time, plan, failure, name))
    return json_response(render.job_body(job))


def _stand_in(request: web.Request, job_id: str) -> StoredJob:
    """`--lenient`: a job never created, as if it had been: 10 examples of gpt-4o-mini, on a
    paused clock at the start of its run (so it can be paused, resumed, cancelled, advanced)."""
    state = state_of(request)
    job_time = state.jobs.start(exchange_of(request).session, job_id, Pace("paused"))
    job_time.advance(RUN_START)
    req = CreateJob(model="gpt-4o-mini", training_file=ids.derived("file-", job_id))
    fixed, name = _new_job(request, req, "gpt-4o-mini-2024-07-18", job_id)
    asked = req.asked()
    plan = Plan(10, 1000, resolve(asked, 10, "supervised"), False, fixed["seed"])
    job = StoredJob(fixed, asked, job_time, plan, None, name)
    finetuned.register(state, exchange_of(request).session, job_id, job)
    return job


def _job(request: web.Request) -> StoredJob:
    """The job the route names (or the real 404), its result file written once it has
    succeeded."""
    job = stored(request, KIND, "fine_tuning_job_id", _stand_in)
    if job.plan is not None and job.result_file is None and job.status() == "succeeded":
        written = put_file(
            state_of(request),
            exchange_of(request).session,
            filename="step_metrics.csv",
            purpose="fine-tune-results",
            data=job.plan.csv(),
        )
        job.result_file = written.body["id"]
    return job


def _unmarked(listed: dict[str, Any]) -> dict[str, Any]:
    """The job and event lists carry no `first_id`/`last_id` (their schemas declare only
    `data` and `has_more`, and real event lists show none)."""
    return {k: v for k, v in listed.items() if k not in ("first_id", "last_id")}


def _metadata_filter(request: web.Request) -> dict[str, str] | None:
    return {
        key[len("metadata[") : -1]: value
        for key, value in request.query.items()
        if key.startswith("metadata[") and key.endswith("]")
    } or None


async def list_jobs(request: web.Request) -> web.Response:
    wanted = _metadata_filter(request)
    no_metadata = request.query.get("metadata") == "null"
    listed = []
    for job in state_of(request).store.values(exchange_of(request).session, KIND):
        metadata = job.body["metadata"] or {}
        if (
            no_metadata
            and metadata
            or wanted
            and any(metadata.get(k) != v for k, v in wanted.items())
        ):
            continue
        listed.append(render.job_body(job))
    return json_response(_unmarked(page(listed, request, orderable=False)))


async def retrieve(request: web.Request) -> web.Response:
    return json_response(render.job_body(_job(request)))


def _refuse(request: web.Request, action: str, status: str) -> None:
    """The real API refuses to pause a job that is not running, to resume one that is not
    paused, and to cancel one that has ended; its wording is not known."""
    if not state_of(request).settings.lenient:
        raise invalid_request(
            f"Cannot {action} a job with status '{status}'.", "fine_tuning_job_id"
        )


async def cancel(request: web.Request) -> web.Response:
    await answer_if_targeted(request, ENDPOINT, {})
    job = _job(request)
    if job.status() in ACTIVE:
        job.cancel()
    else:
        _refuse(request, "cancel", job.status())
    return json_response(render.job_body(job))


async def pause(request: web.Request) -> web.Response:
    await answer_if_targeted(request, ENDPOINT, {})
    job = _job(request)
    if job.status() == "running":
        job.pause()
    else:
        _refuse(request, "pause", job.status())
    return json_response(render.job_body(job))


async def resume(request: web.Request) -> web.Response:
    await answer_if_targeted(request, ENDPOINT, {})
    job = _job(request)
    if job.status() == "paused":
        job.resume()
    else:
        _refuse(request, "resume", job.status())
    return json_response(render.job_body(job))


async def events(request: web.Request) -> web.Response:
    listed = render.events(_job(request))
    return json_response(
        _unmarked(page(listed, request, orderable=False, max_limit=MAX_EVENTS_PAGE))
    )


async def checkpoints(request: web.Request) -> web.Response:
    listed = render.checkpoints(_job(request))
    return json_response(page(listed, request, orderable=False, default_limit=10))
