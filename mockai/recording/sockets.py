"""A recorded Realtime WebSocket session turned into scenario material: each response the
server sent (from `response.created` to `response.done`, and the `rate_limits.updated` after it)
with the delays between its events, matched on what the client had said before it (the last
user text, the session's instructions and tools, the model)."""

from __future__ import annotations

from typing import Any

import orjson

from mockai.recording.capture import Captured
from mockai.recording.steps import Facts

Frame = tuple[str, str, float]  # side ("client" | "server"), text, ms since the session opened


def _json(text: str) -> dict[str, Any]:
    try:
        found = orjson.loads(text)
    except orjson.JSONDecodeError:
        return {}
    return found if isinstance(found, dict) else {}


def _user_text(item: dict[str, Any]) -> str | None:
    if item.get("type") != "message" or item.get("role") != "user":
        return None
    parts = item.get("content") or []
    texts = [p.get("text") or p.get("transcript") or "" for p in parts if isinstance(p, dict)]
    return "\n".join(t for t in texts if t) or None


def realtime_responses(frames: list[Frame], model: str | None) -> list[tuple[Facts, Captured]]:
    """Each response of the session, as the facts it matches on and its captured events."""
    found: list[tuple[Facts, Captured]] = []
    user, system = "", ""
    tools: tuple[str, ...] = ()
    current: Captured | None = None
    last_ms = 0.0
    for side, text, at_ms in frames:
        event = _json(text)
        kind = event.get("type")
        if side == "client":
            if kind == "conversation.item.create":
                user = _user_text(event.get("item") or {}) or user
            elif kind == "session.update":
                session = event.get("session") or {}
                system = session.get("instructions") or system
                names = [t.get("name") for t in session.get("tools") or [] if isinstance(t, dict)]
                tools = tuple(n for n in names if isinstance(n, str)) or tools
            continue
        if kind == "conversation.item.input_audio_transcription.completed":
            user = event.get("transcript") or user
        if kind == "response.created":
            current = Captured(200, [], events=[])
            found.append((Facts("realtime", model, user, system, tools), current))
            last_ms = at_ms
        if current is not None and current.events is not None:
            current.events.append({"data": text, "after_ms": round(max(at_ms - last_ms, 0.0), 1)})
            last_ms = at_ms
            if kind == "rate_limits.updated":
                current = None
    return found
