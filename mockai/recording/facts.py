"""What a recorded scenario matches on, read from a request: from the `Call` an endpoint
family built (`serve --proxy-unmatched`), or, where no family looked at the request (the
`mockai record` proxy forwards without parsing), from its JSON body: the last user message or
input, the system prompt or instructions, the tools offered."""

from __future__ import annotations

from typing import Any

from mockai.recording.steps import Facts
from mockai.scenarios.call import Call

SYSTEM_ROLES = ("system", "developer")


def from_call(call: Call) -> Facts:
    return Facts(
        call.endpoint,
        call.model,
        call.last_user_message,
        call.system_message,
        tuple(sorted(call.tool_names)),
    )


def from_body(endpoint: str | None, body: Any) -> Facts:
    if not isinstance(body, dict):
        return Facts(endpoint)
    model = body.get("model") if isinstance(body.get("model"), str) else None
    messages = body.get("messages")
    if not isinstance(messages, list):
        given = body.get("input", body.get("prompt"))
        messages = given if isinstance(given, list) and _items(given) else None
        user = "" if messages is not None else _last_text(given)
    else:
        user = ""
    instructions = body.get("instructions")
    system = instructions if isinstance(instructions, str) else ""
    if messages is not None:
        users = [m for m in messages if isinstance(m, dict) and m.get("role") == "user"]
        user = _text(users[-1].get("content")) if users else ""
        system = system or "\n".join(
            _text(m.get("content"))
            for m in messages
            if isinstance(m, dict) and m.get("role") in SYSTEM_ROLES
        )
    return Facts(endpoint, model, user, system, _tools(body.get("tools")))


def _items(given: list[Any]) -> bool:
    return any(isinstance(item, dict) for item in given)


def _last_text(given: Any) -> str:
    if isinstance(given, str):
        return given
    if isinstance(given, list) and given and isinstance(given[-1], str):
        return given[-1]
    return ""


def _text(content: Any) -> str:
    """A message's text: a string, or the last text part of a list of parts."""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        texts = [
            p["text"] for p in content if isinstance(p, dict) and isinstance(p.get("text"), str)
        ]
        return texts[-1] if texts else ""
    return ""


def _tools(tools: Any) -> tuple[str, ...]:
    names = []
    for tool in tools if isinstance(tools, list) else ():
        if isinstance(tool, dict):
            function = tool.get("function")
            name = (function if isinstance(function, dict) else tool).get("name") or tool.get(
                "type"
            )
            if isinstance(name, str):
                names.append(name)
    return tuple(sorted(names))
