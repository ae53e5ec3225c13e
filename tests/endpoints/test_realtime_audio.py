"""Voice over the Realtime WebSocket: the audio a response says is mockai's speech synthesis in
the session's format (PCM16 24 kHz, G.711 μ-law or A-law), as long as its transcript takes to
say; the audio a client appends is heard by server VAD, which commits the turn, transcribes it
when asked and creates the response, all in the real order. Every event is validated against
the description (realtime_support.check)."""

from __future__ import annotations

import asyncio
import base64
import math
import struct

import pytest
from helpers import AUTH
from realtime_support import check, connect, receive, until

from mockai import g711, speech

HELLO = [
    {
        "name": "hi",
        "match": {"endpoint": "realtime"},
        "reply": {"content": "Hello there, how can I help?"},
    }
]


def _rms(pcm: bytes) -> float:
    samples = struct.unpack(f"<{len(pcm) // 2}h", pcm)
    return math.sqrt(sum(s * s for s in samples) / max(1, len(samples)))


def _said(events: list[dict], fmt: str) -> bytes:
    wire = b"".join(
        base64.b64decode(e["delta"]) for e in events if e["type"] == "response.output_audio.delta"
    )
    return g711.from_wire(wire, fmt)


@pytest.mark.parametrize("fmt", ["audio/pcm", "audio/pcmu", "audio/pcma"])
async def test_a_response_says_its_transcript_in_the_sessions_format(serve, fmt):
    client = await serve(HELLO, seed=3, realtime_audio_pace=0)
    ws = await connect(client)
    await receive(ws)
    output = {"format": {"type": fmt}, "voice": "cedar"}
    await ws.send_json(
        {"type": "session.update", "session": {"type": "realtime", "audio": {"output": output}}}
    )
    await until(ws, "session.updated")
    await ws.send_json({"type": "response.create"})
    events = await until(ws, "response.done")
    pcm = _said(events, fmt)
    transcript = "Hello there, how can I help?"
    expected = speech.speak(transcript, "cedar", 3)
    assert abs(len(pcm) - len(expected)) <= 6  # whole samples lost to 8 kHz at the end only
    ms = len(g711.to_wire(expected, fmt)) / g711.bytes_per_ms(fmt)
    usage = events[-1]["response"]["usage"]["output_token_details"]
    assert usage["audio_tokens"] == math.ceil(int(ms) / 50)  # one token per 50 ms said
    assert _rms(pcm) > 300  # speech, not silence
    if fmt == "audio/pcm":
        assert pcm == expected  # the voice /v1/audio/speech uses, byte for byte


async def _speak_into(ws, seconds_of_silence: float = 0.8) -> None:
    """mockai's own voice saying a sentence, then silence, appended in 100 ms chunks."""
    voice = speech.speak("Please book a table for two tonight.", "alloy", 7)
    audio = voice + b"\x00\x00" * int(24000 * seconds_of_silence)
    for start in range(0, len(audio), 4800):
        chunk = base64.b64encode(audio[start : start + 4800]).decode()
        await ws.send_json({"type": "input_audio_buffer.append", "audio": chunk})


