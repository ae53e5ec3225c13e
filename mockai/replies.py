"""What the model "says": a scripted step or a generated default, before any endpoint shapes it.

Chat completions, Responses and legacy completions all turn a step into the same `Reply`, then
apply the same rules a real model run obeys: stop sequences end the text, the token budget cuts
it (`length`), reasoning models spend part of the budget on reasoning tokens.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

import orjson

from mockai import generation, ids
from mockai.caches import Cache
from mockai.tokenizer import Tokenizer
from mockai.vocabulary import Step, Usage

REASONING_TOKENS_BY_EFFORT = {
    "none": 0,
    "minimal": 0,
    "low": 64,
    "medium": 192,
    "high": 576,
    "xhigh": 1024,
    "max": 2048,
}
# Real tool-call completions count a little more than name + arguments (the call's framing);
# measured from recorded streams: 7 tokens per call (chat-tool-call-with-usage.sse: 2 + 7 + 7 =
# 16), 8 more when calls run in parallel (chat-parallel-tool-calls.sse: 38 + 2 * 7 + 8 = 60).
TOKENS_PER_TOOL_CALL = 7
TOKENS_FOR_PARALLEL_CALLS = 8
# A refusal costs one token more than its text (chat-refusal.sse: 10 tokens counted as 11).
TOKENS_PER_REFUSAL = 1


# The tier an answer reports having been served on, by the `service_tier` asked for.
SERVICE_TIERS = {
    None: "default",
    "auto": "default",
    "default": "default",
    "flex": "flex",
    "scale": "scale",
    "priority": "priority",
    "fast": "priority",
    "ultrafast": "ultrafast",
}


def served_tier(requested: str | None) -> str:
    return SERVICE_TIERS.get(requested, "default")


@dataclass(frozen=True)
class ToolCallOut:
    id: str
    name: str
    arguments: str


@dataclass(frozen=True)
class Reply:
    content: str | None = None
    refusal: str | None = None
    tool_calls: tuple[ToolCallOut, ...] = ()
    finish_reason: str | None = None  # scripted; derived when None
    usage: Usage | None = None
    chunks: tuple[str, ...] | None = None  # exact stream replay of the content


def from_step(step: Step) -> Reply:
    chunks = (
        tuple(c.text for c in step.stream.chunks) if step.stream and step.stream.chunks else None
    )
    content = step.content
    if content is None and chunks is not None:
        content = "".join(chunks)
    return Reply(
        content=content,
        refusal=step.refusal,
        tool_calls=tuple(
            ToolCallOut(
                call.id or ids.tool_call_id(),
                call.name,
                call.arguments
                if isinstance(call.arguments, str)
                else orjson.dumps(call.arguments).decode(),
            )
            for call in step.tool_calls or ()
        ),
        finish_reason=step.finish_reason,
        usage=step.usage,
        chunks=chunks,
    )


def generated(
    rng: random.Random,
    *,
    functions: Iterable[tuple[str, dict[str, Any] | None]] = (),
    json_schema: dict[str, Any] | None = None,
    json_object: bool = False,
    content: bool = True,
) -> Reply:
    """A default reply: calls to the functions the request forces (arguments that fit their
    parameter schemas), else JSON for a JSON response format, else Faker text."""
    calls = tuple(
        ToolCallOut(
            ids.tool_call_id(),
            name,
            orjson.dumps(generation.instance(params or {"type": "object"}, rng)).decode(),
        )
        for name, params in functions
    )
    if calls and not content:
        return Reply(tool_calls=calls)
    if json_schema is not None:
        text = orjson.dumps(generation.instance(json_schema, rng)).decode()
    elif json_object:
        text = orjson.dumps(generation.json_object(rng)).decode()
    else:
        text = generation.text(rng)
    return Reply(content=text, tool_calls=calls)


@dataclass(frozen=True)
class Outcome:
    """A reply after the model's limits applied: possibly cut text, counts, finish reason."""

    reply: Reply
    content_tokens: int
    reasoning_tokens: int
    finish_reason: str

    @property
    def completion_tokens(self) -> int:
        return self.content_tokens + self.reasoning_tokens


def _cut_chunks(chunks: tuple[str, ...] | None, text: str) -> tuple[str, ...] | None:
    if chunks is None:
        return None
    out, used = [], 0
    for chunk in chunks:
        if used >= len(text):
            break
        piece = chunk[: len(text) - used]
        out.append(piece)
        used += len(piece)
    return tuple(out)


def tool_call_tokens(tok: Tokenizer, calls: Iterable[ToolCallOut]) -> int:
    calls = list(calls)
    total = sum(tok.count(c.name) + tok.count(c.arguments) + TOKENS_PER_TOOL_CALL for c in calls)
    return total + (TOKENS_FOR_PARALLEL_CALLS if len(calls) > 1 else 0)


