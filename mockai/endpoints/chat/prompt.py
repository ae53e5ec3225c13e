"""The chat request as scenarios see it, and its prompt token count.

Counting follows the real chat format (`mockai.chatformat`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from mockai.chatformat import REPLY_PRIMING, TOKENS_PER_MESSAGE, TOKENS_PER_NAME, render_functions
from mockai.endpoints.chat.request import ChatRequest, ContentPart, Message
from mockai.errors import missing_parameter
from mockai.imagecost import image_tokens
from mockai.imagesize import url_size
from mockai.tokenizer import Tokenizer


def message_text(message: Message) -> str:
    if isinstance(message.content, str):
        return message.content
    if not message.content:
        return ""
    return "\n".join(part.text for part in message.content if part.text)


def call_facts(req: ChatRequest, body: Mapping[str, Any]) -> dict[str, Any]:
    """What scenarios see of a chat request, apart from its headers and session."""
    last_user = next((m for m in reversed(req.messages) if m.role == "user"), None)
    system = [message_text(m) for m in req.messages if m.role in ("system", "developer")]
    names = {t.function.name for t in req.tools or () if t.function is not None}
    names.update(f.name for f in req.functions or ())
    return {
        "endpoint": "chat.completions",
        "body": body,
        "model": req.model,
        "last_user_message": message_text(last_user) if last_user else "",
        "system_message": "\n".join(system),
        "tool_names": frozenset(names),
        "tool_result": req.messages[-1].role in ("tool", "function"),
        "messages": body.get("messages", []),
    }


def _image_tokens(part: ContentPart, model: str, param: str) -> int:
    """An `image_url` part's cost for `model`, by its size and `detail` (see mockai.imagecost)."""
    if part.image_url is None:
        raise missing_parameter(f"{param}.image_url")
    width, height = url_size(part.image_url.url, f"{param}.image_url.url")
    return image_tokens(model, width, height, part.image_url.detail or "auto")


def prompt_tokens(req: ChatRequest, tok: Tokenizer, model: str) -> int:
    """The prompt's tokens as `model` (the resolved id) counts them, images included."""
    total = REPLY_PRIMING
    for index, message in enumerate(req.messages):
        total += TOKENS_PER_MESSAGE + tok.count(message.role)
        if isinstance(message.content, str):
            total += tok.count(message.content)
        elif message.content:
            for number, part in enumerate(message.content):
                if part.text:
                    total += tok.count(part.text)
                elif part.type == "image_url":
                    total += _image_tokens(part, model, f"messages[{index}].content[{number}]")
        if message.name:
            total += TOKENS_PER_NAME + tok.count(message.name)
        for call in message.tool_calls or ():
            if call.function is not None:
                total += tok.count(call.function.name) + tok.count(call.function.arguments) + 3
        if message.function_call is not None:
            total += (
                tok.count(message.function_call.name)
                + tok.count(message.function_call.arguments)
                + 3
            )
    functions = [t.function for t in req.tools or () if t.function is not None] + list(
        req.functions or ()
    )
    if functions:
        total += tok.count(render_functions(functions)) + 9
    return total
