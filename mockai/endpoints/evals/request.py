"""The bodies of the eval routes (`CreateEval`, `UpdateEval`, `CreateEvalRun`) and the checks
of their nested parts: the data source config, the run's data source and its rows. The
testing criteria are graders, read by `mockai.toolkit.graders`. Wordings the real API is not
known to use are marked as guessed."""

from __future__ import annotations

from typing import Any

import orjson
from pydantic import BaseModel, ConfigDict

from mockai.errors import choices, invalid_request, missing_parameter
from mockai.validation import kind_of

CONFIG_TYPES = ("custom", "logs", "stored_completions")
RUN_TYPES = ("jsonl", "completions", "responses")
SOURCES = {
    "jsonl": ("file_content", "file_id"),
    "completions": ("file_content", "file_id", "stored_completions"),
    "responses": ("file_content", "file_id", "responses"),
}
CRITERIA_TYPES = ("label_model", "string_check", "text_similarity", "python", "score_model")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class CreateEval(_Model):
    data_source_config: dict[str, Any]
    testing_criteria: list[dict[str, Any]]
    name: str | None = None
    metadata: dict[str, str] | None = None


class UpdateEval(_Model):
    name: str | None = None
    metadata: dict[str, str] | None = None


class CreateEvalRun(_Model):
    data_source: dict[str, Any]
    name: str | None = None
    metadata: dict[str, str] | None = None


def _object(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise invalid_request(
            f"Invalid type for '{where}': expected an object, but got {kind_of(value)} instead.",
            where,
            "invalid_type",
        )
    return value


def _typed(body: dict[str, Any], where: str, types: tuple[str, ...]) -> str:
    if "type" not in body:
        raise missing_parameter(f"{where}.type")
    kind = body["type"]
    if kind not in types:
        raise invalid_request(
            f"Invalid value: '{kind}'. Supported values are: {choices(types)}.",
            f"{where}.type",
            "invalid_value",
        )
    return str(kind)


def check_config(config: dict[str, Any]) -> str:
    """The data source config's type, or the 400 for a config that is not one."""
    kind = _typed(config, "data_source_config", CONFIG_TYPES)
    if kind == "custom":
        if "item_schema" not in config:
            raise missing_parameter("data_source_config.item_schema")
        _object(config["item_schema"], "data_source_config.item_schema")
    return kind


def check_criterion_type(criterion: dict[str, Any], where: str) -> None:
    """An eval takes every grader but `multi` as a criterion."""
    _typed(criterion, where, CRITERIA_TYPES)


def check_data_source(source: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """The run data source's type and its `source`, checked."""
    kind = _typed(source, "data_source", RUN_TYPES)
    if "source" not in source:
        raise missing_parameter("data_source.source")
    inner = _object(source["source"], "data_source.source")
    given = _typed(inner, "data_source.source", SOURCES[kind])
    if given == "file_content":
        if "content" not in inner:
            raise missing_parameter("data_source.source.content")
        rows = inner["content"]
        if not isinstance(rows, list):
            raise invalid_request(
                "Invalid type for 'data_source.source.content': expected an array, but got "
                f"{kind_of(rows)} instead.",
                "data_source.source.content",
                "invalid_type",
            )
        for n, row in enumerate(rows):
            check_row(row, f"data_source.source.content[{n}]")
    elif given == "file_id" and not isinstance(inner.get("id"), str):
        raise missing_parameter("data_source.source.id")
    if kind != "jsonl":
        messages = source.get("input_messages")
        if messages is not None:
            where = "data_source.input_messages"
            mode = _typed(_object(messages, where), where, ("template", "item_reference"))
            field = "template" if mode == "template" else "item_reference"
            if field not in messages:
                raise missing_parameter(f"{where}.{field}")
        model = source.get("model")
        if model is not None and not isinstance(model, str):
            raise invalid_request(
                "Invalid type for 'data_source.model': expected a string, but got "
                f"{kind_of(model)} instead.",
                "data_source.model",
                "invalid_type",
            )
    return kind, inner


def check_row(row: Any, where: str) -> dict[str, Any]:
    """One data source row: an object with an `item` object (and maybe a `sample`)."""
    _object(row, where)
    if "item" not in row:
        raise missing_parameter(f"{where}.item")
    _object(row["item"], f"{where}.item")
    return row


def rows_of_jsonl(data: bytes, file_id: str) -> list[dict[str, Any]]:
    """A stored JSONL File's rows. A line that is not a row is a 400 (guessed wording)."""
    rows = []
    for n, line in enumerate(data.splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = orjson.loads(line)
        except orjson.JSONDecodeError:
            raise invalid_request(
                f"File {file_id} line {n} is not valid JSON.", "data_source.source.id"
            ) from None
        if not isinstance(row, dict) or not isinstance(row.get("item"), dict):
            # A row may be the item itself, as the evals guide's files are.
            row = {"item": row}
        rows.append(row)
    return rows
