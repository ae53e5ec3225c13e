"""What the audio endpoints answer with: a transcript in each of the real response formats
(json, text, srt, vtt, verbose_json, and the `transcript.text.*` event stream), and speech's
`speech.audio.delta` / `speech.audio.done` events.

Whisper's own numbers are mimicked where clients read them: times are multiples of its 20 ms
timestamp step, segment `tokens` are wrapped in its timestamp tokens (50364 + time / 0.02),
`seek` is the 30-second window in 10 ms frames, and floats are float32 values printed as
doubles (`3.319999933242798`), as the real verbose_json shows them. Segment token ids come
from cl100k_base, not Whisper's own vocabulary.
"""

from __future__ import annotations

import base64
import math
import random
import re
import struct
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from mockai.generation import logprob
from mockai.speech import WORDS_PER_SECOND
from mockai.streaming.sse import data_frame
from mockai.tokenizer import Tokenizer

TIMESTAMP_BEGIN = 50364
# gpt-4o-transcribe bills about 1,000 audio tokens a minute ($6 per 1M audio input tokens for
# an estimated $0.006 a minute, per OpenAI's pricing page).
AUDIO_TOKENS_PER_SECOND = 1000 / 60
_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_WORD = re.compile(r"[\w'’-]+")
LANGUAGES = {
    "en": "english",
    "de": "german",
    "es": "spanish",
    "fr": "french",
    "it": "italian",
    "pt": "portuguese",
    "nl": "dutch",
    "ja": "japanese",
    "zh": "chinese",
    "ko": "korean",
    "ru": "russian",
    "pl": "polish",
    "tr": "turkish",
    "sv": "swedish",
    "uk": "ukrainian",
    "ar": "arabic",
    "hi": "hindi",
    "da": "danish",
    "fi": "finnish",
    "no": "norwegian",
    "cs": "czech",
    "el": "greek",
    "he": "hebrew",
    "hu": "hungarian",
    "id": "indonesian",
    "ro": "romanian",
    "vi": "vietnamese",
    "th": "thai",
    "ca": "catalan",
}


def f32(value: float) -> float:
    return struct.unpack("f", struct.pack("f", value))[0]


def spoken_seconds(text: str) -> float:
    """How long `text` takes to say at about 150 words a minute."""
    return max(1.0, len(_WORD.findall(text)) / WORDS_PER_SECOND)


def _step(seconds: float) -> float:
    return round(seconds / 0.02) * 0.02


def _clock(seconds: float, separator: str) -> str:
    millis = int(round(seconds * 1000))
    hours, rest = divmod(millis, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    secs, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}{separator}{millis:03d}"


