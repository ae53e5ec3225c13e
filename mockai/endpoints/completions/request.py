"""The legacy completions request (`CreateCompletionRequest`), validated like the real API.

Field rules (types, ranges, lengths) are pydantic's, worded by `mockai.validation` exactly as
for chat; the rules that involve several fields or the model are in `check()`, the context
window in `check_context()` once the prompts are counted.
"""

from __future__ import annotations

from typing import Annotated, Any, Union

from pydantic import BaseModel, ConfigDict, Field

from mockai.errors import invalid_request
from mockai.models import Model
from mockai.validation import validate

TokenIds = Annotated[list[int], Field(min_length=1)]
Prompts = Union[str, list[Any], None]  # lists are checked for one shape in `check()`
# Only gpt-3.5-turbo-instruct inserts text (the spec's `suffix` note); the base models reject
# the argument as unknown, the way gpt-3.5-turbo-instruct itself did before suffix support was
# switched on (openai/openai-python#619).
NO_SUFFIX_MODELS = ("davinci-002", "babbage-002")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class StreamOptions(_Model):
    include_usage: bool | None = None
    include_obfuscation: bool | None = (
        None  # accepted (shared schema); completion chunks carry none
    )


class CompletionRequest(_Model):
    model: str
    # Absent or null: the document separator, as the spec's default says.
    prompt: Prompts = None
    best_of: int | None = Field(None, ge=0, le=20)
    echo: bool | None = None
    frequency_penalty: float | None = Field(None, ge=-2, le=2)
    logit_bias: dict[str, int] | None = None
    logprobs: int | None = Field(None, ge=0, le=5)
    # The default is 16 tokens when absent; an explicit null leaves only the context window.
    max_tokens: int | None = Field(16, ge=0)
    n: int | None = Field(None, ge=1, le=128)
    presence_penalty: float | None = Field(None, ge=-2, le=2)
    seed: int | None = None
    stop: str | Annotated[list[str], Field(max_length=4)] | None = None
    stream: bool | None = None
    stream_options: StreamOptions | None = None
    suffix: str | None = None
    temperature: float | None = Field(None, ge=0, le=2)
    top_p: float | None = Field(None, ge=0, le=1)
    user: str | None = None

    @property
    def choices_per_prompt(self) -> int:
        return self.n or 1

    @property
    def candidates_per_prompt(self) -> int:
        """How many completions are generated per prompt (and billed): `best_of`, else `n`."""
        return self.best_of if self.best_of is not None else self.choices_per_prompt


class _Strings(_Model):
    prompt: Annotated[list[str], Field(min_length=1)]


class _Tokens(_Model):
    prompt: TokenIds


class _TokenArrays(_Model):
    prompt: Annotated[list[TokenIds], Field(min_length=1)]


def _check_prompt(prompt: list[Any]) -> None:
    """A prompt list holds strings, token ids or token arrays, not a mix: its first item says
    which, and the others are reported against that shape (`prompt[1]`), where one union of
    all shapes would only say that the whole list is not a string."""
    first = prompt[0] if prompt else ""
    shape = (
        _Strings if isinstance(first, str) else _TokenArrays if isinstance(first, list) else _Tokens
    )
    validate(shape, {"prompt": prompt})


def check(req: CompletionRequest, model: Model, *, lenient: bool = False) -> None:
    """Rules across fields and per model, after field validation passed. `--lenient` keeps
    only the prompt's shape, which the description states, not the real API's own rules."""
    if isinstance(req.prompt, list):
        _check_prompt(req.prompt)
    if lenient:
        return
    if req.stream_options is not None and not req.stream:
        raise invalid_request(
            "The 'stream_options' parameter is only allowed when 'stream' is enabled.",
            "stream_options",
        )
    # No public record of the real texts for these two was found: the wording follows the
    # spec's note ("best_of must be greater than n", "Results cannot be streamed") and the
    # guard the official client libraries once applied before sending.
    if req.best_of is not None and req.best_of < req.choices_per_prompt:
        raise invalid_request("best_of must be greater than or equal to n.", "best_of")
    if req.stream and req.best_of is not None and req.best_of > 1:
        raise invalid_request("Cannot stream results when best_of > 1.", "best_of")
    if req.suffix is not None and model.id.removeprefix("ft:").startswith(NO_SUFFIX_MODELS):
        raise invalid_request("Unrecognized request argument supplied: suffix")


def check_context(prompt: int, limit: int | None, model: Model) -> None:
    """Each prompt with the completion fits the context window. The legacy endpoint's own
    wording, param and code null (OpenHands/OpenHands#1126 with
    gpt-3.5-turbo-instruct's default 16, acheong08/ChatGPT#501); a null limit counts as 0."""
    requested = prompt + (limit or 0)
    if requested > model.context_window:
        raise invalid_request(
            f"This model's maximum context length is {model.context_window} tokens, however you "
            f"requested {requested} tokens ({prompt} in your prompt; {limit or 0} for the "
            "completion). Please reduce your prompt; or completion length."
        )
