"""Sending a response's events: streamed as they are produced, or run as a background task
(queued, in progress, done) whose stored events `GET /v1/responses/{id}?stream=true` replays
and follows."""

from __future__ import annotations

import asyncio
import random
from collections.abc import Iterator

from aiohttp import web

from mockai.endpoints.responses.render import Event, ResponseRender
from mockai.endpoints.responses.state import StoredResponse
from mockai.jobclock import FOREVER, JobTime
from mockai.streaming.drain import Drain
from mockai.streaming.pacing import Clock, Pacing
from mockai.streaming.sse import ClientGone, event_frame
from mockai.toolkit.http import send_stream, sse_stream

# A background response is queued for this long at least (on the job clock): nothing on a
# running clock, but a paused one keeps it queued until the test advances it.
QUEUED_AT_LEAST_S = 0.001


def _numbered(event: Event, number: int) -> Event:
    return {
        "type": event["type"],
        "sequence_number": number,
        **{k: v for k, v in event.items() if k != "type"},
    }


def _frame(event: Event) -> bytes:
    return event_frame(event["type"], event)


async def stream(
    request: web.Request,
    events: Iterator[tuple[Event, bool]],
    pacing: Pacing,
    render: ResponseRender,
) -> web.StreamResponse:
    frames = ((_frame(_numbered(event, n)), timed) for n, (event, timed) in enumerate(events))
    return await send_stream(request, frames, pacing, random.Random(render.id), done=None)


def start_background(
    stored: StoredResponse,
    render: ResponseRender,
    events: Iterator[tuple[Event, bool]],
    pacing: Pacing,
    queued_s: float,
    time: JobTime,
    drain: Drain,
) -> None:
    """Run a background response as a task: queued for `queued_s` of its job time (at once on
    an instant clock, until advanced on a paused one), then in progress at its stream's
    pacing (all at once on an instant clock), then done; at once when the server stops, so the
    streams following it end in time."""
    stored.finished = False
    stored.body = render.snapshot("queued")
    pending = iter(events)
    for event, _ in (next(pending), next(pending)):  # created and queued are known at once
        stored.publish(_numbered(event, len(stored.events)))

    async def run() -> None:
        stop_waiting = drain.on_start(lambda: time.advance(FOREVER))
        try:
            if drain.draining:
                time.advance(FOREVER)
            await time.reached(max(queued_s, QUEUED_AT_LEAST_S))
        finally:
            stop_waiting()
        stored.body = render.snapshot("in_progress")
        clock = Clock(pacing, random.Random(render.id), drain)
        final = render.snapshot(render.status, final=True)
        paced = not pacing.instant and time.pace.mode != "instant"
        for event, timed in pending:
            if timed and paced:
                await clock.tick()
            stored.publish(_numbered(event, len(stored.events)))
            if event["type"] == "response.failed":
                final = event["response"]
            elif event["type"] == "error":
                final = render.snapshot(
                    "failed", error={"code": event["code"], "message": event["message"]}
                )
        stored.finish(final)

    stored.task = asyncio.get_running_loop().create_task(run())


async def follow(
    request: web.Request, stored: StoredResponse, starting_after: int
) -> web.StreamResponse:
    """Stream a stored response's events after `starting_after`, following a running one."""
    sse = sse_stream(request)
    await sse.open()
    position = starting_after + 1
    try:
        while True:
            while position < len(stored.events):
                await sse.write(_frame(stored.events[position]))
                position += 1
            if stored.finished:
                break
            await stored.changed()
        await sse.close()
    except ClientGone:
        pass
    return sse.response
