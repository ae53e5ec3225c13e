"""The handlers of an eval's runs (see the package's docstring): create (starting the
`runner`), list, retrieve, cancel and delete a run, list and retrieve its output items."""

from __future__ import annotations

import asyncio

from aiohttp import web

from mockai import ids
from mockai.endpoints.evals import render, runner
from mockai.endpoints.evals.handlers import CREATED, named_eval
from mockai.endpoints.evals.request import CreateEvalRun, check_data_source, rows_of_jsonl
from mockai.endpoints.evals.state import OUTPUT_ITEM_MISSING, RUNS, StoredRun
from mockai.errors import APIError, one_of
from mockai.jobclock import JobTime, Pace
from mockai.toolkit import files, jobs
from mockai.toolkit.http import json_response, read_body
from mockai.toolkit.lenient import generated
from mockai.toolkit.loopback import loopback
from mockai.toolkit.pagination import page
from mockai.toolkit.scripted import answer_if_targeted
from mockai.toolkit.state import exchange_of, state_of
from mockai.validation import check_metadata

ENDPOINT = "evals.runs"
RUN_STATUSES = ("queued", "in_progress", "completed", "canceled", "failed")


def _stand_in(request: web.Request, eval_id: str, run_id: str) -> StoredRun:
    """`--lenient`: a run never made, as if it had been: completed over no items."""
    source = {"type": "jsonl", "source": {"type": "file_content", "content": []}}
    obj = render.run_object(run_id, eval_id, "jsonl", None, source, None)
    obj.update(status="completed", per_model_usage=[], per_testing_criteria_results=[])
    return StoredRun(obj, [], JobTime(Pace("instant")), loopback(request), 0)


def _run(request: web.Request) -> StoredRun:
    """The run the path names, of the eval it names (the eval first: its own 404)."""
    found_eval = named_eval(request)
    run_id = request.match_info["run_id"]
    state = state_of(request)
    session = exchange_of(request).session
    found = state.store.get(session, RUNS, run_id)
    if found is None and state.settings.lenient:
        found = _stand_in(request, found_eval.body["id"], run_id)
        state.store.put(session, RUNS, run_id, found)
    if found is None or found.eval_id != found_eval.body["id"]:
        raise RUNS.not_found(run_id)
    return found


async def create(request: web.Request) -> web.Response:
    req, body = await read_body(request, CreateEvalRun)
    check_metadata(req.metadata)
    step = await answer_if_targeted(request, ENDPOINT, body)
    found_eval = named_eval(request)
    kind, source = check_data_source(req.data_source)
    state = state_of(request)
    session = exchange_of(request).session
    if source["type"] == "file_content":
        rows = list(source["content"])
    elif source["type"] == "file_id":
        stored_file = files.named_file(request, source["id"])
        if stored_file is None:
            raise files.KIND.not_found(source["id"], "data_source.source.id")
        rows = rows_of_jsonl(stored_file.data, source["id"])
    else:
        # Stored completions and stored responses are other families' state: a run over them
        # finds no items here (not reproduced).
        rows = []
    run_id = ids.eval_run_id()
    model = req.data_source.get("model") if kind != "jsonl" else None
    # A run without a name is named after its model, as the description's example shows;
    # a jsonl run's default name is guessed.
    name = req.name or model or kind
    obj = render.run_object(
        run_id, found_eval.body["id"], name, model, dict(req.data_source), req.metadata
    )
    time = jobs.start_job(request, run_id, step)
    target = loopback(request, drop=(jobs.HEADER.lower(),))
    run = StoredRun(obj, rows, time, target, state.settings.seed)
    state.store.put(session, RUNS, run_id, run)
    run.task = asyncio.get_running_loop().create_task(
        runner.run(state, session, run, found_eval.criteria)
    )
    return json_response(obj, CREATED)


async def list_runs(request: web.Request) -> web.Response:
    found_eval = named_eval(request)
    status = one_of(request.query.get("status"), RUN_STATUSES, "status")
    runs = [
        r.body
        for r in state_of(request).store.values(exchange_of(request).session, RUNS)
        if r.eval_id == found_eval.body["id"] and status in (None, r.body["status"])
    ]
    return json_response(page(runs, request, default_order="asc"))


async def retrieve(request: web.Request) -> web.Response:
    return json_response(_run(request).body)


async def cancel(request: web.Request) -> web.Response:
    """A run still queued or in progress ends `canceled`; an ended one is answered as it is
    (the real API's answer to that is not known)."""
    await answer_if_targeted(request, ENDPOINT, {})
    run = _run(request)
    if not run.ended:
        run.body["status"] = "canceled"
        if run.task is not None:
            run.task.cancel()
    return json_response(run.body)


async def delete(request: web.Request) -> web.Response:
    await answer_if_targeted(request, ENDPOINT, {})
    run = _run(request)
    state_of(request).store.delete(exchange_of(request).session, RUNS, run.id)
    if run.task is not None:
        run.task.cancel()
    return json_response(render.run_deleted(run.id))


async def output_items(request: web.Request) -> web.Response:
    run = _run(request)
    status = one_of(request.query.get("status"), ("fail", "pass"), "status")
    shown = [o for o in run.output if status in (None, o["status"])]
    return json_response(page(shown, request, default_order="asc"))


async def output_item(request: web.Request) -> web.Response:
    run = _run(request)
    item_id = request.match_info["output_item_id"]
    for found in run.output:
        if found["id"] == item_id:
            return json_response(found)
    if state_of(request).settings.lenient:
        made = generated(
            request, "getEvalRunOutputItem", item_id, run_id=run.id, eval_id=run.eval_id
        )
        run.output.append(made)
        return json_response(made)
    raise APIError(404, OUTPUT_ITEM_MISSING.format(id=item_id), code=None)
