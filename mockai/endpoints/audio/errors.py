"""The audio service's own error wordings.

The audio endpoints do not word validation failures like chat does: they send the list of
pydantic errors as Python prints it, with `loc` starting at `body`, `type`
invalid_request_error and no param or code (a missing `input` and `voice` as quoted in
openai/openai-node#1140; an unsupported voice in several client reports). Validating with
pydantic and printing its errors the same way gives those messages, word for word.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from mockai.errors import APIError, invalid_request
from mockai.relaxing import relaxed

M = TypeVar("M", bound=BaseModel)

UPLOAD_LIMIT = 25 * 1024 * 1024  # 26,214,400 bytes, as the 413 message states it
SUPPORTED_FORMATS = ["flac", "m4a", "mp3", "mp4", "mpeg", "mpga", "oga", "ogg", "wav", "webm"]


def body_errors(exc: ValidationError) -> APIError:
    errors = [
        {**{k: v for k, v in error.items() if k != "loc"}, "loc": ("body", *error["loc"])}
        for error in exc.errors(include_url=False)
    ]
    ordered = [
        {key: error[key] for key in ("type", "loc", "msg", "input", "ctx") if key in error}
        for error in errors
    ]
    return invalid_request(str(ordered))


def validate_body(
    model: type[M],
    data: dict[str, Any],
    spec_check: Callable[[dict[str, Any]], None] | None = None,
) -> M:
    """The model, or the audio service's error; under `--lenient` (a `spec_check` given) a
    body the description accepts is relaxed until the model does (`mockai.relaxing`)."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        if spec_check is None:
            raise body_errors(exc) from None
        try:
            return relaxed(model, data, exc, spec_check)[0]
        except ValidationError as final:
            raise body_errors(final) from None


def too_large(read: int) -> APIError:
    """The upload limit's 413, a `server_error` (chidiwilliams/buzz#381,
    StanGirard/speechdigest#1)."""
    return APIError(
        413,
        f"Maximum content size limit ({UPLOAD_LIMIT}) exceeded ({read} bytes read)",
        type="server_error",
        code=None,
    )


def invalid_file_format() -> APIError:
    """An upload whose extension names no supported format (EpicenterHQ/epicenter#357)."""
    return invalid_request(f"Invalid file format. Supported formats: {SUPPORTED_FORMATS}")


def incompatible_format(response_format: str, model: str) -> APIError:
    """gpt-4o transcription models answer in json or text only (openai/openai-dotnet#401,
    lfnovo/esperanto#204)."""
    return invalid_request(
        f"response_format '{response_format}' is not compatible with model '{model}'. "
        "Use 'json' or 'text' instead.",
        "response_format",
        "unsupported_value",
    )
