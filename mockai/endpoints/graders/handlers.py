"""The handlers of the graders routes (see the package's docstring): run and validate."""

from __future__ import annotations

from typing import Any

from aiohttp import web

from mockai.endpoints.graders.request import RunGrader, ValidateGrader
from mockai.graders.models import SpecCheck
from mockai.graders.templates import sample_of
from mockai.toolkit import graders
from mockai.toolkit.http import json_response, lenient_check, read_body
from mockai.toolkit.scripted import answer_if_targeted

ENDPOINT = "graders"


def _grader_check(request: web.Request, body: dict[str, Any]) -> SpecCheck | None:
    """`--lenient`'s check of the grader: the whole body with this grader, by the description."""
    check = lenient_check(request)
    if check is None:
        return None
    return lambda grader: check({**body, "grader": grader})


async def validate(request: web.Request) -> web.Response:
    req, body = await read_body(request, ValidateGrader)
    await answer_if_targeted(request, ENDPOINT, body)
    grader = graders.definition(request, req.grader, "grader", _grader_check(request, body))
    return json_response({"grader": grader.model_dump(exclude_unset=True)})


async def run(request: web.Request) -> web.Response:
    req, body = await read_body(request, RunGrader)
    await answer_if_targeted(request, ENDPOINT, body)
    grader = graders.definition(request, req.grader, "grader", _grader_check(request, body))
    graded = await graders.run(request, grader, req.item, sample_of(req.model_sample))
    return json_response(graded.body())
