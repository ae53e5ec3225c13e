"""Running a grader on an item and a sample: its reward, each sub-grader's, and the run's
metadata as `RunGraderResponse` reports them.

What goes wrong while grading is no HTTP error but a flag in `metadata.errors` with a reward of
0, as in the real API: a variable the item or sample lacks (`invalid_variable_error`),
`sample.output_json` of a sample that is not JSON (`sample_parse_error`), a formula that does
not parse (`formula_parse_error`, reachable under `--lenient` only: otherwise the definition is
refused first) or cannot be computed (`other_error`), a model grader's failed call, refusal or
unreadable answer (`model_grader_*`). A python grader never runs: mockai has no sandbox, so
it reports `python_grader_server_error` (see `NO_SANDBOX`).

Model graders ask through `Ask`, a function the caller injects (`mockai.toolkit.graders` asks
mockai's own chat completions), with the structured output the graders guide documents:
`{"result": ..., "steps": [{"description", "conclusion"}]}`, the result a number in the
grader's range (`score_model`) or one of its labels (`label_model`).
"""

from __future__ import annotations

import asyncio
import math
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import orjson

from mockai.graders import formula, similarity, templates
from mockai.graders.models import (
    Grader,
    LabelModel,
    Message,
    ModelGrader,
    Multi,
    Python,
    ScoreModel,
    StringCheck,
    TextSimilarity,
)

# `python_grader_server_error_type` of a python grader run: mockai's own word (the real API's
# types are not published) for "no sandbox to run it in".
NO_SANDBOX = "sandbox_unavailable"
FLAGS = (
    "formula_parse_error",
    "sample_parse_error",
    "truncated_observation_error",
    "unresponsive_reward_error",
    "invalid_variable_error",
    "other_error",
    "python_grader_server_error",
    "python_grader_server_error_type",
    "python_grader_runtime_error",
    "python_grader_runtime_error_details",
    "model_grader_server_error",
    "model_grader_refusal_error",
    "model_grader_parse_error",
    "model_grader_server_error_details",
)
_DETAILS = {
    "python_grader_server_error_type",
    "python_grader_runtime_error_details",
    "model_grader_server_error_details",
}


@dataclass
class ModelCall:
    """What a model grader asks: its model, templated messages, sampling parameters and the
    JSON schema of the structured answer."""

    grader: ModelGrader
    messages: list[Message]
    schema: dict[str, Any]


@dataclass
class ModelAnswer:
    """The model's answer: its text or refusal, the model that answered and the token usage
    (`prompt_tokens`, `completion_tokens`, `total_tokens`, `cached_tokens`); or `error`."""

    text: str | None = None
    refusal: str | None = None
    model: str | None = None
    usage: dict[str, int] | None = None
    error: str | None = None


Ask = Callable[[ModelCall], Awaitable[ModelAnswer]]


def _no_errors() -> dict[str, Any]:
    return {flag: None if flag in _DETAILS else False for flag in FLAGS}


@dataclass
class Graded:
    """One grader's run; `passed` is for the evals (pass threshold, passing labels)."""

    grader: Grader
    reward: float = 0.0
    passed: bool | None = None
    errors: dict[str, Any] = field(default_factory=_no_errors)
    execution_time: float = 0.0
    sub_rewards: dict[str, float] = field(default_factory=dict)
    usage: dict[str, dict[str, int]] = field(default_factory=dict)  # per model
    sampled_model_name: str | None = None

    def fail(self, flag: str, details: str | None = None, detail_flag: str | None = None) -> None:
        self.reward = 0.0
        self.passed = False
        self.errors[flag] = True
        if detail_flag is not None:
            self.errors[detail_flag] = details

    def token_usage(self) -> dict[str, int] | None:
        if not self.usage:
            return None
        total: dict[str, int] = {}
        for usage in self.usage.values():
            for key, count in usage.items():
                total[key] = total.get(key, 0) + count
        return total

    def body(self) -> dict[str, Any]:
        """The `RunGraderResponse`."""
        return {
            "reward": self.reward,
            "metadata": {
                "name": self.grader.name,
                "type": self.grader.type,
                "errors": self.errors,
                "execution_time": self.execution_time,
                "scores": {},
                # An object as the description's example shows (its schema says integer).
                "token_usage": self.token_usage(),
                "sampled_model_name": self.sampled_model_name,
            },
            "sub_rewards": self.sub_rewards,
            "model_grader_token_usage_per_model": self.usage,
        }


def score_schema(grader: ScoreModel) -> dict[str, Any]:
    low, high = grader.bounds
    return _answer_schema({"type": "number", "minimum": low, "maximum": high})


def label_schema(grader: LabelModel) -> dict[str, Any]:
    return _answer_schema({"type": "string", "enum": list(grader.labels)})


def _answer_schema(result: dict[str, Any]) -> dict[str, Any]:
    step = {
        "type": "object",
        "properties": {"description": {"type": "string"}, "conclusion": {"type": "string"}},
        "required": ["description", "conclusion"],
        "additionalProperties": False,
    }
    return {
        "type": "object",
        "properties": {"steps": {"type": "array", "items": step}, "result": result},
        "required": ["steps", "result"],
        "additionalProperties": False,
    }


