"""`text_completion` bodies and streams, shaped like real gpt-3.5-turbo-instruct traffic.

What the recordings show (key order included): bodies are `id, object, created, model,
choices, usage` with a three-field usage and no `system_fingerprint` (a 2024 body quoted in
vllm-project/vllm#3707); stream chunks are the same object without usage, `id, object, created,
choices, model`, each choice `text, index, logprobs, finish_reason` with `finish_reason: null`
until an empty-text chunk closes the choice, and `include_usage` adds a last chunk with
`choices: []` (vercel/ai's openai-compatible completion fixtures; an Azure gpt-35-turbo-instruct
stream with logprobs recorded in a Java WireMock test). Other chunks carry no `usage` key: the
spec's CreateCompletionResponse, which stream chunks share, does not allow a null one.

Logprobs are the legacy shape: parallel `tokens`, `token_logprobs`, `top_logprobs` (a dict of
`logprobs` entries, the chosen token first; null when `logprobs` is 0) and `text_offset`
(character offsets into prompt + completion, so they start after the prompt unless it is
echoed; an echoed prompt's first token has no logprob).
"""

from __future__ import annotations

import random
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from itertools import zip_longest
from typing import Any

from mockai import ids
from mockai.endpoints.completions.prompt import Prompt
from mockai.generation import logprob, rng_for
from mockai.replies import Outcome
from mockai.streaming.sse import data_frame
from mockai.tokenizer import Tokenizer


@dataclass(frozen=True)
class Choice:
    index: int
    prompt: Prompt
    outcome: Outcome

    @property
    def text(self) -> str:
        return self.outcome.reply.content or ""


@dataclass
class CompletionRender:
    """Everything needed to write one completion request's answer, as a body or a stream."""

    tok: Tokenizer
    model: str  # as served
    choices: list[Choice]  # the ones returned (with best_of, fewer than were generated)
    prompt_tokens: int
    completion_tokens: int  # of every generated candidate: best_of bills them all
    echo: bool
    logprobs: int | None
    seed: int
    request_body: Mapping[str, Any]

    def __post_init__(self) -> None:
        self.id = ids.completion_id()
        self.created = int(time.time())

    @cached_property
    def rng(self) -> random.Random:
        """Logprob and jitter draws; only built when a reply needs them."""
        return rng_for(self.seed, "completions.meta", self.request_body)

    def usage(self) -> dict[str, int]:
        return {
            "prompt_tokens": self.prompt_tokens,
            "completion_tokens": self.completion_tokens,
            "total_tokens": self.prompt_tokens + self.completion_tokens,
        }

    # -- logprobs ------------------------------------------------------------------------
    def _top(self, piece: str, chosen: float) -> dict[str, float]:
        top, last = {piece: chosen}, chosen
        vocab = self.tok.enc.max_token_value - 1000  # ordinary tokens only
        while len(top) < (self.logprobs or 0):
            alt = self.tok.enc.decode([self.rng.randrange(vocab)])
            if alt not in top:
                last = round(last - self.rng.uniform(0.5, 4), 6)
                top[alt] = last
        return top

    def _logprobs(
        self, pieces: list[str], offset: int, *, unscored_first: bool = False
    ) -> dict[str, Any]:
        scores: list[float | None] = []
        tops: list[dict[str, float] | None] = []
        offsets = []
        for position, piece in enumerate(pieces):
            offsets.append(offset)
            offset += len(piece)
            if unscored_first and position == 0:  # nothing precedes it to predict it from
                scores.append(None)
                tops.append(None)
                continue
            chosen = logprob(self.rng)
            scores.append(chosen)
            tops.append(self._top(piece, chosen))
        return {
            "tokens": pieces,
            "token_logprobs": scores,
            "top_logprobs": tops if self.logprobs else None,
            "text_offset": offsets,
        }

    def _echoed(self, choice: Choice) -> dict[str, Any]:
        return self._logprobs(self.tok.pieces_of(choice.prompt.ids), 0, unscored_first=True)

    # -- non-streamed ----------------------------------------------------------------------
    def _choice(self, choice: Choice) -> dict[str, Any]:
        logprobs = None
        if self.logprobs is not None:
            generated = self._logprobs(self.tok.pieces(choice.text), len(choice.prompt.text))
            if self.echo:
                echoed = self._echoed(choice)
                logprobs = {
                    key: echoed[key] + generated[key] if echoed[key] is not None else None
                    for key in echoed
                }
            else:
                logprobs = generated
        text = choice.prompt.text + choice.text if self.echo else choice.text
        return {
            "text": text,
            "index": choice.index,
            "logprobs": logprobs,
            "finish_reason": choice.outcome.finish_reason,
        }

    def body(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "object": "text_completion",
            "created": self.created,
            "model": self.model,
            "choices": [self._choice(c) for c in self.choices],
            "usage": self.usage(),
        }

    # -- streamed --------------------------------------------------------------------------
    def _deltas(self, choice: Choice, chunk_tokens: int) -> Iterator[tuple[dict[str, Any], bool]]:
        """(choice object, carries generated text) for one choice: the echoed prompt, the text
        in pieces, then the empty closing piece with the finish reason."""
        wants = self.logprobs is not None

        def entry(text: str, logprobs: dict[str, Any] | None, finish: str | None = None):
            return {
                "text": text,
                "index": choice.index,
                "logprobs": logprobs,
                "finish_reason": finish,
            }

        offset = len(choice.prompt.text)
        if self.echo:
            # not one of a scenario's `chunks:`, so it does not take one of their timings
            yield entry(choice.prompt.text, self._echoed(choice) if wants else None), False
        reply = choice.outcome.reply
        if reply.chunks is not None:
            parts = list(reply.chunks)
        else:
            pieces = self.tok.pieces(choice.text)
            size = max(chunk_tokens, 1)
            parts = ["".join(pieces[i : i + size]) for i in range(0, len(pieces), size)]
        for part in parts:
            yield (
                entry(part, self._logprobs(self.tok.pieces(part), offset) if wants else None),
                True,
            )
            offset += len(part)
        yield (
            entry("", self._logprobs([], offset) if wants else None, choice.outcome.finish_reason),
            False,
        )

    def frames(
        self, *, chunk_tokens: int, include_usage: bool, exact: bool
    ) -> Iterator[tuple[bytes, bool]]:
        """(SSE frame, paced) pairs, choices interleaved; with exact replay only text chunks
        follow the clock."""
        per_choice = [self._deltas(c, chunk_tokens) for c in self.choices]
        for row in zip_longest(*per_choice):
            for item in row:
                if item is not None:
                    entry, carries = item
                    yield (
                        data_frame(
                            {
                                "id": self.id,
                                "object": "text_completion",
                                "created": self.created,
                                "choices": [entry],
                                "model": self.model,
                            }
                        ),
                        carries if exact else True,
                    )
        if include_usage:
            yield (
                data_frame(
                    {
                        "id": self.id,
                        "object": "text_completion",
                        "created": self.created,
                        "model": self.model,
                        "usage": self.usage(),
                        "choices": [],
                    }
                ),
                False,
            )
