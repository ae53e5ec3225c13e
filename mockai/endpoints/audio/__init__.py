"""Audio: `POST /v1/audio/speech` (text to playable audio), `/v1/audio/transcriptions` and
`/v1/audio/translations` (an uploaded file to text)."""

from __future__ import annotations

from mockai.endpoints import Route

ROUTES = [
    Route("POST", "/audio/speech", "speech.create", scenario="audio.speech"),
    Route(
        "POST",
        "/audio/transcriptions",
        "transcripts.transcriptions",
        scenario="audio.transcriptions",
    ),
    Route("POST", "/audio/translations", "transcripts.translations", scenario="audio.translations"),
]
