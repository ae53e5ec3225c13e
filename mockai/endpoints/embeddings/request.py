"""The embeddings request and the real API's limits on it.

`input` is checked by hand: the real API answers every malformed shape (an empty string, an
empty array, a mixed array, null) with the same "'$.input' is invalid" message, which pydantic's
union errors could not reproduce.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from mockai.errors import APIError, invalid_request
from mockai.models import Model

MAX_INPUTS = 2048
MAX_INPUT_TOKENS = 8192
MAX_REQUEST_TOKENS = 300_000
INVALID_INPUT = (
    "'$.input' is invalid. Please check the API reference: "
    "https://platform.openai.com/docs/api-reference."
)


class EmbeddingRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    model: str
    input: Any
    dimensions: int | None = Field(None, ge=1)
    encoding_format: Literal["float", "base64"] = "float"
    user: str | None = None


@dataclass(frozen=True)
class Profile:
    """What a model outputs: its full dimension count, and whether `dimensions` may shorten it."""

    full: int
    shortenable: bool
    checked: bool = True  # False under `--lenient`: any `dimensions`, at most `full`

    @classmethod
    def of(cls, model: Model) -> Profile:
        """Built-ins by name; config-added models may say `dimensions:` (default 1536)."""
        name = model.id
        full = model.extra.get("dimensions") or (3072 if "3-large" in name else 1536)
        return cls(int(full), "ada-002" not in name, model.checked)

    def size(self, asked: int | None) -> int:
        if asked is None:
            return self.full
        if not self.checked:
            return min(asked, self.full)
        if not self.shortenable:
            raise invalid_request("This model does not support specifying dimensions.")
        if asked > self.full:
            raise invalid_request(
                f"Invalid 'dimensions': integer above maximum value. Expected a value <= "
                f"{self.full}, but got {asked} instead.",
                "dimensions",
                "integer_above_max_value",
            )
        return asked


def inputs(value: Any) -> list[str | list[int]]:
    """The inputs, one per vector: a string or a list of token ids each."""

    def is_ids(item: Any) -> bool:
        return (
            isinstance(item, list)
            and bool(item)
            and all(isinstance(t, int) and not isinstance(t, bool) for t in item)
        )

    if isinstance(value, str):
        found: list[str | list[int]] = [value]
    elif is_ids(value):
        found = [value]
    elif (
        isinstance(value, list)
        and value
        and (all(isinstance(v, str) for v in value) or all(is_ids(v) for v in value))
    ):
        found = list(value)
    else:
        raise invalid_request(INVALID_INPUT)
    if any(item == "" for item in found):
        raise invalid_request(INVALID_INPUT)
    if isinstance(value, list) and len(value) > MAX_INPUTS:  # the spec's maxItems, for ids too
        raise invalid_request(
            f"Invalid 'input': array too long. Expected an array with maximum length "
            f"{MAX_INPUTS}, but got an array with length {len(value)} instead.",
            "input",
            "array_above_max_length",
        )
    return found


def check_tokens(counts: list[int]) -> None:
    for count in counts:
        if count > MAX_INPUT_TOKENS:
            raise invalid_request(
                f"This model's maximum context length is {MAX_INPUT_TOKENS} tokens, however you "
                f"requested {count} tokens ({count} in your prompt; 0 for the completion). "
                "Please reduce your prompt; or completion length."
            )
    total = sum(counts)
    if total > MAX_REQUEST_TOKENS:
        raise APIError(
            400,
            f"Requested {total} tokens, max {MAX_REQUEST_TOKENS} tokens per request",
            type="max_tokens_per_request",
            code="max_tokens_per_request",
        )
