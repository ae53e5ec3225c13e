"""The handler of `POST /v1/responses` (the routes around a stored response are `lifecycle`,
the WebSocket mode `websocket`): checks, context, scenario step or default reply, then the
answer as a body, a stream or a background run; imported on the family's first request."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from itertools import chain, islice
from typing import Any

import orjson
from aiohttp import web

from mockai import generation, tokenizer
from mockai.endpoints.responses import builtin, streams
from mockai.endpoints.responses.builtin import Context, ToolRun
from mockai.endpoints.responses.images import ImagePricing, pricing
from mockai.endpoints.responses.items import (
    check_json_mentioned,
    check_tool_outputs,
    count_input,
    instructions_text,
    to_call,
)
from mockai.endpoints.responses.promptcache import prompt_cache_hit
from mockai.endpoints.responses.render import ResponseRender
from mockai.endpoints.responses.request import (
    BUILTIN_TOOLS,
    BetaResponseRequest,
    ResponseRequest,
    check,
    request_schema,
    runs_builtin,
)
from mockai.endpoints.responses.state import KIND, StoredResponse
from mockai.errors import APIError, invalid_request, missing_parameter
from mockai.inputitems import normalise
from mockai.models import Model, capabilities
from mockai.replies import (
    REASONING_TOKENS_BY_EFFORT,
    Limits,
    Reply,
    apply_limits,
    from_step,
    generated,
    served_tier,
)
from mockai.streaming.pacing import Pacing
from mockai.toolkit import containers, conversations, skills
from mockai.toolkit.http import json_response, read_request
from mockai.toolkit.jobs import pace_of, start_job
from mockai.toolkit.scripted import answer_step, scripted_error
from mockai.toolkit.state import ServerState, exchange_of, state_of
from mockai.usage import Metered, ToolUse


def _missing_model() -> APIError:
    return missing_parameter("model")


# The description lets a Responses call name no model (a stored prompt may carry one); the real
# API then refuses it without a prompt. `--lenient` answers with this one.
LENIENT_MODEL = "gpt-4o"


def _prior_context(state: ServerState, session: str | None, req: ResponseRequest) -> list[dict]:
    if req.previous_response_id is not None:
        previous = state.store.get(session, KIND, req.previous_response_id)
        if previous is None and state.settings.lenient:
            return []  # `--lenient`: any id exists; one never made has no context to carry
        if previous is None:
            raise invalid_request(
                f"Previous response with id '{req.previous_response_id}' not found.",
                "previous_response_id",
                "previous_response_not_found",
            )
        return list(previous.context)
    if req.conversation_id is not None:  # its items come first (the real 404 when unknown)
        return conversations.find(state, session, req.conversation_id).context()
    return []


def _fit_window(
    tok,
    req: ResponseRequest,
    context: list[dict],
    functions: list,
    model: Model,
    images: ImagePricing,
) -> tuple[list[dict], int]:
    """`truncation: auto` drops the oldest items until the input fits; otherwise too long is a
    400."""
    instructions = instructions_text(req.instructions)
    tokens = count_input(tok, instructions, context, functions, images)
    while tokens > model.context_window and req.truncation == "auto" and len(context) > 1:
        context = context[1:]
        tokens = count_input(tok, instructions, context, functions, images)
    if tokens > model.context_window:
        raise invalid_request(
            "Your input exceeds the context window of this model. Please adjust your input and "
            "try again.",
            "input",
            "context_length_exceeded",
        )
    return context, tokens


def _forced_functions(req: ResponseRequest) -> list[tuple[str, dict | None]]:
    """The tool a default reply calls: the one `tool_choice` names or requires, else an offered
    built-in tool (a model offered web search for a question searches; the client gets the
    call items to handle), unless `tool_choice` is "none"."""
    tools = [t for t in req.tools or () if t.type == "function" or t.type in BUILTIN_TOOLS]
    choice = req.tool_choice
    if choice == "required":
        chosen = tools[:1]
    elif isinstance(choice, dict):
        wanted = choice.get("name") if choice.get("type") == "function" else choice.get("type")
        chosen = [t for t in tools if (t.name or t.type) == wanted][:1]
    elif choice != "none":
        chosen = [t for t in tools if t.type in BUILTIN_TOOLS][:1]
    else:
        chosen = []
    return [(t.name or t.type, t.parameters) for t in chosen]


def _default_reply(
    req: ResponseRequest, body: Mapping[str, Any], seed: int, question: str
) -> Reply:
    """A generated reply; a built-in call it makes is about the user's last message."""
    fmt = req.text.format if req.text is not None else None
    forced = _forced_functions(req)
    builtin_only = bool(forced) and all(runs_builtin(req, name) for name, _ in forced)
    rng = generation.rng_for(seed, "responses", body)
    reply = generated(
        rng,
        functions=[
            (name, _BUILTIN_ARGS[name] if runs_builtin(req, name) else params)
            for name, params in forced
        ],
        json_schema=(fmt.schema_ or {"type": "object"})
        if fmt is not None and fmt.type == "json_schema"
        else None,
        json_object=fmt is not None and fmt.type == "json_object",
        content=builtin_only,  # a built-in tool runs server-side, then the model answers
    )
    if not question:
        return reply
    calls = [
        replace(c, arguments=orjson.dumps(_builtin_args(c.name, question)).decode())
        if runs_builtin(req, c.name)
        else c
        for c in reply.tool_calls
    ]
    return replace(reply, tool_calls=tuple(calls))


