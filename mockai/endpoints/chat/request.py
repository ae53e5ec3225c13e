"""The chat completions request, validated like the real API validates it.

Field-level rules (types, ranges, enums, lengths) are pydantic's, reported through
`mockai.validation`; rules across fields and models (tool-call ordering, reasoning-model
restrictions, `json` in the prompt for json_object...) are checked in `check()` in the order
the real API reports them, the context window in `check_context()` once the prompt is counted.
The body that updates a stored completion's metadata is checked here too.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from mockai.errors import APIError, invalid_request, missing_parameter
from mockai.models import Model

MAX_CHOICES = 128  # `n`


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow", strict=True, frozen=True)


FUNCTION_NAME = r"^[a-zA-Z0-9_-]+$"


class FunctionDef(_Model):
    name: str = Field(pattern=FUNCTION_NAME, max_length=64)
    description: str | None = None
    parameters: dict[str, Any] | None = None
    strict: bool | None = None


class Tool(_Model):
    type: Literal["function", "custom"]
    function: FunctionDef | None = None
    custom: dict[str, Any] | None = None


class CalledFunction(_Model):
    name: str
    arguments: str


class ToolCallFunction(CalledFunction):
    """A tool call's function as the SDKs send it back.

    The Python SDK's `parse()` and `stream()` helpers add `parsed_arguments`, and the tool-loop
    idiom `messages.append(completion.choices[0].message)` sends it along. The real chat API
    accepts and ignores it: the SDK leaves it out only of Responses requests
    (`__api_exclude__`), and openai-node's `runTools` replayed it for two years until
    openai/openai-node#1990, which cites only Azure refusing it.
    """

    parsed_arguments: Any = None


class MessageToolCall(_Model):
    id: str
    type: Literal["function", "custom"] = "function"
    function: ToolCallFunction | None = None
    custom: dict[str, Any] | None = None
    # The SDKs' stream accumulators keep each delta's `index` in the final message. The real
    # API refused it for a few days in April 2024 ("Unknown parameter:
    # 'messages[1].tool_calls[0].index'", RageAgainstThePixel/OpenAI-DotNet#278,
    # songquanpeng/one-api#1319), then accepted it again; it is ignored.
    index: int | None = None


class ImageURL(_Model):
    url: str
    detail: Literal["auto", "low", "high"] | None = None


class ContentPart(_Open):
    type: Literal["text", "image_url", "input_audio", "file", "refusal"]
    text: str | None = None
    image_url: ImageURL | None = None


Role = Literal["system", "assistant", "user", "function", "tool", "developer"]


class Message(_Model):
    role: Role
    content: str | list[ContentPart] | None = None
    name: str | None = None
    tool_calls: list[MessageToolCall] | None = None
    tool_call_id: str | None = None
    function_call: CalledFunction | None = None
    refusal: str | None = None
    audio: dict[str, Any] | None = None
    # The SDK's tool loop appends the returned message as is; the real API accepts its
    # `annotations` (url citations) back, though the spec does not list them on requests.
    annotations: list[Any] | None = None
    # The structured-output helpers' `parsed` (the Python SDK's `ParsedChatCompletionMessage`,
    # openai-node's `runTools` history), likewise accepted and ignored: see `ToolCallFunction`.
    # openai/openai-node#1161 shows it reaching the API in every `runTools` loop; only Azure
    # answered "Additional properties are not allowed ('parsed', 'refusal' were unexpected)".
    parsed: Any = None


class JsonSchemaFormat(_Model):
    name: str = Field(pattern=FUNCTION_NAME, max_length=64)
    description: str | None = None
    schema_: dict[str, Any] | None = Field(None, alias="schema")
    strict: bool | None = None


class ResponseFormat(_Model):
    type: Literal["text", "json_object", "json_schema"]
    json_schema: JsonSchemaFormat | None = None


class StreamOptions(_Model):
    include_usage: bool | None = None
    include_obfuscation: bool | None = None


class NamedFunction(_Model):
    name: str


class NamedToolChoice(_Model):
    type: Literal["function", "custom", "allowed_tools"]
    function: NamedFunction | None = None
    custom: dict[str, Any] | None = None
    allowed_tools: dict[str, Any] | None = None


class ChatRequest(_Model):
    model: str
    messages: list[Message] = Field(min_length=1)
    audio: dict[str, Any] | None = None
    frequency_penalty: float | None = Field(None, ge=-2, le=2)
    function_call: Literal["none", "auto"] | NamedFunction | None = None
    functions: list[FunctionDef] | None = Field(None, min_length=1, max_length=128)
    logit_bias: dict[str, int] | None = None
    logprobs: bool | None = None
    max_completion_tokens: int | None = Field(None, ge=1)
    max_tokens: int | None = Field(None, ge=1)
    metadata: dict[str, str] | None = None
    modalities: list[Literal["text", "audio"]] | None = None
    moderation: Any = None
    n: int | None = Field(None, ge=1, le=MAX_CHOICES)
    parallel_tool_calls: bool | None = None
    prediction: dict[str, Any] | None = None
    presence_penalty: float | None = Field(None, ge=-2, le=2)
    prompt_cache_key: str | None = None
    prompt_cache_options: Any = None
    prompt_cache_retention: str | None = None
    reasoning_effort: Literal["none", "minimal", "low", "medium", "high", "xhigh", "max"] | None = (
        None
    )
    response_format: ResponseFormat | None = None
    safety_identifier: str | None = None
    seed: int | None = None
    service_tier: Literal["auto", "default", "flex", "scale", "priority", "fast"] | None = None
    stop: str | Annotated[list[str], Field(max_length=4)] | None = None
    store: bool | None = None
    stream: bool | None = None
    stream_options: StreamOptions | None = None
    temperature: float | None = Field(None, ge=0, le=2)
    tool_choice: Literal["none", "auto", "required"] | NamedToolChoice | None = None
    tools: list[Tool] | None = Field(None, min_length=1)
    top_logprobs: int | None = Field(None, ge=0, le=20)
    top_p: float | None = Field(None, ge=0, le=1)
    user: str | None = None
    verbosity: Literal["low", "medium", "high"] | None = None
    web_search_options: dict[str, Any] | None = None

    @property
    def output_limit(self) -> int | None:
        return (
            self.max_completion_tokens
            if self.max_completion_tokens is not None
            else self.max_tokens
        )


def _check_messages(req: ChatRequest) -> None:
    pending: dict[str, int] = {}  # tool_call_id -> index of the assistant message that asked
    for index, message in enumerate(req.messages):
        role = message.role
        if role in ("system", "developer", "user") and message.content is None:
            raise missing_parameter(f"messages[{index}].content")
        if role == "tool":
            if message.tool_call_id is None:
                raise missing_parameter(f"messages[{index}].tool_call_id")
            if message.tool_call_id not in pending:
                raise invalid_request(
                    "Invalid parameter: messages with role 'tool' must be a response to a "
                    "preceeding message with 'tool_calls'.",
                    f"messages.[{index}].role",
                )
            pending.pop(message.tool_call_id)
            continue
        if pending:
            raise _unanswered(pending)
        if role == "assistant" and message.tool_calls:
            pending = {call.id: index for call in message.tool_calls}
    if pending:
        raise _unanswered(pending)


def _unanswered(pending: dict[str, int]) -> APIError:
    return invalid_request(
        "An assistant message with 'tool_calls' must be followed by tool messages responding "
        "to each 'tool_call_id'. The following tool_call_ids did not have response messages: "
        f"{', '.join(pending)}",
        f"messages.[{min(pending.values())}].role",
    )


def _mentions_json(req: ChatRequest) -> bool:
    for message in req.messages:
        if isinstance(message.content, str):
            if "json" in message.content.lower():
                return True
        elif message.content:
            if any(part.text and "json" in part.text.lower() for part in message.content):
                return True
    return False


def check(req: ChatRequest, model: Model, *, lenient: bool = False) -> None:
    """Cross-field and per-model rules, after field validation passed. `--lenient` keeps
    only those the description states (required parts), not the real API's own rules."""
    if (
        req.response_format is not None
        and req.response_format.type == "json_schema"
        and req.response_format.json_schema is None
    ):
        raise missing_parameter("response_format.json_schema")
    for index, tool in enumerate(req.tools or ()):
        if tool.type == "function" and tool.function is None:
            raise missing_parameter(f"tools[{index}].function")
    if not lenient:
        _check_rules(req, model)


