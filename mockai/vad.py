"""Voice activity detection on PCM16 24 kHz audio, for the Realtime API's turn detection.

A `Detector` is fed the audio a client appends, in chunks of any size, and answers with the
events the real server sends at the same offsets (milliseconds from the start of all audio
written to the buffer in the session):

- `SpeechStarted(audio_start_ms)`: the first loud frame, moved back by `prefix_padding_ms`
  (the spec: "includes the `prefix_padding_ms` configured in the Session"), but not before
  the start of the current buffer (after the last commit or clear).
- `SpeechStopped(audio_end_ms)`: once `silence_duration_ms` of quiet frames follow the last
  loud one, at the end of the frame that completes them (the spec: "includes the
  `min_silence_duration_ms`"). The real server then commits the buffer, so the next buffer
  starts there.
- `TimeoutTriggered(audio_start_ms, audio_end_ms)`: with `idle_timeout_ms` and `arm_idle`
  called (the socket's part: after a response's audio has played), when that much audio
  has passed since with no speech; the buffer is committed there too.

A frame is loud when its RMS level reaches a dBFS level mapped linearly from `threshold`:
0 -> -70 dBFS (anything but digital silence and faint hiss), the default 0.5 -> -40 dBFS,
1 -> -10 dBFS (only very loud audio), so, as the spec says, a higher threshold needs louder
audio. Frames are 32 ms, aligned to the session's first sample, so events do not depend on
how the audio was cut into chunks: the real server's offsets come in 32 ms steps too (the
spec's timeout example, 13216 and 19232, is 413 and 601 frames of 32 ms; a reported
`audio_start_ms: 512`, twilio-samples/speech-assistant-openai-realtime-api-python#6).

`semantic_vad` has no energy counterpart: `from_turn_detection` gives it this detector with
a silence that grows as its `eagerness` falls. Pure: no clock, no I/O, O(1) memory.
"""

from __future__ import annotations

import sys
from array import array
from collections.abc import Mapping
from dataclasses import dataclass
from operator import mul
from typing import Any

SAMPLE_RATE = 24_000
FRAME_MS = 32
_FRAME_SAMPLES = SAMPLE_RATE * FRAME_MS // 1000
_FRAME_BYTES = 2 * _FRAME_SAMPLES
_FULL_SCALE = 32768
# `semantic_vad` eagerness -> silence before the turn ends (mockai's choice: the spec gives
# only the longest waits, 8, 4 and 2 s, which an energy detector has no reason to reach).
SEMANTIC_SILENCE_MS = {"low": 1500, "medium": 800, "auto": 800, "high": 400}


@dataclass(frozen=True)
class SpeechStarted:
    audio_start_ms: int


@dataclass(frozen=True)
class SpeechStopped:
    audio_end_ms: int


@dataclass(frozen=True)
class TimeoutTriggered:
    audio_start_ms: int
    audio_end_ms: int


Event = SpeechStarted | SpeechStopped | TimeoutTriggered


def level_dbfs(threshold: float) -> float:
    """The RMS level (dBFS) a frame must reach to count as speech at `threshold` (0..1)."""
    return -70 + 60 * threshold


class Detector:
    """Server VAD over one session's input audio (see the module's docstring)."""

    def __init__(
        self,
        threshold: float = 0.5,
        prefix_padding_ms: int = 300,
        silence_duration_ms: int = 500,
        idle_timeout_ms: int | None = None,
    ) -> None:
        if not 0 <= threshold <= 1:
            raise ValueError("threshold is between 0 and 1")
        rms = _FULL_SCALE * 10 ** (level_dbfs(threshold) / 20)
        self._floor = rms * rms * _FRAME_SAMPLES  # the sum of squares a loud frame reaches
        self.prefix_padding_ms = prefix_padding_ms
        self.silence_duration_ms = silence_duration_ms
        self.idle_timeout_ms = idle_timeout_ms
        self._pending = b""  # the start of the next frame
        self._frames = 0  # whole frames seen
        self._buffer_start_ms = 0
        self._speaking = False
        self._last_loud_end_ms = 0
        self._idle_from_ms: int | None = None

    @property
    def position_ms(self) -> int:
        """Milliseconds of audio fed so far (whole ones)."""
        return (self._frames * _FRAME_BYTES + len(self._pending)) * 1000 // (2 * SAMPLE_RATE)

    @property
    def speaking(self) -> bool:
        return self._speaking

    def feed(self, pcm: bytes) -> list[Event]:
        """Take appended PCM16 24 kHz mono audio; the events its frames complete, in order."""
        data = self._pending + pcm
        whole = len(data) - len(data) % _FRAME_BYTES
        self._pending = data[whole:]
        samples = array("h", data[:whole])
        if sys.byteorder == "big":
            samples.byteswap()
        events: list[Event] = []
        for start in range(0, len(samples), _FRAME_SAMPLES):
            frame = samples[start : start + _FRAME_SAMPLES]
            event = self._frame(sum(map(mul, frame, frame)) >= self._floor)
            if event is not None:
                events.append(event)
        return events

    def _frame(self, loud: bool) -> Event | None:
        begin_ms = self._frames * FRAME_MS
        self._frames += 1
        end_ms = begin_ms + FRAME_MS
        if loud:
            self._last_loud_end_ms = end_ms
            if self._speaking:
                return None
            self._speaking = True
            self._idle_from_ms = None
            return SpeechStarted(max(self._buffer_start_ms, begin_ms - self.prefix_padding_ms))
        if self._speaking:
            if end_ms - self._last_loud_end_ms < self.silence_duration_ms:
                return None
            self._speaking = False
            self._buffer_start_ms = end_ms
            return SpeechStopped(end_ms)
        idle_from = self._idle_from_ms
        if (
            idle_from is not None
            and self.idle_timeout_ms is not None
            and end_ms - idle_from >= self.idle_timeout_ms
        ):
            self._idle_from_ms = None
            self._buffer_start_ms = end_ms
            return TimeoutTriggered(idle_from, end_ms)
        return None

    def clear(self) -> None:
        """The buffer was committed or cleared by the client: a new one starts here, and
        speech in progress is forgotten (the real server sends no `speech_stopped` for it).
        What the frame under way held before now counts as silence: it left with the buffer."""
        self._buffer_start_ms = self.position_ms
        self._speaking = False
        self._pending = bytes(len(self._pending))

    def arm_idle(self, at_ms: int | None = None) -> None:
        """Start counting `idle_timeout_ms` from `at_ms` (default: now), as the real server
        does once a response's audio has played. Speech or a timeout disarms it."""
        self._idle_from_ms = self.position_ms if at_ms is None else at_ms


def from_turn_detection(config: Mapping[str, Any]) -> Detector:
    """The detector a session's `turn_detection` object describes (`server_vad` with the
    spec's defaults 0.5, 300 ms and 500 ms, or `semantic_vad` by its `eagerness`)."""
    if config.get("type") == "semantic_vad":
        eagerness = config.get("eagerness") or "auto"
        return Detector(silence_duration_ms=SEMANTIC_SILENCE_MS[eagerness])
    return Detector(
        threshold=_given(config, "threshold", 0.5),
        prefix_padding_ms=_given(config, "prefix_padding_ms", 300),
        silence_duration_ms=_given(config, "silence_duration_ms", 500),
        idle_timeout_ms=config.get("idle_timeout_ms"),
    )


def _given(config: Mapping[str, Any], key: str, default: Any) -> Any:
    value = config.get(key)
    return default if value is None else value