def _builtin_args(name: str, question: str) -> dict[str, Any]:
    """A search looks for the question; code quotes it as a comment and runs."""
    if name == "file_search":
        return {"queries": [question]}
    if name == "code_interpreter":
        comment = "\n".join(f"# {line}" for line in question.splitlines())
        return {"code": f"{comment}\nprint({question.strip()!r})"}
    return {"query": question}


_QUERY = {"type": "object", "properties": {"query": {"type": "string"}}, "required": ["query"]}
_BUILTIN_ARGS = {name: _QUERY for name in BUILTIN_TOOLS}
_BUILTIN_ARGS["code_interpreter"] = {
    "type": "object",
    "properties": {"code": {"type": "string"}},
    "required": ["code"],
}


def _without_parallel_calls(req: ResponseRequest, reply: Reply) -> Reply:
    """`parallel_tool_calls: false`: the model makes one function call at most (built-in
    tool calls run server-side and are kept)."""
    if req.parallel_tool_calls is not False:
        return reply
    calls = [c for c in reply.tool_calls if runs_builtin(req, c.name)]
    calls += [c for c in reply.tool_calls if not runs_builtin(req, c.name)][:1]
    return replace(reply, tool_calls=tuple(calls))


def _summary(
    req: ResponseRequest,
    model: Model,
    step_reasoning: str | None,
    body: Mapping[str, Any],
    seed: int,
) -> str | None:
    wanted = req.reasoning is not None and (req.reasoning.summary or req.reasoning.generate_summary)
    if not (model.reasoning and wanted):
        return None
    if step_reasoning is not None:
        return step_reasoning
    effort = capabilities.effort_of(model, req.reasoning.effort if req.reasoning else None)
    if not REASONING_TOKENS_BY_EFFORT[effort]:
        return None  # nothing reasoned, nothing to summarise (responses-function-call.sse)
    return generation.text(generation.rng_for(seed, "responses.reasoning", body), (1, 2))


def _tool_use(req: ResponseRequest, name: str) -> ToolUse:
    """A built-in call as the Usage API counts it: a web search at its tool's context size
    (`medium` unless set), a file search in its tool's first vector store, a code
    interpreter session."""
    family = "web_search" if name.startswith("web_search") else name
    tool = next((t for t in req.tools or () if t.type.startswith(family)), None)
    extra = (tool.model_extra if tool is not None else None) or {}
    if family == "web_search":
        return ToolUse("web_search_calls", str(extra.get("search_context_size") or "medium"))
    if family == "file_search":
        stores = extra.get("vector_store_ids") or [None]
        return ToolUse("file_search_calls", stores[0] if isinstance(stores, list) else None)
    return ToolUse("code_interpreter_sessions")


def _check_environments(request: web.Request, req: ResponseRequest) -> None:
    """What a shell tool's environment names must exist: the skills of an automatic
    container (`skills.check_named`), the container a `container_reference` names (the real
    404, or 400 once expired)."""
    state, session = state_of(request), exchange_of(request).session
    for index, tool in enumerate(req.tools or ()):
        environment = (tool.model_extra or {}).get("environment") if tool.type == "shell" else None
        if not isinstance(environment, dict):
            continue
        if environment.get("type") == "container_auto":
            where = f"tools[{index}].environment.skills"
            skills.check_named(request, environment.get("skills") or (), where)
        elif environment.get("type") == "container_reference":
            found = containers.find(state, session, str(environment.get("container_id")))
            containers.use(state, found)


def _run_builtin(ctx: Context, reply: Reply) -> list[ToolRun]:
    """The reply's built-in tool calls, run in order."""
    return [
        builtin.run(ctx, call, orjson.loads(call.arguments or "{}"))
        for call in reply.tool_calls
        if runs_builtin(ctx.req, call.name)
    ]


def _metered(req: ResponseRequest, render: ResponseRender, reply: Reply) -> Metered:
    """What the response's `usage` reports, and the built-in tools it ran."""
    usage = render.usage()
    return Metered(
        "completions",
        render.model,
        input_tokens=usage["input_tokens"],
        output_tokens=usage["output_tokens"],
        cached_tokens=usage["input_tokens_details"]["cached_tokens"],
        service_tier=served_tier(req.service_tier),
        tools=tuple(_tool_use(req, c.name) for c in reply.tool_calls if runs_builtin(req, c.name)),
    )