def _check_rules(req: ChatRequest, model: Model) -> None:
    """The real API's rules beyond its description's schemas."""
    if req.stream_options is not None and not req.stream:
        raise invalid_request(
            "The 'stream_options' parameter is only allowed when 'stream' is enabled.",
            "stream_options",
        )
    if req.tool_choice is not None and not req.tools:
        raise invalid_request(
            "Invalid value for 'tool_choice': 'tool_choice' is only allowed when 'tools' are "
            "specified.",
            "tool_choice",
        )
    if req.top_logprobs is not None and not req.logprobs:
        raise invalid_request(
            "Invalid value for 'logprobs': must be true when 'top_logprobs' is specified.",
            "logprobs",
            "invalid_value",
        )
    _check_messages(req)
    for name in ("max_tokens", "max_completion_tokens"):
        value = getattr(req, name)
        if value is not None and model.max_output_tokens and value > model.max_output_tokens:
            raise invalid_request(
                f"{name} is too large: {value}. This model supports at most "
                f"{model.max_output_tokens} completion tokens, whereas you provided {value}.",
                name,
            )
    if (
        req.response_format is not None
        and req.response_format.type == "json_object"
        and not _mentions_json(req)
    ):
        raise invalid_request(
            "'messages' must contain the word 'json' in some form, to use 'response_format' of "
            "type 'json_object'.",
            "messages",
        )


