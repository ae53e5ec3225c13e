"""The handler of `POST /v1/moderations` (see the package's docstring): checks, scenario step,
one result per input; imported on the family's first request."""

from __future__ import annotations

from aiohttp import web

from mockai import ids, tokenizer
from mockai.endpoints.moderations.render import result
from mockai.endpoints.moderations.request import ModerationRequest, inputs
from mockai.errors import invalid_request
from mockai.models import capabilities
from mockai.scenarios.call import Call
from mockai.toolkit.http import json_response, read_json
from mockai.toolkit.scripted import answer_step
from mockai.toolkit.state import exchange_of, state_of
from mockai.usage import Metered
from mockai.validation import validate

# What the legacy text models report in `model` (a name of no catalog model of its own);
# the others report their own.
LEGACY_SERVED_AS = {
    "text-moderation-latest": "text-moderation-007",
    "text-moderation-stable": "text-moderation-007",
}


def _model(request: web.Request, name: str) -> str:
    """The name to report; a model the catalog does not serve here gets the real 404."""
    state = state_of(request)
    model = state.models.resolve(name, lenient=state.settings.lenient)
    capabilities.check_endpoint(model, "moderations")  # per-model capabilities (mockai.models)
    return LEGACY_SERVED_AS.get(model.id, model.served_as)


async def create(request: web.Request) -> web.Response:
    body = await read_json(request)
    req = validate(ModerationRequest, body, lenient=state_of(request).settings.lenient)
    served = _model(request, req.model)
    legacy = served.startswith("text-moderation")
    items = inputs(req.input)
    if legacy and any(item.has_image for item in items):
        raise invalid_request(f"Model '{req.model}' does not support image inputs.", "input")
    call = Call(
        endpoint="moderations",
        body=body,
        headers=request.headers,
        session=exchange_of(request).session,
        model=req.model,
        last_user_message="\n".join(item.text for item in items),
    )
    step = await answer_step(request, call, streaming=False)
    # The Usage API counts a moderation's text input in tokens (images are not counted).
    tok = await tokenizer.encoding("cl100k_base" if legacy else "o200k_base")
    tokens = sum(tok.count(item.text) for item in items if item.text)
    exchange_of(request).billed = Metered("moderations", served, input_tokens=tokens)
    return json_response(
        {
            "id": ids.moderation_id(legacy),
            "model": served,
            "results": [result(item, step, legacy) for item in items],
        }
    )