def _templated(message: Message, context: templates.Context) -> Message:
    body = message.model_dump(exclude_none=True)
    content = body["content"]
    if isinstance(content, str):
        body["content"] = templates.render(content, context)
    else:
        for part in content if isinstance(content, list) else [content]:
            for key in ("text", "image_url"):
                if key in part:
                    part[key] = templates.render(part[key], context)
            if "input_audio" in part:
                audio = part["input_audio"]
                audio["data"] = templates.render(audio["data"], context)
    return Message.model_validate(body)


def _answer_value(text: str) -> Any:
    """The `result` of a structured answer, else the whole text."""
    try:
        parsed = orjson.loads(text)
    except orjson.JSONDecodeError:
        return text.strip()
    return parsed.get("result") if isinstance(parsed, dict) else parsed


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        number = float(value)
    elif isinstance(value, str):
        try:
            number = float(value.strip())
        except ValueError:
            return None
    else:
        return None
    return number if math.isfinite(number) else None


async def _ask(graded: Graded, grader: ModelGrader, context: templates.Context, ask: Ask) -> None:
    messages = [_templated(message, context) for message in grader.input]
    schema = score_schema(grader) if isinstance(grader, ScoreModel) else label_schema(grader)
    answer = await ask(ModelCall(grader, messages, schema))
    if answer.model is not None:
        graded.sampled_model_name = answer.model
        if answer.usage is not None:
            graded.usage[answer.model] = answer.usage
    if answer.error is not None:
        graded.fail("model_grader_server_error", answer.error, "model_grader_server_error_details")
        return
    if answer.refusal is not None or answer.text is None:
        graded.fail("model_grader_refusal_error")
        return
    value = _answer_value(answer.text)
    if isinstance(grader, ScoreModel):
        number = _number(value)
        if number is None:  # the guide: "default to 0 for all non-numeric outputs"
            graded.fail("model_grader_parse_error")
            return
        low, high = grader.bounds
        graded.reward = min(max(number, low), high)  # "truncated to the given range"
        threshold = grader.pass_threshold
        graded.passed = None if threshold is None else graded.reward >= threshold
        return
    if not isinstance(value, str) or value not in grader.labels:
        graded.fail("model_grader_parse_error")
        return
    graded.passed = value in grader.passing_labels
    graded.reward = 1.0 if graded.passed else 0.0


def _string_check(grader: StringCheck, given: str, reference: str) -> bool:
    if grader.operation == "eq":
        return given == reference
    if grader.operation == "ne":
        return given != reference
    if grader.operation == "like":
        return reference in given
    return reference.lower() in given.lower()


async def _multi(
    graded: Graded, grader: Multi, context: templates.Context, ask: Ask, seed: int
) -> None:
    for key, sub in grader.named.items():
        done = await grade(sub, context, ask, seed=seed)
        graded.sub_rewards[key] = done.reward
        for flag, value in done.errors.items():
            if value and not graded.errors[flag]:
                graded.errors[flag] = value
        for model, usage in done.usage.items():
            merged = graded.usage.setdefault(model, {})
            for name, count in usage.items():
                merged[name] = merged.get(name, 0) + count
        graded.sampled_model_name = graded.sampled_model_name or done.sampled_model_name
    try:
        parsed = formula.parse(grader.calculate_output, grader.named)
    except formula.FormulaError:
        graded.fail("formula_parse_error")
        return
    try:
        graded.reward = formula.evaluate(parsed, graded.sub_rewards)
    except (ArithmeticError, ValueError):
        graded.fail("other_error")


async def _grade(
    graded: Graded, grader: Grader, context: templates.Context, ask: Ask, seed: int
) -> None:
    if isinstance(grader, StringCheck):
        passed = _string_check(
            grader,
            templates.render(grader.input, context),
            templates.render(grader.reference, context),
        )
        graded.reward, graded.passed = (1.0 if passed else 0.0), passed
    elif isinstance(grader, TextSimilarity):
        # In a thread: the longest-common-subsequence metrics are quadratic in long texts.
        graded.reward = await asyncio.to_thread(
            similarity.score,
            grader.evaluation_metric,
            templates.render(grader.input, context),
            templates.render(grader.reference, context),
            seed,
        )
        threshold = grader.pass_threshold
        graded.passed = None if threshold is None else graded.reward >= threshold
    elif isinstance(grader, Python):
        graded.fail("python_grader_server_error", NO_SANDBOX, "python_grader_server_error_type")
    elif isinstance(grader, Multi):
        await _multi(graded, grader, context, ask, seed)
    else:
        await _ask(graded, grader, context, ask)


async def grade(grader: Grader, context: templates.Context, ask: Ask, *, seed: int = 0) -> Graded:
    """Run `grader` (`seed`: the deterministic embeddings' key, for `cosine`)."""
    started = time.perf_counter()
    graded = Graded(grader)
    try:
        await _grade(graded, grader, context, ask, seed)
    except templates.NoOutputJson:
        graded.fail("sample_parse_error")
    except (templates.MissingVariable, templates.TemplateError):
        graded.fail("invalid_variable_error")
    graded.execution_time = time.perf_counter() - started
    return graded
