"""Response objects and their `event:`/`data:` streams, in the order the recordings in
`mockai/spec/streams/responses-*.sse` show: created, in_progress, each output item
(added, parts, deltas, done), then completed / incomplete / failed."""

from __future__ import annotations

import base64
import os
import random
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from mockai import ids
from mockai.endpoints.responses.builtin import ToolRun, citations
from mockai.endpoints.responses.request import ResponseRequest, runs_builtin
from mockai.errors import APIError
from mockai.replies import Outcome, logprob_entries, served_tier
from mockai.tokenizer import Tokenizer

Event = dict[str, Any]


def _tool_echo(tool: Any) -> dict[str, Any]:
    data = tool.model_dump(mode="json", exclude_none=True, by_alias=True)
    if tool.type == "function":
        data = {
            "type": "function",
            "description": tool.description,
            "name": tool.name,
            "parameters": tool.parameters,
            "strict": True if tool.strict is None else tool.strict,
        }
    return data


def _event_logprob(entry: dict[str, Any]) -> dict[str, Any]:
    """Stream events carry logprobs without `bytes` (the spec's ResponseLogProb)."""
    return {
        "token": entry["token"],
        "logprob": entry["logprob"],
        "top_logprobs": [
            {"token": t["token"], "logprob": t["logprob"]} for t in entry["top_logprobs"]
        ],
    }


