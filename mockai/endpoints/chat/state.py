"""Keeping chat completions created with `store: true`, streamed ones included.

A stored completion is what `GET /v1/chat/completions/{id}` returns: the completion as created
plus the request facts the real API keeps with it (`request_id`, `seed`, sampling settings,
`tools`, `metadata`...), the fields its own examples show. Its messages are the request's
messages, numbered `{id}-{index}`. A streamed completion is assembled from the chunks actually
sent, and kept only when the stream ran to its end.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import orjson
from aiohttp import web

from mockai.store import Kind
from mockai.toolkit.state import exchange_of, state_of

KIND: Kind[StoredCompletion] = Kind(
    "chat_completions", missing="Chat completion with id '{id}' not found."
)


@dataclass
class StoredCompletion:
    body: dict[str, Any]
    requested_model: str
    messages: list[dict[str, Any]]


def _text(content: Any) -> str | None:
    if isinstance(content, list):
        texts = [p.get("text") for p in content if isinstance(p, dict) and p.get("type") == "text"]
        return "".join(t for t in texts if t) or None
    return content


def _tool_call(call: dict[str, Any]) -> dict[str, Any]:
    """A replayed tool call as the API keeps it: without the SDK helpers' extras that the
    request accepts and ignores (`index`, `function.parsed_arguments`)."""
    out: dict[str, Any] = {key: call[key] for key in ("id", "type") if key in call}
    for key, fields in (("function", ("name", "arguments")), ("custom", ("name", "input"))):
        if isinstance(call.get(key), dict):
            out[key] = {field: call[key][field] for field in fields if field in call[key]}
    return out


def _message(completion_id: str, index: int, message: dict[str, Any]) -> dict[str, Any]:
    content = message.get("content")
    parts = (
        [p for p in content if isinstance(p, dict) and p.get("type") in ("text", "image_url")]
        if isinstance(content, list)
        else None
    )
    out = {
        "id": f"{completion_id}-{index}",
        "role": message.get("role"),
        "content": _text(content),
        "name": message.get("name"),
        "content_parts": parts,
    }
    if message.get("tool_calls") is not None:
        out["tool_calls"] = [_tool_call(call) for call in message["tool_calls"]]
    if message.get("function_call") is not None:
        out["function_call"] = message["function_call"]
    return out


def keep(request: web.Request, completion: dict[str, Any], request_body: Mapping[str, Any]) -> None:
    body = {
        **completion,
        "request_id": exchange_of(request).request_id,
        "seed": request_body.get("seed", int.from_bytes(os.urandom(8), "big") >> 1),
        "temperature": float(request_body.get("temperature", 1.0)),
        "top_p": float(request_body.get("top_p", 1.0)),
        "presence_penalty": float(request_body.get("presence_penalty", 0.0)),
        "frequency_penalty": float(request_body.get("frequency_penalty", 0.0)),
        "input_user": request_body.get("user"),
        "tools": request_body.get("tools"),
        "tool_choice": request_body.get("tool_choice"),
        "response_format": request_body.get("response_format"),
        "metadata": request_body.get("metadata") or {},
    }
    messages = [
        _message(completion["id"], i, m) for i, m in enumerate(request_body.get("messages", []))
    ]
    state_of(request).store.put(
        exchange_of(request).session,
        KIND,
        completion["id"],
        StoredCompletion(body, request_body.get("model", ""), messages),
    )


class _Assembly:
    """A chat completion rebuilt from its `chat.completion.chunk` frames."""

    def __init__(self) -> None:
        self.head: dict[str, Any] | None = None
        self.choices: dict[int, dict[str, Any]] = {}
        self.usage: dict[str, Any] | None = None
        self.failed = False

    def add(self, frame: bytes) -> None:
        payload = frame.partition(b"data: ")[2].strip()
        if not payload.startswith(b"{"):
            return
        chunk = orjson.loads(payload)
        if "error" in chunk:
            self.failed = True
            return
        self.head = self.head or chunk
        if chunk.get("usage"):
            self.usage = chunk["usage"]
        for choice in chunk["choices"]:
            self._delta(
                self.choices.setdefault(
                    choice["index"],
                    {
                        "pieces": [],
                        "refusal": None,
                        "calls": {},
                        "logprobs": None,
                        "finish": None,
                        "text": False,
                    },
                ),
                choice,
            )

    @staticmethod
    def _delta(state: dict[str, Any], choice: dict[str, Any]) -> None:
        delta = choice["delta"]
        if isinstance(delta.get("content"), str):
            state["text"] = True
            state["pieces"].append(delta["content"])
        if isinstance(delta.get("refusal"), str) and (delta["refusal"] or state["refusal"] is None):
            state["refusal"] = (state["refusal"] or "") + delta["refusal"]
        for call in delta.get("tool_calls") or ():
            kept = state["calls"].setdefault(
                call["index"],
                {"id": None, "type": "function", "function": {"name": "", "arguments": ""}},
            )
            kept["id"] = call.get("id") or kept["id"]
            function = call.get("function") or {}
            kept["function"]["name"] += function.get("name") or ""
            kept["function"]["arguments"] += function.get("arguments") or ""
        if delta.get("function_call"):
            legacy = state.setdefault("function_call", {"name": "", "arguments": ""})
            legacy["name"] += delta["function_call"].get("name") or ""
            legacy["arguments"] += delta["function_call"].get("arguments") or ""
        logprobs = choice.get("logprobs")
        if logprobs is not None:
            state["logprobs"] = state["logprobs"] or {"content": [], "refusal": None}
            state["logprobs"]["content"] += logprobs.get("content") or []
        state["finish"] = choice.get("finish_reason") or state["finish"]

    @property
    def complete(self) -> bool:
        return (
            not self.failed
            and self.head is not None
            and bool(self.choices)
            and all(state["finish"] for state in self.choices.values())
        )

    def body(self, usage: dict[str, Any]) -> dict[str, Any]:
        head = self.head or {}
        choices = []
        for index in sorted(self.choices):
            state = self.choices[index]
            message: dict[str, Any] = {
                "role": "assistant",
                "content": "".join(state["pieces"]) if state["text"] else None,
            }
            if "function_call" in state:
                message["function_call"] = state["function_call"]
            elif state["calls"]:
                message["tool_calls"] = [state["calls"][i] for i in sorted(state["calls"])]
            message["refusal"] = state["refusal"]
            message["annotations"] = []
            choices.append(
                {
                    "index": index,
                    "message": message,
                    "logprobs": state["logprobs"],
                    "finish_reason": state["finish"],
                }
            )
        return {
            "id": head["id"],
            "object": "chat.completion",
            "created": head["created"],
            "model": head["model"],
            "choices": choices,
            "usage": self.usage or usage,
            "service_tier": head.get("service_tier"),
            "system_fingerprint": head.get("system_fingerprint"),
        }


def keep_stream(
    request: web.Request,
    frames: Iterable[tuple[bytes, bool]],
    request_body: Mapping[str, Any],
    usage: Callable[[], dict[str, Any]],
) -> Iterator[tuple[bytes, bool]]:
    """Pass the frames through; once the last one is sent, keep the assembled completion."""
    assembly = _Assembly()
    for frame, paced in frames:
        assembly.add(frame)
        yield frame, paced
    if assembly.complete:
        keep(request, assembly.body(usage()), request_body)
