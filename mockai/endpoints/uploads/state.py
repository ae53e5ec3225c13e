"""What the server keeps of an Upload: its public object and the bytes of each Part.

An Upload accepts Parts for an hour; past `expires_at` a pending one reads as `expired`
(checked when it is next looked at, so no timer is needed).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from mockai import ids
from mockai.store import Kind

KIND: Kind[StoredUpload] = Kind("uploads", missing="No such Upload object: {id}", param="id")
TTL_S = 3600
MAX_UPLOAD_BYTES = 8 * 1024 * 1024 * 1024
MAX_PART_BYTES = 64 * 1024 * 1024


@dataclass
class StoredUpload:
    body: dict[str, Any]
    file_expires_after: dict[str, Any] | None = None  # for the File the Upload completes into
    parts: dict[str, bytes] = field(default_factory=dict)

    @classmethod
    def new(
        cls, filename: str, purpose: str, size: int, file_expires_after: dict[str, Any] | None
    ) -> StoredUpload:
        created = int(time.time())
        return cls(
            {
                "id": ids.upload_id(),
                "object": "upload",
                "bytes": size,
                "created_at": created,
                "filename": filename,
                "purpose": purpose,
                "status": "pending",
                "expires_at": created + TTL_S,
                "file": None,
            },
            file_expires_after,
        )

    @property
    def status(self) -> str:
        if self.body["status"] == "pending" and time.time() >= self.body["expires_at"]:
            self.body["status"] = "expired"
            self.parts.clear()
        return self.body["status"]

    def received(self) -> int:
        return sum(len(data) for data in self.parts.values())
