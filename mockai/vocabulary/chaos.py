"""Random faults: the kinds there are and a scenario's `chaos:` spec (see `mockai.faults`)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field, field_validator

from mockai.vocabulary.base import Strict

ChaosKind = Literal[
    "429",
    "500",
    "502",
    "503",
    "reset",
    "stall",
    "malformed_json",
    "wrong_content_type",
    "disconnect",
    "stream_error",
    "malformed_chunk",
    "stream_stall",
]


class Chaos(Strict):
    """Random faults for a scenario's requests (see `mockai.faults`)."""

    rate: float = Field(ge=0, le=1, description="The share of requests that get a fault (0..1).")
    kinds: list[ChaosKind] | dict[ChaosKind, Annotated[float, Field(ge=0)]] | None = Field(
        None,
        min_length=1,
        description=(
            "The faults to draw from: a list, or kind: weight; default all but the stalls."
        ),
    )
    after_chunks: int | None = Field(
        None,
        ge=0,
        description="Stream faults strike after this many chunks; default drawn from 1..3.",
    )
    stall_ms: float | None = Field(
        None,
        ge=0,
        description="How long stalls last, in milliseconds; default: until the client gives up.",
    )

    @field_validator(
        "kinds",
        mode="before",
        json_schema_input_type=Annotated[
            list[ChaosKind | Literal[429, 500, 502, 503]], Field(min_length=1)
        ]
        | Annotated[dict[ChaosKind, Annotated[float, Field(ge=0)]], Field(min_length=1)]
        | None,
    )
    @classmethod
    def _status_kinds(cls, value: Any) -> Any:
        """`kinds: [429, 503]` in YAML gives numbers; the kinds are named by strings."""
        if isinstance(value, list):
            return [str(v) if isinstance(v, int) else v for v in value]
        if isinstance(value, dict):
            return {str(k) if isinstance(k, int) else k: v for k, v in value.items()}
        return value

    @field_validator("kinds")
    @classmethod
    def _some_weight(cls, value: Any) -> Any:
        if isinstance(value, dict) and not any(w > 0 for w in value.values()):
            raise ValueError("at least one kind needs a weight above 0")
        return value
