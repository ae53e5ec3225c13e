"""A run's samples: each item's input messages (a template filled from the item, or the
item's own messages) sent to this server's `/v1/chat/completions` or `/v1/responses` over
loopback, and the answer read into the `sample` namespace the graders see and the `sample`
an output item shows."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import aiohttp
import orjson

from mockai.graders import templates
from mockai.toolkit.loopback import Loopback
from mockai.usage import TokenCounts

PATHS = {"completions": "/v1/chat/completions", "responses": "/v1/responses"}
# The output item's sampling figures when `sampling_params` leaves them out: the description's
# defaults (seed 42, temperature 1, top_p 1); `max_completion_tokens`'s is not known (guessed).
DEFAULTS = {"temperature": 1.0, "top_p": 1.0, "seed": 42, "max_completion_tokens": 2048}


@dataclass
class Sampled:
    """One item's sample: what the graders see (`namespace`), what the output item shows
    (`shown`) and the tokens it used (chat's words)."""

    namespace: dict[str, Any]
    shown: dict[str, Any]
    usage: dict[str, int] = field(default_factory=dict)
    errored: bool = False


def _zero_usage() -> dict[str, int]:
    return {"total_tokens": 0, "completion_tokens": 0, "prompt_tokens": 0, "cached_tokens": 0}


def _text(content: Any, context: templates.Context) -> Any:
    """A message's content with its templates filled: a string, or parts with their text."""
    if isinstance(content, str):
        return templates.render(content, context)
    if isinstance(content, dict):
        content = [content]
    if isinstance(content, list):
        parts = []
        for part in content:
            if isinstance(part, dict) and isinstance(part.get("text"), str):
                part = {**part, "text": templates.render(part["text"], context)}
            parts.append(part)
        return parts
    return content


def _flat(content: Any) -> str:
    """A content's text, its parts' texts joined (what the output item's `input` shows)."""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "".join(p.get("text", "") for p in content if isinstance(p, dict))
    return ""


def messages_of(data_source: dict[str, Any], item: Any) -> list[dict[str, Any]]:
    """The messages sampled for `item`: the template filled in, or the referenced messages."""
    given = data_source.get("input_messages") or {"type": "template", "template": []}
    context = templates.Context(item=item)
    if given.get("type") == "item_reference":
        reference = str(given.get("item_reference", ""))
        path = reference.removeprefix("item.")
        found: Any = item
        for key in path.split(".") if path else []:
            found = found.get(key) if isinstance(found, dict) else None
        if isinstance(found, str):
            return [{"role": "user", "content": found}]
        return [m for m in found or [] if isinstance(m, dict)]
    out = []
    for message in given.get("template") or []:
        if isinstance(message, dict):
            role = message.get("role", "user")
            out.append({"role": role, "content": _text(message.get("content", ""), context)})
    return out


def _chat_content(content: Any) -> Any:
    if not isinstance(content, list):
        return content
    parts = []
    for part in content:
        if isinstance(part, dict) and part.get("type") in ("input_text", "output_text", "text"):
            parts.append({"type": "text", "text": part.get("text", "")})
        elif isinstance(part, dict) and part.get("type") == "input_image":
            parts.append({"type": "image_url", "image_url": {"url": part.get("image_url", "")}})
    return parts


def request_body(
    kind: str, data_source: dict[str, Any], messages: list[dict[str, Any]]
) -> dict[str, Any]:
    """The chat completion or Responses request that samples these messages."""
    params = dict(data_source.get("sampling_params") or {})
    model = data_source.get("model") or "gpt-4o-mini"
    if kind == "completions":
        body: dict[str, Any] = {
            "model": model,
            "messages": [
                {"role": m["role"], "content": _chat_content(m.get("content", ""))}
                for m in messages
            ],
        }
        for key in ("temperature", "top_p", "seed", "max_completion_tokens", "tools"):
            if key in params:
                body[key] = params[key]
        if "response_format" in params:
            body["response_format"] = params["response_format"]
        if "reasoning_effort" in params:
            body["reasoning_effort"] = params["reasoning_effort"]
        return body
    body = {"model": model, "input": messages}
    for key in ("temperature", "top_p", "tools", "text"):
        if key in params:
            body[key] = params[key]
    if "max_completion_tokens" in params:
        body["max_output_tokens"] = params["max_completion_tokens"]
    if "reasoning_effort" in params:
        body["reasoning"] = {"effort": params["reasoning_effort"]}
    return body


def _shown(
    data_source: dict[str, Any], messages: list[dict[str, Any]], model: str
) -> dict[str, Any]:
    params = data_source.get("sampling_params") or {}
    return {
        "input": [{"role": m["role"], "content": _flat(m.get("content"))} for m in messages],
        "output": [],
        "finish_reason": "",
        "model": model,
        "usage": _zero_usage(),
        "error": None,
        **{key: params.get(key, default) for key, default in DEFAULTS.items()},
    }


def _read_chat(body: dict[str, Any]) -> tuple[str, str, list[Any], dict[str, int]]:
    choice = (body.get("choices") or [{}])[0]
    message = choice.get("message") or {}
    tools = message.get("tool_calls") or []
    finish = choice.get("finish_reason") or "stop"
    return message.get("content") or "", finish, tools, _counted(body)


def _read_responses(body: dict[str, Any]) -> tuple[str, str, list[Any], dict[str, int]]:
    text, tools = "", []
    for item in body.get("output") or []:
        if item.get("type") == "message":
            for part in item.get("content") or []:
                if part.get("type") == "output_text":
                    text += part.get("text", "")
        elif item.get("type") == "function_call":
            tools.append(item)
    finish = "stop" if body.get("status") == "completed" else "length"
    return text, finish, tools, _counted(body)


def _counted(body: dict[str, Any]) -> dict[str, int]:
    counts = TokenCounts.of(body.get("usage")) or TokenCounts(0, 0, 0, 0, 0)
    return counts.chat_words()


async def sample(
    http: aiohttp.ClientSession, target: Loopback, kind: str, data_source: dict[str, Any], item: Any
) -> Sampled:
    """Ask this server for `item`'s sample; a failed call is a sample with an `error`."""
    messages = messages_of(data_source, item)
    body = request_body(kind, data_source, messages)
    shown = _shown(data_source, messages, body["model"])
    try:
        async with http.post(
            target.base_url + PATHS[kind], data=orjson.dumps(body), headers=target.headers
        ) as answer:
            raw, status = await answer.read(), answer.status
        answered = orjson.loads(raw)
    except (aiohttp.ClientError, orjson.JSONDecodeError) as exc:
        shown["error"] = {"code": "server_error", "message": f"The request failed: {exc}"}
        return Sampled({}, shown, errored=True)
    if status != 200 or not isinstance(answered, dict):
        error = answered.get("error") if isinstance(answered, dict) else None
        error = error if isinstance(error, dict) else {}
        shown["error"] = {
            "code": str(error.get("code") or error.get("type") or "server_error"),
            "message": str(error.get("message") or f"Error code: {status}"),
        }
        return Sampled({}, shown, errored=True)
    read = _read_chat if kind == "completions" else _read_responses
    text, finish, tools, usage = read(answered)
    namespace = templates.sample_of(text)
    namespace["output_tools"] = tools
    namespace["model"] = answered.get("model", body["model"])
    if kind == "completions":
        namespace["choices"] = answered.get("choices") or []
    shown.update(
        output=[{"role": "assistant", "content": text}],
        finish_reason=finish,
        model=namespace["model"],
        usage=usage,
    )
    return Sampled(namespace, shown, usage)


def given(row: dict[str, Any]) -> Sampled:
    """A `jsonl` run's sample: the row's own `sample`, if any (nothing is asked)."""
    namespace = row.get("sample") if isinstance(row.get("sample"), dict) else {}
    assert isinstance(namespace, dict)
    text = namespace.get("output_text")
    shown = {
        "input": [],
        "output": [{"role": "assistant", "content": text}] if isinstance(text, str) else [],
        "finish_reason": "",
        "model": str(namespace.get("model", "")),
        "usage": _zero_usage(),
        "error": None,
        **DEFAULTS,
    }
    return Sampled(namespace, shown)
