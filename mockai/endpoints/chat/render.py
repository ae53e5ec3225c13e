"""Chat completion bodies and `chat.completion.chunk` streams, shaped like the recordings in
`mockai/spec/streams/` (role chunk, deltas, finish chunk, usage chunk, `[DONE]`)."""

from __future__ import annotations

import hashlib
import random
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from itertools import zip_longest
from typing import Any

from mockai import ids
from mockai.caches import memoized
from mockai.generation import rng_for
from mockai.replies import Outcome, logprob_entries, served_tier
from mockai.streaming.sse import data_frame
from mockai.tokenizer import Tokenizer
from mockai.vocabulary import Usage

_NO_OVERRIDE = Usage()


@memoized(limit=1024)
def fingerprint(model: str) -> str:
    return "fp_" + hashlib.blake2b(model.encode(), digest_size=5).hexdigest()


@dataclass
class ChatRender:
    """Everything needed to write one completion, as a body or as a stream."""

    tok: Tokenizer
    model: str  # as served (snapshot name)
    outcomes: list[Outcome]
    prompt_tokens: int
    usage_override: Usage | None
    service_tier: str | None
    legacy_functions: bool
    logprobs: bool
    top_logprobs: int
    seed: int
    request_body: Mapping[str, Any]
    _usage: dict[str, Any] | None = field(default=None, init=False, repr=False)

    @cached_property
    def rng(self) -> random.Random:
        """Logprobs, obfuscation and jitter draws; only built when a reply needs them."""
        return rng_for(self.seed, "chat.completions.meta", self.request_body)

    def __post_init__(self) -> None:
        self.id = ids.chat_completion_id()
        self.created = int(time.time())
        self.tier = served_tier(self.service_tier)

    # -- shared pieces -------------------------------------------------------------------
    def usage(self) -> dict[str, Any]:
        """The answer's `usage` (computed once: the handler meters it, the body carries it)."""
        if self._usage is None:
            self._usage = self._count()
        return self._usage

    def _count(self) -> dict[str, Any]:
        override = self.usage_override or _NO_OVERRIDE
        prompt = (
            override.prompt_tokens if override.prompt_tokens is not None else self.prompt_tokens
        )
        completion = sum(o.completion_tokens for o in self.outcomes)
        reasoning = sum(o.reasoning_tokens for o in self.outcomes)
        return {
            "prompt_tokens": prompt,
            "completion_tokens": completion,
            "total_tokens": prompt + completion,
            "prompt_tokens_details": {
                "cached_tokens": override.cached_tokens or 0,
                "audio_tokens": 0,
            },
            "completion_tokens_details": {
                "reasoning_tokens": reasoning,
                "audio_tokens": 0,
                "accepted_prediction_tokens": 0,
                "rejected_prediction_tokens": 0,
            },
        }

    def _logprob_entries(self, pieces: list[str]) -> list[dict[str, Any]]:
        return logprob_entries(self.tok, pieces, self.rng, self.top_logprobs)

    # -- non-streamed ----------------------------------------------------------------------
    def _message(self, outcome: Outcome) -> dict[str, Any]:
        reply = outcome.reply
        message: dict[str, Any] = {"role": "assistant", "content": reply.content}
        if reply.tool_calls and self.legacy_functions:
            first = reply.tool_calls[0]
            message["function_call"] = {"name": first.name, "arguments": first.arguments}
        elif reply.tool_calls:
            message["tool_calls"] = [
                {
                    "id": c.id,
                    "type": "function",
                    "function": {"name": c.name, "arguments": c.arguments},
                }
                for c in reply.tool_calls
            ]
        message["refusal"] = reply.refusal
        message["annotations"] = []
        return message

    def body(self) -> dict[str, Any]:
        choices = []
        for index, outcome in enumerate(self.outcomes):
            logprobs = None
            if self.logprobs:
                text = outcome.reply.content or ""
                logprobs = {
                    "content": self._logprob_entries(self.tok.pieces(text)) if text else [],
                    "refusal": None,
                }
            choices.append(
                {
                    "index": index,
                    "message": self._message(outcome),
                    "logprobs": logprobs,
                    "finish_reason": outcome.finish_reason,
                }
            )
        return {
            "id": self.id,
            "object": "chat.completion",
            "created": self.created,
            "model": self.model,
            "choices": choices,
            "usage": self.usage(),
            "service_tier": self.tier,
            "system_fingerprint": fingerprint(self.model),
        }

    # -- streamed --------------------------------------------------------------------------
    def _chunk(
        self,
        choices: list[dict[str, Any]],
        include_usage: bool,
        obfuscate: bool,
        usage: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        chunk: dict[str, Any] = {
            "id": self.id,
            "object": "chat.completion.chunk",
            "created": self.created,
            "model": self.model,
            "service_tier": self.tier,
            "system_fingerprint": fingerprint(self.model),
            "choices": choices,
        }
        if include_usage:
            chunk["usage"] = usage
        if obfuscate:
            chunk["obfuscation"] = ids.obfuscation(self.rng.randint(1, 16))
        return chunk

    def _choice_deltas(
        self, index: int, outcome: Outcome, chunk_tokens: int
    ) -> Iterator[tuple[dict[str, Any], bool]]:
        """(choice object, carries content) for one choice, role chunk first."""
        reply = outcome.reply
        lp_empty: dict[str, Any] | None = (
            {"content": [], "refusal": None} if self.logprobs else None
        )

        def choice(delta: dict[str, Any], logprobs: Any = None, finish: str | None = None):
            return {"index": index, "delta": delta, "logprobs": logprobs, "finish_reason": finish}

        merged_first_call = False
        if reply.refusal is not None and reply.content is None:
            yield choice({"role": "assistant", "content": None, "refusal": ""}, lp_empty), False
            for piece in _group(self.tok.pieces(reply.refusal), chunk_tokens):
                yield choice({"refusal": piece}), True
        elif reply.content is not None or not reply.tool_calls:
            yield choice({"role": "assistant", "content": "", "refusal": None}, lp_empty), False
            pieces = (
                list(reply.chunks)
                if reply.chunks is not None
                else _group(self.tok.pieces(reply.content or ""), chunk_tokens)
            )
            for piece in pieces:
                logprobs = None
                if self.logprobs:
                    logprobs = {
                        "content": self._logprob_entries(self.tok.pieces(piece)),
                        "refusal": None,
                    }
                yield choice({"content": piece}, logprobs), True
        else:
            merged_first_call = True  # as recorded: the role chunk carries the first call's header
        for position, call in enumerate(reply.tool_calls):
            header = self._call_header(position, call)
            if position == 0 and merged_first_call:
                header = {"role": "assistant", "content": None, **header, "refusal": None}
            yield choice(header), False
            for fragment in self._call_fragments(position, call, chunk_tokens):
                yield choice(fragment), True
            if self.legacy_functions:
                break  # legacy function calling carries one call
        yield choice({}, None, outcome.finish_reason), False

    def _call_header(self, index: int, call) -> dict[str, Any]:
        if self.legacy_functions:
            return {"function_call": {"name": call.name, "arguments": ""}}
        return {
            "tool_calls": [
                {
                    "index": index,
                    "id": call.id,
                    "type": "function",
                    "function": {"name": call.name, "arguments": ""},
                }
            ]
        }

    def _call_fragments(self, index: int, call, chunk_tokens: int) -> Iterator[dict[str, Any]]:
        for piece in _group(self.tok.pieces(call.arguments), chunk_tokens):
            if self.legacy_functions:
                yield {"function_call": {"arguments": piece}}
            else:
                yield {"tool_calls": [{"index": index, "function": {"arguments": piece}}]}

    def frames(
        self, *, chunk_tokens: int, include_usage: bool, obfuscate: bool, exact: bool
    ) -> Iterator[tuple[bytes, bool]]:
        """(SSE frame, paced) pairs. With exact replay only content chunks follow the clock."""
        per_choice = [self._choice_deltas(i, o, chunk_tokens) for i, o in enumerate(self.outcomes)]
        for row in zip_longest(*per_choice):
            for item in row:
                if item is None:
                    continue
                choice, carries = item
                timed = carries if exact else True
                yield data_frame(self._chunk([choice], include_usage, obfuscate)), timed
        if include_usage:
            yield data_frame(self._chunk([], True, obfuscate, self.usage())), False


def _group(pieces: list[str], size: int) -> list[str]:
    if size <= 1:
        return pieces
    return ["".join(pieces[i : i + size]) for i in range(0, len(pieces), size)]