@dataclass
class ResponseRender:
    req: ResponseRequest
    model: str  # as served
    tok: Tokenizer
    outcome: Outcome
    input_tokens: int
    cached_tokens: int
    tool_runs: list[ToolRun]  # the built-in tool calls, as they ran, in order
    effort: str | None  # the effort a reasoning model runs with (None: not one, no reasoning item)
    summary: str | None  # reasoning summary text when asked for
    obfuscate: bool = True
    logprob_rng: random.Random | None = None  # set when `include` asks for output logprobs
    id: str = field(default_factory=lambda: ids.item_id("resp_"))
    created_at: int = field(default_factory=lambda: int(time.time()))

    def __post_init__(self) -> None:
        self.items = self._output_items()

    # -- the object --------------------------------------------------------------------
    @property
    def status(self) -> str:
        return (
            "incomplete"
            if self.outcome.finish_reason in ("length", "content_filter")
            else "completed"
        )

    def usage(self) -> dict[str, Any]:
        usage = self.outcome.reply.usage
        input_tokens = (
            usage.prompt_tokens if usage and usage.prompt_tokens is not None else self.input_tokens
        )
        cached = (
            usage.cached_tokens if usage and usage.cached_tokens is not None else self.cached_tokens
        )
        output = self.outcome.completion_tokens
        return {
            "input_tokens": input_tokens,
            "input_tokens_details": {"cached_tokens": cached, "cache_write_tokens": 0},
            "output_tokens": output,
            "output_tokens_details": {"reasoning_tokens": self.outcome.reasoning_tokens},
            "total_tokens": input_tokens + output,
        }

    def snapshot(
        self, status: str, *, final: bool = False, error: dict[str, Any] | None = None
    ) -> dict[str, Any]:
        """The Response object at a point of its life (`final`: with output and usage)."""
        req = self.req
        reasoning = req.reasoning
        fmt = req.text.format if req.text is not None and req.text.format is not None else None
        body: dict[str, Any] = {
            "id": self.id,
            "object": "response",
            "created_at": self.created_at,
            "status": status,
            "background": bool(req.background),
            "completed_at": int(time.time()) if final and status == "completed" else None,
            "error": error,
            "incomplete_details": None,
            "instructions": req.instructions,
            "max_output_tokens": req.max_output_tokens,
            "max_tool_calls": req.max_tool_calls,
            "model": self.model,
            "output": self.items if final else [],
            "parallel_tool_calls": True
            if req.parallel_tool_calls is None
            else req.parallel_tool_calls,
            "previous_response_id": req.previous_response_id,
            "prompt_cache_key": req.prompt_cache_key,
            "prompt_cache_retention": req.prompt_cache_retention,
            # a reasoning model echoes the effort it ran with: its default unless asked otherwise
            "reasoning": {
                "effort": (reasoning.effort if reasoning else None) or self.effort,
                "summary": (reasoning.summary or reasoning.generate_summary) if reasoning else None,
            },
            "safety_identifier": req.safety_identifier,
            "service_tier": served_tier(req.service_tier)
            if final
            else (req.service_tier or "auto"),
            "store": req.store is not False,
            "temperature": 1.0 if req.temperature is None else req.temperature,
            "text": {
                "format": fmt.model_dump(mode="json", exclude_none=True, by_alias=True)
                if fmt
                else {"type": "text"},
                "verbosity": (req.text.verbosity if req.text else None) or "medium",
            },
            "tool_choice": "auto" if req.tool_choice is None else req.tool_choice,
            "tools": [_tool_echo(t) for t in req.tools or ()],
            "top_logprobs": req.top_logprobs or 0,
            "top_p": 1.0 if req.top_p is None else req.top_p,
            "truncation": req.truncation or "disabled",
            "usage": self.usage() if final else None,
            "user": req.user,
            "metadata": req.metadata or {},
        }
        if req.conversation_id is not None:
            # Only a response in a conversation has the field: responses-text.sse shows
            # {"id": "conv_..."}; the other recordings have no `conversation` key at all.
            body["conversation"] = {"id": req.conversation_id}
        if final and status == "incomplete":
            reason = (
                "content_filter"
                if self.outcome.finish_reason == "content_filter"
                else "max_output_tokens"
            )
            body["incomplete_details"] = {"reason": reason}
        return body

    def failure(self, error: APIError, request_id: str) -> Event:
        """How a scripted error arrives mid-stream: server errors fail the response
        (`response.failed`); others (a rate limit...) come as an `error` event."""
        body = error.body(request_id)["error"]
        if error.status >= 500:
            return {
                "type": "response.failed",
                "response": self.snapshot(
                    "failed", error={"code": "server_error", "message": body["message"]}
                ),
            }
        return {
            "type": "error",
            "code": body["code"] or body["type"],
            "message": body["message"],
            "param": body["param"],
        }

    # -- output items --------------------------------------------------------------------
    def _output_items(self) -> list[dict[str, Any]]:
        reply = self.outcome.reply
        items: list[dict[str, Any]] = []
        if self.effort is not None:
            item: dict[str, Any] = {"id": ids.item_id("rs_"), "type": "reasoning", "summary": []}
            if self.summary:
                item["summary"] = [{"type": "summary_text", "text": self.summary}]
            if "reasoning.encrypted_content" in (self.req.include or ()) or self.req.store is False:
                item["encrypted_content"] = "gAAAAA" + base64.b64encode(os.urandom(48)).decode()
            items.append(item)
        functions = [c for c in reply.tool_calls if not runs_builtin(self.req, c.name)]
        items.extend(tool_run.item for tool_run in self.tool_runs)
        message_status = "incomplete" if self.status == "incomplete" else "completed"
        if reply.refusal is not None:
            items.append(
                {
                    "id": ids.item_id("msg_"),
                    "type": "message",
                    "status": message_status,
                    "content": [{"type": "refusal", "refusal": reply.refusal}],
                    "role": "assistant",
                }
            )
        elif reply.content is not None:
            items.append(
                {
                    "id": ids.item_id("msg_"),
                    "type": "message",
                    "status": message_status,
                    "content": [
                        {
                            "type": "output_text",
                            "annotations": citations(self.tool_runs, reply.content),
                            "logprobs": self._logprobs(reply.content),
                            "text": reply.content,
                        }
                    ],
                    "role": "assistant",
                }
            )
        for call in functions:
            items.append(
                {
                    "id": ids.item_id("fc_"),
                    "type": "function_call",
                    "status": "completed",
                    "arguments": call.arguments,
                    "call_id": call.id,
                    "name": call.name,
                }
            )
        return items

    def _logprobs(self, text: str) -> list[dict[str, Any]]:
        if self.logprob_rng is None:
            return []
        return logprob_entries(
            self.tok, self.tok.pieces(text), self.logprob_rng, self.req.top_logprobs or 0
        )

    # -- the stream ----------------------------------------------------------------------
    def _obfuscation(self, delta: str) -> dict[str, str]:
        """Random padding that brings a delta to 16 characters, as every recorded delta is
        (responses-*.sse); longer deltas, never recorded, are padded to a multiple of 16."""
        return {"obfuscation": ids.obfuscation(-len(delta) % 16)} if self.obfuscate else {}

    def events(
        self, chunk_tokens: int, pieces: list[str] | None, *, background: bool = False
    ) -> Iterator[tuple[Event, bool]]:
        """(event, paced) in the real order; `pieces` replays exact text chunks. A background
        response starts `queued`."""
        if background:
            yield {"type": "response.created", "response": self.snapshot("queued")}, False
            yield {"type": "response.queued", "response": self.snapshot("queued")}, False
        else:
            yield {"type": "response.created", "response": self.snapshot("in_progress")}, True
        yield {"type": "response.in_progress", "response": self.snapshot("in_progress")}, background
        for index, item in enumerate(self.items):
            kind = item["type"]
            if kind == "reasoning":
                yield from self._reasoning_events(index, item, chunk_tokens)
            elif kind == "message":
                yield from self._message_events(index, item, chunk_tokens, pieces)
            elif kind == "function_call":
                yield from self._function_events(index, item, chunk_tokens)
            else:
                yield from self._builtin_events(index, item, chunk_tokens)
        final = self.snapshot(self.status, final=True)
        yield {"type": f"response.{self.status}", "response": final}, False

    def _deltas(
        self, kind: str, ref: dict[str, Any], text: str, size: int, obfuscated: bool = True
    ) -> Iterator[tuple[Event, bool]]:
        """`response.<kind>.delta` events carrying `text` in pieces of `size` tokens (with the
        `obfuscation` padding where the real API sends it)."""
        for piece in self._group(text, size):
            event: Event = {"type": f"response.{kind}.delta", **ref, "delta": piece}
            if obfuscated:
                event.update(self._obfuscation(piece))
            yield event, True

    def _group(self, text: str, size: int) -> list[str]:
        pieces = self.tok.pieces(text)
        return ["".join(pieces[i : i + size]) for i in range(0, len(pieces), max(size, 1))]

    def _added(self, index: int, item: dict[str, Any], **overrides: Any) -> tuple[Event, bool]:
        return {
            "type": "response.output_item.added",
            "output_index": index,
            "item": {**item, **overrides},
        }, True

    def _done(self, index: int, item: dict[str, Any]) -> tuple[Event, bool]:
        return {"type": "response.output_item.done", "output_index": index, "item": item}, False

    def _reasoning_events(
        self, index: int, item: dict[str, Any], size: int
    ) -> Iterator[tuple[Event, bool]]:
        yield self._added(index, item, summary=[])
        for s_index, part in enumerate(item["summary"]):
            ref = {"item_id": item["id"], "output_index": index, "summary_index": s_index}
            yield (
                {
                    "type": "response.reasoning_summary_part.added",
                    **ref,
                    "part": {"type": "summary_text", "text": ""},
                },
                False,
            )
            yield from self._deltas("reasoning_summary_text", ref, part["text"], size)
            yield (
                {"type": "response.reasoning_summary_text.done", **ref, "text": part["text"]},
                False,
            )
            yield {"type": "response.reasoning_summary_part.done", **ref, "part": part}, False
        yield self._done(index, item)

    def _message_events(
        self, index: int, item: dict[str, Any], size: int, pieces: list[str] | None
    ) -> Iterator[tuple[Event, bool]]:
        yield self._added(index, item, status="in_progress", content=[])
        part = item["content"][0]
        ref = {"item_id": item["id"], "output_index": index, "content_index": 0}
        if part["type"] == "refusal":
            yield (
                {
                    "type": "response.content_part.added",
                    **ref,
                    "part": {"type": "refusal", "refusal": ""},
                },
                False,
            )
            yield from self._deltas("refusal", ref, part["refusal"], size, obfuscated=False)
            yield {"type": "response.refusal.done", **ref, "refusal": part["refusal"]}, False
        else:
            yield (
                {
                    "type": "response.content_part.added",
                    **ref,
                    "part": {"type": "output_text", "annotations": [], "logprobs": [], "text": ""},
                },
                False,
            )
            entries = part["logprobs"]
            if pieces is None:
                tokens = self.tok.pieces(part["text"])
                step = max(size, 1)
                deltas = [
                    ("".join(tokens[i : i + step]), entries[i : i + step])
                    for i in range(0, len(tokens), step)
                ]
            else:  # exact replay: chunks need not fall on token boundaries
                deltas = [(piece, self._logprobs(piece)) for piece in pieces]
            for piece, logprobs in deltas:
                yield (
                    {
                        "type": "response.output_text.delta",
                        **ref,
                        "delta": piece,
                        "logprobs": [_event_logprob(e) for e in logprobs],
                        **self._obfuscation(piece),
                    },
                    True,
                )
            for a_index, annotation in enumerate(part["annotations"]):
                yield (
                    {
                        "type": "response.output_text.annotation.added",
                        **ref,
                        "annotation_index": a_index,
                        "annotation": annotation,
                    },
                    False,
                )
            yield (
                {
                    "type": "response.output_text.done",
                    **ref,
                    "text": part["text"],
                    "logprobs": [_event_logprob(e) for e in entries],
                },
                False,
            )
        yield {"type": "response.content_part.done", **ref, "part": part}, False
        yield self._done(index, item)

    def _function_events(
        self, index: int, item: dict[str, Any], size: int
    ) -> Iterator[tuple[Event, bool]]:
        yield self._added(index, item, status="in_progress", arguments="")
        ref = {"item_id": item["id"], "output_index": index}
        yield from self._deltas("function_call_arguments", ref, item["arguments"], size)
        yield (
            {
                "type": "response.function_call_arguments.done",
                **ref,
                "name": item["name"],
                "arguments": item["arguments"],
            },
            False,
        )
        yield self._done(index, item)

    def _builtin_events(
        self, index: int, item: dict[str, Any], size: int
    ) -> Iterator[tuple[Event, bool]]:
        kind = item["type"].removesuffix("_call")
        ref = {"output_index": index, "item_id": item["id"]}
        yield self._added(index, item, status="in_progress")
        yield {"type": f"response.{kind}_call.in_progress", **ref}, False
        if kind == "code_interpreter":
            code = item["code"]
            yield from self._deltas("code_interpreter_call_code", ref, code, size, obfuscated=False)
            yield (
                {"type": "response.code_interpreter_call_code.done", **ref, "code": item["code"]},
                False,
            )
            yield {"type": "response.code_interpreter_call.interpreting", **ref}, True
        else:
            yield {"type": f"response.{kind}_call.searching", **ref}, True
        yield {"type": f"response.{kind}_call.completed", **ref}, False
        yield self._done(index, item)
