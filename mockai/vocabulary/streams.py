"""How a reply travels: a stream's pacing and faults, recorded server-sent events, and the
faults only a WebSocket has (the Realtime API)."""

from __future__ import annotations

from pydantic import Field, field_validator, model_validator

from mockai.vocabulary.base import Strict


class Chunk(Strict):
    """One chunk of an exactly replayed stream."""

    text: str = Field(description="The chunk's text.")
    after_ms: float = Field(
        0,
        ge=0,
        description="Milliseconds after the previous chunk (the first: after the headers).",
    )


class Event(Strict):
    """One server-sent event of a recorded stream, sent `after_ms` after the previous one
    (the first: after the headers). `data` is the payload as sent; `event` its `event:` line."""

    data: str = Field(description="The event's payload as sent (usually JSON text).")
    event: str | None = Field(None, description="The event's `event:` line, if it had one.")
    after_ms: float = Field(
        0,
        ge=0,
        description="Milliseconds after the previous event (the first: after the headers).",
    )


class Stream(Strict):
    """How a streamed reply is paced, and the faults it meets on the way."""

    first_chunk_ms: float | None = Field(
        None, ge=0, description="Milliseconds before the first chunk (time to first token)."
    )
    chunk_ms: float | None = Field(None, ge=0, description="Milliseconds between chunks.")
    jitter_ms: float | None = Field(
        None,
        ge=0,
        description=(
            "Uniform random ± jitter on each delay, in milliseconds (seeded by `--seed`)."
        ),
    )
    chunk_tokens: int | None = Field(None, ge=1, description="Tokens per content chunk.")
    chunks: list[Chunk] | None = Field(
        None,
        description=(
            "An exact replay: these chunks with their delays; wins over the pacing above."
        ),
    )
    disconnect_after_chunks: int | None = Field(
        None, ge=0, description="Drop the connection after this many chunks."
    )
    error_after_chunks: int | None = Field(
        None, ge=0, description="Send the step's `error` mid-stream, after this many chunks."
    )
    malformed_chunk_at: int | None = Field(
        None, ge=0, description="The chunk at this index (from 0) has its JSON cut short."
    )
    stall_after_chunks: int | None = Field(
        None, ge=0, description="Send nothing after this many chunks, for `stall_ms`."
    )
    stall_ms: float | None = Field(
        None,
        ge=0,
        description=(
            "How long a stall lasts, in milliseconds; default: until the client gives up."
        ),
    )


# Close codes an endpoint may send (RFC 6455 7.4): 1004-1006 and 1015 are reserved, 1000-2999
# are the protocol's own, 3000-4999 are for libraries and applications.
SENDABLE_CLOSE_CODES = frozenset(range(1000, 1004)) | frozenset(range(1007, 1015))


class Socket(Strict):
    """Faults only a WebSocket has (the Realtime API), counted in the server events a response
    sends: close the connection with a code, stall, or send a frame that is not JSON."""

    close_after_events: int | None = Field(
        None,
        ge=0,
        description="Close the connection with `close_code` after this many server events.",
    )
    close_code: int | None = Field(
        None,
        description=(
            "The close frame's code: 1000-1003, 1007-1014 or 3000-4999; default "
            "1011 (internal error), as a crashed server sends."
        ),
    )
    close_reason: str | None = Field(
        None,
        max_length=123,
        description="The close frame's reason (a close frame holds 123 bytes).",
    )
    stall_after_events: int | None = Field(
        None, ge=0, description="Send nothing after this many server events, for `stall_ms`."
    )
    stall_ms: float | None = Field(
        None,
        ge=0,
        description=(
            "How long a stall lasts, in milliseconds; default: until the client gives up."
        ),
    )
    malformed_event_at: int | None = Field(
        None, ge=0, description="The server event at this index (from 0) has its JSON cut short."
    )

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
