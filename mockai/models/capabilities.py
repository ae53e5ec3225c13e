"""Per-model capability checks: what the real API refuses because *this model* does not
support it, with the real error for each.

Handlers call `check_endpoint` once they know the model, then `check_chat` or
`check_responses` once the body passed field validation. Everything here is driven by the
catalog's facts (`Model.served_by`, `efforts`, `modalities_*`, `tools`), so a new model is
a data change. Under `--lenient` every model passes every check (`Model.checked` is False).

Texts, as clients have reported them:
- wrong endpoint: "This is a chat model and not supported in the v1/completions endpoint..."
  (tmc/langchaingo#201), "This is not a chat model and thus not supported in the
  v1/chat/completions endpoint..." (langbot-app/LangBot#400), "This model is only supported
  in v1/responses and not in v1/chat/completions." (sigoden/aichat#1318), "The requested model
  '...' is not supported with the Responses API." with code model_not_found (Laisky/one-api#88,
  CherryHQ/cherry-studio#6170);
- efforts: "Unsupported value: 'reasoning_effort' does not support 'none' with this model.
  Supported values are: ..." on chat (Kilo-Org/cloud#3807), "Unsupported value: 'minimal' is
  not supported with the 'gpt-5.1' model. ..." with param reasoning.effort on Responses
  (openai/openai-agents-python#2089); a non-reasoning model: "Unsupported parameter:
  'reasoning.effort' is not supported with this model." (RageAgainstThePixel/OpenAI-DotNet#500);
- sampling on reasoning models: chat's "Unsupported value: 'temperature' does not support 0.2
  with this model. Only the default (1) value is supported.", Responses' "Unsupported
  parameter: 'temperature' is not supported with this model."; gpt-5.1 and later take them
  when the request runs with effort `none` (the GPT-5.1/5.2 guide);
- audio chat models without audio: "This model requires that either input content or output
  modality contain audio." (CherryHQ/cherry-studio#1179); image parts on a text-only model:
  "Invalid content type. image_url is only supported by certain models.";
- tools on a model without function calling: "tools is not supported in this model. For a
  list of supported models, refer to https://platform.openai.com/docs/guides/function-calling#models-supporting-function-calling."
- the audio and moderation services answer a model they do not serve as one that does not
  exist: 404 "The model `...` does not exist or you do not have access to it." with code
  model_not_found (a chat model on v1/audio/speech or v1/moderations, gpt-4o-transcribe on
  v1/audio/translations).
No public record was found for audio output asked of a text model nor for a non-chat model
on v1/completions: those follow the unsupported-value and wrong-endpoint texts above.
"""

from __future__ import annotations

from typing import Any

from mockai.errors import APIError, choices, invalid_request, model_not_found
from mockai.models.model import Model

FUNCTION_CALLING_GUIDE = (
    "https://platform.openai.com/docs/guides/function-calling#models-supporting-function-calling"
)
# chat's parameters a reasoning model refuses unless it runs with effort `none`
_CHAT_PENALTIES = ("logprobs", "top_logprobs", "presence_penalty", "frequency_penalty")
# endpoints whose refusal of a model they do not serve is the unknown model's 404
_NOT_FOUND_ELSEWHERE = (
    "audio.speech",
    "audio.transcriptions",
    "audio.translations",
    "moderations",
    "realtime",
)


def _wrong_endpoint(model: Model, endpoint: str) -> APIError:
    chat_like = model.kind == "chat"
    if endpoint == "chat.completions":
        if "responses" in model.served_by:
            return APIError(
                404,
                "This model is only supported in v1/responses and not in v1/chat/completions.",
                param="model",
                code=None,
            )
        return APIError(
            404,
            "This is not a chat model and thus not supported in the "
            "v1/chat/completions endpoint. Did you mean to use v1/completions?",
            param="model",
            code=None,
        )
    if endpoint == "responses":
        return invalid_request(
            f"The requested model '{model.id}' is not supported with the Responses API.",
            "model",
            "model_not_found",
        )
    if endpoint == "completions":
        if chat_like:
            return APIError(
                404,
                "This is a chat model and not supported in the v1/completions "
                "endpoint. Did you mean to use v1/chat/completions?",
                param="model",
                code=None,
            )
        return APIError(
            404,
            "This model is not supported in the v1/completions endpoint.",
            param="model",
            code=None,
        )
    if endpoint == "embeddings":
        return APIError(
            403,
            "You are not allowed to generate embeddings from this model",
            type="invalid_request_error",
            code=None,
        )
    if endpoint in _NOT_FOUND_ELSEWHERE:
        return model_not_found(model.id)
    raise ValueError(f"no refusal text for endpoint {endpoint!r}")


