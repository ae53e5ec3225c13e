"""The Responses API request (`POST /v1/responses`), validated like the real API.

Top-level fields are pydantic's job (reported through `mockai.validation`, with the newer
"Unknown parameter" wording); input items come in dozens of shapes, so they stay plain dicts
here and `mockai.inputitems` (with `items.py`) checks the ones whose rules a client can trip
over.
"""

from __future__ import annotations

from typing import Any, Literal, Union, get_args

from pydantic import BaseModel, ConfigDict, Field

from mockai.errors import invalid_request, missing_parameter
from mockai.inputitems import Include
from mockai.models import Model


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow", strict=True, frozen=True)


# The built-in tools mockai runs itself (a search or code item before the reply).
BuiltinTool = Literal[
    "web_search",
    "web_search_preview",
    "web_search_2025_08_26",
    "web_search_preview_2025_03_11",
    "file_search",
    "code_interpreter",
]
BUILTIN_TOOLS: tuple[str, ...] = get_args(BuiltinTool)
ToolType = Literal[
    "function",
    "custom",
    BuiltinTool,
    "computer",
    "computer_use_preview",
    "image_generation",
    "mcp",
    "local_shell",
    "shell",
    "apply_patch",
    # Accepted and echoed in `tools`; the model never calls them (no scripted call can be
    # made of a tool search, a namespace's own entry or programmatic calling).
    "programmatic_tool_calling",
    "namespace",
    "tool_search",
]


class Tool(_Open):
    type: ToolType
    name: str | None = Field(None, pattern=r"^[a-zA-Z0-9_-]+$", max_length=64)
    description: str | None = None
    parameters: dict[str, Any] | None = None
    strict: bool | None = None


class TextFormat(_Model):
    type: Literal["text", "json_object", "json_schema"]
    name: str | None = Field(None, pattern=r"^[a-zA-Z0-9_-]+$", max_length=64)
    description: str | None = None
    schema_: dict[str, Any] | None = Field(None, alias="schema")
    strict: bool | None = None


class TextConfig(_Model):
    format: TextFormat | None = None
    verbosity: Literal["low", "medium", "high"] | None = None


class Reasoning(_Model):
    effort: Literal["none", "minimal", "low", "medium", "high", "xhigh", "max"] | None = None
    summary: Literal["auto", "concise", "detailed"] | None = None
    generate_summary: Literal["auto", "concise", "detailed"] | None = None
    # Accepted and ignored: which past reasoning items the model sees, and its execution mode
    # (any string: the description names `standard` and `pro` but leaves the set open).
    context: Literal["auto", "current_turn", "all_turns"] | None = None
    mode: str | None = None


class AccessPrograms(_Model):
    cyber: Literal["standard", "daybreak_blue", "daybreak_red"] | None = None


class BackgroundOptions(_Model):
    completion_window: Literal["soonest", "2h", "8h"] | None = None
    continuation_id: str | None = None


class ImageOptions(_Model):
    context_compression: Literal["auto", "enabled", "disabled"] | None = None


class StreamOptions(_Model):
    include_obfuscation: bool | None = None


class ConversationRef(_Model):
    id: str


PromptCacheRetention = Literal["in-memory", "in_memory", "24h"]
Input = Union[str, list[dict[str, Any]], None]
ToolChoice = Union[Literal["none", "auto", "required"], dict[str, Any], None]
Truncation = Literal["auto", "disabled"]
Instructions = Union[str, list[dict[str, Any]], None]
ServiceTier = Literal["auto", "default", "flex", "scale", "priority", "fast", "ultrafast"]


class ResponseRequest(_Model):
    model: str
    input: Input = None
    instructions: Instructions = None
    tools: list[Tool] | None = None
    tool_choice: ToolChoice = None
    parallel_tool_calls: bool | None = None
    max_output_tokens: int | None = Field(None, ge=16)
    max_tool_calls: int | None = Field(None, ge=1)
    temperature: float | None = Field(None, ge=0, le=2)
    top_p: float | None = Field(None, ge=0, le=1)
    top_logprobs: int | None = Field(None, ge=0, le=20)
    text: TextConfig | None = None
    reasoning: Reasoning | None = None
    metadata: dict[str, str] | None = Field(None, max_length=16)
    store: bool | None = None
    truncation: Truncation | None = None
    previous_response_id: str | None = None
    conversation: str | ConversationRef | None = None
    include: list[Include] | None = None
    background: bool | None = None
    # Sent by the current SDKs though newer than the shipped description (tests/
    # test_request_models.py compares both): accepted and ignored.
    background_options: BackgroundOptions | None = None
    access_programs: AccessPrograms | None = None
    image: ImageOptions | None = None
    service_tier: ServiceTier | None = None
    prompt_cache_key: str | None = Field(None, max_length=64)
    prompt_cache_retention: PromptCacheRetention | None = None
    prompt_cache_options: dict[str, Any] | None = None
    safety_identifier: str | None = None
    user: str | None = None
    stream: bool | None = None
    stream_options: StreamOptions | None = None
    prompt: dict[str, Any] | None = None
    context_management: list[dict[str, Any]] | None = None
    moderation: Any = None

    @property
    def conversation_id(self) -> str | None:
        return conversation_id(self.conversation)


