"""Routes under `/_mockai/`: no API key, loopback only unless an admin token is configured
(`mockai.control.access`).

`X-Mockai-Session` (or `?session=`) narrows scenario, journal and reset calls to one session,
which is how the pytest fixture gives each test clean state on a shared server.
"""

from __future__ import annotations

import math
from typing import Any

from aiohttp import web

from mockai.control import dashboard
from mockai.control.access import guard, session_of
from mockai.control.inspect import get_chaos, list_ratelimits, progress, set_chaos
from mockai.errors import APIError, invalid_request
from mockai.jobclock import FOREVER
from mockai.journal import Filter
from mockai.metrics import CONTENT_TYPE
from mockai.scenarios import ScenarioProblems, load_text
from mockai.toolkit.http import decode_json, json_response
from mockai.toolkit.state import state_of


async def health(request: web.Request) -> web.Response:
    return json_response({"status": "ok"})


async def list_scenarios(request: web.Request) -> web.Response:
    guard(request)
    engine = state_of(request).engine
    data: list[dict[str, Any]] = []
    for session, scenarios in engine.runtime.items():
        data.extend(
            {**s.describe(), "origin": "runtime", "session": session, **progress(engine, s)}
            for s in scenarios
        )
    data.extend(
        {**s.describe(), "origin": "file", "session": None, **progress(engine, s)}
        for s in engine.files
    )
    return json_response({"object": "list", "data": data})


async def add_scenarios(request: web.Request) -> web.Response:
    guard(request)
    text = await request.text()
    as_json = request.content_type == "application/json"
    try:
        scenarios = load_text(text, "<request>", state_of(request).names, as_json)
    except ScenarioProblems as exc:
        body = APIError(400, "; ".join(exc.problems), code="invalid_scenario").body()
        return json_response({**body, "problems": exc.problems}, status=400)
    state_of(request).engine.add_runtime(scenarios, session_of(request))
    return json_response({"object": "list", "data": [s.name for s in scenarios]}, status=201)


async def drop_scenarios(request: web.Request) -> web.Response:
    guard(request)
    session = session_of(request)
    state_of(request).engine.drop_runtime(session, everywhere=session is None)
    return json_response({"deleted": True})


async def list_requests(request: web.Request) -> web.Response:
    """The journal, oldest first, narrowed by `scenario`, `path`, `status`, `since` and `limit`
    (see `mockai.journal.Filter`) and the session."""
    guard(request)
    wanted = Filter.from_query(request.query, session_of(request))
    return json_response({"object": "list", "data": state_of(request).journal.entries(wanted)})


async def clear_requests(request: web.Request) -> web.Response:
    guard(request)
    state_of(request).journal.clear(session_of(request))
    return json_response({"deleted": True})


async def metrics(request: web.Request) -> web.Response:
    guard(request)
    return web.Response(
        text=state_of(request).metrics.render(), headers={"Content-Type": CONTENT_TYPE}
    )


async def reset(request: web.Request) -> web.Response:
    guard(request)
    state_of(request).reset(session_of(request))
    return json_response({"status": "ok"})


async def list_jobs(request: web.Request) -> web.Response:
    """The session's jobs on the job clock: id, pace and job seconds elapsed (null: over)."""
    guard(request)
    jobs = state_of(request).jobs.jobs(session_of(request))
    return json_response(
        {
            "data": [
                {"id": key, "pace": str(job.pace), "elapsed_s": _finite(job.elapsed())}
                for key, job in jobs
            ]
        }
    )


async def advance_jobs(request: web.Request) -> web.Response:
    """Move the session's jobs (or `job`) on by `seconds` of job time; without `seconds`, to
    their end. A paused clock moves only this way."""
    guard(request)
    raw = await request.read()
    body = decode_json(raw) if raw.strip() else {}  # malformed or not an object: the 400
    seconds, job = body.get("seconds"), body.get("job")
    if seconds is None:
        seconds = FOREVER
    elif isinstance(seconds, bool) or not isinstance(seconds, (int, float)) or seconds < 0:
        raise invalid_request("`seconds` must be a number of seconds, 0 or more.", "seconds")
    if job is not None and not isinstance(job, str):
        raise invalid_request("`job` must be a job's id.", "job")
    moved = state_of(request).jobs.advance(session_of(request), float(seconds), job)
    if job is not None and not moved:
        raise APIError(404, f"No job with id '{job}' in this session.", param="job", code=None)
    return json_response({"advanced": moved, "seconds": _finite(float(seconds))})


def _finite(seconds: float) -> float | None:
    return None if math.isinf(seconds) else round(seconds, 3)


def add_routes(app: web.Application) -> None:
    app.router.add_get("/_mockai/health", health)
    app.router.add_get("/_mockai/scenarios", list_scenarios)
    app.router.add_post("/_mockai/scenarios", add_scenarios)
    app.router.add_delete("/_mockai/scenarios", drop_scenarios)
    app.router.add_get("/_mockai/requests", list_requests)
    app.router.add_delete("/_mockai/requests", clear_requests)
    app.router.add_post("/_mockai/reset", reset)
    app.router.add_get("/_mockai/metrics", metrics)
    app.router.add_get("/_mockai/jobs", list_jobs)
    app.router.add_post("/_mockai/jobs/advance", advance_jobs)
    app.router.add_get("/_mockai/ratelimits", list_ratelimits)
    app.router.add_get("/_mockai/chaos", get_chaos)
    app.router.add_post("/_mockai/chaos", set_chaos)
    dashboard.add_routes(app)
