"""Checking a batch input file the way the Batch API does while a batch is `validating`.

Any problem fails the whole batch, reported in `errors.data` as `{code, message, param, line}`
(one entry per bad line). The codes and wordings are those the real API reports, as recorded in
llama-stack's OpenAI-compatibility tests (tests/integration/batches/test_batches_errors.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import orjson

from mockai.errors import missing_parameter
from mockai.models import ModelRegistry

# endpoint -> (name in its streaming error, body parameter it cannot do without, whether the
# model is required: moderations default to omni-moderation-latest). Lines for the endpoint
# mockai does not serve (videos) are answered as a direct call is: a 4xx in the error file.
ENDPOINTS = {
    "/v1/chat/completions": ("Chat Completions", "messages", True),
    "/v1/completions": ("Completions", None, True),
    "/v1/embeddings": ("Embeddings", "input", True),
    "/v1/responses": ("Responses", None, True),
    "/v1/moderations": ("Moderations", "input", False),
    "/v1/images/generations": ("Images", "prompt", False),
    "/v1/images/edits": ("Images", "prompt", False),
    "/v1/videos": ("Videos", "prompt", False),
}
_KINDS = {
    dict: "an object",
    list: "an array",
    str: "a string",
    bool: "a boolean",
    int: "an integer",
    float: "a decimal",
    type(None): "null",
}


@dataclass
class Line:
    number: int
    custom_id: str
    url: str
    body: dict[str, Any]


def _error(code: str, message: str, line: int | None, param: str | None = None) -> dict[str, Any]:
    return {"code": code, "message": message, "param": param, "line": line}


def _check(
    request: Any, number: int, endpoint: str, models: ModelRegistry, lenient: bool
) -> dict[str, Any] | None:
    """The first problem of one parsed line, or None."""
    if not isinstance(request, dict):
        return _error("invalid_json_line", "This line is not parseable as valid JSON.", number)
    for name in ("custom_id", "method", "url", "body"):
        if name not in request:
            missing = missing_parameter(name)
            return _error("missing_required_parameter", missing.message, number, name)
        wanted = dict if name == "body" else str
        if not isinstance(request[name], wanted):
            return _error(
                "invalid_type",
                f"Invalid type for '{name}': expected "
                f"{_KINDS[wanted]}, but got {_KINDS.get(type(request[name]), 'an object')} "
                "instead.",
                number,
                name,
            )
    if request["method"] != "POST":
        return _error(
            "invalid_value",
            f"Invalid value: '{request['method']}'. Supported values are: 'POST'.",
            number,
            "method",
        )
    if request["url"] != endpoint:
        return _error(
            "invalid_url",
            "The URL provided for this request does not match the batch endpoint.",
            number,
            "url",
        )
    body = request["body"]
    api, required, needs_model = ENDPOINTS[endpoint]
    if body.get("stream"):
        return _error(
            "streaming_unsupported",
            f"{api}: Streaming is not supported in the Batch API.",
            number,
            "body.stream",
        )
    if needs_model and "model" not in body:
        return _error("invalid_request", "Model parameter is required.", number, "body.model")
    if required is not None and required not in body:
        return _error(
            "invalid_request",
            f"{required.capitalize()} parameter is required.",
            number,
            f"body.{required}",
        )
    model = body.get("model")
    if (
        not lenient
        and "model" in body
        and (not isinstance(model, str) or models.get(model) is None)
    ):
        return _error(
            "model_not_found",
            f"The provided model '{model}' is not supported by the Batch API.",
            number,
            "body.model",
        )
    return None


def check_input(
    data: bytes, endpoint: str, models: ModelRegistry, lenient: bool
) -> tuple[list[dict[str, Any]], list[Line]]:
    """The batch's errors (empty when it may run) and its requests in file order."""
    errors: list[dict[str, Any]] = []
    lines: list[Line] = []
    seen: set[str] = set()
    for number, raw in enumerate(data.splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            request = orjson.loads(raw)
        except orjson.JSONDecodeError:
            errors.append(
                _error("invalid_json_line", "This line is not parseable as valid JSON.", number)
            )
            continue
        problem = _check(request, number, endpoint, models, lenient)
        if problem is None and request["custom_id"] in seen:
            problem = _error(
                "duplicate_custom_id",
                "The custom_id for this request is a duplicate "
                "of another request. The custom_id parameter must be unique for each "
                "request in a batch.",
                number,
                "custom_id",
            )
        if problem is not None:
            errors.append(problem)
            continue
        seen.add(request["custom_id"])
        lines.append(Line(number, request["custom_id"], request["url"], request["body"]))
    return errors, lines
