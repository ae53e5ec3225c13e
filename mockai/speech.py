"""Speech-like audio: a deterministic "voice" and the real API's formats, for `/audio/speech`
(the audio family) and any other route that speaks.

The audio is not speech, but it behaves like it where clients can tell: it plays in any
player, it is 24 kHz mono 16-bit like the real voices, and it lasts as long as the text takes
to say (about 150 words a minute, divided by `speed`). Each syllable is a short voiced tone
with harmonics, a noise burst for its consonant and an attack/decay envelope, at a pitch set
by the voice and varied per syllable, with pauses between words and longer ones at
punctuation. The same (input, voice, speed, seed) always gives the same samples (`speak`).

For a route that streams speech as it is said (the Realtime API), `deltas` cuts audio into
pieces of N ms to send at real-time pace; for audio a client sends, `sample_transcript` is
what was "said" in it when no scenario tells.

No numpy: a syllable is one period of its waveform repeated (bytes multiplication runs in C),
so even a 4,096-character input (~5 minutes of audio) synthesises in a few hundredths of a
second. Compressed formats are encoded with PyAV (FFmpeg, the `audio` extra): mp3 (LAME,
160 kbps), Opus in Ogg, AAC in ADTS, FLAC; wav and pcm are written here, with no extra.
"""

from __future__ import annotations

import io
import math
import random
import re
import struct
from array import array
from collections.abc import Iterator

from mockai import generation
from mockai.caches import memoized
from mockai.extras import require