@dataclass
class Transcript:
    text: str
    duration: float
    language: str  # the full name verbose_json reports, e.g. "english"
    task: str  # transcribe | translate
    tok: Tokenizer
    rng: random.Random

    @cached_property
    def _timed_sentences(self) -> list[tuple[str, float, float]]:
        """(sentence, start, end), the time shared by character count."""
        sentences = [s for s in _SENTENCE.split(self.text.strip()) if s] or [""]
        total = sum(len(s) for s in sentences) or 1
        out, start = [], 0.0
        for sentence in sentences:
            end = start + self.duration * len(sentence) / total
            out.append((sentence, _step(start), min(_step(end), self.duration)))
            start = end
        return out

    def segments(self) -> list[dict[str, Any]]:
        segments = []
        for index, (sentence, start, end) in enumerate(self._timed_sentences):
            raw = sentence.encode()
            ratio = len(raw) / len(zlib.compress(raw)) if raw else 0.0
            segments.append(
                {
                    "id": index,
                    "seek": int(start // 30) * 3000,
                    "start": f32(start),
                    "end": f32(end),
                    "text": " " + sentence,
                    "tokens": [
                        TIMESTAMP_BEGIN + round(start / 0.02),
                        *self.tok.encode(" " + sentence),
                        TIMESTAMP_BEGIN + round(end / 0.02),
                    ],
                    "temperature": 0.0,
                    "avg_logprob": f32(-self.rng.uniform(0.15, 0.45)),
                    "compression_ratio": f32(ratio),
                    "no_speech_prob": f32(self.rng.uniform(0.001, 0.03)),
                }
            )
        return segments

    def words(self) -> list[dict[str, Any]]:
        words = []
        for sentence, start, end in self._timed_sentences:
            found = _WORD.findall(sentence)
            total = sum(len(w) for w in found) or 1
            at = start
            for word in found:
                length = (end - start) * len(word) / total
                words.append(
                    {"word": word, "start": f32(_step(at)), "end": f32(_step(at + length))}
                )
                at += length
        return words

    def verbose(self, *, words: bool, segments: bool, usage: bool) -> dict[str, Any]:
        body: dict[str, Any] = {
            "task": self.task,
            "language": self.language,
            "duration": f32(self.duration),
            "text": self.text,
        }
        if words:
            body["words"] = self.words()
        if segments:
            body["segments"] = self.segments()
        if usage:
            body["usage"] = self.duration_usage()
        return body

    def srt(self) -> str:
        return "".join(
            f"{i}\n{_clock(start, ',')} --> {_clock(end, ',')}\n{sentence}\n\n"
            for i, (sentence, start, end) in enumerate(self._timed_sentences, 1)
        )

    def vtt(self) -> str:
        return "WEBVTT\n\n" + "".join(
            f"{_clock(start, '.')} --> {_clock(end, '.')}\n{sentence}\n\n"
            for sentence, start, end in self._timed_sentences
        )

    # -- usage and logprobs (gpt-4o transcription models) -----------------------------------
    def duration_usage(self) -> dict[str, Any]:
        return {"type": "duration", "seconds": math.ceil(self.duration)}

    def token_usage(self, prompt: str | None) -> dict[str, Any]:
        text_tokens = self.tok.count(prompt) if prompt else 0
        audio_tokens = math.ceil(self.duration * AUDIO_TOKENS_PER_SECOND)
        output = self.tok.count(self.text)
        return {
            "type": "tokens",
            "input_tokens": text_tokens + audio_tokens,
            "input_token_details": {"text_tokens": text_tokens, "audio_tokens": audio_tokens},
            "output_tokens": output,
            "total_tokens": text_tokens + audio_tokens + output,
        }

    def logprobs(self, pieces: list[str]) -> list[dict[str, Any]]:
        return [
            {"token": piece, "logprob": logprob(self.rng), "bytes": list(piece.encode())}
            for piece in pieces
        ]

    def frames(
        self, deltas: list[str], *, logprobs: bool, usage: dict[str, Any]
    ) -> Iterator[tuple[bytes, bool]]:
        """`transcript.text.delta` events, one per delta, then `transcript.text.done`."""
        every: list[dict[str, Any]] = []
        for delta in deltas:
            event: dict[str, Any] = {"type": "transcript.text.delta", "delta": delta}
            if logprobs:
                event["logprobs"] = self.logprobs(self.tok.pieces(delta))
                every += event["logprobs"]
            yield data_frame(event), True
        done: dict[str, Any] = {"type": "transcript.text.done", "text": self.text}
        if logprobs:
            done["logprobs"] = every
        done["usage"] = usage
        yield data_frame(done), False


# -- speech ----------------------------------------------------------------------------------
SSE_CHUNK_SECONDS = 0.5


def speech_frames(
    data: bytes, seconds: float, usage: dict[str, int]
) -> Iterator[tuple[bytes, bool]]:
    """The audio in base64 deltas of half a second each, then `done` with the usage."""
    count = max(1, math.ceil(seconds / SSE_CHUNK_SECONDS))
    size = max(1, math.ceil(len(data) / count))
    for start in range(0, len(data), size):
        chunk = base64.b64encode(data[start : start + size]).decode()
        yield data_frame({"type": "speech.audio.delta", "audio": chunk}), True
    yield data_frame({"type": "speech.audio.done", "usage": usage}), False
