"""The handlers of this family's routes (see the package's docstring): a consent's create,
list, retrieve, update and delete, and a voice's create; imported on the family's first
request. A scenario naming `audio.voice_consents` or `audio.voices` answers them
(`answer_if_targeted`)."""

from __future__ import annotations

from typing import Any

from aiohttp import web

from mockai.endpoints.voices.render import deleted_consent
from mockai.endpoints.voices.request import (
    MAX_SAMPLE_SECONDS,
    MAX_VOICES,
    ConsentForm,
    UpdateVoiceConsent,
    VoiceForm,
    check_language,
    check_recording,
    read_upload,
    too_many_voices,
)
from mockai.toolkit import voices
from mockai.toolkit.http import json_response, read_body
from mockai.toolkit.pagination import page
from mockai.toolkit.scripted import answer_if_targeted
from mockai.toolkit.state import exchange_of, state_of

CONSENTS = "audio.voice_consents"
VOICES = "audio.voices"


def _consent(request: web.Request) -> dict[str, Any]:
    return voices.find_consent(request, request.match_info["consent_id"])


async def create_consent(request: web.Request) -> web.Response:
    form, upload = await read_upload(request, ConsentForm, "recording")
    if not state_of(request).settings.lenient:  # the real API's rules, not the description's
        check_language(form.language)
        await check_recording(upload, "recording")
    await answer_if_targeted(
        request, CONSENTS, exchange_of(request).body, file_name=upload.filename
    )
    consent = voices.new_consent(form.name, form.language)
    voices.keep(request, voices.CONSENTS, consent)
    return json_response(consent)


async def list_consents(request: web.Request) -> web.Response:
    made = list(state_of(request).store.values(exchange_of(request).session, voices.CONSENTS))
    listed = page(made, request, orderable=False)  # the description takes no `order`
    await answer_if_targeted(request, CONSENTS, dict(request.query))
    return json_response(listed)


async def retrieve_consent(request: web.Request) -> web.Response:
    consent = _consent(request)
    await answer_if_targeted(request, CONSENTS, {})
    return json_response(consent)


async def update_consent(request: web.Request) -> web.Response:
    consent = _consent(request)
    req, body = await read_body(request, UpdateVoiceConsent)
    await answer_if_targeted(request, CONSENTS, body)
    consent["name"] = req.name
    return json_response(consent)


async def delete_consent(request: web.Request) -> web.Response:
    consent = _consent(request)
    await answer_if_targeted(request, CONSENTS, {})
    state_of(request).store.delete(exchange_of(request).session, voices.CONSENTS, consent["id"])
    return json_response(deleted_consent(consent["id"]))


async def create_voice(request: web.Request) -> web.Response:
    form, upload = await read_upload(request, VoiceForm, "audio_sample")
    voices.find_consent(request, form.consent, param="consent")
    if not state_of(request).settings.lenient:  # the real API's rules, not the description's
        await check_recording(upload, "audio_sample", MAX_SAMPLE_SECONDS)
        if voices.count_voices(request) >= MAX_VOICES:
            raise too_many_voices()
    await answer_if_targeted(request, VOICES, exchange_of(request).body, file_name=upload.filename)
    voice = voices.new_voice(form.name)
    voices.keep(request, voices.VOICES, voice)
    return json_response(voice)
