"""The Realtime API's WebSocket: `GET /v1/realtime?model=...` upgraded
(`client.realtime.connect()`), its GA interface (`session.update`, `conversation.item.*`,
`input_audio_buffer.*`, `response.create` / `.cancel`, `output_audio_buffer.clear`) and the
server events a session causes, in the real order. A client still sending `OpenAI-Beta:
realtime=v1` gets what the real API now sends it: the upgrade, one `error` event
(`beta_api_shape_disabled`) and a close with code 4000 (see `socket.py`)."""

from __future__ import annotations

from mockai.endpoints import Route

ROUTES = [
    Route("GET", "/realtime", "socket.connect", scenario="realtime"),
]
