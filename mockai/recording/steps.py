"""A captured exchange as a scenario: the `match` derived from the request, the step from the
answer, secrets and redaction rules applied to every text that is written.

Headers are written only from an allow-list (rate limits, retry advice, the content type of a
literal body): request headers never are, so `Authorization`, keys, cookies, organization and
project ids cannot reach a file. Texts go through the `Redactor`: the caller's own key, anything
shaped like a key, organization or project id, and the user's patterns.
"""

from __future__ import annotations

import base64
import math
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import orjson

from mockai.recording.capture import Captured
from mockai.recording.normalise import Placeholders

MATCH_FIELDS = ("endpoint", "model", "user", "system", "tools")
REDACTED = "[redacted]"
SECRET_SHAPES = (r"sk-[A-Za-z0-9_\-]{16,}", r"\borg-[A-Za-z0-9]{12,}", r"\bproj_[A-Za-z0-9]{12,}")
RETRY_HEADERS = ("retry-after", "retry-after-ms", "x-should-retry")


@dataclass(frozen=True)
class Facts:
    """What a recorded scenario matches on: as `mockai.scenarios.Call` has it."""

    endpoint: str | None
    model: str | None = None
    user: str = ""
    system: str = ""
    tools: tuple[str, ...] = ()


@dataclass(frozen=True)
class Options:
    match_on: tuple[str, ...] = MATCH_FIELDS
    redact: tuple[str, ...] = ()  # regexes; each match is written as `[redacted]`
    keep_ids: bool = False  # write ids and timestamps as they came


class Redactor:
    def __init__(self, patterns: Iterable[str], secrets: Iterable[str]) -> None:
        literal = [re.escape(s) for s in secrets if s]
        self.pattern = re.compile("|".join([*literal, *SECRET_SHAPES, *patterns]))

    def __call__(self, text: str) -> str:
        return self.pattern.sub(REDACTED, text)

    def deep(self, value: Any) -> Any:
        if isinstance(value, str):
            return self(value)
        if isinstance(value, list):
            return [self.deep(v) for v in value]
        if isinstance(value, dict):
            return {k: self.deep(v) for k, v in value.items()}
        return value


def match_of(facts: Facts, options: Options, redact: Redactor) -> dict[str, Any]:
    wanted = set(options.match_on)
    match: dict[str, Any] = {}
    if "endpoint" in wanted and facts.endpoint:
        match["endpoint"] = facts.endpoint
    if "model" in wanted and facts.model:
        match["model"] = facts.model
    for name, text in (("user", facts.user), ("system", facts.system)):
        if name in wanted and text:
            match[name] = redact(text)
    if "tools" in wanted and facts.tools:
        match["tools"] = sorted(facts.tools)
    return match


def step_of(
    captured: Captured, endpoint: str | None, options: Options, redact: Redactor
) -> dict[str, Any]:
    """The scenario step that answers as `captured` did."""
    same: Callable[[str], str] = (lambda t: t) if options.keep_ids else Placeholders()
    kept = {
        k.lower(): v
        for k, v in captured.headers
        if k.lower().startswith("x-ratelimit-") or k.lower() in RETRY_HEADERS
    }
    if captured.events is not None:
        events = [{**e, "data": same(redact(e["data"]))} for e in captured.events]
        return _with_headers({"events": events}, kept)
    content_type = (captured.header("content-type") or "").lower()
    parsed = _json(captured.body) if "json" in content_type else None
    if parsed is not None and captured.status >= 400:
        error = _error(redact.deep(parsed), captured.status, kept)
        if error is not None:
            return error
    if parsed is not None and captured.status == 200 and endpoint == "chat.completions":
        reply = _chat_reply(parsed, redact)
        if reply is not None:
            return _with_headers(reply, kept)
    if parsed is not None:
        body = orjson.loads(same(orjson.dumps(redact.deep(parsed)).decode()))
        step: dict[str, Any] = {"body": body}
    else:
        step = {"body_base64": base64.b64encode(bytes(captured.body)).decode("ascii")}
        kept["content-type"] = captured.header("content-type") or "application/octet-stream"
    if captured.status != 200:
        step["status"] = captured.status
    return _with_headers(step, kept)


def _with_headers(step: dict[str, Any], headers: Mapping[str, str]) -> dict[str, Any]:
    if headers:
        step["headers"] = dict(sorted(headers.items()))
    return step


def _json(body: bytes | bytearray) -> Any:
    try:
        return orjson.loads(body)
    except orjson.JSONDecodeError:
        return None


def _error(parsed: Any, status: int, headers: dict[str, str]) -> dict[str, Any] | None:
    """An OpenAI error body as an `error:` step; None when mockai would not say it the same
    way (no code: mockai would fill in the status's default), so it stays a literal body."""
    error = parsed.get("error") if isinstance(parsed, dict) else None
    if not isinstance(error, dict) or not error.get("code") or 400 > status or status > 599:
        return None
    spec: dict[str, Any] = {"status": status}
    for key in ("type", "code", "message", "param"):
        if error.get(key) is not None:
            spec[key] = error[key]
    retry_ms, retry_s = headers.pop("retry-after-ms", None), headers.pop("retry-after", None)
    should_retry = headers.pop("x-should-retry", None)
    if retry_ms is not None or retry_s is not None:
        seconds = float(retry_ms) / 1000 if retry_ms is not None else float(retry_s or 0)
        spec["retry_after"] = int(seconds) if math.isclose(seconds, int(seconds)) else seconds
    if should_retry is not None:
        spec["should_retry"] = should_retry == "true"
    return _with_headers({"error": spec}, headers)


def _chat_reply(parsed: Any, redact: Redactor) -> dict[str, Any] | None:
    """A one-choice chat completion as content, tool calls, finish reason and usage."""
    choices = parsed.get("choices") if isinstance(parsed, dict) else None
    if not isinstance(choices, list) or len(choices) != 1:
        return None
    message = choices[0].get("message") or {}
    step: dict[str, Any] = {}
    if message.get("content") is not None:
        step["content"] = redact(message["content"])
    if message.get("refusal") is not None:
        step["refusal"] = redact(message["refusal"])
    calls = [c.get("function") or {} for c in message.get("tool_calls") or []]
    if calls:
        step["tool_calls"] = [
            {"name": c.get("name", ""), "arguments": redact(c.get("arguments", ""))} for c in calls
        ]
    if any("{{" in t or "{%" in t for t in _texts(step)):
        return None  # it would be read as a template: a literal body keeps it as it came
    if choices[0].get("finish_reason"):
        step["finish_reason"] = choices[0]["finish_reason"]
    usage = parsed.get("usage") or {}
    counted = {
        k: usage[k] for k in ("prompt_tokens", "completion_tokens") if isinstance(usage.get(k), int)
    }
    if counted:
        step["usage"] = counted
    return step


def _texts(value: Any) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _texts(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _texts(item)