def check_endpoint(model: Model, endpoint: str) -> None:
    """The real refusal when `endpoint` (a `KIND_ENDPOINTS` name) does not serve `model`."""
    if model.checked and endpoint not in model.served_by:
        raise _wrong_endpoint(model, endpoint)


def effort_of(model: Model, asked: str | None) -> str:
    """The effort a reasoning model runs with: the one asked for, else its default."""
    return asked or model.default_effort


def _check_effort(model: Model, effort: str | None, param: str, chat: bool) -> None:
    if effort is None:
        return
    if not model.reasoning or model.efforts == ():
        raise invalid_request(
            f"Unsupported parameter: '{param}' is not supported with this model.",
            param,
            "unsupported_parameter",
        )
    if model.efforts is not None and effort not in model.efforts:
        asked = (
            f"'reasoning_effort' does not support '{effort}' with this model"
            if chat
            else f"'{effort}' is not supported with the '{model.id}' model"
        )
        raise invalid_request(
            f"Unsupported value: {asked}. Supported values are: {choices(model.efforts)}.",
            param,
            "unsupported_value",
        )


def _samples_freely(model: Model, effort: str | None) -> bool:
    """Non-reasoning models take sampling parameters; reasoning ones only running at `none`."""
    return not model.reasoning or effort_of(model, effort) == "none"


def _unsupported_parameter(name: str, hint: str = "") -> APIError:
    return invalid_request(
        f"Unsupported parameter: '{name}' is not supported with this model." + hint,
        name,
        "unsupported_parameter",
    )


def _check_tools(model: Model, tools: Any) -> None:
    if tools and not model.tools:
        raise invalid_request(
            "tools is not supported in this model. For a list of supported "
            f"models, refer to {FUNCTION_CALLING_GUIDE}.",
            "tools",
        )


def _content_types(messages: list[Any]) -> set[str]:
    return {
        part.type
        for message in messages
        if isinstance(message.content, list)
        for part in message.content
    }


def _check_modalities(model: Model, req: Any) -> None:
    wants_audio = "audio" in (req.modalities or ()) or req.audio is not None
    if wants_audio and "audio" not in model.modalities_out:
        raise invalid_request(
            "Unsupported value: 'modalities' does not support 'audio' with "
            f"this model. Supported values are: {choices(model.modalities_out)}.",
            "modalities",
            "unsupported_value",
        )
    parts = _content_types(req.messages)
    if model.audio_required and not wants_audio and "input_audio" not in parts:
        raise invalid_request(
            "This model requires that either input content or output modality contain audio.",
            "model",
            "invalid_value",
        )
    if "image_url" in parts and "image" not in model.modalities_in:
        raise invalid_request(
            "Invalid content type. image_url is only supported by certain models.", "messages"
        )


def check_chat(model: Model, req: Any) -> None:
    """A chat completions request (`ChatRequest`) against what `model` supports."""
    if not model.checked:
        return
    _check_effort(model, req.reasoning_effort, "reasoning_effort", chat=True)
    if model.reasoning and req.max_tokens is not None:
        raise _unsupported_parameter("max_tokens", " Use 'max_completion_tokens' instead.")
    if not _samples_freely(model, req.reasoning_effort):
        for name in ("temperature", "top_p"):
            value = getattr(req, name)
            if value is not None and value != 1:
                raise invalid_request(
                    f"Unsupported value: '{name}' does not support {value} with this model. "
                    "Only the default (1) value is supported.",
                    name,
                    "unsupported_value",
                )
        for name in _CHAT_PENALTIES:
            if getattr(req, name) not in (None, False, 0):
                raise _unsupported_parameter(name)
    _check_tools(model, req.tools or req.functions)
    _check_modalities(model, req)


def check_responses(model: Model, req: Any) -> None:
    """A Responses request (`ResponseRequest`) against what `model` supports."""
    if not model.checked:
        return
    effort = req.reasoning.effort if req.reasoning is not None else None
    _check_effort(model, effort, "reasoning.effort", chat=False)
    if not _samples_freely(model, effort):
        for name in ("temperature", "top_p"):
            value = getattr(req, name)
            if value is not None and value != 1:
                raise _unsupported_parameter(name)
    _check_tools(model, [t for t in req.tools or () if t.type == "function"])
