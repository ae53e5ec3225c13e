"""A voice session's audio: what a response says, as mockai's speech synthesis (`mockai.speech`)
in the session's output format (PCM16 24 kHz, or G.711 μ-law/A-law at 8 kHz: `mockai.g711`), cut
into `response.output_audio.delta` payloads; the audio a client appends, read back to PCM16 for
voice activity detection; and the audio token counts.

A saying's length follows its transcript (about 150 words a minute; the voice's pitch and the
seed move it by a few per cent), and the audio sent is what counts: its tokens, and the length a
truncation is checked against. Token rates are the ones reported
for the Realtime models: a user's audio about one token per 100 ms, the assistant's about one
per 50 ms (estimates, not measurements).
"""

from __future__ import annotations

import base64
from typing import Any

from mockai import g711, speech

INPUT_MS_PER_TOKEN = 100
OUTPUT_MS_PER_TOKEN = 50
DELTA_MS = 200  # audio per `response.output_audio.delta`


def format_type(fmt: dict[str, Any] | None) -> str:
    """`audio/pcm`, `audio/pcmu` or `audio/pcma`, from a session's `format` object."""
    kind = (fmt or {}).get("type", "audio/pcm")
    return kind if kind in g711.FORMATS else "audio/pcm"


def bytes_per_ms(fmt: dict[str, Any] | None) -> int:
    return g711.bytes_per_ms(format_type(fmt))


def spoken(transcript: str, fmt: dict[str, Any] | None, voice: str, seed: int) -> list[str]:
    """The base64 `response.output_audio.delta` payloads for saying `transcript` in `voice`."""
    if not transcript:
        return []
    kind = format_type(fmt)
    wire = g711.to_wire(speech.speak(transcript, voice, seed), kind)
    pieces = speech.deltas(wire, DELTA_MS, g711.bytes_per_ms(kind))
    return [base64.b64encode(piece).decode() for piece in pieces]


def heard(data: bytes, fmt: dict[str, Any] | None) -> bytes:
    """Appended audio (in the session's input format) as PCM16 24 kHz, for the detector."""
    return g711.from_wire(data, format_type(fmt))


def payload_ms(payload: str, fmt: dict[str, Any] | None) -> float:
    """How long one base64 audio delta plays."""
    return len(base64.b64decode(payload)) / bytes_per_ms(fmt)


def output_tokens(ms: float) -> int:
    """The tokens `ms` of the assistant's audio count for."""
    return -(-int(ms) // OUTPUT_MS_PER_TOKEN)


def input_tokens(audio_bytes: int, fmt: dict[str, Any] | None) -> int:
    """The tokens a user's `audio_bytes` of input audio (in `fmt`) count for."""
    return -(-int(duration_ms(audio_bytes, fmt)) // INPUT_MS_PER_TOKEN)


def duration_ms(audio_bytes: int, fmt: dict[str, Any] | None) -> float:
    return audio_bytes / bytes_per_ms(fmt)
