"""The Realtime API's audio work per second of audio: synthesis (mockai.speech), G.711
encoding and decoding with 24 <-> 8 kHz resampling (mockai.g711), voice activity detection
(mockai.vad), and what they add up to for one real-time session.

    python bench/realtime_audio.py [--quick]

Everything runs in this process on one core, timed with perf_counter around the call alone,
after a warm-up (G.711 tables built, synthesis's memoized periods filled); each figure is the
median over the repeats of the time divided by the seconds of audio processed. The audio is
~60 s of mockai's voice saying varied text. VAD is fed in 100 ms chunks, as clients append.

"Sessions per core" is 1000 ms divided by the audio cost of one second of a session in the
worst case: a second of speech said (synthesised, then G.711-encoded) and a second heard
(G.711-decoded, then run through VAD) at once. It is the ceiling the audio alone sets; the
WebSocket, JSON and base64 work of the socket come on top (its own benchmark).
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

try:
    from bench.common import ROOT, Row
except ImportError:  # run as `python bench/realtime_audio.py`
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from common import ROOT, Row

sys.path.insert(0, str(ROOT))

from mockai import g711, speech, vad  # noqa: E402  (after the path above)

WORDS = (
    "the quick brown fox jumped over a lazy dog while seven curious engineers measured how "
    "long each syllable of this deliberately varied sentence takes, pausing; then asking: "
    "does anybody really know what time it is? Probably not, said the operator, smiling."
).split()
CHUNK_MS = 100


def _text(words: int) -> str:
    return " ".join(WORDS[(i * 7) % len(WORDS)] for i in range(words))


def _per_second(work: Callable[[], object], seconds: float, repeats: int) -> float:
    """Median ms of `work` per second of audio."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return round(statistics.median(times) * 1000 / seconds, 3)


def _vad(audio: bytes) -> None:
    detector = vad.Detector()
    step = CHUNK_MS * speech.BYTES_PER_MS
    for start in range(0, len(audio), step):
        detector.feed(audio[start : start + step])


def measure(quick: bool, repeats: int) -> dict[str, float]:
    start = time.perf_counter()
    g711.to_wire(bytes(480), "audio/pcmu")
    g711.to_wire(bytes(480), "audio/pcma")
    g711.from_wire(bytes(80), "audio/pcmu")
    tables_ms = (time.perf_counter() - start) * 1000
    text = _text(40 if quick else 150)
    pcm = speech.speak(text, "alloy", seed=0)
    seconds = speech.duration(pcm)
    ulaw = g711.to_wire(pcm, "audio/pcmu")
    return {
        "seconds": seconds,
        "tables": tables_ms,
        "speak": _per_second(lambda: speech.speak(text, "alloy", seed=0), seconds, repeats),
        "pcmu_out": _per_second(lambda: g711.to_wire(pcm, "audio/pcmu"), seconds, repeats),
        "pcma_out": _per_second(lambda: g711.to_wire(pcm, "audio/pcma"), seconds, repeats),
        "pcmu_in": _per_second(lambda: g711.from_wire(ulaw, "audio/pcmu"), seconds, repeats),
        "vad": _per_second(lambda: _vad(pcm), seconds, repeats),
    }


def run(quick: bool = False, repeats: int | None = None) -> list[Row]:
    data = measure(quick, repeats or (3 if quick else 9))
    session = data["speak"] + data["pcmu_out"] + data["pcmu_in"] + data["vad"]
    audio = f"{data['seconds']:.0f} s of audio"
    return [
        Row(
            "realtime audio: synthesis (PCM16 24 kHz)",
            data["speak"],
            "ms/s",
            better="lower",
            note=audio,
        ),
        Row(
            "realtime audio: PCM16 24 kHz -> audio/pcmu",
            data["pcmu_out"],
            "ms/s",
            better="lower",
            note="downsample to 8 kHz, then μ-law",
        ),
        Row("realtime audio: PCM16 24 kHz -> audio/pcma", data["pcma_out"], "ms/s", better="lower"),
        Row("realtime audio: audio/pcmu -> PCM16 24 kHz", data["pcmu_in"], "ms/s", better="lower"),
        Row(
            "realtime audio: VAD",
            data["vad"],
            "ms/s",
            better="lower",
            note=f"fed in {CHUNK_MS} ms chunks",
        ),
        Row(
            "realtime audio: G.711 tables (once per process)",
            round(data["tables"], 1),
            "ms",
            better="lower",
        ),
        Row(
            "realtime audio: sessions per core (audio work only)",
            round(1000 / session),
            "sessions",
            note=f"{session:.2f} ms per session-second: synthesis, pcmu out, pcmu in, VAD",
        ),
    ]


if __name__ == "__main__":
    for row in run(quick="--quick" in sys.argv[1:]):
        print(f"{row.name:55} {row.value:10,.3f} {row.unit:9} {row.note}")
