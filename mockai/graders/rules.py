"""The rules a grader definition must follow beyond its schema, checked by `validate` and
before a run (not under `--lenient`, where a run reports what breaks them in its `errors`):
templates of known namespaces, a formula over the sub-graders' names, model graders with
messages, a score range low to high, passing labels among the labels, python source that
defines `grade(sample, item)`.

The rules are the graders guide's; their wordings are not known from evidence (the real API's
texts for them are not published), so they follow the real API's usual `Invalid 'param': ...`
form.
"""

from __future__ import annotations

import ast

from mockai.errors import APIError, invalid_request
from mockai.graders import formula, templates
from mockai.graders.models import (
    Grader,
    LabelModel,
    Message,
    Multi,
    Python,
    ScoreModel,
    StringCheck,
    TextSimilarity,
)

PYTHON_SOURCE_BYTES = 256 * 1024  # the guide: "less than 256kB"


def _invalid(param: str, why: str) -> APIError:
    return invalid_request(f"Invalid '{param}': {why}", param, "invalid_value")


def _template(text: str, param: str) -> None:
    try:
        templates.check(text)
    except templates.TemplateError as exc:
        raise _invalid(param, str(exc)) from None


def message_texts(message: Message, param: str) -> list[tuple[str, str]]:
    """Every templated string of a message, with its param."""
    content = message.content
    if isinstance(content, str):
        return [(content, f"{param}.content")]
    parts = content if isinstance(content, list) else [content]
    found = []
    for index, part in enumerate(parts):
        at = f"{param}.content[{index}]" if isinstance(content, list) else f"{param}.content"
        if part.type in ("input_text", "output_text"):
            found.append((part.text, f"{at}.text"))  # type: ignore[union-attr]
        elif part.type == "input_image":
            found.append((part.image_url, f"{at}.image_url"))  # type: ignore[union-attr]
        elif part.type == "input_audio":
            found.append((part.input_audio.data, f"{at}.input_audio.data"))  # type: ignore[union-attr]
    return found


def _model_grader(grader: ScoreModel | LabelModel, where: str) -> None:
    if not grader.input:
        raise _invalid(f"{where}.input", "a model grader needs at least one input message.")
    for index, message in enumerate(grader.input):
        for text, param in message_texts(message, f"{where}.input[{index}]"):
            _template(text, param)


def check(grader: Grader, where: str = "grader") -> None:
    """Raise the 400 for the first rule `grader` breaks."""
    if isinstance(grader, (StringCheck, TextSimilarity)):
        _template(grader.input, f"{where}.input")
        _template(grader.reference, f"{where}.reference")
    if isinstance(grader, TextSimilarity) and grader.pass_threshold is not None:
        if not 0 <= grader.pass_threshold <= 1:
            raise _invalid(f"{where}.pass_threshold", "must be between 0 and 1.")
    if isinstance(grader, ScoreModel):
        _model_grader(grader, where)
        low, high = grader.bounds
        if low >= high:
            raise _invalid(f"{where}.range", "the lower bound must be below the upper bound.")
    if isinstance(grader, LabelModel):
        _model_grader(grader, where)
        if not grader.labels:
            raise _invalid(f"{where}.labels", "at least one label is required.")
        outside = [label for label in grader.passing_labels if label not in grader.labels]
        if not grader.passing_labels or outside:
            raise _invalid(f"{where}.passing_labels", "must be a non-empty subset of the labels.")
    if isinstance(grader, Python):
        _python(grader, where)
    if isinstance(grader, Multi):
        if not grader.named:
            raise _invalid(f"{where}.graders", "a multi grader needs at least one grader.")
        for key, sub in grader.named.items():
            check(sub, f"{where}.graders.{key}")
        try:
            formula.parse(grader.calculate_output, grader.named)
        except formula.FormulaError as exc:
            raise _invalid(f"{where}.calculate_output", f"{exc}.") from None


def _python(grader: Python, where: str) -> None:
    param = f"{where}.source"
    if len(grader.source.encode()) >= PYTHON_SOURCE_BYTES:
        raise _invalid(param, "the source must be less than 256kB.")
    try:
        tree = ast.parse(grader.source)  # parsed only: mockai runs no python grader
    except SyntaxError as exc:
        why = f"the source does not compile: {exc.msg} (line {exc.lineno})."
        raise _invalid(param, why) from None
    grade = next(
        (n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "grade"), None
    )
    if grade is None or len(grade.args.args) != 2:
        raise _invalid(param, "the source must define grade(sample, item).")
