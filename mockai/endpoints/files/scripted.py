"""Scenario steps for file, upload and batch requests.

These requests are bookkeeping around the model calls, so a scenario answers them only when it
names their endpoint (`match: {endpoint: files}`, or a glob such as `"batch*"`) and is the
first to match, or when `X-Mockai-Scenario` forces it. A catch-all scenario written for chat
replies must not have its sequence advanced by the upload that precedes a batch.
"""

from __future__ import annotations

from typing import Any

from aiohttp import web

from mockai.scenarios.call import Call
from mockai.server.scripting import answer_step
from mockai.server.state import exchange_of, state_of
from mockai.vocabulary import Step


async def answer_if_targeted(
    request: web.Request, endpoint: str, body: dict[str, Any], *, file_name: str | None = None
) -> Step | None:
    """Apply a targeted scenario's step (headers, latency, scripted error); None otherwise."""
    session = exchange_of(request).session
    call = Call(endpoint, body, request.headers, session, file_name=file_name)
    first = next((s for s in state_of(request).engine.candidates(session) if s.matches(call)), None)
    targeted = "x-mockai-scenario" in call.headers or (
        first is not None and first.located.scenario.match.endpoint is not None
    )
    if not targeted:
        return None
    return await answer_step(request, call, streaming=False)
