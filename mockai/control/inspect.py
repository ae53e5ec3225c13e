"""What the dashboard reads beyond the journal: scenario progress, rate-limit buckets, and the
server-wide chaos rate, which it can also change while the server runs."""

from __future__ import annotations

from typing import Any

from aiohttp import web

from mockai.config import SettingError
from mockai.control.access import guard, session_of
from mockai.errors import invalid_request
from mockai.faults import ChaosPolicy
from mockai.masking import mask_key
from mockai.scenarios.engine import CompiledScenario, ScenarioEngine
from mockai.toolkit.http import decode_json, json_response
from mockai.toolkit.state import state_of

CHAOS_PARAMS = {"chaos_rate": "rate", "chaos_kinds": "kinds"}


def progress(engine: ScenarioEngine, scenario: CompiledScenario) -> dict[str, Any]:
    """`hits`: requests the scenario answered; `positions`: per session, the step the next
    request gets (0-based) of how many, and whether the sequence loops."""
    answered = engine.answered(scenario.name)
    steps = len(scenario.steps)
    return {
        "hits": sum(answered.values()),
        "positions": [
            {
                "session": session,
                "answered": count,
                "next_step": scenario.step_for(count),
                "steps": steps,
                "loop": scenario.loop,
            }
            for session, count in answered.items()
        ],
    }


async def list_ratelimits(request: web.Request) -> web.Response:
    guard(request)
    buckets = state_of(request).limiter.buckets(session_of(request))
    data = [{**bucket, "key": mask_key(str(bucket["key"]))} for bucket in buckets]
    return json_response({"object": "list", "data": data})


async def get_chaos(request: web.Request) -> web.Response:
    guard(request)
    return json_response(state_of(request).chaos.policy.describe())


async def set_chaos(request: web.Request) -> web.Response:
    """`{"rate": P, "kinds": [...]}`: the server-wide chaos from now on, checked as
    `--chaos-rate` and `--chaos-kinds` are; `kinds` left out keeps the current ones."""
    guard(request)
    body = decode_json(await request.read())
    dice = state_of(request).chaos
    rate, kinds = body.get("rate", dice.policy.rate), body.get("kinds", list(dice.policy.kinds))
    if isinstance(rate, bool) or not isinstance(rate, (int, float)):
        raise invalid_request("`rate` must be a number between 0 and 1.", "rate")
    if not isinstance(kinds, list) or not all(isinstance(k, str) for k in kinds):
        raise invalid_request("`kinds` must be a list of chaos kinds.", "kinds")
    try:
        dice.policy = ChaosPolicy.checked(float(rate), kinds)
    except SettingError as exc:
        param = CHAOS_PARAMS[exc.name]
        raise invalid_request(f"`{param}`: {exc.reason}.", param) from None
    return json_response(dice.policy.describe())
