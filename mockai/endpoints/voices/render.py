"""The voice consent deletion object, as the description declares it."""

from __future__ import annotations

from typing import Any


def deleted_consent(consent_id: str) -> dict[str, Any]:
    # The description's VoiceConsentDeletedResource (and the SDK's VoiceConsentDeleted): its
    # `object` is the consent's own, not a `.deleted` one.
    return {"id": consent_id, "object": "audio.voice_consent", "deleted": True}
