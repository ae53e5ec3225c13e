"""The seam where a response's spoken audio comes from: for now silence of the right length in
the session's output format (to be wired to speech synthesis), and the audio token counts.

Lengths and counts are estimates, not measurements: speech at about 15 characters a second (a
usual text-to-speech pace), and the token rates reported for the Realtime models (a user's
audio about one token per 100 ms, the assistant's about one per 50 ms).
"""

from __future__ import annotations

import base64
from typing import Any

CHARACTERS_PER_SECOND = 15
INPUT_MS_PER_TOKEN = 100
OUTPUT_MS_PER_TOKEN = 50
PCM_RATE = 24_000  # audio/pcm: 16-bit mono at 24 kHz
G711_RATE = 8_000  # audio/pcmu and audio/pcma: one byte a sample at 8 kHz
DELTA_MS = 200  # audio per `response.output_audio.delta`
# A silent sample: 0 in 16-bit PCM, 0xFF in mu-law, 0xD5 in A-law.
_SILENT = {"audio/pcm": b"\x00\x00", "audio/pcmu": b"\xff", "audio/pcma": b"\xd5"}


def bytes_per_ms(fmt: dict[str, Any] | None) -> int | float:
    kind = (fmt or {}).get("type", "audio/pcm")
    return PCM_RATE * 2 / 1000 if kind == "audio/pcm" else G711_RATE / 1000


def speech_ms(transcript: str) -> int:
    """How long saying `transcript` takes (at least one delta's worth when it says anything)."""
    return max(DELTA_MS, round(len(transcript) * 1000 / CHARACTERS_PER_SECOND)) if transcript else 0


def spoken(transcript: str, fmt: dict[str, Any] | None) -> list[str]:
    """The base64 `response.output_audio.delta` payloads for saying `transcript`."""
    kind = (fmt or {}).get("type", "audio/pcm")
    sample = _SILENT.get(kind, _SILENT["audio/pcm"])
    per_ms = bytes_per_ms(fmt)
    total = speech_ms(transcript)
    deltas = []
    for start in range(0, total, DELTA_MS):
        samples = int(min(DELTA_MS, total - start) * per_ms) // len(sample)
        deltas.append(base64.b64encode(sample * samples).decode())
    return deltas


def output_tokens(transcript: str) -> int:
    return -(-speech_ms(transcript) // OUTPUT_MS_PER_TOKEN)


def input_tokens(audio_bytes: int, fmt: dict[str, Any] | None) -> int:
    """The tokens a user's `audio_bytes` of input audio (in `fmt`) count for."""
    return -(-int(duration_ms(audio_bytes, fmt)) // INPUT_MS_PER_TOKEN)


def duration_ms(audio_bytes: int, fmt: dict[str, Any] | None) -> float:
    return audio_bytes / bytes_per_ms(fmt)
