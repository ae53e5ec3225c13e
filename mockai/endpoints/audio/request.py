"""The audio requests, checked the way the audio service checks them (worded by `errors`): the
speech body, whose voices depend on the model, and the transcription and translation forms,
with the uploaded file and what the service reads from it (its name's extension and, for a
WAV, how long it is)."""

from __future__ import annotations

import hashlib
from enum import Enum
from typing import Annotated, Any, Literal

from aiohttp import web
from pydantic import BaseModel, ConfigDict, Field, PlainValidator

from mockai import audioclip, speech
from mockai.endpoints.audio.errors import (
    SUPPORTED_FORMATS,
    UPLOAD_LIMIT,
    invalid_file_format,
    too_large,
    validate_body,
)
from mockai.errors import APIError
from mockai.models import capabilities
from mockai.toolkit import multipart
from mockai.toolkit.multipart import Upload
from mockai.toolkit.state import state_of


# -- POST /v1/audio/speech (a JSON body) -------------------------------------------------------
class ClassicVoice(str, Enum):
    nova = "nova"
    shimmer = "shimmer"
    echo = "echo"
    onyx = "onyx"
    fable = "fable"
    alloy = "alloy"
    ash = "ash"
    sage = "sage"
    coral = "coral"


_STEERABLE_ONLY = ("ballad", "verse", "marin", "cedar")
SteerableVoice = Enum(  # type: ignore[misc]
    "SteerableVoice",
    [(v, v) for v in [*(c.value for c in ClassicVoice), *_STEERABLE_ONLY]],
    type=str,
)
SpeechFormat = Enum(  # type: ignore[misc]
    "SpeechFormat", [(f, f) for f in speech.CONTENT_TYPES], type=str
)


class StreamFormat(str, Enum):
    sse = "sse"
    audio = "audio"


class CustomVoice(BaseModel):
    """`{"id": "voice_..."}`: a custom voice, which must be one the session made."""

    id: str


class CustomVoiceField(BaseModel):
    voice: CustomVoice


class _Speech(BaseModel):
    model: str
    # Absent text or voice are empty strings to the real API, which then fail the checks.
    input: str = Field("", min_length=1, max_length=4096, validate_default=True)
    instructions: str | None = Field(None, max_length=4096)
    response_format: SpeechFormat = SpeechFormat.mp3  # type: ignore[attr-defined]
    speed: float = Field(1.0, ge=0.25, le=4.0)
    stream_format: StreamFormat = StreamFormat.audio


class ClassicSpeech(_Speech):
    voice: ClassicVoice = Field("", validate_default=True)


class SteerableSpeech(_Speech):
    voice: SteerableVoice = Field("", validate_default=True)


def custom_voice(body: dict[str, Any]) -> tuple[dict[str, Any], str | None]:
    """A custom voice object is checked on its own, and the built-in checks then see a
    built-in name in its place, so that a bad built-in name is reported as the plain enum
    error the real API sends rather than as a union of two shapes."""
    voice = body.get("voice")
    if not isinstance(voice, dict):
        return body, None
    custom = validate_body(CustomVoiceField, {"voice": voice}).voice
    return {**body, "voice": ClassicVoice.alloy.value}, custom.id


def speech_schema(
    request: web.Request, model_id: str | None
) -> type[ClassicSpeech] | type[SteerableSpeech]:
    """The request shape of `model_id`: the gpt-4o-mini-tts models (and `--lenient`'s
    unknown ids) take the steerable voices, tts-1 and tts-1-hd the classic ones. A model the
    speech endpoint does not serve (by the catalog, mockai.models) is refused first."""
    if model_id is None:
        return ClassicSpeech  # a missing model is reported with the other field errors
    state = state_of(request)
    model = state.models.resolve(model_id, lenient=state.settings.lenient)
    capabilities.check_endpoint(model, "audio.speech")  # per-model capabilities (mockai.models)
    return SteerableSpeech if model.generic or model.id.startswith("gpt-") else ClassicSpeech