def conversation_id(conversation: str | ConversationRef | None) -> str | None:
    """The conversation a request continues (`conversation` is its id or `{"id": ...}`)."""
    return conversation.id if isinstance(conversation, ConversationRef) else conversation


class MultiAgent(_Model):
    enabled: bool
    max_concurrent_subagents: int | None = None  # "no fixed upper bound"; 3 by default


# What `client.beta.responses.create(..., betas=[...])` sends as `OpenAI-Beta` (comma-separated
# when several), with `?beta=true` on the path; without the header the beta's fields are unknown.
MULTI_AGENT_BETA = "responses_multi_agent=v1"


class BetaResponseRequest(ResponseRequest):
    """A request under the multi-agent beta: server-hosted sub-agents are accepted, none run."""

    multi_agent: MultiAgent | None = None


def request_schema(beta_header: str) -> type[ResponseRequest]:
    """The model a `POST /v1/responses` is read with, by the betas its `OpenAI-Beta` names."""
    if MULTI_AGENT_BETA in (b.strip() for b in beta_header.split(",")):
        return BetaResponseRequest
    return ResponseRequest


class _Counted(_Model):
    """What `input_tokens` and `compact` read: an input and what it continues. Their `model`
    is optional and nullable (see `lifecycle.DEFAULT_MODEL`)."""

    model: str | None = None
    input: Input = None
    instructions: Instructions = None
    previous_response_id: str | None = None


class TokenCountRequest(_Counted):
    """`POST /v1/responses/input_tokens` (the description's TokenCountsBody)."""

    tools: list[Tool] | None = None
    tool_choice: ToolChoice = None
    parallel_tool_calls: bool | None = None
    text: TextConfig | None = None
    reasoning: Reasoning | None = None
    truncation: Truncation | None = None
    conversation: str | ConversationRef | None = None
    personality: str | None = Field(None, max_length=64)  # `friendly`, `pragmatic`, "may expand"


class CompactRequest(_Counted):
    """`POST /v1/responses/compact` (CompactResponseMethodPublicBody): `model` is required
    there, yet nullable."""

    model: str | None
    prompt_cache_key: str | None = Field(None, max_length=64)
    prompt_cache_retention: PromptCacheRetention | None = None
    prompt_cache_options: dict[str, Any] | None = None
    service_tier: ServiceTier | None = None
    safety_identifier: str | None = None  # the SDK's, as `image` (see ResponseRequest)
    image: ImageOptions | None = None


def _family(tool: str) -> str:
    return "web_search" if tool.startswith("web_search") else tool


def runs_builtin(req: ResponseRequest, name: str) -> bool:
    """A call named after a built-in tool runs as that tool only when the request offers it
    (any web_search variant for any other); otherwise it is a plain function call, since a
    client may well name its own function `web_search`."""
    return name in BUILTIN_TOOLS and _family(name) in {_family(t.type) for t in req.tools or ()}


def check(req: ResponseRequest, model: Model, *, lenient: bool = False) -> None:
    """Cross-field and per-model rules, after field validation passed. `--lenient` keeps
    only those the description states (required parts), not the real API's own rules."""
    for index, tool in enumerate(req.tools or ()):
        if tool.type == "function" and tool.name is None:
            raise missing_parameter(f"tools[{index}].name")
    fmt = req.text.format if req.text is not None else None
    if fmt is not None and fmt.type == "json_schema":
        for field_name, value in (("name", fmt.name), ("schema", fmt.schema_)):
            if value is None:
                raise missing_parameter(f"text.format.{field_name}")
    if lenient:
        return
    if req.stream_options is not None and not req.stream:
        raise invalid_request(
            "The 'stream_options' parameter is only allowed when 'stream' is enabled.",
            "stream_options",
        )
    if req.previous_response_id is not None and req.conversation is not None:
        # As observed on the real API (two independent probes, 2025-10 and 2026-08): the
        # parameter list is empty and `previous_response_id` shortened, `param` null.
        raise invalid_request(
            "Mutually exclusive parameters: ''. Ensure you are only providing one of: "
            "'pre..._id' or 'conversation'.",
            None,
            "mutually_exclusive_parameters",
        )
    if req.background and req.store is False:
        raise invalid_request("Background mode requires 'store' to be true.", "background")
    if (
        req.max_output_tokens is not None
        and model.max_output_tokens
        and req.max_output_tokens > model.max_output_tokens
    ):
        raise invalid_request(
            f"max_output_tokens is too large: {req.max_output_tokens}. This model supports at "
            f"most {model.max_output_tokens} completion tokens, whereas you provided "
            f"{req.max_output_tokens}.",
            "max_output_tokens",
        )
