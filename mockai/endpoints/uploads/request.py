"""The bodies of `POST /v1/uploads` and `POST /v1/uploads/{upload_id}/complete`, strict like
the real API's (the Part form is read by the handler: one `data` file)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from mockai.endpoints.uploads.state import MAX_UPLOAD_BYTES
from mockai.toolkit.files import ExpiresAfter

PART_FIELDS = frozenset({"data"})


class CreateUpload(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    filename: str
    purpose: Literal["assistants", "batch", "fine-tune", "vision", "user_data", "evals"]  # as Files
    bytes: int = Field(ge=0, le=MAX_UPLOAD_BYTES)
    mime_type: str
    expires_after: ExpiresAfter | None = None


class CompleteUpload(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    part_ids: list[str]
    md5: str | None = None
