"""Voice activity detection (mockai.vad) on synthesized signals: silence, tone bursts, noise
around the threshold, the spec's offsets (prefix padding in `audio_start_ms`, the silence in
`audio_end_ms`), chunking that changes nothing, commits, the idle timeout, mockai's own voice."""

from __future__ import annotations

import math
import random
import struct

import pytest

from mockai import g711, speech, vad
from mockai.vad import Detector, SpeechStarted, SpeechStopped, TimeoutTriggered

RATE = 24_000


def silence(ms: int) -> bytes:
    return bytes(2 * RATE * ms // 1000)


def amplitude(dbfs: float) -> float:
    """The peak of a sine whose RMS level is `dbfs`."""
    return 32768 * 10 ** (dbfs / 20) * math.sqrt(2)


def tone(ms: int, dbfs: float = -20, freq: float = 220) -> bytes:
    peak = amplitude(dbfs)
    count = RATE * ms // 1000
    return struct.pack(
        f"<{count}h", *(round(peak * math.sin(2 * math.pi * freq * i / RATE)) for i in range(count))
    )


def noise(ms: int, dbfs: float, seed: int = 1) -> bytes:
    """Gaussian noise at an RMS level of `dbfs`."""
    rng = random.Random(seed)
    sigma = 32768 * 10 ** (dbfs / 20)
    count = RATE * ms // 1000
    return struct.pack(
        f"<{count}h", *(max(-32768, min(32767, round(rng.gauss(0, sigma)))) for _ in range(count))
    )


def burst() -> bytes:
    """1 s of silence, 800 ms of tone, 1.5 s of silence."""
    return silence(1000) + tone(800) + silence(1500)


def test_silence_is_no_speech():
    detector = Detector(threshold=0)
    assert detector.feed(silence(10_000)) == []
    assert detector.position_ms == 10_000


def test_tone_burst_offsets():
    """Frames are 32 ms: the tone begins inside the frame at 992 ms (started: 992 - 300 of
    padding) and ends inside the one ending at 1824 ms; 500 ms of silence take 16 quiet
    frames after it (stopped: 1824 + 512)."""
    assert Detector().feed(burst()) == [SpeechStarted(692), SpeechStopped(2336)]


def test_padding_and_silence_are_the_sessions():
    events = Detector(prefix_padding_ms=100, silence_duration_ms=200).feed(burst())
    assert events == [SpeechStarted(892), SpeechStopped(1824 + 224)]


def test_padding_does_not_reach_before_the_audio():
    assert Detector().feed(silence(100) + tone(300) + silence(600))[0] == SpeechStarted(0)


@pytest.mark.parametrize(
    ("dbfs", "threshold", "heard"),
    [
        (-50, 0.5, False),  # quiet room noise: below the default threshold (-40 dBFS)
        (-50, 0.2, True),  # a lower threshold hears it (-58 dBFS)
        (-30, 0.5, True),  # loud noise sets the default detector off
        (-30, 0.8, False),  # a higher threshold needs louder audio (-22 dBFS)
    ],
)
def test_noise_against_threshold(dbfs, threshold, heard):
    events = Detector(threshold=threshold).feed(silence(500) + noise(1000, dbfs) + silence(700))
    assert (events != []) is heard
    if heard:
        assert events == [SpeechStarted(480 - 300), SpeechStopped(1504 + 512)]


def test_threshold_maps_to_a_level():
    """Just above the level `threshold` maps to is heard, just below is not."""
    for threshold in (0.1, 0.5, 0.9):
        level = vad.level_dbfs(threshold)
        assert Detector(threshold=threshold).feed(tone(500, level + 0.5)) != []
        assert Detector(threshold=threshold).feed(tone(500, level - 0.5)) == []
    assert vad.level_dbfs(0) < vad.level_dbfs(0.5) < vad.level_dbfs(1)


def test_chunk_boundaries_change_nothing():
    audio = burst() + tone(300, -25) + silence(400) + tone(200) + silence(900)
    whole = Detector().feed(audio)
    assert len(whole) == 4
    rng = random.Random(7)
    for _ in range(5):
        detector = Detector()
        events, start = [], 0
        while start < len(audio):
            size = rng.choice([1, 3, 479, 480, 481, 1536, 4097, 24_000])
            events += detector.feed(audio[start : start + size])
            start += size
        assert events == whole


def test_a_short_pause_does_not_end_speech():
    audio = silence(500) + tone(400) + silence(300) + tone(400) + silence(800)
    events = Detector(silence_duration_ms=500).feed(audio)
    assert [type(e) for e in events] == [SpeechStarted, SpeechStopped]
    assert Detector(silence_duration_ms=200).feed(audio)[:3] == [
        SpeechStarted(480 - 300),
        SpeechStopped(928 + 224),
        SpeechStarted(1152),  # padded back to the committed buffer's start, not before
    ]


def test_clear_forgets_speech_in_progress():
    detector = Detector()
    assert detector.feed(silence(1000) + tone(500)) == [SpeechStarted(692)]
    detector.clear()  # a manual commit during speech: no speech_stopped for it
    assert not detector.speaking
    assert detector.feed(silence(100)) == []
    assert detector.feed(tone(100)) == [SpeechStarted(1500)]  # not padded into the old buffer


def test_idle_timeout():
    detector = Detector(idle_timeout_ms=5000)
    assert detector.feed(silence(8000)) == []  # not armed: no response has played yet
    detector.arm_idle()
    events = detector.feed(silence(6000))
    assert events == [TimeoutTriggered(8000, 13_024)]  # the first frame end 5 s after
    assert detector.feed(silence(10_000)) == []  # disarmed until the next response
    detector.arm_idle(25_000)  # a response still playing until 25 s
    assert detector.feed(silence(4000)) == []
    events = detector.feed(tone(200) + silence(8000))  # speech disarms it
    assert events == [SpeechStarted(28_000 - 300), SpeechStopped(28_224 + 512)]


def test_turn_detection_objects():
    server = vad.from_turn_detection(
        {"type": "server_vad", "threshold": None, "silence_duration_ms": 200}
    )
    assert (server.prefix_padding_ms, server.silence_duration_ms) == (300, 200)
    assert server.idle_timeout_ms is None
    eager = vad.from_turn_detection({"type": "semantic_vad", "eagerness": "high"})
    patient = vad.from_turn_detection({"type": "semantic_vad"})
    assert eager.silence_duration_ms < patient.silence_duration_ms
    with pytest.raises(ValueError):
        Detector(threshold=1.5)


@pytest.mark.parametrize("fmt", ["audio/pcm", "audio/pcmu", "audio/pcma"])
def test_mockais_voice_is_one_turn(fmt):
    """Speech from mockai.speech, sent in any Realtime format, is one turn at the defaults."""
    said = speech.speak("Hello there, how are you doing today", "alloy", seed=0)
    audio = g711.from_wire(g711.to_wire(silence(600) + said + silence(1000), fmt), fmt)
    events = Detector().feed(audio)
    assert [type(e) for e in events] == [SpeechStarted, SpeechStopped]
    spoken_end_ms = 600 + len(said) * 1000 // (2 * RATE)
    assert 300 <= events[0].audio_start_ms <= 700
    assert spoken_end_ms < events[1].audio_end_ms <= spoken_end_ms + 500 + 32
