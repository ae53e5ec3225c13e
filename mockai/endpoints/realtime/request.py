"""The bodies of the Realtime API's HTTP routes (client secrets, sessions, calls), strict and
closed like the real API's.

The session configuration is typed down to what mockai reads or answers (type, model,
modalities, audio formats, voice, speed); tools, tool choice, tracing, prompt, reasoning,
truncation and the turn-detection and transcription settings are objects checked against
the description's own schemas by the handler (`toolkit.http.spec_check`), as they are only
echoed back.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag

from mockai.ephemeral import DEFAULT_TTL_S, MAX_TTL_S, MIN_TTL_S
from mockai.errors import invalid_request, missing_parameter

Modality = Literal["text", "audio"]
Include = Literal["item.input_audio_transcription.logprobs"]
CLOSED = ConfigDict(extra="forbid", strict=True)


class ExpiresAfter(BaseModel):
    model_config = CLOSED
    anchor: Literal["created_at"] | None = "created_at"
    seconds: int | None = Field(DEFAULT_TTL_S, ge=MIN_TTL_S, le=MAX_TTL_S)


class AudioFormat(BaseModel):
    """`audio/pcm` (24 kHz only), `audio/pcmu` or `audio/pcma`."""

    model_config = CLOSED
    type: Literal["audio/pcm", "audio/pcmu", "audio/pcma"] | None = None
    rate: int | None = Field(None, ge=24000, le=24000)  # 24 kHz only (not a Literal: takes `true`)


class AudioInput(BaseModel):
    model_config = CLOSED
    format: AudioFormat | None = None
    transcription: dict[str, Any] | None = None
    noise_reduction: dict[str, Any] | None = None
    turn_detection: dict[str, Any] | None = None


class AudioOutput(BaseModel):
    model_config = CLOSED
    format: AudioFormat | None = None
    voice: str | dict[str, Any] | None = None  # a voice name, or `{"id": "voice_..."}`
    speed: float | None = Field(None, ge=0.25, le=1.5)


class RealtimeAudio(BaseModel):
    model_config = CLOSED
    input: AudioInput | None = None
    output: AudioOutput | None = None


class TranscriptionAudio(BaseModel):
    model_config = CLOSED
    input: AudioInput | None = None


class RealtimeSessionConfig(BaseModel):
    """A speech-to-speech session (`type: realtime`): a client secret's, an accepted call's."""

    model_config = CLOSED
    type: Literal["realtime"]
    model: str | None = None
    output_modalities: list[Modality] | None = None
    instructions: str | None = None
    audio: RealtimeAudio | None = None
    include: list[Include] | None = None
    tracing: Literal["auto"] | dict[str, Any] | None = None
    tools: list[dict[str, Any]] | None = None
    tool_choice: str | dict[str, Any] | None = None
    parallel_tool_calls: bool | None = None
    reasoning: dict[str, Any] | None = None
    max_output_tokens: int | Literal["inf"] | None = None
    truncation: str | dict[str, Any] | None = None
    prompt: dict[str, Any] | None = None


class TranscriptionSessionConfig(BaseModel):
    """A transcription-only session (`type: transcription`)."""

    model_config = CLOSED
    type: Literal["transcription"]
    audio: TranscriptionAudio | None = None
    include: list[Include] | None = None


SESSION_TYPES = {"realtime": "Realtime", "transcription": "Transcription"}


def _session_type(value: Any) -> str | None:
    kind = value.get("type") if isinstance(value, dict) else getattr(value, "type", None)
    return SESSION_TYPES.get(kind) if isinstance(kind, str) else None


# Tagged by capitalised names, which error paths leave out (`session.audio`, not
# `session.realtime.audio`).
SessionConfig = Annotated[
    Union[
        Annotated[RealtimeSessionConfig, Tag("Realtime")],
        Annotated[TranscriptionSessionConfig, Tag("Transcription")],
    ],
    Discriminator(_session_type),
]


def check_session_type(body: dict[str, Any]) -> None:
    """A client secret's `session.type`, checked first, as it decides what else is allowed."""
    session = body.get("session")
    if not isinstance(session, dict):
        return
    if "type" not in session:
        raise missing_parameter("session.type")
    if session["type"] not in SESSION_TYPES:
        raise invalid_request(
            f"Invalid value: '{session['type']}'. Supported values are: 'realtime' and "
            "'transcription'.",
            "session.type",
            "invalid_value",
        )


class CreateClientSecret(BaseModel):
    model_config = CLOSED
    expires_after: ExpiresAfter | None = None
    session: SessionConfig | None = None


class TranslationSessionConfig(BaseModel):
    model_config = CLOSED
    model: str
    audio: dict[str, Any] | None = None


class CreateTranslationClientSecret(BaseModel):
    model_config = CLOSED
    expires_after: ExpiresAfter | None = None
    session: TranslationSessionConfig


class BetaSession(BaseModel):
    """`POST /realtime/sessions`, the beta interface's flat session fields."""

    model_config = CLOSED
    # The description declares the answer's `client_secret` in this request schema (and
    # requires it); no client sends one. Taken and ignored, so a body that follows the
    # description is not refused.
    client_secret: dict[str, Any] | None = None
    model: str | None = None
    modalities: list[Modality] | None = None
    instructions: str | None = None
    voice: str | dict[str, Any] | None = None
    input_audio_format: str | None = None
    output_audio_format: str | None = None
    input_audio_transcription: dict[str, Any] | None = None
    speed: float | None = Field(None, ge=0.25, le=1.5)
    tracing: Literal["auto"] | dict[str, Any] | None = None
    turn_detection: dict[str, Any] | None = None
    tools: list[dict[str, Any]] | None = None
    tool_choice: str | None = None
    temperature: float | None = None
    max_response_output_tokens: int | Literal["inf"] | None = None
    truncation: str | dict[str, Any] | None = None
    prompt: dict[str, Any] | None = None


class BetaTranscriptionSession(BaseModel):
    """`POST /realtime/transcription_sessions`."""

    model_config = CLOSED
    turn_detection: dict[str, Any] | None = None
    input_audio_noise_reduction: dict[str, Any] | None = None
    input_audio_format: Literal["pcm16", "g711_ulaw", "g711_alaw"] | None = None
    input_audio_transcription: dict[str, Any] | None = None
    include: list[Include] | None = None


class CallForm(BaseModel):
    """`POST /realtime/calls` as a form: the SDP offer and, optionally, the session."""

    model_config = CLOSED
    sdp: str
    session: RealtimeSessionConfig | None = None


class ReferCall(BaseModel):
    model_config = CLOSED
    target_uri: str


class RejectCall(BaseModel):
    model_config = CLOSED
    status_code: int | None = None
