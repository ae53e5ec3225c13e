"""Input items, normalised by `mockai.inputitems` (as `input_items` lists them): checked
against their context, counted, and what scenarios see of them.

A response's context is the previous response's context (or the conversation's items), then
this request's input. That context is what scenarios match on and what `input_tokens` counts,
so a conversation continued with `previous_response_id` costs what the real API would bill.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from mockai.chatformat import REPLY_PRIMING, TOKENS_PER_MESSAGE, render_functions
from mockai.endpoints.responses.images import ImagePricing
from mockai.endpoints.responses.request import Instructions, ResponseRequest
from mockai.errors import invalid_request
from mockai.inputitems import image_parts
from mockai.scenarios.call import Call
from mockai.tokenizer import Tokenizer


def check_tool_outputs(context: list[dict[str, Any]], new: list[dict[str, Any]]) -> None:
    """A function_call_output must answer a function_call earlier in the context."""
    called = {i.get("call_id") for i in context if i["type"] == "function_call"}
    for item in new:
        if item["type"] == "function_call":
            called.add(item.get("call_id"))
        elif item["type"] == "function_call_output" and item["call_id"] not in called:
            raise invalid_request(
                f"No tool call found for function call output with call_id {item['call_id']}.",
                "input",
            )


def check_json_mentioned(req: ResponseRequest, context: list[dict[str, Any]]) -> None:
    """`json_object` output needs the word "json" in the input messages; as on the real API,
    `instructions` do not count."""
    fmt = req.text.format if req.text is not None else None
    if fmt is None or fmt.type != "json_object":
        return
    if not any("json" in item_text(item).lower() for item in context if item["type"] == "message"):
        raise invalid_request(
            "Response input messages must contain the word 'json' in some form to use "
            "'text.format' of type 'json_object'.",
            "input",
        )


def _text(value: Any) -> str:
    """A part's text; anything else (absent, or not a string in a malformed item) counts as ""."""
    return value if isinstance(value, str) else ""


def item_text(item: Mapping[str, Any]) -> str:
    """The readable text of an item: message parts, tool output, call arguments."""
    kind = item["type"]
    if kind == "message":
        content = item.get("content") or []
        if isinstance(content, str):
            return content
        return "\n".join(
            _text(p.get("text") or p.get("refusal")) for p in content if isinstance(p, dict)
        )
    if kind == "function_call_output":
        output = item.get("output")
        if isinstance(output, list):
            return "\n".join(_text(p.get("text")) for p in output if isinstance(p, dict))
        return str(output)
    if kind == "function_call":
        return f"{item.get('name', '')}{item.get('arguments', '')}"
    return ""


def instructions_text(instructions: Instructions) -> str:
    if isinstance(instructions, list):
        return "\n".join(item_text({"type": "message", **i}) for i in instructions)
    return instructions or ""


def to_call(
    req: ResponseRequest,
    body: Mapping[str, Any],
    context: list[dict[str, Any]],
    new: list[dict[str, Any]],
    headers: Mapping[str, str],
    session: str | None,
) -> Call:
    messages = [i for i in context if i["type"] == "message"]
    last_user = next((m for m in reversed(messages) if m.get("role") == "user"), None)
    system = [instructions_text(req.instructions)] + [
        item_text(m) for m in messages if m.get("role") in ("system", "developer")
    ]
    names = {tool.name or tool.type for tool in req.tools or ()}  # built-in tools by their type
    return Call(
        endpoint="responses",
        body=body,
        headers=headers,
        session=session,
        model=req.model,
        last_user_message=item_text(last_user) if last_user else "",
        system_message="\n".join(s for s in system if s),
        tool_names=frozenset(names),
        tool_result=bool(new) and new[-1]["type"] == "function_call_output",
        messages=context,
    )


def count_input(
    tok: Tokenizer,
    instructions: str,
    context: Iterable[Mapping[str, Any]],
    functions: list[Any],
    images: ImagePricing,
) -> int:
    """Input tokens with the chat format's framing: 3 per item plus its role and text, and
    what its images cost."""
    total = REPLY_PRIMING
    if instructions:
        total += TOKENS_PER_MESSAGE + tok.count("system") + tok.count(instructions)
    for item in context:
        if item["type"] == "reasoning":
            continue  # earlier reasoning is not part of the next prompt
        role = item.get("role") or (
            "tool" if item["type"] == "function_call_output" else "assistant"
        )
        total += TOKENS_PER_MESSAGE + tok.count(role) + tok.count(item_text(item))
        total += sum(images.tokens(part) for _, part in image_parts(item))
    if functions:
        total += tok.count(render_functions(functions)) + 9
    return total
