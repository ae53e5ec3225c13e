"""The scenario file format as pydantic models.

Validation happens once, at load time; the request path only touches the compiled form
(`engine.CompiledScenario`), never these models' validators.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal, get_args

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    Tag,
    field_validator,
    model_validator,
)

from mockai.scenarios.endpoints import resolve


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Regex(_Strict):
    regex: str

    @field_validator("regex")
    @classmethod
    def _compiles(cls, value: str) -> str:
        try:
            re.compile(value)
        except re.error as exc:
            raise ValueError(str(exc)) from None
        return value


def _text_kind(value: Any) -> str:
    return "pattern" if isinstance(value, (dict, Regex)) else "text"


# Discriminated, so a mapping is only checked as a regex and a mistake in it gives that
# mistake alone, not also "should be a valid string".
TextCondition = Annotated[
    Annotated[str, Tag("text")] | Annotated[Regex, Tag("pattern")], Discriminator(_text_kind)
]


class Match(_Strict):
    endpoint: str | None = None
    model: str | None = None
    user: TextCondition | None = None
    system: TextCondition | None = None
    tools: list[str] | None = None
    tool_result: bool | None = None
    headers: dict[str, str] | None = None
    file_name: str | None = None  # glob on an uploaded file's name (audio, files)
    language: str | None = None  # a transcription request's `language`

    @field_validator("endpoint")
    @classmethod
    def _known_endpoint(cls, value: str | None) -> str | None:
        if value is not None:
            resolve(value)
        return value


class Chunk(_Strict):
    text: str
    after_ms: float = Field(0, ge=0)


class Stream(_Strict):
    first_chunk_ms: float | None = Field(None, ge=0)
    chunk_ms: float | None = Field(None, ge=0)
    jitter_ms: float | None = Field(None, ge=0)
    chunk_tokens: int | None = Field(None, ge=1)
    chunks: list[Chunk] | None = None
    disconnect_after_chunks: int | None = Field(None, ge=0)
    error_after_chunks: int | None = Field(None, ge=0)  # the step's `error` arrives mid-stream
    malformed_chunk_at: int | None = Field(None, ge=0)  # this chunk's JSON is cut short
    stall_after_chunks: int | None = Field(None, ge=0)  # then nothing for `stall_ms`
    stall_ms: float | None = Field(None, ge=0)  # default: until the client gives up


class ErrorSpec(_Strict):
    status: int = Field(ge=400, le=599)
    type: str | None = None
    code: str | None = None
    message: str | None = None
    param: str | None = None
    retry_after: float | None = Field(None, ge=0)
    should_retry: bool | None = None  # sends `x-should-retry`, which the official SDKs obey


class ToolCall(_Strict):
    name: str
    arguments: dict[str, Any] | str = Field(default_factory=dict)
    id: str | None = None


class Usage(_Strict):
    prompt_tokens: int | None = Field(None, ge=0)
    completion_tokens: int | None = Field(None, ge=0)
    reasoning_tokens: int | None = Field(None, ge=0)
    cached_tokens: int | None = Field(None, ge=0)


FinishReason = Literal["stop", "length", "tool_calls", "content_filter", "function_call"]


class Step(_Strict):
    content: str | None = None
    refusal: str | None = None
    reasoning: str | None = None  # a reasoning model's summary (Responses `reasoning.summary`)
    flagged: bool | None = None  # moderations: the verdict
    categories: dict[str, float] | list[str] | None = (
        None  # moderations: flagged categories (or scores)
    )
    tool_calls: list[ToolCall] | None = None
    error: ErrorSpec | None = None
    finish_reason: FinishReason | None = None
    usage: Usage | None = None
    stream: Stream | None = None
    latency_ms: float | None = Field(None, ge=0)
    headers: dict[str, str] | None = None
    reset: bool = False  # drop the connection before any response

    @field_validator("error", mode="before")
    @classmethod
    def _status_alone(cls, value: Any) -> Any:
        return (
            {"status": value} if isinstance(value, int) and not isinstance(value, bool) else value
        )

    @model_validator(mode="after")
    def _one_kind(self) -> Step:
        mid_stream = self.stream is not None and self.stream.error_after_chunks is not None
        if (
            self.error is not None
            and not mid_stream
            and any(
                v is not None for v in (self.content, self.refusal, self.tool_calls, self.flagged)
            )
        ):
            raise ValueError(
                "a step with `error` cannot also have content, refusal or tool_calls "
                "(unless its `stream.error_after_chunks` sends the error mid-stream)"
            )
        if self.reset and (self.error is not None or self.says_something):
            raise ValueError(
                "a step with `reset: true` drops the connection; it cannot also "
                "have an error or a reply"
            )
        return self

    @property
    def says_something(self) -> bool:
        """False for a bare error step: a mid-stream failure then streams generated text first."""
        return any(v is not None for v in (self.content, self.refusal, self.tool_calls)) or (
            self.stream is not None and self.stream.chunks is not None
        )

    @property
    def fails_mid_stream(self) -> bool:
        return (
            self.error is not None
            and self.stream is not None
            and self.stream.error_after_chunks is not None
        )


ChaosKind = Literal[
    "429",
    "500",
    "502",
    "503",
    "reset",
    "stall",
    "malformed_json",
    "wrong_content_type",
    "disconnect",
    "stream_error",
    "malformed_chunk",
    "stream_stall",
]


class Chaos(_Strict):
    """Random faults for a scenario's requests (see `mockai.faults`)."""

    rate: float = Field(ge=0, le=1)
    kinds: list[ChaosKind] | dict[ChaosKind, Annotated[float, Field(ge=0)]] | None = Field(
        None, min_length=1
    )  # a list, or kind: weight
    after_chunks: int | None = Field(None, ge=0)  # stream faults: fixed, else drawn from 1..3
    stall_ms: float | None = Field(None, ge=0)  # stalls: default until the client gives up

    @field_validator("kinds", mode="before")
    @classmethod
    def _status_kinds(cls, value: Any) -> Any:
        """`kinds: [429, 503]` in YAML gives numbers; the kinds are named by strings."""
        if isinstance(value, list):
            return [str(v) if isinstance(v, int) else v for v in value]
        if isinstance(value, dict):
            return {str(k) if isinstance(k, int) else k: v for k, v in value.items()}
        return value

    @field_validator("kinds")
    @classmethod
    def _some_weight(cls, value: Any) -> Any:
        if isinstance(value, dict) and not any(w > 0 for w in value.values()):
            raise ValueError("at least one kind needs a weight above 0")
        return value