async def test_server_vad_commits_the_turn_transcribes_it_and_answers(serve):
    client = await serve(HELLO, realtime_audio_pace=0)
    ws = await connect(client)
    await receive(ws)
    transcription = {"model": "gpt-4o-mini-transcribe"}
    session = {"type": "realtime", "audio": {"input": {"transcription": transcription}}}
    await ws.send_json({"type": "session.update", "session": session})
    await until(ws, "session.updated")
    await _speak_into(ws)
    events = await until(ws, "response.done")
    kinds = [e["type"] for e in events]
    started = events[kinds.index("input_audio_buffer.speech_started")]
    stopped = events[kinds.index("input_audio_buffer.speech_stopped")]
    committed = events[kinds.index("input_audio_buffer.committed")]
    assert started["item_id"] == stopped["item_id"] == committed["item_id"]
    assert 0 <= started["audio_start_ms"] < stopped["audio_end_ms"]
    order = [
        "input_audio_buffer.speech_started",
        "input_audio_buffer.speech_stopped",
        "input_audio_buffer.committed",
        "conversation.item.added",
        "conversation.item.input_audio_transcription.completed",
        "response.created",
        "response.output_audio.delta",
        "response.done",
    ]
    assert [kinds.index(k) for k in order] == sorted(kinds.index(k) for k in order)
    done = events[kinds.index("conversation.item.input_audio_transcription.completed")]
    deltas = [
        e["delta"]
        for e in events
        if e["type"] == "conversation.item.input_audio_transcription.delta"
    ]
    assert "".join(deltas) == done["transcript"] and done["transcript"]
    assert events[-1]["response"]["status"] == "completed"
    assert events[-1]["response"]["usage"]["input_token_details"]["audio_tokens"] > 0


async def test_without_turn_detection_the_client_commits(serve):
    client = await serve(HELLO, realtime_audio_pace=0)
    ws = await connect(client)
    await receive(ws)
    session = {"type": "realtime", "audio": {"input": {"turn_detection": None}}}
    await ws.send_json({"type": "session.update", "session": session})
    await until(ws, "session.updated")
    await _speak_into(ws)
    await ws.send_json({"type": "input_audio_buffer.commit"})
    events = await until(ws, "conversation.item.done")
    kinds = [e["type"] for e in events]
    assert "input_audio_buffer.speech_started" not in kinds
    assert kinds[0] == "input_audio_buffer.committed"


async def test_quiet_audio_is_no_speech(serve):
    client = await serve(HELLO, realtime_audio_pace=0)
    ws = await connect(client)
    await receive(ws)
    quiet = struct.pack("<4800h", *([20, -20] * 2400))
    for _ in range(20):
        await ws.send_json(
            {"type": "input_audio_buffer.append", "audio": base64.b64encode(quiet).decode()}
        )
    await ws.send_json({"type": "input_audio_buffer.clear"})
    assert (await receive(ws))["type"] == "input_audio_buffer.cleared"  # nothing before it


@pytest.mark.mockai(realtime_audio_pace=0)
async def test_sdk_audio_turn(mockai):
    """The official SDK appends real PCM; server VAD commits the turn, the input transcript and
    the spoken answer (audio and its transcript) come back."""
    mockai.add_scenario(HELLO)
    voice = speech.speak("What is on the menu tonight?", "alloy", 11)
    audio = voice + b"\x00\x00" * 24000  # a second of silence ends the turn
    async with mockai.async_client() as client:
        async with client.realtime.connect(model="gpt-realtime") as connection:
            transcription = {"model": "gpt-4o-mini-transcribe"}
            await connection.session.update(
                session={"type": "realtime", "audio": {"input": {"transcription": transcription}}}
            )
            for start in range(0, len(audio), 9600):
                chunk = base64.b64encode(audio[start : start + 9600]).decode()
                await connection.input_audio_buffer.append(audio=chunk)
            events = []
            async for event in connection:
                check(event.model_dump(mode="json", exclude_unset=True))
                events.append(event)
                if event.type == "response.done":
                    break
    kinds = [e.type for e in events]
    assert kinds.index("input_audio_buffer.speech_stopped") < kinds.index("response.created")
    heard = next(
        e for e in events if e.type == "conversation.item.input_audio_transcription.completed"
    )
    assert heard.transcript
    said = "".join(e.delta for e in events if e.type == "response.output_audio_transcript.delta")
    assert said == "Hello there, how can I help?"
    pcm = b"".join(
        base64.b64decode(e.delta) for e in events if e.type == "response.output_audio.delta"
    )
    assert pcm == speech.speak(said, "alloy", 0)  # the session's default voice, --seed 0
    assert events[-1].response.status == "completed"


