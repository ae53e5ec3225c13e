"""Responses input items as the server keeps them: the item types, normalising a request's items
(ids, statuses, text parts), the checks of their `input_image` parts, and what `include` adds.

Shared by the Responses API (a request's `input`) and the Conversations API (a conversation's
`items`, which are Responses input items too). Items stay plain dicts: they come in dozens of
shapes, and only the rules a client can trip over are checked here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Literal, get_args

from pydantic import BaseModel, ConfigDict

from mockai import ids
from mockai.errors import invalid_request, missing_parameter
from mockai.imagesize import url_size
from mockai.validation import validate_at

MESSAGE_ROLES = ("user", "assistant", "system", "developer")
ITEM_TYPES = (
    "message",
    "function_call",
    "function_call_output",
    "reasoning",
    "item_reference",
    "web_search_call",
    "file_search_call",
    "code_interpreter_call",
    "computer_call",
    "computer_call_output",
    "image_generation_call",
    "custom_tool_call",
    "custom_tool_call_output",
    "mcp_call",
    "mcp_list_tools",
    "mcp_approval_request",
    "mcp_approval_response",
    "local_shell_call",
    "local_shell_call_output",
    "shell_call",
    "shell_call_output",
    "apply_patch_call",
    "apply_patch_call_output",
    "tool_search_call",
    "tool_search_output",
    "additional_tools",
    "program",
    "program_output",
    "compaction",
    "compaction_trigger",
)
# Items of the multi-agent beta (`OpenAI-Beta: responses_multi_agent=v1`).
MULTI_AGENT_ITEM_TYPES = ("multi_agent_call", "multi_agent_call_output", "agent_message")
ID_PREFIX = {
    "message": "msg_",
    "function_call": "fc_",
    "function_call_output": "fco_",
    "reasoning": "rs_",
}

# What `include` may ask for (the description's IncludeEnum): extra output data in the items
# answered.
Include = Literal[
    "file_search_call.results",
    "web_search_call.results",
    "web_search_call.action.sources",
    "message.input_image.image_url",
    "computer_call_output.output.image_url",
    "code_interpreter_call.outputs",
    "reasoning.encrypted_content",
    "message.output_text.logprobs",
]
INCLUDES: tuple[str, ...] = get_args(Include)


def _text_part(role: str, text: str) -> dict[str, Any]:
    if role == "assistant":
        return {"type": "output_text", "text": text, "annotations": []}
    return {"type": "input_text", "text": text}


def _require(item: Mapping[str, Any], where: str, *names: str) -> None:
    for name in names:
        if item.get(name) is None:
            raise missing_parameter(f"{where}.{name}")


def normalise(
    raw: str | list[dict[str, Any]] | None, multi_agent: bool = False, *, field: str = "input"
) -> list[dict[str, Any]]:
    """A request's items (`field` names them in errors: `input`, a conversation's `items`) as
    stored items: every item gets an id and a status. The multi-agent beta's items are taken
    when `multi_agent` (the beta on, or `--lenient`)."""
    types = ITEM_TYPES + MULTI_AGENT_ITEM_TYPES if multi_agent else ITEM_TYPES
    if raw is None:
        return []
    if isinstance(raw, str):
        raw = [{"role": "user", "content": raw}]
    items = []
    for index, given in enumerate(raw):
        where = f"{field}[{index}]"
        # No type is a message; a null one an item reference (the only item whose `type`
        # the description lets be null).
        kind = given.get("type", "message") or "item_reference"
        if kind not in types:
            raise invalid_request(
                f"Invalid value: '{kind}'. Supported values are: "
                + ", ".join(f"'{t}'" for t in types[:-1])
                + f", and '{types[-1]}'.",
                f"{where}.type",
                "invalid_value",
            )
        item = dict(given)
        if kind == "message":
            _require(item, where, "role", "content")
            if item["role"] not in MESSAGE_ROLES:
                raise invalid_request(
                    f"Invalid value: '{item['role']}'. Supported values are: 'assistant', "
                    "'system', 'developer', and 'user'.",
                    f"{where}.role",
                    "invalid_value",
                )
            if isinstance(item["content"], str):
                item["content"] = [_text_part(item["role"], item["content"])]
            check_images(item, where)
        elif kind == "function_call_output":
            _require(item, where, "call_id", "output")
        elif kind == "function_call":
            _require(item, where, "call_id", "name", "arguments")
        item = {
            "id": item.get("id") or ids.item_id(ID_PREFIX.get(kind, "item_")),
            "type": kind,
            **{k: v for k, v in item.items() if k not in ("id", "type")},
        }
        if kind in ("message", "function_call", "function_call_output"):
            item.setdefault("status", "completed")
        items.append(item)
    return items


# -- input_image parts --------------------------------------------------------------------------
def image_parts(item: Mapping[str, Any]) -> list[tuple[int, Mapping[str, Any]]]:
    """The `input_image` parts of a message item, with their positions in its content."""
    content = item.get("content")
    if not isinstance(content, list):
        return []
    return [
        (number, part)
        for number, part in enumerate(content)
        if isinstance(part, dict) and part.get("type") == "input_image"
    ]


class InputImage(BaseModel):
    """The fields of an `input_image` part that its cost reads (others pass, as for every
    input item: see this module's docstring)."""

    model_config = ConfigDict(extra="allow", strict=True)
    type: Literal["input_image"]
    image_url: str | None = None
    file_id: str | None = None
    detail: Literal["auto", "low", "high", "original"] | None = None


def check_images(item: Mapping[str, Any], where: str) -> None:
    """An item's images (`where` is its path, `input[0]`): fields of the right types, data
    URLs that hold images, as on the real API (400 otherwise)."""
    for number, part in image_parts(item):
        path = f"{where}.content[{number}]"
        image = validate_at(InputImage, dict(part), path)
        if image.image_url is not None:
            url_size(image.image_url, f"{path}.image_url")


# -- include ------------------------------------------------------------------------------------
def shown(item: Mapping[str, Any], include: Iterable[str]) -> dict[str, Any]:
    """An item as answered: the extra output data `include` names is there only when asked for
    (output logprobs, encrypted reasoning, search results and sources, code outputs, image
    URLs); without it the field is empty or absent, as the description says of each value."""
    wanted = set(include)
    item = dict(item)
    kind = item.get("type")
    if kind == "message" and isinstance(item.get("content"), list):
        item["content"] = [_shown_part(part, wanted) for part in item["content"]]
    elif kind == "reasoning" and "reasoning.encrypted_content" not in wanted:
        item.pop("encrypted_content", None)
    elif kind == "file_search_call" and "file_search_call.results" not in wanted:
        item["results"] = None
    elif kind == "code_interpreter_call" and "code_interpreter_call.outputs" not in wanted:
        item["outputs"] = None
    elif kind == "web_search_call" and "web_search_call.action.sources" not in wanted:
        action = item.get("action")
        if isinstance(action, dict) and "sources" in action:
            item["action"] = {k: v for k, v in action.items() if k != "sources"}
    elif kind == "computer_call_output" and "computer_call_output.output.image_url" not in wanted:
        output = item.get("output")
        if isinstance(output, dict) and "image_url" in output:
            item["output"] = {k: v for k, v in output.items() if k != "image_url"}
    return item


def _shown_part(part: Any, wanted: set[str]) -> Any:
    if not isinstance(part, dict):
        return part
    kind = part.get("type")
    if kind == "output_text" and "message.output_text.logprobs" not in wanted:
        return {**part, "logprobs": []}
    if kind == "input_image" and "message.input_image.image_url" not in wanted:
        return {**part, "image_url": None}
    return part
