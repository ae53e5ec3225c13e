"""The video object as the job stands when read, the deletion object and a character."""

from __future__ import annotations

from typing import Any

from mockai.endpoints.videos.state import KEPT_S, StoredVideo


def video(stored: StoredVideo) -> dict[str, Any]:
    phase = stored.phase()
    completed = phase.status == "completed"
    ended = phase.status in ("completed", "failed")
    return {
        "id": stored.id,
        "object": "video",
        "created_at": int(stored.created),
        "status": phase.status,
        "completed_at": stored.finished_at if ended else None,
        "error": stored.failure if phase.status == "failed" else None,
        "expires_at": stored.finished_at + KEPT_S if completed and stored.finished_at else None,
        "model": stored.model,
        "progress": stored.progress(phase),
        "prompt": stored.prompt,
        "remixed_from_video_id": stored.remixed_from,
        "seconds": str(stored.seconds),
        "size": stored.size,
    }


def deleted(video_id: str) -> dict[str, Any]:
    return {"id": video_id, "object": "video.deleted", "deleted": True}


def character(character_id: str, name: str, created_at: int) -> dict[str, Any]:
    return {"id": character_id, "name": name, "created_at": created_at}
