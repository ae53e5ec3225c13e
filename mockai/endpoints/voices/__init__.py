"""Custom voices: `/v1/audio/voice_consents` (upload a consent recording; list, retrieve,
rename, delete consents) and `POST /v1/audio/voices` (make a voice from an audio sample and a
consent), the voice then accepted by `/v1/audio/speech` as `voice: {"id": "voice_..."}`.

The recordings are checked as the description and the custom voices guide say: at most
10 MiB, audio in one of the listed formats (read from its bytes), an audio sample of at most
30 seconds, 20 voices per organization; a voice names a consent the caller made. Neither the
consent phrase nor the likeness of the two voices is checked (there is no speech recognition).
The consents and voices live in `mockai.toolkit.voices`, where the speech route finds them.
"""

from __future__ import annotations

from mockai.endpoints import Route

ROUTES = [
    Route(
        "POST", "/audio/voice_consents", "handlers.create_consent", scenario="audio.voice_consents"
    ),
    Route(
        "GET", "/audio/voice_consents", "handlers.list_consents", scenario="audio.voice_consents"
    ),
    Route(
        "GET",
        "/audio/voice_consents/{consent_id}",
        "handlers.retrieve_consent",
        scenario="audio.voice_consents",
    ),
    Route(
        "POST",
        "/audio/voice_consents/{consent_id}",
        "handlers.update_consent",
        scenario="audio.voice_consents",
    ),
    Route(
        "DELETE",
        "/audio/voice_consents/{consent_id}",
        "handlers.delete_consent",
        scenario="audio.voice_consents",
    ),
    Route("POST", "/audio/voices", "handlers.create_voice", scenario="audio.voices"),
]
