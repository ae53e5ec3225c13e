"""The voice routes' bodies: the consent and voice upload forms (their fields, and the checks
on the recording: size, audio format by its bytes, duration), the consent update, the language
tag and the number of voices a session may have.

What the description and the custom voices guide state is checked: a recording of at most
10 MiB in one of the listed formats, an audio sample of at most 30 seconds, 20 voices per
organization. The real API's wordings for breaking these are not known: mockai words them in
the real API's style, naming the field in `param`. `--lenient` checks only the description's
constraints (any file, any language).
"""

from __future__ import annotations

import asyncio
import re
from typing import Literal, TypeVar

from aiohttp import web
from pydantic import BaseModel, ConfigDict

from mockai import audioclip
from mockai.errors import APIError, invalid_request, missing_parameter
from mockai.toolkit.multipart import Form, Upload, read_form
from mockai.toolkit.state import state_of
from mockai.validation import validate

M = TypeVar("M", bound=BaseModel)
CLOSED = ConfigDict(extra="forbid", strict=True)

MAX_BYTES = 10 * 1024 * 1024  # "Maximum size is 10 MiB" (the description, both recordings)
MIME_TYPES = (  # the description's list, for both recordings
    "audio/mpeg",
    "audio/wav",
    "audio/x-wav",
    "audio/ogg",
    "audio/aac",
    "audio/flac",
    "audio/webm",
    "audio/mp4",
)
MAX_SAMPLE_SECONDS = 30.0  # the custom voices guide: "Audio samples must be 30 seconds or less"
# Not from the real API: mockai's floor, as neither a consent phrase nor a voice to replicate
# fits in less than a second (an empty or near-empty file is refused).
MIN_SECONDS = 1.0
MAX_VOICES = 20  # the custom voices guide: at most 20 voices per organization
# A well-formed BCP 47 tag: a 2-3 letter language, then subtags (region, script, variant).
_BCP47 = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")


class ConsentForm(BaseModel):
    """`POST /audio/voice_consents`'s text fields (its `recording` is the file part)."""

    model_config = CLOSED
    name: str
    language: str


class VoiceForm(BaseModel):
    """`POST /audio/voices`'s text fields (its `audio_sample` is the file part). `type` is the
    official SDK's (`audio_sample`, the default), which the shipped description lacks."""

    model_config = CLOSED
    name: str
    consent: str
    type: Literal["audio_sample"] | None = None


class UpdateVoiceConsent(BaseModel):
    model_config = CLOSED
    name: str


def _too_large(form: Form, name: str, read: int) -> APIError:
    return invalid_request(
        f"Invalid file '{name}': the file is larger than the maximum of 10 MiB.", name
    )


async def read_upload(request: web.Request, model: type[M], file: str) -> tuple[M, Upload]:
    """The upload form's fields and its file part `file`, or the 400 for the first problem:
    a body that is not a form, a field missing or unknown, no file, text sent as the file, a
    file over 10 MiB; under `--lenient` only a missing field or file."""
    lenient = state_of(request).settings.lenient
    form = await read_form(
        request,
        files=frozenset({file}),
        limit=MAX_BYTES,
        too_large=_too_large,
        multipart_only=True,
        unknown_files=lenient,
    )
    fields = validate(model, dict(form.fields), unknown_parameter=True, lenient=lenient)
    upload = form.upload(file)
    if upload is None:
        raise missing_parameter(file)
    if upload.filename is None and not lenient:
        raise invalid_request(
            f"Invalid type for '{file}': expected a file, but got a string instead.",
            file,
            "invalid_type",
        )
    return fields, upload


async def check_recording(upload: Upload, field: str, max_seconds: float | None = None) -> None:
    """The recording must be audio in a listed format (by its bytes, whatever its name or
    declared type), at least `MIN_SECONDS` long and at most `max_seconds`; read in a thread."""
    clip = await asyncio.to_thread(audioclip.probe, upload.data, field)
    if clip is None:
        raise invalid_request(
            f"Invalid file format for '{field}'. Supported MIME types: {', '.join(MIME_TYPES)}.",
            field,
            "invalid_value",
        )
    if clip.seconds < MIN_SECONDS:
        raise invalid_request(
            f"The audio in '{field}' is too short ({clip.seconds:.1f} seconds). It must be at "
            f"least {MIN_SECONDS:g} second long.",
            field,
            "invalid_value",
        )
    if max_seconds is not None and clip.seconds > max_seconds:
        raise invalid_request(
            f"The audio in '{field}' is too long ({clip.seconds:.1f} seconds). It must be at "
            f"most {max_seconds:g} seconds long.",
            field,
            "invalid_value",
        )


def check_language(language: str) -> None:
    if _BCP47.fullmatch(language) is None:
        raise invalid_request(
            f"Invalid 'language': '{language}' is not a valid BCP 47 language tag (for "
            "example, 'en-US').",
            "language",
            "invalid_value",
        )


def too_many_voices() -> APIError:
    return invalid_request(
        f"You have reached the maximum number of custom voices ({MAX_VOICES}) for your "
        "organization."
    )
