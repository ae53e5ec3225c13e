"""The words scenario files, faults, streams and rate limits share: a step, an error spec, a
stream's pacing, a chaos spec, rate limits.

These are the building blocks of the scenario file format (`mockai.scenarios.schema` assembles
them into a scenario) that the lower layers also speak: `faults`, `streaming`, `ratelimits` and
`replies` read them without depending on the scenario machinery. This module imports nothing
from mockai, so anything may import it.
"""

from __future__ import annotations

import base64
import binascii
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Chunk(Strict):
    text: str
    after_ms: float = Field(0, ge=0)


class Event(Strict):
    """One server-sent event of a recorded stream, sent `after_ms` after the previous one
    (the first: after the headers). `data` is the payload as sent; `event` its `event:` line."""

    data: str
    event: str | None = None
    after_ms: float = Field(0, ge=0)


class Stream(Strict):
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


# Close codes an endpoint may send (RFC 6455 7.4): 1004-1006 and 1015 are reserved, 1000-2999
# are the protocol's own, 3000-4999 are for libraries and applications.
SENDABLE_CLOSE_CODES = frozenset(range(1000, 1004)) | frozenset(range(1007, 1015))


class Socket(Strict):
    """Faults only a WebSocket has (the Realtime API), counted in the server events a response
    sends: close the connection with a code, stall, or send a frame that is not JSON."""

    close_after_events: int | None = Field(None, ge=0)  # then close with `close_code`
    close_code: int | None = None  # default 1011 (internal error), as a crashed server sends
    close_reason: str | None = Field(None, max_length=123)  # a close frame holds 123 bytes
    stall_after_events: int | None = Field(None, ge=0)  # then nothing for `stall_ms`
    stall_ms: float | None = Field(None, ge=0)  # default: until the client gives up
    malformed_event_at: int | None = Field(None, ge=0)  # this event's JSON is cut short

    @field_validator("close_code")
    @classmethod
    def _sendable(cls, value: int | None) -> int | None:
        if value is not None and value not in SENDABLE_CLOSE_CODES and not 3000 <= value <= 4999:
            raise ValueError(
                f"{value} cannot be sent in a close frame; use 1000-1003, 1007-1014 or 3000-4999"
            )
        return value

    @model_validator(mode="after")
    def _each_with_its_trigger(self) -> Socket:
        if self.close_after_events is None and (
            self.close_code is not None or self.close_reason is not None
        ):
            raise ValueError("`close_code` and `close_reason` go with `close_after_events`")
        if self.stall_ms is not None and self.stall_after_events is None:
            raise ValueError("`stall_ms` goes with `stall_after_events`")
        return self


class ErrorSpec(Strict):
    status: int = Field(ge=400, le=599)
    type: str | None = None
    code: str | None = None
    message: str | None = None
    param: str | None = None
    retry_after: float | None = Field(None, ge=0)
    should_retry: bool | None = None  # sends `x-should-retry`, which the official SDKs obey


class ToolCall(Strict):
    name: str
    arguments: dict[str, Any] | str = Field(default_factory=dict)
    id: str | None = None


JOB_CLOCK = r"^(instant|paused|realtime(:(\d+(\.\d*)?|\.\d+))?)$"


class Usage(Strict):
    prompt_tokens: int | None = Field(None, ge=0)
    completion_tokens: int | None = Field(None, ge=0)
    reasoning_tokens: int | None = Field(None, ge=0)
    cached_tokens: int | None = Field(None, ge=0)


FinishReason = Literal["stop", "length", "tool_calls", "content_filter", "function_call"]


class Step(Strict):
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
    socket: Socket | None = None  # WebSocket faults (the Realtime API)
    latency_ms: float | None = Field(None, ge=0)
    # The pace of the job this request starts (a fine-tuning job, a video...): see
    # mockai.jobclock, whose `Pace.parse` reads it.
    job_clock: str | None = Field(None, pattern=JOB_CLOCK)
    headers: dict[str, str] | None = None
    reset: bool = False  # drop the connection before any response
    # A literal answer, on any endpoint: this JSON body with `status` (default 200) and the
    # step's `headers`, instead of what the endpoint would build.
    body: Any = None
    status: int | None = Field(None, ge=100, le=599)
    # A literal answer that is not JSON (an audio file): these bytes, base64-encoded, sent
    # with `status` and the step's `headers` (`content-type` among them).
    body_base64: str | None = None
    # A literal stream (a recording): these server-sent events with their delays, as they
    # came; ids and timestamps written as placeholders get fresh values (mockai.recording).
    events: list[Event] | None = Field(None, min_length=1)

    @field_validator("body_base64")
    @classmethod
    def _decodes(cls, value: str | None) -> str | None:
        if value is not None:
            try:
                base64.b64decode(value, validate=True)
            except binascii.Error as exc:
                raise ValueError(f"`body_base64` is not base64: {exc}") from None
        return value

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


class Chaos(Strict):
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


class RateLimits(Strict):
    """Requests and tokens per minute and per day; unset ones fall back to the server's."""

    rpm: int | None = Field(None, ge=1)
    tpm: int | None = Field(None, ge=1)
    rpd: int | None = Field(None, ge=1)
    tpd: int | None = Field(None, ge=1)