async def create(request: web.Request) -> web.StreamResponse:
    state = state_of(request)
    exchange = exchange_of(request)
    settings = state.settings
    schema = request_schema(request.headers.get("OpenAI-Beta", ""))
    parsed = await read_request(
        request,
        schema,
        missing_model=_missing_model,
        unknown_parameter=True,
        lenient_model=LENIENT_MODEL,
    )
    body, req = parsed.body, parsed.model
    model = state.models.resolve(req.model, lenient=settings.lenient)
    capabilities.check_endpoint(model, "responses")  # per-model capabilities (mockai.models)
    check(req, model, lenient=settings.lenient)
    capabilities.check_responses(model, req)
    session = exchange.session
    prior = _prior_context(state, session, req)
    new = normalise(req.input, multi_agent=settings.lenient or schema is BetaResponseRequest)
    if not settings.lenient:  # the real API's rules, beyond its description's schemas
        check_tool_outputs(prior, new)
        check_json_mentioned(req, prior + new)
        if req.conversation_id is not None:
            conversations.check_unique(prior, new, "input")
        _check_environments(request, req)
    tok = await tokenizer.encoding(model.encoding)
    functions = [t for t in req.tools or () if t.type == "function"]
    context, input_tokens = _fit_window(
        tok, req, prior + new, functions, model, pricing(state, session, model.id)
    )
    # What rate limits charge: the larger of the input and the output reservation.
    exchange.tokens = max(input_tokens, req.max_output_tokens or 0)
    cached = prompt_cache_hit(state, session, req, tok, context)

    background = bool(req.background)
    call = to_call(req, body, context, new, request.headers, session)
    step = await answer_step(request, call, streaming=bool(req.stream), background=background)
    reply = (
        from_step(step)
        if step is not None and step.says_something
        else _default_reply(req, body, settings.seed, call.last_user_message)
    )
    reply = _without_parallel_calls(req, reply)
    if background:
        pace_of(request, step)  # a bad X-Mockai-Job-Clock is refused before anything is kept
    effort = (
        capabilities.effort_of(model, req.reasoning.effort if req.reasoning else None)
        if model.reasoning
        else None
    )
    reasoning = REASONING_TOKENS_BY_EFFORT[effort] if effort else 0
    tool_runs = _run_builtin(Context(state, session, req), reply)
    answer = next((r.answer for r in tool_runs if r.answer is not None), None)
    scripted_text = step is not None and step.says_something and reply.content is not None
    if answer is not None and not scripted_text and reply.refusal is None:
        reply = replace(reply, content=answer)  # text no scenario scripted: what tools found
    outcome = apply_limits(reply, tok, Limits(req.max_output_tokens, (), reasoning))
    render = ResponseRender(
        req=req,
        model=model.served_as,
        tok=tok,
        outcome=outcome,
        input_tokens=input_tokens,
        cached_tokens=cached,
        tool_runs=tool_runs,
        effort=effort,
        summary=_summary(
            req, model, step.reasoning if step is not None else None, body, settings.seed
        ),
        obfuscate=not (req.stream_options and req.stream_options.include_obfuscation is False),
        logprob_rng=generation.rng_for(settings.seed, "responses.logprobs", body)
        if "message.output_text.logprobs" in (req.include or ())
        else None,
    )
    exchange.billed = _metered(req, render, reply)
    final = render.snapshot(render.status, final=True)
    # A conversation's items are prepended to the response's input items (the description's
    # `conversation`); the turn's input and output items are then added to the conversation.
    inputs = prior + new if req.conversation_id is not None else new
    stored = StoredResponse(body=final, input_items=inputs, context=context + render.items)
    if req.store is not False:
        state.store.put(session, KIND, render.id, stored)
    if req.conversation_id is not None:
        conversations.append(state, session, req.conversation_id, new + render.items)

    pacing = Pacing.from_spec(step.stream if step is not None else None)
    pieces = list(outcome.reply.chunks) if outcome.reply.chunks is not None else None
    events = render.events(pacing.chunk_tokens, pieces, background=background)
    if pieces is not None:  # exact replay: each chunk's after_ms paces its own text delta
        events = ((event, event["type"] == "response.output_text.delta") for event, _ in events)
    if step is not None and step.fails_mid_stream:
        failure = render.failure(scripted_error(step.error), exchange.request_id)  # type: ignore[arg-type]
        stream = step.stream
        assert stream is not None and stream.error_after_chunks is not None  # fails_mid_stream
        after = stream.error_after_chunks
        if background:  # created and queued are already out, in the answer to this request
            after = max(after, 2)
        events = chain(islice(events, after), [(failure, False)])
    if background:
        latency = (step.latency_ms or 0) / 1000 if step is not None else 0.0
        time = start_job(request, render.id, step)  # (its header was checked above)
        streams.start_background(stored, render, events, pacing, latency, time, state.drain)
        if req.stream:
            return await streams.follow(request, stored, -1)
        return json_response(stored.body)
    if req.stream:
        return await streams.stream(request, events, pacing, render)
    return json_response(final)
