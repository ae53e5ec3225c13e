"""The scenario file format as pydantic models.

Validation happens once, at load time; the request path only touches the compiled form
(`engine.CompiledScenario`), never these models' validators.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, get_args

from pydantic import (
    BaseModel,
    Discriminator,
    Field,
    Tag,
    field_validator,
    model_validator,
)

from mockai.vocabulary import JOB_CLOCK, Chaos, RateLimits, Step, Stream, Strict


class Regex(Strict):
    """A regular expression the text must match somewhere (Python syntax)."""

    regex: str = Field(description="The regular expression.")

    @field_validator("regex")
    @classmethod
    def _compiles(cls, value: str) -> str:
        try:
            re.compile(value)
        except re.error as exc:
            raise ValueError(str(exc)) from None
        return value


def _text_kind(value: Any) -> str:
    return "pattern" if isinstance(value, (dict, Regex)) else "text"


# Discriminated, so a mapping is only checked as a regex and a mistake in it gives that
# mistake alone, not also "should be a valid string".
TextCondition = Annotated[
    Annotated[str, Tag("text")] | Annotated[Regex, Tag("pattern")], Discriminator(_text_kind)
]


class Match(Strict):
    """Conditions on the request; every one given must hold, none given matches everything."""

    endpoint: str | None = Field(
        None,
        description=(
            "The endpoint: a family name (`chat.completions`, `responses`...), an"
            " operation id of the OpenAPI description (`createVectorStore`) or "
            "`METHOD /path` (`POST /vector_stores`); a glob is allowed "
            "(`chat.*`)."
        ),
    )  # checked against the server's endpoint names when compiled
    model: str | None = Field(None, description="A glob on the request's model (`gpt-4o*`).")
    user: TextCondition | None = Field(
        None,
        description=(
            "The last user message contains this text (case-insensitive), or "
            "matches `{regex: ...}`."
        ),
    )
    system: TextCondition | None = Field(
        None,
        description=(
            "The system or developer message contains this text (case-"
            "insensitive), or matches `{regex: ...}`."
        ),
    )
    tools: list[str] | None = Field(
        None, description="The request offers all of these tools (by name)."
    )
    tool_result: bool | None = Field(
        None, description="true: the last input message is a tool result; false: it is not."
    )
    headers: dict[str, str] | None = Field(
        None, description="The request's headers equal these (names case-insensitive)."
    )
    file_name: str | None = Field(
        None, description="A glob on an uploaded file's name (audio, files)."
    )
    language: str | None = Field(None, description="A transcription request's `language`.")


class Scenario(Strict):
    """A scripted answer: when `match` holds, the Nth matching request gets the Nth step."""

    name: str = Field(
        min_length=1,
        description=(
            "A unique name; the request header `X-Mockai-Scenario: NAME` picks it directly."
        ),
    )
    description: str | None = Field(None, description="What the scenario is for (free text).")
    match: Match = Field(
        default_factory=Match, description="Which requests it answers; absent: every request."
    )
    replies: list[Step] | None = Field(
        None,
        min_length=1,
        description=(
            "The steps, in order; after the last, the last repeats (or `loop: "
            "true` starts over). Give this or `reply`."
        ),
    )
    reply: Step | None = Field(None, description="Shorthand for a one-step `replies`.")
    loop: bool = Field(False, description="After the last step, start over from the first.")
    stream: Stream | None = Field(
        None, description="How a streamed reply is paced (a step's own `stream` wins)."
    )
    latency_ms: float | None = Field(
        None, ge=0, description="Milliseconds to wait before a non-streamed reply."
    )
    job_clock: str | None = Field(
        None,
        pattern=JOB_CLOCK,
        description=(
            "The default pace of the jobs its steps start: instant, paused, realtime or realtime:N."
        ),
    )
    headers: dict[str, str] | None = Field(
        None, description="Extra or overriding response headers."
    )
    chaos: Chaos | None = Field(None, description="Random faults for the requests it answers.")
    limits: RateLimits | None = Field(
        None,
        description=(
            "Rate limits for the requests it answers (unset ones fall back to the server's)."
        ),
    )

    @model_validator(mode="after")
    def _replies_or_reply(self) -> Scenario:
        if (self.replies is None) == (self.reply is None):
            raise ValueError(
                "give exactly one of `replies` (a list of steps) or `reply` (one step)"
            )
        return self

    @property
    def steps(self) -> list[Step]:
        return self.replies if self.replies is not None else [self.reply]  # type: ignore[list-item]


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [model for arg in get_args(annotation) for model in _models_in(arg)]


def keys_at(path: tuple[Any, ...]) -> list[str]:
    """The keys the format allows in the mapping at `path` (list indexes skipped), for
    suggesting the intended one when a key is unknown."""
    models: list[type[BaseModel]] = [Scenario]
    for part in path:
        if not isinstance(part, int):
            models = [
                found
                for model in models
                if part in model.model_fields
                for found in _models_in(model.model_fields[part].annotation)
            ]
    return sorted({key for model in models for key in model.model_fields})
