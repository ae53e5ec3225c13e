"""The words scenario files, faults, streams and rate limits share: a step, an error spec, a
stream's pacing, a chaos spec, rate limits.

These are the building blocks of the scenario file format (`mockai.scenarios.schema` assembles
them into a scenario) that the lower layers also speak: `faults`, `streaming`, `ratelimits` and
`replies` read them without depending on the scenario machinery. This package imports nothing
from the rest of mockai, so anything may import it. The words of streams (`streams`) and of
random faults (`chaos`) have their own modules; every word is importable from here.
"""

from __future__ import annotations

import base64
import binascii
from typing import Annotated, Any, Literal

from pydantic import Field, field_validator, model_validator

from mockai.vocabulary.base import Strict
from mockai.vocabulary.chaos import Chaos, ChaosKind
from mockai.vocabulary.streams import SENDABLE_CLOSE_CODES, Chunk, Event, Socket, Stream

__all__ = [
    "JOB_CLOCK",
    "SENDABLE_CLOSE_CODES",
    "Chaos",
    "ChaosKind",
    "Chunk",
    "ErrorSpec",
    "Event",
    "FinishReason",
    "RateLimits",
    "Socket",
    "Step",
    "Stream",
    "Strict",
    "ToolCall",
    "Usage",
]


class ErrorSpec(Strict):
    """An OpenAI-shaped error answer; what is not given is OpenAI's own for that status."""

    status: int = Field(ge=400, le=599, description="The HTTP status (400-599).")
    type: str | None = Field(
        None, description="The error body's `type` (e.g. `invalid_request_error`, `requests`)."
    )
    code: str | None = Field(
        None, description="The error body's `code` (e.g. `rate_limit_exceeded`)."
    )
    message: str | None = Field(None, description="The error body's `message`.")
    param: str | None = Field(
        None, description="The error body's `param`: the request field at fault."
    )
    retry_after: float | None = Field(
        None,
        ge=0,
        description="Seconds to wait, sent in the `retry-after` (and `retry-after-ms`) headers.",
    )
    should_retry: bool | None = Field(
        None, description="Sends `x-should-retry: true|false`, which the official SDKs obey."
    )


class ToolCall(Strict):
    """A call of one of the tools the request offers."""

    name: str = Field(description="The tool's (function's) name.")
    arguments: dict[str, Any] | str = Field(
        default_factory=dict,
        description=(
            "The arguments: a mapping (sent serialised as JSON) or a string (sent as is)."
        ),
    )
    id: str | None = Field(None, description="The call's id; default: a fresh one (`call_...`).")


JOB_CLOCK = r"^(instant|paused|realtime(:(\d+(\.\d*)?|\.\d+))?)$"


class Usage(Strict):
    """Token counts reported in `usage`; those not given are counted with the model's tokenizer."""

    prompt_tokens: int | None = Field(None, ge=0, description="Input tokens.")
    completion_tokens: int | None = Field(None, ge=0, description="Output tokens.")
    reasoning_tokens: int | None = Field(
        None, ge=0, description="Reasoning tokens (part of the output tokens)."
    )
    cached_tokens: int | None = Field(
        None, ge=0, description="Input tokens served from the prompt cache."
    )


FinishReason = Literal["stop", "length", "tool_calls", "content_filter", "function_call"]


class Step(Strict):
    """One answer: content, tool calls, an error, a dropped connection or a literal body."""

    content: str | None = Field(
        None, description="The reply's text (templates allowed, e.g. `{{ model }}`)."
    )
    refusal: str | None = Field(None, description="A refusal instead of content.")
    reasoning: str | None = Field(
        None, description="A reasoning model's summary (Responses `reasoning.summary`)."
    )
    flagged: bool | None = Field(None, description="Moderations: the verdict.")
    categories: dict[str, float] | list[str] | None = Field(
        None, description="Moderations: the flagged categories, or each category's score."
    )
    tool_calls: list[ToolCall] | None = Field(
        None, description="Tool calls to answer with (finish reason `tool_calls`)."
    )
    error: ErrorSpec | None = Field(
        None,
        description=(
            "Fail with this error; a status alone (`error: 503`) gives OpenAI's own body for it."
        ),
    )
    finish_reason: FinishReason | None = Field(
        None, description="The finish reason; derived when absent (stop, length, tool_calls)."
    )
    usage: Usage | None = Field(
        None, description="Token counts to report instead of the counted ones."
    )
    stream: Stream | None = Field(
        None, description="How this step is streamed (wins over the scenario's `stream`)."
    )
    socket: Socket | None = Field(None, description="WebSocket faults (the Realtime API).")
    latency_ms: float | None = Field(
        None, ge=0, description="Milliseconds to wait before a non-streamed reply."
    )
    job_clock: str | None = Field(
        None,
        pattern=JOB_CLOCK,
        description=(
            "The pace of the job this request starts (a fine-tuning job, a "
            "video...): instant, paused, realtime or realtime:N (N times as "
            "fast)."
        ),
    )
    headers: dict[str, str] | None = Field(
        None, description="Extra or overriding response headers."
    )
    reset: bool = Field(False, description="Drop the connection before any response.")
    body: Any = Field(
        None,
        description=(
            "A literal answer on any endpoint: this JSON body, sent with `status`"
            " and `headers` instead of what the endpoint would build."
        ),
    )
    status: int | None = Field(
        None,
        ge=100,
        le=599,
        description="The status of a literal `body` or `body_base64` (default 200).",
    )
    body_base64: str | None = Field(
        None,
        description=(
            "A literal answer that is not JSON (an audio file): these bytes, "
            "base64-encoded, sent with `status` and `headers` (`content-type` "
            "among them)."
        ),
    )
    events: list[Event] | None = Field(
        None,
        min_length=1,
        description=(
            "A literal stream (a recording): these server-sent events with their "
            "delays; ids and timestamps written as placeholders get fresh values."
        ),
    )

    @field_validator("body_base64")
    @classmethod
    def _decodes(cls, value: str | None) -> str | None:
        if value is not None:
            try:
                base64.b64decode(value, validate=True)
            except binascii.Error as exc:
                raise ValueError(f"`body_base64` is not base64: {exc}") from None
        return value

    @field_validator(
        "error",
        mode="before",
        json_schema_input_type=ErrorSpec | Annotated[int, Field(ge=400, le=599)] | None,
    )
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
        literals = [k for k in ("body", "body_base64", "events") if getattr(self, k) is not None]
        if len(literals) > 1:
            raise ValueError(f"give one literal answer, not {' and '.join(literals)}")
        if literals and (
            self.error is not None
            or self.reset
            or self.stream is not None
            or self.socket is not None
            or any(
                v is not None
                for v in (
                    self.content,
                    self.refusal,
                    self.tool_calls,
                    self.flagged,
                    self.categories,
                )
            )
        ):
            raise ValueError(
                f"a step with `{literals[0]}` is the whole answer; it cannot also have content, "
                "refusal, "
                "tool_calls, moderation verdicts, a stream, socket faults, an error or a reset"
            )
        if self.status is not None and self.body is None and self.body_base64 is None:
            raise ValueError("`status` goes with a literal `body`; a failure is an `error`")
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


class RateLimits(Strict):
    """Requests and tokens per minute and per day; unset ones fall back to the server's."""

    rpm: int | None = Field(None, ge=1, description="Requests per minute.")
    tpm: int | None = Field(None, ge=1, description="Tokens per minute.")
    rpd: int | None = Field(None, ge=1, description="Requests per day.")
    tpd: int | None = Field(None, ge=1, description="Tokens per day.")
