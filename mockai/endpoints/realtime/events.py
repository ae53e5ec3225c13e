"""The Realtime client events, validated like the real API: pydantic models of the GA events
(`RealtimeClientEvent` in the description) and the checks they cannot express. A bad event
raises an `APIError` in the real words (`Unknown parameter: 'session.voice'.`, `Missing required
parameter: 'session.type'.`), which `socket.py` turns into the `error` event quoting the
offending event's `event_id`; the session goes on.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from mockai.endpoints.realtime.request import SessionConfig, check_session_type
from mockai.errors import choices, invalid_request, missing_parameter
from mockai.validation import validate


class _Closed(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class _Event(_Closed):
    event_id: str | None = Field(None, max_length=512)


Modality = Literal["text", "audio"]
MaxTokens = int | Literal["inf"]


class Part(_Closed):
    """A content part of a conversation item (user: input_*; assistant: output_*)."""

    type: Literal["input_text", "input_audio", "input_image", "output_text", "output_audio"]
    text: str | None = None
    audio: str | None = None  # base64
    image_url: str | None = None  # a data URL
    detail: Literal["auto", "low", "high"] | None = None
    transcript: str | None = None


class Item(_Closed):
    """`RealtimeConversationItem`: a message, a function call or its output (MCP items are not
    served)."""

    id: str | None = Field(None, max_length=32)
    object: Literal["realtime.item"] | None = None
    type: Literal["message", "function_call", "function_call_output"]
    status: Literal["completed", "incomplete", "in_progress"] | None = None
    role: Literal["user", "assistant", "system"] | None = None
    content: list[Part] | None = None
    call_id: str | None = None
    name: str | None = None
    arguments: str | None = None
    output: str | None = None


class ResponseParams(_Closed):
    """`RealtimeResponseCreateParams`: what one response overrides of the session."""

    output_modalities: list[Modality] | None = Field(None, min_length=1)
    instructions: str | None = None
    audio: dict[str, Any] | None = None
    tools: list[dict[str, Any]] | None = None
    tool_choice: str | dict[str, Any] | None = None
    parallel_tool_calls: bool | None = None
    reasoning: dict[str, Any] | None = None
    max_output_tokens: MaxTokens | None = None
    conversation: str | None = None  # "auto" or "none" (an out-of-band response)
    metadata: dict[str, str] | None = None
    prompt: dict[str, Any] | None = None
    input: list[Item] | None = None


class SessionUpdate(_Event):
    type: Literal["session.update"]
    session: SessionConfig


class ItemCreate(_Event):
    type: Literal["conversation.item.create"]
    previous_item_id: str | None = None
    item: Item


class ItemRetrieve(_Event):
    type: Literal["conversation.item.retrieve"]
    item_id: str


class ItemTruncate(_Event):
    type: Literal["conversation.item.truncate"]
    item_id: str
    content_index: int = Field(ge=0)
    audio_end_ms: int = Field(ge=0)


class ItemDelete(_Event):
    type: Literal["conversation.item.delete"]
    item_id: str


class AudioAppend(_Event):
    type: Literal["input_audio_buffer.append"]
    audio: str


class AudioCommit(_Event):
    type: Literal["input_audio_buffer.commit"]


class AudioClear(_Event):
    type: Literal["input_audio_buffer.clear"]


class OutputAudioClear(_Event):
    type: Literal["output_audio_buffer.clear"]


class ResponseCreate(_Event):
    type: Literal["response.create"]
    response: ResponseParams | None = None


class ResponseCancel(_Event):
    type: Literal["response.cancel"]
    response_id: str | None = None


ClientEvent = (
    SessionUpdate
    | ItemCreate
    | ItemRetrieve
    | ItemTruncate
    | ItemDelete
    | AudioAppend
    | AudioCommit
    | AudioClear
    | OutputAudioClear
    | ResponseCreate
    | ResponseCancel
)
MODELS: dict[str, type[_Event]] = {
    model.model_fields["type"].annotation.__args__[0]: model  # type: ignore[union-attr]
    for model in (
        SessionUpdate,
        ItemCreate,
        ItemRetrieve,
        ItemTruncate,
        ItemDelete,
        AudioAppend,
        AudioCommit,
        AudioClear,
        OutputAudioClear,
        ResponseCreate,
        ResponseCancel,
    )
}


def event_id_of(event: dict[str, Any]) -> str | None:
    """The client's `event_id`, quoted by the error event about it (when it is a string)."""
    value = event.get("event_id")
    return value if isinstance(value, str) else None


def parse(event: dict[str, Any]) -> ClientEvent:
    """The client event, or the real API's error for it."""
    kind = event.get("type")
    if kind is None:
        raise missing_parameter("type")
    model = MODELS.get(kind) if isinstance(kind, str) else None
    if model is None:
        shown = kind if isinstance(kind, str) else str(kind)
        raise invalid_request(
            f"Invalid value: '{shown}'. Supported values are: {choices(MODELS)}.",
            "type",
            "invalid_value",
        )
    if kind == "session.update":  # its type decides what else is allowed: checked first
        check_session_type(event)
    parsed = validate(model, event, unknown_parameter=True)
    if isinstance(parsed, ItemCreate):
        check_item(parsed.item, "item")
    if isinstance(parsed, ResponseCreate) and parsed.response is not None:
        for index, item in enumerate(parsed.response.input or ()):
            check_item(item, f"response.input[{index}]")
        conversation = parsed.response.conversation
        if conversation not in (None, "auto", "none"):
            raise invalid_request(
                f"Invalid value: '{conversation}'. Supported values are: 'auto' and 'none'.",
                "response.conversation",
                "invalid_value",
            )
    return parsed  # type: ignore[return-value]


_ROLE_PARTS = {
    "user": {"input_text", "input_audio", "input_image"},
    "system": {"input_text"},
    "assistant": {"output_text", "output_audio"},
}
_REQUIRED = {
    "message": ("role", "content"),
    "function_call": ("name", "arguments"),
    "function_call_output": ("call_id", "output"),
}


def check_item(item: Item, where: str) -> None:
    """What each item type needs, and the content parts its role takes."""
    for field in _REQUIRED[item.type]:
        if getattr(item, field) is None:
            raise missing_parameter(f"{where}.{field}")
    if item.type != "message":
        return
    allowed = _ROLE_PARTS[item.role or "user"]
    for index, part in enumerate(item.content or ()):
        if part.type not in allowed:
            raise invalid_request(
                f"Invalid value: '{part.type}'. Supported values are: {choices(sorted(allowed))}.",
                f"{where}.content[{index}].type",
                "invalid_value",
            )
        needed = {"input_text": "text", "output_text": "text", "input_image": "image_url"}.get(
            part.type
        )
        if needed is not None and getattr(part, needed) is None:
            raise missing_parameter(f"{where}.content[{index}].{needed}")
