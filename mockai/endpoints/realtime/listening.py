"""The input side of a voice session: audio a client appends, heard by server VAD
(`mockai.vad`: `input_audio_buffer.speech_started` / `speech_stopped` / `timeout_triggered`), the
buffer committed into a user item (by the client, or by the end of a turn), that item's
transcription when the session asks for one (`conversation.item.input_audio_transcription.delta`
and `.completed`: a scenario's, else deterministic sample text as long as the audio), the
response the end of a turn creates (`turn_detection.create_response`), and the running response
the user's speech interrupts (`interrupt_response`: cancelled, reason `turn_detected`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mockai import generation, speech, vad
from mockai.endpoints.realtime import audio
from mockai.endpoints.realtime.events import ResponseParams
from mockai.endpoints.realtime.session import item_text, shown
from mockai.errors import APIError
from mockai.scenarios.call import Call
from mockai.toolkit.scripted import answer_step
from mockai.toolkit.state import exchange_of

if TYPE_CHECKING:
    from mockai.endpoints.realtime.turn import Connection

_TRANSCRIPT_DELTA_WORDS = 3


async def append(connection: Connection, data: bytes) -> None:
    """Audio appended to the input buffer, and what the detector hears in it."""
    session = connection.session
    session.audio_bytes += len(data)
    detector = session.detector()
    if detector is None:
        return
    for event in detector.feed(audio.heard(data, session.input_format())):
        item_id = session.pending_id()
        if isinstance(event, vad.SpeechStarted):
            await connection.send(
                {
                    "type": "input_audio_buffer.speech_started",
                    "audio_start_ms": event.audio_start_ms,
                    "item_id": item_id,
                }
            )
            interrupts = (session.turn_detection() or {}).get("interrupt_response", True)
            if interrupts and connection.active is not None:  # the user talks over the answer
                connection.cancel("turn_detected")
            continue
        if isinstance(event, vad.SpeechStopped):
            stopped = {"audio_end_ms": event.audio_end_ms, "item_id": item_id}
            await connection.send({"type": "input_audio_buffer.speech_stopped", **stopped})
        else:
            timeout = {
                "audio_start_ms": event.audio_start_ms,
                "audio_end_ms": event.audio_end_ms,
                "item_id": item_id,
            }
            await connection.send({"type": "input_audio_buffer.timeout_triggered", **timeout})
        if audio.duration_ms(session.audio_bytes, session.input_format()) >= 100:
            await commit(connection)
            if (session.turn_detection() or {}).get("create_response", True) and (
                session.kind == "realtime"
            ):
                connection.start(ResponseParams(), None)


async def commit(connection: Connection) -> None:
    """The buffer becomes a user item (the real error for under 100 ms), then its transcript."""
    session = connection.session
    seconds = audio.duration_ms(session.audio_bytes, session.input_format()) / 1000
    item = session.commit_audio()
    detector = session.detector()
    if detector is not None:
        detector.clear()
    previous = session.add(item)
    await connection.send(
        {
            "type": "input_audio_buffer.committed",
            "previous_item_id": previous,
            "item_id": item["id"],
        }
    )
    for kind in ("conversation.item.added", "conversation.item.done"):
        await connection.send({"type": kind, "previous_item_id": previous, "item": shown(item)})
    transcription = session.config.get("audio", {}).get("input", {}).get("transcription")
    if transcription or session.kind == "transcription":  # what a transcription session is for
        await _transcribe(connection, item, seconds)


async def clear(connection: Connection) -> None:
    session = connection.session
    session.audio_bytes = 0
    detector = session.detector()
    if detector is not None:
        detector.clear()
    await connection.send({"type": "input_audio_buffer.cleared"})


async def _transcribe(connection: Connection, item: dict[str, Any], seconds: float) -> None:
    """A scenario's transcript (`endpoint: realtime.transcription`: its `content`, or its
    `error` as the `.failed` event), else sample text as long as the audio."""
    session = connection.session
    where = {"item_id": item["id"], "content_index": 0}
    settings = session.config.get("audio", {}).get("input", {}).get("transcription") or {}
    body = {"model": settings.get("model"), "audio_seconds": round(seconds, 3)}
    instructions = str(session.config.get("instructions") or "")
    users = [i for i in session.items.values() if i.get("role") == "user" and i is not item]
    call = Call(
        "realtime.transcription",
        {**body, "instructions": instructions},
        connection.request.headers,
        exchange_of(connection.request).session,
        model=settings.get("model"),
        last_user_message=item_text(users[-1]) if users else "",
        system_message=instructions,
    )
    try:
        step = await answer_step(connection.request, call, streaming=False, optional=True)
    except APIError as error:
        shown_error = {"type": error.type, "code": error.code, "message": error.message}
        shown_error["param"] = error.param
        # The description's `code` and `param` are strings, not nullable: unset, left out.
        failure = {k: v for k, v in shown_error.items() if v is not None}
        await connection.send(
            {
                "type": "conversation.item.input_audio_transcription.failed",
                **where,
                "error": failure,
            }
        )
        return
    if step is not None and step.content is not None:
        transcript = step.content
    else:
        rng = generation.rng_for(connection.state.settings.seed, "realtime.transcription", body)
        transcript = speech.sample_transcript(rng, seconds)
    words = transcript.split(" ")
    for start in range(0, len(words), _TRANSCRIPT_DELTA_WORDS):
        piece = " ".join(words[start : start + _TRANSCRIPT_DELTA_WORDS])
        delta = piece if start == 0 else " " + piece
        await connection.send(
            {"type": "conversation.item.input_audio_transcription.delta", **where, "delta": delta}
        )
    item["content"][0]["transcript"] = transcript
    await connection.send(
        {
            "type": "conversation.item.input_audio_transcription.completed",
            **where,
            "transcript": transcript,
            "usage": {"type": "duration", "seconds": round(seconds, 3)},
        }
    )
