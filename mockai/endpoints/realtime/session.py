"""One Realtime connection's state: its session configuration (what `session.created` and
`session.updated` show) and its conversation (items in order, the input audio buffer), bounded.

The session object follows real `session.created` events (defaults: audio out, PCM at 24 kHz,
server VAD, voice `alloy`, `max_output_tokens: "inf"`); it lives as long as its connection, like
the real one, so nothing here is kept per `X-Mockai-Session`.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from typing import Any

from mockai import ids, vad
from mockai.endpoints.realtime import audio
from mockai.endpoints.realtime.events import Item
from mockai.endpoints.realtime.request import SessionConfig
from mockai.endpoints.realtime.sessions import (
    BASIC_VAD,
    DEFAULT_INSTRUCTIONS,
    DEFAULT_VOICE,
    PCM,
    SERVER_VAD,
)
from mockai.errors import invalid_request
from mockai.tokenizer import Tokenizer

MAX_ITEMS = 1024  # beyond, the oldest items leave the conversation (the real API truncates too)
SESSION_SECONDS = 60 * 60  # a session's `expires_at`: the real API's 60-minute session limit


def new_id(prefix: str) -> str:
    """Realtime ids: `event_`, `sess_`, `resp_`, `item_`, `conv_` + 21 alphanumerics."""
    return ids.realtime_id(prefix)


def default_config(kind: str, model: str) -> dict[str, Any]:
    expires = int(time.time()) + SESSION_SECONDS
    if kind == "transcription":  # its turn detection has no response to create or interrupt
        audio_input = {"format": dict(PCM), "turn_detection": dict(BASIC_VAD)}
        return {
            "type": "transcription",
            "object": "realtime.transcription_session",
            "id": new_id("sess_"),
            "expires_at": expires,
            "audio": {"input": audio_input},
        }
    audio_input = {"format": dict(PCM), "turn_detection": dict(SERVER_VAD)}
    return {
        "type": "realtime",
        "object": "realtime.session",
        "id": new_id("sess_"),
        "model": model,
        "output_modalities": ["audio"],
        "instructions": DEFAULT_INSTRUCTIONS,
        "tools": [],
        "tool_choice": "auto",
        "max_output_tokens": "inf",
        "tracing": None,
        "truncation": "auto",
        "expires_at": expires,
        "audio": {
            "input": audio_input,
            "output": {"format": dict(PCM), "voice": DEFAULT_VOICE, "speed": 1.0},
        },
    }


def _merged(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """`audio` settings update key by key (`audio.output.voice` alone keeps the format)."""
    out = dict(old)
    for key, value in new.items():
        out[key] = (
            _merged(out[key], value)
            if isinstance(value, dict) and isinstance(out.get(key), dict) and key != "format"
            else value
        )
    return out


def item_not_found(item_id: str, param: str = "item_id") -> Exception:
    return invalid_request(f"Item with item_id not found: {item_id}", param, "item_not_found")


class Session:
    """The session configuration and the conversation of one connection."""

    def __init__(self, kind: str, model: str) -> None:
        self.config = default_config(kind, model)
        self.conversation_id = new_id("conv_")
        self.items: OrderedDict[str, dict[str, Any]] = OrderedDict()
        self.audio_bytes = 0  # in the input buffer; only its length is kept
        self.pending_item: str | None = None  # the id the buffer's user item will have
        self._detector: vad.Detector | None = None

    @property
    def kind(self) -> str:
        return str(self.config["type"])

    def update(self, update: SessionConfig) -> None:
        if update.type != self.kind:
            raise invalid_request(
                f"Cannot update a session's type from '{self.kind}' to '{update.type}'.",
                "session.type",
                "invalid_value",
            )
        fields = update.model_dump(exclude_unset=True, exclude={"type", "model"})
        self.config = _merged(self.config, fields)
        self._detector = None  # the turn detection may have changed

    def configure(self, given: dict[str, Any]) -> None:
        """Take the settings of a session object made over HTTP (an ephemeral key's), keeping
        this connection's own id, object and expiry."""
        own = {"id", "object", "expires_at", "type", "client_secret"}
        fields = {k: v for k, v in given.items() if k in self.config and k not in own}
        self.config = _merged(self.config, fields)
        self._detector = None

    def turn_detection(self) -> dict[str, Any] | None:
        found = self.config.get("audio", {}).get("input", {}).get("turn_detection")
        return found if isinstance(found, dict) else None

    def detector(self) -> vad.Detector | None:
        """Server VAD over the input buffer, when the session's turn detection asks for it."""
        config = self.turn_detection()
        if config is None or config.get("type") not in ("server_vad", "semantic_vad"):
            return None
        if self._detector is None:
            self._detector = vad.from_turn_detection(config)
        return self._detector

    def pending_id(self) -> str:
        """The id the input buffer's user item will have once committed."""
        if self.pending_item is None:
            self.pending_item = new_id("item_")
        return self.pending_item

    def input_format(self) -> dict[str, Any] | None:
        return self.config.get("audio", {}).get("input", {}).get("format")

    # -- the conversation ---------------------------------------------------------------
    def previous(self, item_id: str | None = None) -> str | None:
        """The id of the item before `item_id`, or of the last item when None."""
        keys = list(self.items)
        if item_id is None:
            return keys[-1] if keys else None
        at = keys.index(item_id)
        return keys[at - 1] if at else None

    def add(self, item: dict[str, Any], after: str | None = None) -> str | None:
        """Add `item` (after `after`, else last); returns the id of the item before it."""
        if after is not None and after not in self.items:
            raise item_not_found(after, "previous_item_id")
        if item["id"] in self.items:
            raise invalid_request(
                f"Item with id '{item['id']}' already exists.", "item.id", "item_already_exists"
            )
        self.items[item["id"]] = item
        if after is not None:
            for key in list(self.items)[list(self.items).index(after) + 1 : -1]:
                self.items.move_to_end(key)
        while len(self.items) > MAX_ITEMS:
            self.items.popitem(last=False)
        return self.previous(item["id"])

    def get(self, item_id: str) -> dict[str, Any]:
        found = self.items.get(item_id)
        if found is None:
            raise item_not_found(item_id)
        return found

    def delete(self, item_id: str) -> None:
        self.get(item_id)
        del self.items[item_id]

    def truncate(self, item_id: str, content_index: int, audio_end_ms: int) -> None:
        """An assistant's audio cut where the user stopped hearing it: its transcript goes."""
        item = self.get(item_id)
        content = item.get("content") or []
        if item.get("role") != "assistant" or content_index >= len(content):
            raise invalid_request(
                "Only assistant messages with audio content can be truncated.",
                "content_index",
                "invalid_value",
            )
        part = content[content_index]
        said = int(item.get("_audio_ms", 0))
        if part.get("type") != "output_audio" or audio_end_ms > said:
            raise invalid_request(
                f"Audio content of {said}ms is shorter than {audio_end_ms}ms.",
                "audio_end_ms",
                "invalid_value",
            )
        content[content_index] = {"type": "output_audio", "transcript": ""}

    def commit_audio(self) -> dict[str, Any]:
        """The user message the input buffer becomes (buffer emptied), or the real error for
        a buffer under 100 ms."""
        ms = audio.duration_ms(self.audio_bytes, self.input_format())
        if ms < 100:
            raise invalid_request(
                "Error committing input audio buffer: buffer too small. Expected at least "
                f"100ms of audio, but buffer only has {ms:.2f}ms of audio.",
                None,
                "input_audio_buffer_commit_empty",
            )
        tokens = audio.input_tokens(self.audio_bytes, self.input_format())
        self.audio_bytes = 0
        item = conversation_item(Item(type="message", role="user", content=[]))
        item["id"] = self.pending_id()
        self.pending_item = None
        item["content"] = [{"type": "input_audio"}]
        item["_audio_tokens"] = tokens
        return item


def conversation_item(item: Item) -> dict[str, Any]:
    """An item as the conversation holds and echoes it: id, `object`, `status` filled in.
    Input audio is kept as its token count, not its bytes."""
    out: dict[str, Any] = {
        "id": item.id or new_id("item_"),
        "object": "realtime.item",
        "type": item.type,
        "status": "completed",
    }
    if item.type == "message":
        out["role"] = item.role
        parts = []
        audio_tokens = 0
        for part in item.content or ():
            shown = part.model_dump(exclude_none=True, exclude={"audio"})
            if part.type == "input_audio" and part.audio is not None:
                audio_tokens += audio.input_tokens(len(part.audio) * 3 // 4, None)
            parts.append(shown)
        out["content"] = parts
        if audio_tokens:
            out["_audio_tokens"] = audio_tokens
    elif item.type == "function_call":
        out.update(
            call_id=item.call_id or new_id("call_"), name=item.name, arguments=item.arguments
        )
    else:
        out.update(call_id=item.call_id, output=item.output)
    return out


def shown(item: dict[str, Any]) -> dict[str, Any]:
    """An item as events show it (without mockai's own bookkeeping keys)."""
    return {k: v for k, v in item.items() if not k.startswith("_")}


def item_text(item: dict[str, Any]) -> str:
    parts = item.get("content") or []
    return "\n".join(p.get("text") or p.get("transcript") or "" for p in parts).strip()


def input_tokens(items: list[dict[str, Any]], instructions: str, tok: Tokenizer) -> dict[str, int]:
    """What the model reads for a response: text (instructions, messages, calls and outputs)
    and audio tokens."""
    text = tok.count(instructions) if instructions else 0
    sound = 0
    for item in items:
        text += 4 + tok.count(item_text(item))  # the message framing, as in chat's count
        text += tok.count(item.get("arguments") or "") + tok.count(item.get("output") or "")
        sound += item.get("_audio_tokens", 0)
    return {"text_tokens": text, "audio_tokens": sound, "image_tokens": 0}