def check_context(prompt: int, limit: int | None, model: Model) -> None:
    """The prompt, and the prompt with the completion's limit, fit the model's context window."""
    window = model.context_window
    if prompt > window:
        raise invalid_request(
            f"This model's maximum context length is {window} tokens. However, your messages "
            f"resulted in {prompt} tokens. Please reduce the length of the messages.",
            "messages",
            "context_length_exceeded",
        )
    if limit is not None and prompt + limit > window:
        raise invalid_request(
            f"This model's maximum context length is {window} tokens. However, you requested "
            f"{prompt + limit} tokens ({prompt} in the messages, {limit} in the completion). "
            "Please reduce the length of the messages or completion.",
            "messages",
            "context_length_exceeded",
        )


# -- updating a stored completion (`POST /v1/chat/completions/{completion_id}`) ----------------
METADATA_PAIRS = 16
METADATA_KEY = 64
METADATA_VALUE = 512


class MetadataUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    metadata: dict[str, str] | None


def check_metadata(metadata: dict[str, str]) -> None:
    """Metadata's limits: 16 pairs, keys up to 64 and values up to 512 characters."""
    if len(metadata) > METADATA_PAIRS:
        raise invalid_request(
            f"Invalid 'metadata': too many properties. Expected an object with at most "
            f"{METADATA_PAIRS} properties, but got an object with {len(metadata)} properties "
            "instead.",
            "metadata",
            "object_above_max_properties",
        )
    for key, value in metadata.items():
        for what, text, limit in (("key", key, METADATA_KEY), ("value", value, METADATA_VALUE)):
            if len(text) > limit:
                raise invalid_request(
                    f"Invalid 'metadata': string too long. Expected a metadata {what} with maximum "
                    f"length {limit}, but got a string with length {len(text)} instead.",
                    "metadata",
                    "string_above_max_length",
                )