async def test_audio_is_sent_at_the_pace_it_plays(serve):
    """At `realtime_audio_pace` 4 the deltas of about 2.5 s of speech span at least the time
    it takes to play them four times as fast (a lower bound only: slowness cannot fail it)."""
    client = await serve(HELLO, realtime_audio_pace=4)
    ws = await connect(client)
    await receive(ws)
    await ws.send_json({"type": "response.create"})
    arrivals, played = [], 0.0
    loop = asyncio.get_running_loop()
    while True:
        event = await receive(ws)
        if event["type"] == "response.output_audio.delta":
            arrivals.append((loop.time(), played))
            played += len(base64.b64decode(event["delta"])) / speech.BYTES_PER_MS
        elif event["type"] == "response.done":
            break
    (first, _), (last, before_last) = arrivals[0], arrivals[-1]
    assert before_last > 2000
    assert last - first >= before_last / 1000 / 4 * 0.9


async def test_a_transcription_session_transcribes_each_turn_and_answers_nothing(serve):
    client = await serve(HELLO, realtime_audio_pace=0)
    ws = await client.ws_connect(
        "/v1/realtime?model=gpt-realtime&intent=transcription", headers=AUTH
    )
    created = await receive(ws)
    assert created["session"]["type"] == "transcription"
    await _speak_into(ws)
    events = await until(ws, "conversation.item.input_audio_transcription.completed")
    kinds = [e["type"] for e in events]
    assert kinds.index("input_audio_buffer.speech_stopped") < kinds.index(
        "input_audio_buffer.committed"
    )
    assert events[-1]["transcript"]
    await ws.send_json({"type": "input_audio_buffer.clear"})
    assert (await receive(ws))["type"] == "input_audio_buffer.cleared"  # no response came


async def test_a_scenario_gives_the_input_transcript_or_its_failure(serve):
    """`endpoint: realtime.transcription` answers a committed turn's transcript (matched like
    any scenario: here by the session's instructions); its `error` is the `.failed` event."""
    heard = [
        {
            "name": "heard",
            "match": {"endpoint": "realtime.transcription", "system": "booking"},
            "reply": {"content": "A table for two, please."},
        },
        {
            "name": "garbled",
            "match": {"endpoint": "realtime.transcription"},
            "reply": {"error": {"status": 400, "message": "Audio could not be decoded."}},
        },
    ]
    client = await serve(heard + HELLO, realtime_audio_pace=0)
    for instructions, outcome in (("You take bookings.", "completed"), ("Chat.", "failed")):
        ws = await connect(client)
        await receive(ws)
        session = {"type": "realtime", "instructions": instructions}
        session["audio"] = {"input": {"transcription": {"model": "gpt-4o-transcribe"}}}
        await ws.send_json({"type": "session.update", "session": session})
        await until(ws, "session.updated")
        await _speak_into(ws)
        event = await until(ws, f"conversation.item.input_audio_transcription.{outcome}")
        if outcome == "completed":
            assert event[-1]["transcript"] == "A table for two, please."
        else:
            assert event[-1]["error"]["message"] == "Audio could not be decoded."


async def test_speech_during_a_response_interrupts_it(serve):
    """With `interrupt_response` (the default) the user's speech cancels the response being
    spoken: `response.done` cancelled, reason `turn_detected`; the new turn then answers."""
    long_reply = [{**HELLO[0], "reply": {"content": "Let me tell you a rather long story. " * 4}}]
    client = await serve(long_reply, realtime_audio_pace=1)
    ws = await connect(client)
    await receive(ws)
    await _speak_into(ws)
    await until(ws, "response.output_audio.delta")  # the answer is being spoken
    await _speak_into(ws)  # the user talks over it
    events = await until(ws, "response.done")
    assert events[-1]["response"]["status"] == "cancelled"
    assert events[-1]["response"]["status_details"]["reason"] == "turn_detected"
    kinds = [e["type"] for e in events]
    assert kinds.index("input_audio_buffer.speech_started") < len(kinds) - 1
