"""Starting a job on the job clock (`mockai.jobclock`) for the request that creates it: at the
pace its `X-Mockai-Job-Clock` header asks for, else its scenario step's `job_clock`, else the
server's `job_clock` setting."""

from __future__ import annotations

from aiohttp import web

from mockai.errors import invalid_request
from mockai.jobclock import JobTime, Pace
from mockai.toolkit.state import exchange_of, state_of
from mockai.vocabulary import Step

HEADER = "X-Mockai-Job-Clock"


def pace_of(request: web.Request, step: Step | None = None) -> Pace | None:
    """The pace the request or its step asks for (None: the server's); a bad header is a 400
    naming it."""
    text = request.headers.get(HEADER)
    if text is not None:
        try:
            return Pace.parse(text)
        except ValueError as exc:
            raise invalid_request(f"Invalid {HEADER} header: {exc}.") from None
    if step is not None and step.job_clock is not None:
        return Pace.parse(step.job_clock)
    return None


def start_job(request: web.Request, job_id: str, step: Step | None = None) -> JobTime:
    """The new job's time, kept under its id for the control API to advance."""
    pace = pace_of(request, step)
    return state_of(request).jobs.start(exchange_of(request).session, job_id, pace)