@dataclass(frozen=True)
class Limits:
    """What bounds an answer: the output budget (None: none), stop sequences, the reasoning
    tokens spent first, and whether tool calls are legacy `function_call`s."""

    budget: int | None = None
    stop: tuple[str, ...] = ()
    reasoning_tokens: int = 0
    function_call: bool = False


def stop_sequences(stop: str | list[str] | None) -> tuple[str, ...]:
    """`stop` as a request sends it (one string or a list) as the sequences to stop at."""
    if stop is None:
        return ()
    return (stop,) if isinstance(stop, str) else tuple(stop)


def apply_limits(reply: Reply, tok: Tokenizer, limits: Limits) -> Outcome:
    """Apply stop sequences, reasoning spend and the output budget, and derive finish_reason."""
    budget, stop, reasoning_tokens = limits.budget, limits.stop, limits.reasoning_tokens
    function_call = limits.function_call
    finish = "stop"
    text = reply.content
    if reply.usage is not None and reply.usage.reasoning_tokens is not None:
        reasoning_tokens = reply.usage.reasoning_tokens
    if budget is not None and reasoning_tokens >= budget:
        reasoning_tokens, budget, text, finish = (
            budget,
            0,
            ("" if text is not None else None),
            "length",
        )
    elif budget is not None:
        budget -= reasoning_tokens
    if text and stop:
        hits = [text.find(s) for s in stop if s and s in text]
        if hits:
            text = text[: min(hits)]
    count = 0
    if text:
        if budget is not None:
            text, count, cut = tok.truncate(text, budget)
            if cut:
                finish = "length"
        else:
            count = tok.count(text)
    if reply.refusal:
        count += tok.count(reply.refusal) + TOKENS_PER_REFUSAL
    if reply.tool_calls:
        count += tool_call_tokens(tok, reply.tool_calls)
        if finish != "length":
            finish = "function_call" if function_call else "tool_calls"
    if reply.finish_reason is not None:
        finish = reply.finish_reason
    if reply.usage is not None and reply.usage.completion_tokens is not None:
        count = max(reply.usage.completion_tokens - reasoning_tokens, 0)
    cut_reply = replace(reply, content=text, chunks=_cut_chunks(reply.chunks, text or ""))
    return Outcome(cut_reply, count, reasoning_tokens, finish)


# id(step) -> (step, its outcomes by limits). Steps are frozen but not hashable (they hold
# lists), hence the id; the entry holds the step, so the id cannot be reused while it is here.
# Templated steps are new objects each time, hence the bound.
_DERIVED: Cache[int, tuple[Step, Cache[Any, Outcome]]] = Cache(1024)
OUTCOMES_PER_STEP = 32  # requests varying their limits keep the memo small


def _derived(step: Step) -> Cache[Any, Outcome]:
    entry = _DERIVED.get(id(step))
    if entry is None:
        entry = _DERIVED.put(id(step), (step, Cache(OUTCOMES_PER_STEP)))
    return entry[1]


def scripted_outcome(step: Step, tok: Tokenizer, limits: Limits) -> Outcome:
    """`apply_limits(from_step(step), ...)`, computed once per step and limits: a scripted
    step answers the same way every time, unless it leaves tool-call ids to be drawn."""
    if step.tool_calls and not all(call.id for call in step.tool_calls):
        return apply_limits(from_step(step), tok, limits)
    derived = _derived(step)
    key = (tok, limits)
    outcome = derived.get(key)
    return (
        derived.put(key, apply_limits(from_step(step), tok, limits)) if outcome is None else outcome
    )


def logprob_entries(
    tok: Tokenizer, pieces: list[str], rng: random.Random, top: int
) -> list[dict[str, Any]]:
    """Per-token logprobs as chat and Responses report them: the chosen token first among its
    `top` alternatives, which are real vocabulary tokens with lower, seeded logprobs."""
    entries = []
    vocab = tok.enc.max_token_value - 1000  # ordinary tokens only
    for piece in pieces:
        ranked: list[dict[str, Any]] = [
            {"token": piece, "logprob": generation.logprob(rng), "bytes": list(piece.encode())}
        ]
        while len(ranked) < top:
            alt = tok.enc.decode([rng.randrange(vocab)])
            ranked.append(
                {
                    "token": alt,
                    "logprob": round(ranked[-1]["logprob"] - rng.uniform(0.5, 4), 6),
                    "bytes": list(alt.encode()),
                }
            )
        entries.append({**ranked[0], "top_logprobs": ranked[:top]})
    return entries
