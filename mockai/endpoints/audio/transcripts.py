"""The handlers of `POST /v1/audio/transcriptions` and `/v1/audio/translations`: a multipart
upload in, the text of a scenario step (or a deterministic default) out, in the asked
response format.

Rules the real API applies, and mockai with it:
- The models each route serves are the catalog's (mockai.models); whisper-1 answers in every
  format, the gpt-4o transcription models in json or text only (`errors.incompatible_format`);
  translations take whisper-1 only.
- `stream: true` streams `transcript.text.*` events from the gpt-4o models; whisper-1 ignores
  it (the spec's own note, and openai/openai-dotnet#537).
- `timestamp_granularities` only shape verbose_json (words and/or segments, segments by
  default); `include: [logprobs]` adds logprobs to gpt-4o json bodies and stream events.
- json bodies carry `usage`: duration-billed for whisper-1, token-billed for gpt-4o models.
- The duration is read from a WAV upload; for other formats it is what the text takes to say.
"""

from __future__ import annotations

import math
from typing import Any

from aiohttp import web

from mockai import generation, speech, tokenizer
from mockai.endpoints.audio.errors import incompatible_format, validate_body
from mockai.endpoints.audio.render import LANGUAGES, Transcript, spoken_seconds
from mockai.endpoints.audio.request import (
    LIST_FIELDS,
    OBJECT_FIELDS,
    Granularity,
    Include,
    TranscriptionForm,
    TranslationForm,
    check_extension,
    digest,
    read_form,
    wav_seconds,
)
from mockai.models import Model, capabilities
from mockai.scenarios.call import Call
from mockai.streaming.pacing import Pacing
from mockai.toolkit.http import json_response, send_stream
from mockai.toolkit.scripted import answer_step, with_error_frame
from mockai.toolkit.state import exchange_of, state_of
from mockai.usage import Metered
from mockai.vocabulary import Step

TEXT_TYPE = "text/plain"


def _whisper(model: Model) -> bool:
    """whisper-1 (or a configured model based on it): the one model that also translates,
    and the one answering in every format; the gpt-4o transcription models answer in json or
    text, stream, and bill tokens."""
    return "audio.translations" in model.served_by


def _default_text(
    seed: int, endpoint: str, fields: dict[str, Any], file_digest: str, seconds: float | None
) -> str:
    """What the upload says when no scenario step does: as many words as its length holds,
    or a paragraph when its length is unknown."""
    rng = generation.rng_for(seed, endpoint, {**fields, "file": file_digest})
    if seconds is None:
        return generation.text(rng)
    return speech.sample_transcript(rng, seconds)


async def _answer(
    request: web.Request, endpoint: str, form_type: type[TranslationForm] | type[TranscriptionForm]
) -> web.StreamResponse:
    state = state_of(request)
    exchange = exchange_of(request)
    fields, file = await read_form(request, LIST_FIELDS, OBJECT_FIELDS)
    form = validate_body(form_type, {**fields, **({"file": file} if file is not None else {})})
    translating = form_type is TranslationForm
    model = state.models.resolve(form.model, lenient=state.settings.lenient)
    capabilities.check_endpoint(model, endpoint)  # per-model capabilities (mockai.models)
    whisper = _whisper(model)
    fmt = form.response_format.value
    if not state.settings.lenient:  # the real API's rules: any file and format pass leniently
        if fmt == "diarized_json" or (not whisper and fmt not in ("json", "text")):
            raise incompatible_format(fmt, form.model)
        check_extension(form.file)
    language = None if isinstance(form, TranslationForm) else form.language
    streaming = not whisper and bool(getattr(form, "stream", False))

    call = Call(
        endpoint,
        fields,
        request.headers,
        exchange.session,
        model=form.model,
        last_user_message=form.prompt or "",
        file_name=form.file.filename,
        language=language,
    )
    step: Step | None = await answer_step(request, call, streaming=streaming)
    seconds = wav_seconds(form.file)
    chunks = (
        [c.text for c in step.stream.chunks]
        if step is not None and step.stream is not None and step.stream.chunks
        else None
    )
    if chunks is not None:
        text = "".join(chunks)
    elif step is not None and step.content is not None:
        text = step.content
    else:
        text = _default_text(state.settings.seed, endpoint, fields, digest(form.file), seconds)
    tok = await tokenizer.encoding("o200k_base")
    exchange.tokens = tok.count(form.prompt) if form.prompt else 0
    transcript = Transcript(
        text=text,
        duration=seconds if seconds is not None else spoken_seconds(text),
        language="english"
        if translating
        else LANGUAGES.get((language or "en").lower(), language or "english"),
        task="translate" if translating else "transcribe",
        tok=tok,
        rng=generation.rng_for(state.settings.seed, endpoint + ".meta", fields),
    )
    # Transcribed and translated audio alike count as seconds of audio, whole ones.
    exchange.billed = Metered(
        "audio_transcriptions", model.served_as, seconds=math.ceil(transcript.duration)
    )
    logprobs = not whisper and Include.logprobs in getattr(form, "include", [])
    usage = transcript.token_usage(form.prompt) if not whisper else transcript.duration_usage()

    if streaming:
        pacing = Pacing.from_spec(step.stream if step is not None else None)
        deltas = (
            chunks
            if chunks is not None
            else [
                "".join(pieces[i : i + pacing.chunk_tokens])
                for pieces in [tok.pieces(text)]
                for i in range(0, len(pieces), pacing.chunk_tokens)
            ]
        )
        frames = transcript.frames(deltas, logprobs=logprobs, usage=usage)
        return await send_stream(
            request,
            with_error_frame(frames, step, exchange.request_id),
            pacing,
            transcript.rng,
            done=None,
        )
    if fmt == "text":
        return web.Response(text=text + "\n", content_type=TEXT_TYPE)
    if fmt == "srt":
        return web.Response(text=transcript.srt(), content_type=TEXT_TYPE)
    if fmt == "vtt":
        return web.Response(text=transcript.vtt(), content_type=TEXT_TYPE)
    if fmt == "verbose_json":
        granularities = set(getattr(form, "timestamp_granularities", [Granularity.segment]))
        return json_response(
            transcript.verbose(
                words=Granularity.word in granularities,
                segments=Granularity.segment in granularities or translating,
                usage=not translating,
            )
        )
    body: dict[str, Any] = {"text": text}
    if logprobs:
        body["logprobs"] = transcript.logprobs(tok.pieces(text))
    if not translating:
        body["usage"] = usage
    return json_response(body)


async def transcriptions(request: web.Request) -> web.StreamResponse:
    return await _answer(request, "audio.transcriptions", TranscriptionForm)


async def translations(request: web.Request) -> web.StreamResponse:
    return await _answer(request, "audio.translations", TranslationForm)