class RateLimits(_Strict):
    """Requests and tokens per minute and per day; unset ones fall back to the server's."""

    rpm: int | None = Field(None, ge=1)
    tpm: int | None = Field(None, ge=1)
    rpd: int | None = Field(None, ge=1)
    tpd: int | None = Field(None, ge=1)


class Scenario(_Strict):
    name: str = Field(min_length=1)
    description: str | None = None
    match: Match = Field(default_factory=Match)
    replies: list[Step] | None = Field(None, min_length=1)
    reply: Step | None = None
    loop: bool = False
    stream: Stream | None = None
    latency_ms: float | None = Field(None, ge=0)
    headers: dict[str, str] | None = None
    chaos: Chaos | None = None
    limits: RateLimits | None = None

    @model_validator(mode="after")
    def _replies_or_reply(self) -> Scenario:
        if (self.replies is None) == (self.reply is None):
            raise ValueError(
                "give exactly one of `replies` (a list of steps) or `reply` (one step)"
            )
        return self

    @property
    def steps(self) -> list[Step]:
        return self.replies if self.replies is not None else [self.reply]  # type: ignore[list-item]


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [model for arg in get_args(annotation) for model in _models_in(arg)]


def keys_at(path: tuple[Any, ...]) -> list[str]:
    """The keys the format allows in the mapping at `path` (list indexes skipped), for
    suggesting the intended one when a key is unknown."""
    models: list[type[BaseModel]] = [Scenario]
    for part in path:
        if not isinstance(part, int):
            models = [
                found
                for model in models
                if part in model.model_fields
                for found in _models_in(model.model_fields[part].annotation)
            ]
    return sorted({key for model in models for key in model.model_fields})
