"""The body of `POST /v1/batches`, strict like the real API's (its `metadata` limits are
`mockai.validation.check_metadata`'s)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

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
