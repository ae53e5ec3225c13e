"""Speech synthesis as the Realtime API uses it (mockai.speech): PCM16 24 kHz for a transcript,
as long as the text takes to say and the same every time (and the same as `/audio/speech`
says it), cut into deltas of N ms; and the sample transcript of audio nothing describes."""

from __future__ import annotations

import json
import random

import pytest
from helpers import AUTH

from mockai import speech
from mockai.config import Settings

SENTENCE = "The quick brown fox jumped over the lazy dog."


def test_speak_is_deterministic_and_varies_with_what_matters():
    said = speech.speak(SENTENCE, "alloy", seed=3)
    assert said == speech.speak(SENTENCE, "alloy", seed=3)
    assert said != speech.speak(SENTENCE, "alloy", seed=4)
    assert said != speech.speak(SENTENCE, "verse", seed=3)
    assert len(said) % 2 == 0 and any(said)


@pytest.mark.parametrize("words", [5, 20, 80])
def test_length_follows_the_transcript(words):
    """About 150 words a minute, plus 0.2 s of silence around them; `speed` shortens it."""
    text = " ".join(["word"] * words)
    seconds = speech.duration(speech.speak(text, "alloy", seed=0))
    assert seconds == pytest.approx(words / speech.WORDS_PER_SECOND + 0.2, rel=0.03)
    fast = speech.duration(speech.speak(text, "alloy", seed=0, speed=2.0))
    # a little shorter than half: the consonant bursts (30 ms, most syllables) do not stretch
    assert fast == pytest.approx(words / speech.WORDS_PER_SECOND / 2 + 0.2, rel=0.12)
    assert fast < seconds * 0.6


async def test_the_same_voice_as_audio_speech(serve):
    """What the Realtime API says is what `/audio/speech` says for the same text and voice."""
    client = await serve()
    payload = {"model": "tts-1", "voice": "echo", "input": SENTENCE, "response_format": "pcm"}
    response = await client.post("/v1/audio/speech", data=json.dumps(payload), headers=AUTH)
    assert response.status == 200
    assert await response.read() == speech.speak(SENTENCE, "echo", seed=Settings().seed)


@pytest.mark.parametrize(("ms", "per_ms"), [(20, speech.BYTES_PER_MS), (100, 8), (7, 48)])
def test_deltas(ms, per_ms):
    audio = speech.speak(SENTENCE, "alloy", seed=0)
    pieces = list(speech.deltas(audio, ms, per_ms))
    assert b"".join(pieces) == audio
    assert {len(p) for p in pieces[:-1]} == {ms * per_ms}
    assert 0 < len(pieces[-1]) <= ms * per_ms


def test_deltas_need_a_duration():
    with pytest.raises(ValueError):
        list(speech.deltas(b"\0\0", 0))


@pytest.mark.parametrize("seconds", [0.4, 3, 12, 60])
def test_sample_transcript_holds_what_the_audio_does(seconds):
    text = speech.sample_transcript(random.Random(5), seconds)
    assert text == speech.sample_transcript(random.Random(5), seconds)
    assert text != speech.sample_transcript(random.Random(6), seconds)
    words = len(text.split())
    wanted = seconds * speech.WORDS_PER_SECOND
    assert max(1, wanted) <= words <= max(12, 1.5 * wanted)
    assert text[0].isupper() and text.endswith(".")
