"""Replaying a recording: a step's `events:` as the stream they were, each event after its
recorded delay divided by the replay speed (0: all at once), with fresh ids and timestamps
where the recording wrote placeholders; a literal JSON body gets fresh ones the same way."""

from __future__ import annotations

from typing import Any

import orjson

from mockai.recording.normalise import Fresh
from mockai.streaming.pacing import Pacing
from mockai.vocabulary import Event


def frame(event: Event, fresh: Fresh) -> bytes:
    lines = [f"event: {event.event}"] if event.event is not None else []
    lines += [f"data: {line}" for line in fresh(event.data).split("\n")]
    return ("\n".join(lines) + "\n\n").encode()


def event_frames(events: list[Event], speed: float) -> tuple[list[tuple[bytes, bool]], Pacing]:
    """The frames to send (every one timed) and their pacing."""
    fresh = Fresh()
    delays = tuple(e.after_ms / speed if speed > 0 else 0.0 for e in events)
    return [(frame(e, fresh), True) for e in events], Pacing(exact=delays)


def refreshed_body(body: Any) -> bytes:
    return Fresh()(orjson.dumps(body).decode()).encode()