SAMPLE_RATE = 24_000
BYTES_PER_MS = SAMPLE_RATE * 2 // 1000  # 16-bit mono
WORDS_PER_SECOND = 150 / 60
_WORD = re.compile(r"[\w'’]+|[.!?;:,]")
_VOWELS = re.compile(r"[aeiouyàâäéèêëîïôöûüæœ]+", re.IGNORECASE)
_PAUSE_S = {",": 0.18, ";": 0.25, ":": 0.25, ".": 0.4, "!": 0.4, "?": 0.4}
_ENVELOPE = (0.35, 0.75, 1.0, 1.0, 0.9, 0.75, 0.5, 0.25)  # per eighth of a syllable
# signed noise byte -> the high byte of a quiet 16-bit sample (low byte zero), as a translate
# table: `bytes.translate` makes a whole noise burst in one C call.
_NOISE = bytes(((b - 256 if b > 127 else b) // 4) & 0xFF for b in range(256))

# Content types as the real API labels each format.
CONTENT_TYPES = {
    "mp3": "audio/mpeg",
    "opus": "audio/opus",
    "aac": "audio/aac",
    "flac": "audio/flac",
    "wav": "audio/wav",
    "pcm": "audio/pcm",
}
# format -> (PyAV container, codec, bit rate, encoder options): the fastest settings of each
# encoder, since tests want answers quickly more than they want fine audio.
_ENCODERS = {
    "mp3": ("mp3", "libmp3lame", 160_000, {"compression_level": "9"}),
    "opus": ("ogg", "libopus", 32_000, {"compression_level": "0"}),
    "aac": ("adts", "aac", 64_000, {"aac_coder": "fast"}),
    "flac": ("flac", "flac", 0, {}),
}


def _syllables(word: str) -> int:
    return max(1, len(_VOWELS.findall(word)))


@memoized(limit=4096)
def _period(size: int, amplitude: int) -> bytes:
    """One period (`size` samples) of a voiced sound: a fundamental with two falling
    harmonics. Periods are whole samples, so a handful of them serve every syllable."""
    return array(
        "h",
        (
            int(
                amplitude
                * (
                    0.6 * math.sin(2 * math.pi * i / size)
                    + 0.25 * math.sin(4 * math.pi * i / size)
                    + 0.15 * math.sin(6 * math.pi * i / size)
                )
            )
            for i in range(size)
        ),
    ).tobytes()


def _tone(freq: float, seconds: float, rng: random.Random) -> bytes:
    total = int(seconds * SAMPLE_RATE)
    out = bytearray()
    consonant = min(total // 5, int(0.03 * SAMPLE_RATE))
    if consonant and rng.random() < 0.7:
        burst = bytearray(2 * consonant)
        burst[1::2] = rng.randbytes(consonant).translate(_NOISE)
        out += burst
    step = max(1, (total - consonant) // len(_ENVELOPE))
    size = max(2, round(SAMPLE_RATE / freq))
    for level in _ENVELOPE:
        period = _period(size, int(9000 * level))
        whole = step * 2
        out += (period * (whole // len(period) + 1))[:whole]
    return bytes(out)


def _silence(seconds: float) -> bytes:
    return bytes(2 * int(seconds * SAMPLE_RATE))


def voice_pitch(voice: str) -> float:
    """A stable base pitch (Hz) per voice name, between 95 and 235 Hz."""
    return 95 + (sum(voice.encode()) * 37 % 141)


def pcm(text: str, voice: str, speed: float, rng: random.Random) -> bytes:
    """Raw 24 kHz mono 16-bit little-endian samples for `text` said by `voice`."""
    base = voice_pitch(voice)
    word_s = 1 / WORDS_PER_SECOND / speed
    out = bytearray(_silence(0.1))
    for token in _WORD.findall(text):
        if token in _PAUSE_S:
            out += _silence(_PAUSE_S[token] / speed)
            continue
        count = _syllables(token)
        for _ in range(count):
            out += _tone(base * rng.uniform(0.85, 1.2), word_s * 0.8 / count, rng)
        out += _silence(word_s * 0.2)
    out += _silence(0.1)
    return bytes(out)


def voice_rng(seed: int, text: str, voice: str, speed: float) -> random.Random:
    """The generator a saying of `text` draws from: the same text, voice and speed sound the
    same on every route (`/audio/speech` and the Realtime API alike) under one `--seed`."""
    return generation.rng_for(seed, "audio.speech", {"input": text, "voice": voice, "speed": speed})


def speak(text: str, voice: str, seed: int, speed: float = 1.0) -> bytes:
    """PCM16 24 kHz mono for `text`: as long as the text takes to say, the same every time."""
    return pcm(text, voice, speed, voice_rng(seed, text, voice, speed))


def deltas(audio: bytes, ms: int, bytes_per_ms: int = BYTES_PER_MS) -> Iterator[bytes]:
    """`audio` in pieces of `ms` milliseconds each (the last one shorter), for sending at the
    pace it plays; `bytes_per_ms` is the format's (PCM16 24 kHz: 48, G.711 8 kHz: 8)."""
    if ms < 1:
        raise ValueError("a delta lasts at least 1 ms")
    size = ms * bytes_per_ms
    for start in range(0, len(audio), size):
        yield audio[start : start + size]


def sample_transcript(rng: random.Random, seconds: float) -> str:
    """What was said in `seconds` of audio when nothing tells: Faker sentences, as many as
    that much speech holds (about 150 words a minute)."""
    wanted = max(1, round(seconds * WORDS_PER_SECOND))
    fake = generation.faker(rng)
    sentences: list[str] = []
    while sum(len(s.split()) for s in sentences) < wanted:
        sentences.append(fake.sentence(nb_words=min(12, max(3, wanted))))
    return " ".join(sentences)


def duration(samples: bytes) -> float:
    return len(samples) / 2 / SAMPLE_RATE


def wav(samples: bytes) -> bytes:
    """A WAV file the way the real API streams one: both RIFF sizes are 0xFFFFFFFF, since
    the header leaves before the length is known (readers take the data up to EOF)."""
    header = (
        b"RIFF"
        + struct.pack("<I", 0xFFFFFFFF)
        + b"WAVE"
        + b"fmt "
        + struct.pack("<IHHIIHH", 16, 1, 1, SAMPLE_RATE, SAMPLE_RATE * 2, 2, 16)
        + b"data"
        + struct.pack("<I", 0xFFFFFFFF)
    )
    return header + samples


def _encoded(samples: bytes, fmt: str) -> bytes:
    # imported on first use: most runs never synthesise compressed audio
    av = require("audio", "av", feature=f"{fmt} speech", param="response_format")

    container_name, codec, bit_rate, options = _ENCODERS[fmt]
    buffer = io.BytesIO()
    with av.open(buffer, "w", format=container_name) as container:
        stream = container.add_stream(codec, rate=SAMPLE_RATE, layout="mono", options=options)
        stream.codec_context.bit_rate = bit_rate
        frame_samples = 4800
        step = frame_samples * 2
        pts = 0
        for start in range(0, len(samples), step):
            chunk = samples[start : start + step]
            frame = av.AudioFrame(format="s16", layout="mono", samples=len(chunk) // 2)
            frame.planes[0].update(chunk)
            frame.sample_rate = SAMPLE_RATE
            frame.pts = pts
            pts += len(chunk) // 2
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)
    return buffer.getvalue()


def encode(samples: bytes, fmt: str) -> bytes:
    """The samples as a file of `fmt` (one of CONTENT_TYPES)."""
    if fmt == "pcm":
        return samples
    if fmt == "wav":
        return wav(samples)
    return _encoded(samples, fmt)
