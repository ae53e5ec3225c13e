"""The bodies of `POST /v1/fine_tuning/alpha/graders/run` and `/validate`: the grader is an
object read by its `type` (`mockai.graders.models.parse`), so its errors name its own fields
(`grader.operation`) rather than a union's branches."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class ValidateGrader(_Model):
    grader: dict[str, Any]


class RunGrader(_Model):
    grader: dict[str, Any]
    model_sample: str
    item: Any = None  # "The dataset item": any JSON value, an object usually
