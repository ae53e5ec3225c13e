"""The handler of `POST /v1/completions` (see the package's docstring): checks, scenario step
or default text, body or stream; imported on the family's first request."""

from __future__ import annotations

from dataclasses import replace

from aiohttp import web

from mockai import generation, tokenizer
from mockai.endpoints.completions.prompt import prompts_of, to_call
from mockai.endpoints.completions.render import Choice, CompletionRender
from mockai.endpoints.completions.request import CompletionRequest, check, check_context
from mockai.errors import no_model
from mockai.models import Model, capabilities
from mockai.replies import Limits, Reply, apply_limits, from_step, stop_sequences
from mockai.streaming.pacing import Pacing
from mockai.toolkit.http import json_response, read_request, send_stream
from mockai.toolkit.scripted import answer_step, with_error_frame
from mockai.toolkit.state import ServerState, exchange_of, state_of
from mockai.usage import Metered

FINISH_REASONS = ("stop", "length", "content_filter")


def _model(state: ServerState, name: str) -> Model:
    """The model, refusing those v1/completions does not serve with the real API's 404."""
    model = state.models.resolve(name, lenient=state.settings.lenient)
    capabilities.check_endpoint(model, "completions")  # per-model capabilities (mockai.models)
    return model


def _as_completion(reply: Reply) -> Reply:
    text = reply.content if reply.content is not None else reply.refusal or ""
    finish = reply.finish_reason if reply.finish_reason in FINISH_REASONS else None
    return replace(reply, content=text, refusal=None, tool_calls=(), finish_reason=finish)


async def create(request: web.Request) -> web.StreamResponse:
    state = state_of(request)
    exchange = exchange_of(request)
    parsed = await read_request(request, CompletionRequest, missing_model=no_model)
    body, req = parsed.body, parsed.model
    model = _model(state, req.model)
    check(req, model, lenient=state.settings.lenient)
    tok = await tokenizer.encoding(model.encoding)
    prompts = prompts_of(req, tok)
    suffix = tok.count(req.suffix) if req.suffix else 0  # the model reads it after the prompt
    sizes = [len(p.ids) + suffix for p in prompts]
    candidates = req.candidates_per_prompt
    # What rate limits charge: the larger of the prompts and the output reservation.
    exchange.tokens = max(sum(sizes), (req.max_tokens or 0) * candidates * len(prompts))
    for size in sizes:
        check_context(size, req.max_tokens, model)

    call = to_call(req, prompts, body, request.headers, exchange.session)
    step = await answer_step(request, call, streaming=bool(req.stream))
    # A bare error step that fails mid-stream streams default text before its error.
    scripted = _as_completion(from_step(step)) if step is not None and step.says_something else None
    choices: list[Choice] = []
    generated = 0
    seed = state.settings.seed
    for p, (prompt, size) in enumerate(zip(prompts, sizes, strict=False)):
        budget = req.max_tokens if req.max_tokens is not None else model.context_window - size
        for i in range(candidates):
            reply = (
                scripted
                if scripted is not None
                else Reply(
                    content=generation.text(
                        generation.rng_for(seed, "completions", body, p * candidates + i)
                    )
                )
            )
            outcome = apply_limits(reply, tok, Limits(budget, stop_sequences(req.stop)))
            generated += outcome.completion_tokens
            if i < req.choices_per_prompt:
                choices.append(Choice(p * req.choices_per_prompt + i, prompt, outcome))
    override = step.usage.prompt_tokens if step is not None and step.usage is not None else None
    render = CompletionRender(
        tok=tok,
        model=model.served_as,
        choices=choices,
        prompt_tokens=override if override is not None else sum(sizes),
        completion_tokens=generated,
        echo=bool(req.echo),
        logprobs=req.logprobs,
        seed=seed,
        request_body=body,
    )
    exchange.billed = Metered.completions(render.model, render.usage())
    if not req.stream:
        return json_response(render.body())

    pacing = Pacing.from_spec(step.stream if step is not None else None)
    frames = render.frames(
        chunk_tokens=pacing.chunk_tokens,
        include_usage=bool(req.stream_options and req.stream_options.include_usage),
        exact=pacing.exact is not None,
    )
    return await send_stream(
        request, with_error_frame(frames, step, exchange.request_id), pacing, render.rng
    )
