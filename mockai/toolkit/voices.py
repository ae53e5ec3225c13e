"""Custom voices and the consent recordings behind them, kept per session: what the voices
family manages, and what the speech route finds when a request names a custom voice
(`speaking_voice`).

Only the objects are kept, not the recordings (nothing reads them back), so a session's
voices cost a few hundred bytes each; `ObjectStore` bounds their count. A custom voice is
spoken by mockai's synthesis with one of the built-in voices, picked from its id: the same
custom voice always sounds the same, and two custom voices usually differ.
"""

from __future__ import annotations

import hashlib
import time
from typing import Any

from aiohttp import web

from mockai import ids
from mockai.store import Kind
from mockai.toolkit.lenient import generated
from mockai.toolkit.state import exchange_of, find_or_stand_in, state_of

# Not known from the real API: its 404s are worded like the newer APIs' ("... with id '...'
# not found.", Responses), naming the path parameter.
CONSENTS: Kind[dict[str, Any]] = Kind(
    "voice_consents", missing="Voice consent with id '{id}' not found.", param="consent_id"
)
VOICES: Kind[dict[str, Any]] = Kind("voices", missing="Voice with id '{id}' not found.")
# The built-in voices a custom one is spoken with (the description's `VoiceIdsShared`).
BUILT_IN = ("alloy", "ash", "ballad", "coral", "echo", "sage", "shimmer", "verse", "marin", "cedar")


def new_consent(name: str, language: str, consent_id: str | None = None) -> dict[str, Any]:
    """A VoiceConsentResource."""
    return {
        "object": "audio.voice_consent",
        "id": consent_id or ids.voice_consent_id(),
        "name": name,
        "language": language,
        "created_at": int(time.time()),
    }


def new_voice(name: str) -> dict[str, Any]:
    """A voice made from an audio sample: the SDK's `Voice` (and the real API) carry its
    `type`, which the shipped description's VoiceResource lacks."""
    return {
        "object": "audio.voice",
        "id": ids.voice_id(),
        "name": name,
        "type": "audio_sample",
        "created_at": int(time.time()),
    }


def _stand_in(request: web.Request, consent_id: str) -> dict[str, Any]:
    """`--lenient`'s consent for an id never made (see `toolkit.lenient`)."""
    made = generated(request, "getVoiceConsent", consent_id)
    return new_consent(
        str(made.get("name", "consent")), str(made.get("language", "en-US")), consent_id
    )


def find_consent(
    request: web.Request, consent_id: str, *, param: str | None = None
) -> dict[str, Any]:
    """The caller's consent `consent_id`, or the 404 (`param`: where the id was given, when not
    the route's `consent_id`); under `--lenient` one never made is made and kept."""
    return find_or_stand_in(
        state_of(request),
        exchange_of(request).session,
        CONSENTS,
        consent_id,
        lambda: _stand_in(request, consent_id),
        param=param,
    )


def keep(request: web.Request, kind: Kind[dict[str, Any]], body: dict[str, Any]) -> None:
    state_of(request).store.put(exchange_of(request).session, kind, body["id"], body)


def spoken_as(voice_id: str) -> str:
    """The built-in voice a custom voice is spoken with: the same one for the same id."""
    digest = hashlib.blake2b(voice_id.encode(), digest_size=4).digest()
    return BUILT_IN[int.from_bytes(digest, "big") % len(BUILT_IN)]


def speaking_voice(request: web.Request, voice_id: str) -> str:
    """The built-in voice that speaks the caller's custom voice `voice_id`, or the 404 naming
    `voice` for one the session never made (`--lenient`: any id is a voice)."""
    state = state_of(request)
    found = state.store.get(exchange_of(request).session, VOICES, voice_id)
    if found is None and not state.settings.lenient:
        raise VOICES.not_found(voice_id, "voice")
    return spoken_as(voice_id)


def count_voices(request: web.Request) -> int:
    return sum(1 for _ in state_of(request).store.values(exchange_of(request).session, VOICES))
