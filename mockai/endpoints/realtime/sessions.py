"""The session objects the Realtime HTTP routes answer: the effective configuration of a
requested session, with the real defaults filled in.

Defaults as the API reference's examples show them: `output_modalities: ["audio"]`, 24 kHz
`audio/pcm` both ways, `server_vad` turn detection (threshold 0.5, 300 ms padding, 200 ms
silence), voice `alloy` at speed 1.0, `tool_choice: "auto"`, `max_output_tokens: "inf"`,
`truncation: "auto"`; a transcription session transcribes with `gpt-4o-transcribe`. The beta
routes' flat fields (`modalities`, `input_audio_format: "pcm16"`, `voice`...) are read into the
same object. Fields a request left unset whose schema allows no null are left out.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from mockai import ids
from mockai.endpoints.realtime.request import (
    AudioFormat,
    AudioInput,
    BetaSession,
    BetaTranscriptionSession,
    RealtimeSessionConfig,
    TranscriptionSessionConfig,
    TranslationSessionConfig,
)

DEFAULT_MODEL = "gpt-realtime"
DEFAULT_TRANSCRIBER = "gpt-4o-transcribe"
# The start of the real sessions' default instructions (the beta session examples, and the
# `session.created` events clients have quoted).
DEFAULT_INSTRUCTIONS = (
    "Your knowledge cutoff is 2023-10. You are a helpful, witty, and friendly AI. Act like a "
    "human, but remember that you aren't a human and that you can't do human things in the "
    "real world."
)
DEFAULT_VOICE = "alloy"  # the API reference's session examples
PCM = {"type": "audio/pcm", "rate": 24000}
# The beta interface's format names, as the GA formats.
BETA_FORMATS = {
    "pcm16": PCM,
    "g711_ulaw": {"type": "audio/pcmu"},
    "g711_alaw": {"type": "audio/pcma"},
}
SERVER_VAD = {
    "type": "server_vad",
    "threshold": 0.5,
    "prefix_padding_ms": 300,
    "silence_duration_ms": 200,
    "idle_timeout_ms": None,
    "create_response": True,
    "interrupt_response": True,
}
# What the transcription and beta answers declare of turn detection.
BASIC_VAD = {
    k: SERVER_VAD[k] for k in ("type", "threshold", "prefix_padding_ms", "silence_duration_ms")
}


def _transcription(given: dict[str, Any] | None) -> dict[str, Any] | None:
    """A transcription setting as answers declare it (the request's `keywords` and `delay`
    are not echoed)."""
    if given is None:
        return None
    return {k: v for k, v in given.items() if k in ("model", "language", "languages", "prompt")}


def _set(model: BaseModel | None) -> dict[str, Any]:
    return {} if model is None else model.model_dump(exclude_unset=True)


def _format(given: AudioFormat | None) -> dict[str, Any]:
    if given is None or given.type in (None, "audio/pcm"):
        return dict(PCM)
    return {"type": given.type}


def _input(
    given: AudioInput | None, transcription: dict[str, Any] | None, vad: dict[str, Any]
) -> dict[str, Any]:
    """The input side: format, turn detection, and transcription and noise reduction when
    set (or `transcription` by default)."""
    out: dict[str, Any] = {"format": _format(given.format if given else None)}
    chosen = given.transcription if given and given.transcription is not None else transcription
    if chosen is not None:
        out["transcription"] = _transcription(chosen)
    if given is not None and given.noise_reduction is not None:
        out["noise_reduction"] = given.noise_reduction
    fields = _set(given)
    out["turn_detection"] = fields["turn_detection"] if "turn_detection" in fields else vad
    return out


def realtime_session(
    config: RealtimeSessionConfig, model: str, vad: dict[str, Any] = SERVER_VAD
) -> dict[str, Any]:
    """The `realtime.session` object (GA) of a speech-to-speech configuration."""
    audio = config.audio
    output = audio.output if audio else None
    body: dict[str, Any] = {
        "type": "realtime",
        "object": "realtime.session",
        "id": ids.realtime_session_id(),
        "model": model,
        "output_modalities": config.output_modalities or ["audio"],
        "instructions": config.instructions
        if config.instructions is not None
        else DEFAULT_INSTRUCTIONS,
        "tools": config.tools or [],
        "tool_choice": config.tool_choice if config.tool_choice is not None else "auto",
        "max_output_tokens": config.max_output_tokens
        if config.max_output_tokens is not None
        else "inf",
        "tracing": config.tracing,
        "truncation": config.truncation if config.truncation is not None else "auto",
        "expires_at": 0,
        "audio": {
            "input": _input(audio.input if audio else None, None, vad),
            "output": {
                "format": _format(output.format if output else None),
                "voice": output.voice if output and output.voice is not None else DEFAULT_VOICE,
                "speed": output.speed if output and output.speed is not None else 1.0,
            },
        },
    }
    # `parallel_tool_calls` and `reasoning` are not part of the answer the description declares.
    if config.include is not None:
        body["include"] = config.include
    if config.prompt is not None:
        body["prompt"] = config.prompt
    return body


def transcription_session(config: TranscriptionSessionConfig) -> dict[str, Any]:
    """The `realtime.transcription_session` object (GA) of a transcription configuration."""
    given = config.audio.input if config.audio else None
    body: dict[str, Any] = {
        "type": "transcription",
        "object": "realtime.transcription_session",
        "id": ids.realtime_session_id(),
        "expires_at": 0,
        "audio": {"input": _input(given, {"model": DEFAULT_TRANSCRIBER}, BASIC_VAD)},
    }
    if config.include is not None:
        body["include"] = config.include
    return body


def translation_session(config: TranslationSessionConfig, expires_at: int) -> dict[str, Any]:
    audio = config.audio or {}
    given = audio.get("input") if isinstance(audio.get("input"), dict) else {}
    inputs = {"transcription": None, "noise_reduction": None, **(given or {})}
    out: dict[str, Any] = {"input": inputs}
    if isinstance(audio.get("output"), dict):
        out["output"] = audio["output"]
    return {
        "id": ids.realtime_session_id(),
        "type": "translation",
        "expires_at": expires_at,
        "model": config.model,
        "audio": out,
    }


def beta_session(req: BetaSession, model: str) -> dict[str, Any]:
    """`POST /realtime/sessions`: the flat beta fields read into the session object."""
    fields = _set(req)
    audio: dict[str, Any] = {}
    if req.voice is not None:  # the beta answer names a custom voice by its id
        voice = req.voice.get("id") if isinstance(req.voice, dict) else req.voice
        audio.setdefault("output", {})["voice"] = voice
    if req.speed is not None:
        audio.setdefault("output", {})["speed"] = req.speed
    if req.output_audio_format is not None:
        audio.setdefault("output", {})["format"] = BETA_FORMATS.get(req.output_audio_format, PCM)
    inputs: dict[str, Any] = {}
    if req.input_audio_format is not None:
        inputs["format"] = BETA_FORMATS.get(req.input_audio_format, PCM)
    if "turn_detection" in fields:
        inputs["turn_detection"] = req.turn_detection
    if req.input_audio_transcription is not None:
        inputs["transcription"] = req.input_audio_transcription
    if inputs:
        audio["input"] = inputs
    config = RealtimeSessionConfig.model_validate(
        {
            "type": "realtime",
            "output_modalities": req.modalities,
            "instructions": req.instructions,
            "audio": audio or None,
            "tools": req.tools,
            "tool_choice": req.tool_choice,
            "tracing": req.tracing,
            "max_output_tokens": req.max_response_output_tokens,
            "truncation": req.truncation,
            "prompt": req.prompt,
        },
        strict=False,
    )
    body = realtime_session(config, model, BASIC_VAD)
    # The beta answer declares no `type`, `truncation` or `prompt`, and a `tracing` that is
    # never null.
    del body["type"], body["truncation"]
    body.pop("prompt", None)
    if body["tracing"] is None:
        del body["tracing"]
    return body


def beta_transcription_session(req: BetaTranscriptionSession) -> dict[str, Any]:
    """`POST /realtime/transcription_sessions`: the beta object, flat."""
    fields = _set(req)
    vad = fields["turn_detection"] if "turn_detection" in fields else BASIC_VAD
    return {
        "id": ids.realtime_session_id(),
        "object": "realtime.transcription_session",
        "modalities": ["audio", "text"],
        "input_audio_format": req.input_audio_format or "pcm16",
        "input_audio_transcription": _transcription(req.input_audio_transcription)
        or {"model": DEFAULT_TRANSCRIBER, "prompt": ""},
        "turn_detection": vad,
    }
