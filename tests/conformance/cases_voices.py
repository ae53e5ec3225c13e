"""Conformance cases of the voices family: voice consents and custom voices, each consent
made first through mockai's own routes with a real recording (`media.wav`)."""

from __future__ import annotations

from cases import Api, case
from media import wav

CONSENTS = "/v1/audio/voice_consents"


async def _consent(api: Api) -> str:
    form = {
        "name": "John Doe",
        "language": "en-US",
        "recording": ("consent_recording.wav", wav(3), "audio/x-wav"),
    }
    return (await api.made("POST", CONSENTS, form=form))["id"]


@case("createVoiceConsent")
async def _create_consent(api: Api):
    form = {
        "name": "Jane Roe",
        "language": "fr-FR",
        "recording": ("consentement.wav", wav(4), "audio/wav"),
    }
    return await api.send("POST", CONSENTS, form=form)


@case("listVoiceConsents")
async def _list(api: Api):
    await _consent(api)
    return await api.send("GET", CONSENTS, params={"limit": "20"})


@case("getVoiceConsent")
async def _retrieve(api: Api):
    return await api.send("GET", f"{CONSENTS}/{await _consent(api)}")


@case("updateVoiceConsent")
async def _update(api: Api):
    return await api.send("POST", f"{CONSENTS}/{await _consent(api)}", json={"name": "J. Doe"})


@case("deleteVoiceConsent")
async def _delete(api: Api):
    return await api.send("DELETE", f"{CONSENTS}/{await _consent(api)}")


@case("createVoice")
async def _create_voice(api: Api):
    form = {
        "name": "My new voice",
        "consent": await _consent(api),
        "audio_sample": ("audio_sample.wav", wav(6), "audio/x-wav"),
    }
    return await api.send("POST", "/v1/audio/voices", form=form)
