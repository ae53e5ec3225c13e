"""The Realtime API: its WebSocket, `GET /v1/realtime?model=...` upgraded
(`client.realtime.connect()`; `socket.py`, `events.py`, `session.py`, `turn.py`, `render.py`,
`listening.py`, `audio.py`), with its GA interface and the server events a session causes in the
real order (a client still sending `OpenAI-Beta: realtime=v1` gets what the real API now sends
it: one `error` event, `beta_api_shape_disabled`, and a close with code 4000); and its HTTP
routes (`secrets.py`, `sessions.py`, `calls.py`): ephemeral client secrets
(`POST /v1/realtime/client_secrets`, its translation twin, and the beta `/realtime/sessions` and
`/realtime/transcription_sessions`, whose answers carry one as `client_secret`) and the
WebRTC/SIP calls (`POST /v1/realtime/calls` with an SDP offer, then accept, reject, refer and
hang up), kept per session.

Reproduced from the API reference and the Realtime guides: an `ek_` key lives
`expires_after.seconds` (10 to 7200, 600 by default; the beta routes' keys a minute) and opens
only the Realtime socket and `POST /v1/realtime/calls` (the middleware checks it); the call id
comes back in `Location: /v1/realtime/calls/rtc_...` (the server-controls guide).
"""

from __future__ import annotations

from mockai.endpoints import Route

ROUTES = [
    Route(
        "GET", "/realtime", "socket.connect", scenario="realtime", also=("realtime.transcription",)
    ),
    Route(
        "POST",
        "/realtime/client_secrets",
        "secrets.create_client_secret",
        scenario="realtime.client_secrets",
    ),
    Route(
        "POST",
        "/realtime/translations/client_secrets",
        "secrets.create_translation_client_secret",
        scenario="realtime.client_secrets",
    ),
    Route("POST", "/realtime/sessions", "secrets.create_session", scenario="realtime.sessions"),
    Route(
        "POST",
        "/realtime/transcription_sessions",
        "secrets.create_transcription_session",
        scenario="realtime.transcription_sessions",
    ),
    Route("POST", "/realtime/calls", "calls.create", scenario="realtime.calls"),
    Route("POST", "/realtime/calls/{call_id}/accept", "calls.accept"),
    Route("POST", "/realtime/calls/{call_id}/reject", "calls.reject"),
    Route("POST", "/realtime/calls/{call_id}/refer", "calls.refer"),
    Route("POST", "/realtime/calls/{call_id}/hangup", "calls.hangup"),
]
