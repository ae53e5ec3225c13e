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
    regex: str

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
    endpoint: str | None = None  # checked against the server's endpoint names when compiled
    model: str | None = None
    user: TextCondition | None = None
    system: TextCondition | None = None
    tools: list[str] | None = None
    tool_result: bool | None = None
    headers: dict[str, str] | None = None
    file_name: str | None = None  # glob on an uploaded file's name (audio, files)
    language: str | None = None  # a transcription request's `language`


class Scenario(Strict):
    name: str = Field(min_length=1)
    description: str | None = None
    match: Match = Field(default_factory=Match)
    replies: list[Step] | None = Field(None, min_length=1)
    reply: Step | None = None
    loop: bool = False
    stream: Stream | None = None
    latency_ms: float | None = Field(None, ge=0)
    job_clock: str | None = Field(None, pattern=JOB_CLOCK)  # the steps' default
    headers: dict[str, str] | None = None
    chaos: Chaos | None = None
    limits: RateLimits | None = None

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
