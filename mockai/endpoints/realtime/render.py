"""The server events of one Realtime response, in the real order: `response.created`; per
output item `response.output_item.added`, `conversation.item.added`, its content part or call
arguments (text or audio transcript and audio deltas), the `.done`s, `response.output_item.done`
and `conversation.item.done`; then `response.done` with its usage. An out-of-band response
(`conversation: "none"`) has no `conversation.item.*` events and no `conversation_id`.

Events come without `event_id` (the connection numbers what it sends); each is paired with
whether it is a delta, the unit a scenario's pacing and chunk counts apply to.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from mockai.endpoints.realtime import audio
from mockai.endpoints.realtime.session import new_id, shown
from mockai.endpoints.realtime.sessions import DEFAULT_VOICE
from mockai.replies import Outcome
from mockai.tokenizer import Tokenizer
from mockai.vocabulary import Usage

Event = dict[str, Any]


@dataclass
class ResponseRender:
    """One response: what it was asked (modalities, audio, metadata...) and what it says."""

    outcome: Outcome
    tok: Tokenizer
    modalities: list[str]
    audio_output: dict[str, Any]  # {"format": ..., "voice": ...}
    conversation_id: str | None  # None: out of band
    max_output_tokens: int | str
    metadata: dict[str, str] | None
    input_tokens: dict[str, int]  # text_tokens, audio_tokens, image_tokens
    usage_override: Usage | None
    chunk_tokens: int = 1
    seed: int = 0  # the voice's (`--seed`)
    id: str = field(default_factory=lambda: new_id("resp_"))
    output: list[dict[str, Any]] = field(default_factory=list)  # items as they are so far
    said: str = ""  # text or transcript sent so far
    audio_ms: float = 0.0  # output audio sent so far

    @property
    def spoken(self) -> bool:
        return "audio" in self.modalities

    def response(self, status: str, details: dict[str, Any] | None = None) -> dict[str, Any]:
        """The RealtimeResponse object. Real events carry `status_details: null` and `usage:
        null` while in progress; the description has neither nullable, so they are left out
        until they have a value."""
        body: dict[str, Any] = {
            "object": "realtime.response",
            "id": self.id,
            "status": status,
            "output": [shown(item) for item in self.output],
            "output_modalities": self.modalities,
            "max_output_tokens": self.max_output_tokens,
            "audio": {"output": self.audio_output},
            "metadata": self.metadata,
        }
        if details is not None:
            body["status_details"] = details
        if status != "in_progress":
            body["usage"] = self.usage()
        if self.conversation_id is not None:
            body["conversation_id"] = self.conversation_id
        return body

    def created(self) -> Event:
        return {"type": "response.created", "response": self.response("in_progress")}

    def done(self, status: str, details: dict[str, Any] | None = None) -> Event:
        for item in self.output:
            if item["status"] == "in_progress":
                item["status"] = "incomplete"
        return {"type": "response.done", "response": self.response(status, details)}

    def usage(self) -> dict[str, Any]:
        override = self.usage_override or Usage()
        text_in = self.input_tokens["text_tokens"]
        if override.prompt_tokens is not None:
            text_in = override.prompt_tokens
        audio_in = self.input_tokens["audio_tokens"]
        cached = min(override.cached_tokens or 0, text_in + audio_in)
        complete = all(item["status"] == "completed" for item in self.output)
        text_out = self.outcome.completion_tokens if complete else self.tok.count(self.said)
        if override.completion_tokens is not None:
            text_out = override.completion_tokens
        audio_out = audio.output_tokens(self.audio_ms) if self.spoken else 0
        total_in = text_in + audio_in + self.input_tokens["image_tokens"]
        return {
            "total_tokens": total_in + text_out + audio_out,
            "input_tokens": total_in,
            "output_tokens": text_out + audio_out,
            "input_token_details": {
                "text_tokens": text_in,
                "audio_tokens": audio_in,
                "image_tokens": self.input_tokens["image_tokens"],
                "cached_tokens": cached,
                "cached_tokens_details": {
                    "text_tokens": min(cached, text_in),
                    "audio_tokens": max(cached - text_in, 0),
                    "image_tokens": 0,
                },
            },
            "output_token_details": {"text_tokens": text_out, "audio_tokens": audio_out},
        }

    # -- the output items ---------------------------------------------------------------
    def _added(self, item: dict[str, Any], previous: str | None) -> Iterator[tuple[Event, bool]]:
        self.output.append(item)
        index = len(self.output) - 1
        yield (
            {
                "type": "response.output_item.added",
                "response_id": self.id,
                "output_index": index,
                "item": shown(item),
            },
            False,
        )
        if self.conversation_id is not None:
            yield (
                {
                    "type": "conversation.item.added",
                    "previous_item_id": previous,
                    "item": shown(item),
                },
                False,
            )

    def _done(self, item: dict[str, Any], previous: str | None) -> Iterator[tuple[Event, bool]]:
        item["status"] = "completed"
        yield (
            {
                "type": "response.output_item.done",
                "response_id": self.id,
                "output_index": self.output.index(item),
                "item": shown(item),
            },
            False,
        )
        if self.conversation_id is not None:
            yield (
                {
                    "type": "conversation.item.done",
                    "previous_item_id": previous,
                    "item": shown(item),
                },
                False,
            )

    def _pieces(self, text: str, exact: bool = False) -> list[str]:
        """The deltas of `text`: a scenario's exact `chunks`, else `chunk_tokens` tokens each."""
        chunks = self.outcome.reply.chunks
        if exact and chunks is not None:
            return [c for c in chunks if c]
        pieces = self.tok.pieces(text)
        step = max(self.chunk_tokens, 1)
        return ["".join(pieces[i : i + step]) for i in range(0, len(pieces), step)]

    def message(self, previous: str | None) -> Iterator[tuple[Event, bool]]:
        """The assistant's message: output text, or audio with its transcript."""
        text = self.outcome.reply.content or self.outcome.reply.refusal or ""
        item: dict[str, Any] = {
            "id": new_id("item_"),
            "object": "realtime.item",
            "type": "message",
            "status": "in_progress",
            "role": "assistant",
            "content": [],
        }
        yield from self._added(item, previous)
        where = {
            "response_id": self.id,
            "item_id": item["id"],
            "output_index": len(self.output) - 1,
            "content_index": 0,
        }
        kind = "output_audio_transcript" if self.spoken else "output_text"
        empty = {"type": "audio", "transcript": ""} if self.spoken else {"type": "text", "text": ""}
        yield {"type": "response.content_part.added", **where, "part": empty}, False
        voice = str(self.audio_output.get("voice") or DEFAULT_VOICE)
        fmt = self.audio_output.get("format")
        sounds = audio.spoken(text, fmt, voice, self.seed) if self.spoken else []
        pieces = self._pieces(text, exact=True)
        for index, piece in enumerate(pieces):
            self.said += piece
            yield {"type": f"response.{kind}.delta", **where, "delta": piece}, True
            if index < len(sounds):
                self.audio_ms += audio.payload_ms(sounds[index], fmt)
                yield {"type": "response.output_audio.delta", **where, "delta": sounds[index]}, True
        for sound in sounds[len(pieces) :]:
            self.audio_ms += audio.payload_ms(sound, fmt)
            yield {"type": "response.output_audio.delta", **where, "delta": sound}, True
        if self.spoken:
            yield {"type": "response.output_audio.done", **where}, False
            yield {"type": f"response.{kind}.done", **where, "transcript": text}, False
            part = {"type": "audio", "transcript": text}
            item["content"] = [{"type": "output_audio", "transcript": text}]
            item["_audio_ms"] = int(self.audio_ms)  # what a truncation may cut
        else:
            yield {"type": f"response.{kind}.done", **where, "text": text}, False
            part = {"type": "text", "text": text}
            item["content"] = [{"type": "output_text", "text": text}]
        yield {"type": "response.content_part.done", **where, "part": part}, False
        yield from self._done(item, previous)

    def calls(self, previous: str | None) -> Iterator[tuple[Event, bool]]:
        """The function calls, one output item each, their arguments streamed."""
        for call in self.outcome.reply.tool_calls:
            item = {
                "id": new_id("item_"),
                "object": "realtime.item",
                "type": "function_call",
                "status": "in_progress",
                "name": call.name,
                "call_id": call.id,
                "arguments": "",
            }
            yield from self._added(item, previous)
            where = {
                "response_id": self.id,
                "item_id": item["id"],
                "output_index": len(self.output) - 1,
                "call_id": call.id,
            }
            for piece in self._pieces(call.arguments) if call.arguments else ():
                item["arguments"] += piece
                yield (
                    {"type": "response.function_call_arguments.delta", **where, "delta": piece},
                    True,
                )
            item["arguments"] = call.arguments
            yield (
                {
                    "type": "response.function_call_arguments.done",
                    **where,
                    "name": call.name,
                    "arguments": call.arguments,
                },
                False,
            )
            yield from self._done(item, previous)
            previous = item["id"]

    def events(self, previous: str | None) -> Iterator[tuple[Event, bool]]:
        """Every event up to (not including) `response.done`; `previous`: the conversation's
        last item before this response."""
        yield self.created(), False
        reply = self.outcome.reply
        if reply.content or reply.refusal or not reply.tool_calls:
            yield from self.message(previous)
            previous = self.output[-1]["id"]
        yield from self.calls(previous)