# -- the transcription and translation forms (multipart) -------------------------------------
_FILES = frozenset({"file"})


def _an_upload(value: Any) -> Upload:
    """The audio service is FastAPI: text sent where the file goes gets its wording."""
    if not isinstance(value, Upload):
        raise ValueError(f"Expected UploadFile, received: {type(value)}")
    return value


AudioFile = Annotated[Upload, PlainValidator(_an_upload)]


def _too_large(form: multipart.Form, name: str, read: int) -> APIError:
    return too_large(read)


async def read_form(
    request: web.Request, list_fields: frozenset[str], object_fields: frozenset[str] = frozenset()
) -> tuple[dict[str, Any], Upload | str | None]:
    """The form's fields (`x[]` and repeated list fields as lists, `x[key]` of object fields
    as objects) and its `file`: the upload, or the text sent in its place."""
    form = await multipart.read_form(
        request,
        files=_FILES,
        lists=list_fields,
        limit=UPLOAD_LIMIT,
        too_large=_too_large,
        unknown_files=state_of(request).settings.lenient,
    )
    fields = multipart.objects(form.fields, object_fields)
    upload = form.upload("file")
    if upload is not None and upload.filename is None:
        return fields, upload.data.decode("utf-8", errors="replace")
    return fields, upload


def digest(upload: Upload) -> str:
    return hashlib.blake2b(upload.data, digest_size=8).hexdigest()


def wav_seconds(upload: Upload) -> float | None:
    """The duration of a WAV upload (see `mockai.audioclip.wav_seconds`); None for any other
    format or a file that does not parse."""
    return audioclip.wav_seconds(upload.data)


def check_extension(upload: Upload) -> None:
    name = upload.filename or ""
    extension = name.rpartition(".")[2].lower() if "." in name else ""
    if extension not in SUPPORTED_FORMATS:
        raise invalid_file_format()


LIST_FIELDS = frozenset(
    {
        "include",
        "timestamp_granularities",
        "languages",
        "keywords",
        "known_speaker_names",
        "known_speaker_references",
    }
)
# Objects in the form: the SDKs send `chunking_strategy[type]=server_vad` and so on.
OBJECT_FIELDS = frozenset({"chunking_strategy"})


class TranscriptionFormat(str, Enum):
    json = "json"
    text = "text"
    srt = "srt"
    verbose_json = "verbose_json"
    vtt = "vtt"
    diarized_json = "diarized_json"


class TranslationFormat(str, Enum):
    json = "json"
    text = "text"
    srt = "srt"
    verbose_json = "verbose_json"
    vtt = "vtt"


class Include(str, Enum):
    logprobs = "logprobs"


class Granularity(str, Enum):
    word = "word"
    segment = "segment"


class VadConfig(BaseModel):
    """`chunking_strategy` as an object: server VAD with its settings (form text, read laxly
    like every field of the form)."""

    model_config = ConfigDict(extra="forbid")
    type: Literal["server_vad"]
    prefix_padding_ms: int | None = None
    silence_duration_ms: int | None = None
    threshold: float | None = None


class _Form(BaseModel):
    file: AudioFile
    model: str
    prompt: str | None = None
    temperature: float = 0.0


class TranslationForm(_Form):
    response_format: TranslationFormat = TranslationFormat.json


class TranscriptionForm(_Form):
    response_format: TranscriptionFormat = TranscriptionFormat.json
    language: str | None = None
    include: list[Include] = []
    timestamp_granularities: list[Granularity] = [Granularity.segment]
    stream: bool | None = None
    chunking_strategy: Literal["auto"] | VadConfig | None = None
    languages: list[str] | None = None
    keywords: list[str] | None = None
    # Diarization (gpt-4o-transcribe-diarize): accepted, no speakers are told apart.
    known_speaker_names: list[str] | None = Field(None, max_length=4)
    known_speaker_references: list[str] | None = Field(None, max_length=4)
