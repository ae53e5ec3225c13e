"""The body of `POST /v1/batches`, strict like the real API's, and the documented limits on
its `metadata` (16 pairs, keys up to 64 and values up to 512 characters) in the real wording."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from mockai.errors import invalid_request
from mockai.toolkit.files import ExpiresAfter


class CreateBatch(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    input_file_id: str
    endpoint: Literal[
        "/v1/responses",
        "/v1/chat/completions",
        "/v1/embeddings",
        "/v1/completions",
        "/v1/moderations",
        "/v1/images/generations",
        "/v1/images/edits",
        "/v1/videos",
    ]
    completion_window: Literal["24h"]
    metadata: dict[str, str] | None = None
    output_expires_after: ExpiresAfter | None = None


def check_metadata(metadata: dict[str, str] | None) -> None:
    """Metadata's documented limits: 16 pairs, keys up to 64 and values up to 512 characters."""
    if metadata is None:
        return
    if len(metadata) > 16:
        raise invalid_request(
            f"Invalid 'metadata': too many properties. Expected an object with at most 16 "
            f"properties, but got an object with {len(metadata)} properties instead.",
            "metadata",
            "object_above_max_properties",
        )
    for key, value in metadata.items():
        if len(key) > 64:
            raise invalid_request(
                f"Invalid 'metadata': string too long. Expected a string with maximum length 64, "
                f"but got a string with length {len(key)} instead.",
                "metadata",
                "string_above_max_length",
            )
        if len(value) > 512:
            raise invalid_request(
                f"Invalid 'metadata.{key}': string too long. Expected a string with maximum length "
                f"512, but got a string with length {len(value)} instead.",
                f"metadata.{key}",
                "string_above_max_length",
            )
