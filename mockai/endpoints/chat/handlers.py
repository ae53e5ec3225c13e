"""The handler of `POST /v1/chat/completions` (the stored completions' routes are `stored`):
checks, scenario step or default reply, body or stream; imported on the family's first
request."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from aiohttp import web

from mockai import generation, tokenizer
from mockai.caches import Cache
from mockai.endpoints.chat.prompt import call_facts, prompt_tokens
from mockai.endpoints.chat.render import ChatRender
from mockai.endpoints.chat.request import (
    MAX_CHOICES,
    ChatRequest,
    FunctionDef,
    check,
    check_context,
)
from mockai.endpoints.chat.state import keep, keep_stream
from mockai.errors import no_model
from mockai.models import Model, capabilities
from mockai.replies import (
    REASONING_TOKENS_BY_EFFORT,
    Limits,
    Outcome,
    Reply,
    apply_limits,
    generated,
    scripted_outcome,
    stop_sequences,
)
from mockai.scenarios.call import Call
from mockai.streaming.pacing import Pacing
from mockai.tokenizer import Tokenizer
from mockai.toolkit.http import json_response, read_request, send_stream
from mockai.toolkit.parsed import Parsed
from mockai.toolkit.scripted import answer_step, with_error_frame
from mockai.toolkit.state import exchange_of, state_of
from mockai.usage import Metered
from mockai.vocabulary import Step


def _forced_function(req: ChatRequest) -> list[FunctionDef]:
    """The functions a default reply must call (tool_choice required / named), else none."""
    functions = [t.function for t in req.tools or () if t.function is not None]
    choice = req.tool_choice
    if choice == "required":
        return functions[:1]
    if choice is not None and not isinstance(choice, str) and choice.function is not None:
        return [f for f in functions if f.name == choice.function.name][:1]
    legacy = req.function_call
    if legacy is not None and not isinstance(legacy, str):
        return [f for f in req.functions or () if f.name == legacy.name][:1]
    return []


def _default_reply(req: ChatRequest, body: Mapping[str, Any], seed: int, index: int) -> Reply:
    fmt = req.response_format
    schema = (
        fmt.json_schema.schema_ or {"type": "object"}
        if fmt is not None and fmt.type == "json_schema" and fmt.json_schema is not None
        else None
    )
    return generated(
        generation.rng_for(seed, "chat.completions", body, index),
        functions=[(f.name, f.parameters) for f in _forced_function(req)],
        json_schema=schema,
        json_object=fmt is not None and fmt.type == "json_object",
        content=False,
    )


@dataclass(frozen=True)
class _Checked:
    """A chat request that passed its checks for `model`, with what it costs and asks."""

    model: Model
    tok: Tokenizer
    prompt: int
    facts: Mapping[str, Any]
    # Default replies by choice index: seeded by the body, so the same every time (unless
    # they call tools, whose call ids are new in every answer).
    defaults: Cache[int, Outcome] = field(default_factory=lambda: Cache(MAX_CHOICES))


async def _checked(parsed: Parsed[ChatRequest], model: Model, lenient: bool) -> _Checked:
    """Checks, prompt tokens and scenario facts, done once per distinct body and model."""
    known = parsed.memo.get("chat")
    if known is not None and known.model is model:
        return known
    req = parsed.model
    capabilities.check_endpoint(model, "chat.completions")  # per-model capabilities (mockai.models)
    check(req, model, lenient=lenient)
    capabilities.check_chat(model, req)
    tok = await tokenizer.encoding(model.encoding)
    prompt = prompt_tokens(req, tok, model.id)
    check_context(prompt, req.output_limit, model)
    facts = MappingProxyType(call_facts(req, parsed.body))
    return parsed.memo.put("chat", _Checked(model, tok, prompt, facts))


def _default_outcome(
    checked: _Checked,
    req: ChatRequest,
    body: Mapping[str, Any],
    seed: int,
    index: int,
    limits: Limits,
) -> Outcome:
    outcome = checked.defaults.get(index)
    if outcome is None:
        outcome = apply_limits(_default_reply(req, body, seed, index), checked.tok, limits)
        if not outcome.reply.tool_calls:
            checked.defaults.put(index, outcome)
    return outcome


async def create(request: web.Request) -> web.StreamResponse:
    state = state_of(request)
    exchange = exchange_of(request)
    settings = state.settings
    parsed = await read_request(request, ChatRequest, missing_model=no_model)
    body, req = parsed.body, parsed.model
    model = state.models.resolve(req.model, lenient=settings.lenient)
    checked = await _checked(parsed, model, settings.lenient)
    model, tok, prompt = checked.model, checked.tok, checked.prompt
    limit = req.output_limit
    # What rate limits charge: the larger of the prompt and the output reservation.
    exchange.tokens = max(prompt, (limit or 0) * (req.n or 1))

    call = Call(headers=request.headers, session=exchange.session, **checked.facts)
    step: Step | None = await answer_step(request, call, streaming=bool(req.stream))
    reasoning = (
        REASONING_TOKENS_BY_EFFORT[capabilities.effort_of(model, req.reasoning_effort)]
        if model.reasoning
        else 0
    )
    legacy = bool(req.functions) and not req.tools
    limits = Limits(limit, stop_sequences(req.stop), reasoning, legacy)
    outcomes = [
        scripted_outcome(step, tok, limits)
        if step is not None and step.says_something
        else _default_outcome(checked, req, body, settings.seed, i, limits)
        for i in range(req.n or 1)
    ]
    render = ChatRender(
        tok=tok,
        model=model.served_as,
        outcomes=outcomes,
        prompt_tokens=prompt,
        usage_override=step.usage if step is not None else None,
        service_tier=req.service_tier,
        legacy_functions=legacy,
        logprobs=bool(req.logprobs),
        top_logprobs=req.top_logprobs or 0,
        seed=settings.seed,
        request_body=body,
    )
    exchange.billed = Metered.completions(render.model, render.usage(), render.tier)
    if not req.stream:
        reply = render.body()
        if req.store:
            keep(request, reply, body)
        return json_response(reply)

    pacing = Pacing.from_spec(step.stream if step is not None else None)
    options = req.stream_options
    frames = render.frames(
        chunk_tokens=pacing.chunk_tokens,
        include_usage=bool(options and options.include_usage),
        obfuscate=not (options and options.include_obfuscation is False),
        exact=pacing.exact is not None,
    )
    if req.store:
        frames = keep_stream(request, frames, body, render.usage)
    return await send_stream(
        request, with_error_frame(frames, step, exchange.request_id), pacing, render.rng
    )
