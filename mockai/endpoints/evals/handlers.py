"""The handlers of the evals themselves (see the package's docstring): create, list,
retrieve, update and delete an eval; imported on the family's first request."""

from __future__ import annotations

import uuid
from typing import Any

from aiohttp import web

from mockai import ids
from mockai.endpoints.evals import render
from mockai.endpoints.evals.request import (
    CreateEval,
    UpdateEval,
    check_config,
    check_criterion_type,
)
from mockai.endpoints.evals.state import EVALS, RUNS, Criterion, StoredEval
from mockai.graders.models import SpecCheck
from mockai.toolkit import graders
from mockai.toolkit.http import json_response, lenient_check, read_body
from mockai.toolkit.pagination import page
from mockai.toolkit.scripted import answer_if_targeted
from mockai.toolkit.state import exchange_of, state_of, stored
from mockai.validation import check_metadata

ENDPOINT = "evals"
# The description declares 201 for a created eval or run (the real status is not recorded).
CREATED = 201
DEFAULT_NAME = "Untitled eval"  # what an eval created without a name is called (guessed)


def _stand_in(request: web.Request, eval_id: str) -> StoredEval:
    """`--lenient`: an eval never made, as if it had been: any item, no criteria."""
    config = {"type": "custom", "item_schema": {"type": "object"}}
    return StoredEval(render.eval_object(eval_id, DEFAULT_NAME, config, [], None), [])


def named_eval(request: web.Request) -> StoredEval:
    return stored(request, EVALS, "eval_id", _stand_in)


def _criterion_check(check: SpecCheck, sent: dict[str, Any]) -> SpecCheck:
    return lambda criterion: check({**sent, "testing_criteria": [criterion]})


def criteria_of(
    request: web.Request, given: list[dict[str, Any]], sent: dict[str, Any]
) -> list[Criterion]:
    """Each testing criterion read as a grader (its errors name `testing_criteria[n]`); under
    `--lenient` checked by the description's own criterion schemas (`sent`: the whole body)."""
    check = lenient_check(request)
    criteria = []
    for n, body in enumerate(given):
        where = f"testing_criteria[{n}]"
        check_criterion_type(body, where)
        spec_check = None if check is None else _criterion_check(check, sent)
        grader = graders.definition(request, body, where, spec_check)
        criteria.append(Criterion(grader, f"{grader.name}-{uuid.uuid4()}"))
    return criteria


async def create(request: web.Request) -> web.Response:
    req, body = await read_body(request, CreateEval)
    check_metadata(req.metadata)
    await answer_if_targeted(request, ENDPOINT, body)
    check_config(req.data_source_config)
    criteria = criteria_of(request, req.testing_criteria, body)
    eval_id = ids.eval_id()
    shown = [c.grader.model_dump(exclude_unset=True) for c in criteria]
    obj = render.eval_object(
        eval_id, req.name or DEFAULT_NAME, req.data_source_config, shown, req.metadata
    )
    state_of(request).store.put(
        exchange_of(request).session, EVALS, eval_id, StoredEval(obj, criteria)
    )
    return json_response(obj, CREATED)


async def list_evals(request: web.Request) -> web.Response:
    await answer_if_targeted(request, ENDPOINT, {})
    evals = state_of(request).store.values(exchange_of(request).session, EVALS)
    # `order_by` (created_at or updated_at) orders alike: an update does not move an eval here.
    return json_response(page([e.body for e in evals], request, default_order="asc"))


async def retrieve(request: web.Request) -> web.Response:
    await answer_if_targeted(request, ENDPOINT, {})
    return json_response(named_eval(request).body)


async def update(request: web.Request) -> web.Response:
    req, body = await read_body(request, UpdateEval)
    check_metadata(req.metadata)
    await answer_if_targeted(request, ENDPOINT, body)
    found = named_eval(request)
    if req.name is not None:
        found.body["name"] = req.name
    if req.metadata is not None:
        found.body["metadata"] = req.metadata
    return json_response(found.body)


async def delete(request: web.Request) -> web.Response:
    await answer_if_targeted(request, ENDPOINT, {})
    found = named_eval(request)
    state = state_of(request)
    session = exchange_of(request).session
    state.store.delete(session, EVALS, found.body["id"])
    for run in list(state.store.values(session, RUNS)):
        if run.eval_id == found.body["id"]:
            state.store.delete(session, RUNS, run.id)
            if run.task is not None:
                run.task.cancel()
    return json_response(render.eval_deleted(found.body["id"]))
