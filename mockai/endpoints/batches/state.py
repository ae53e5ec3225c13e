"""What the server keeps of a batch: its public object as it moves through its statuses, the
task running it, and where its requests are sent."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from typing import Any

from mockai.jobclock import JobTime
from mockai.store import Kind
from mockai.toolkit.loopback import Loopback

KIND: Kind[StoredBatch] = Kind("batches", missing="No batch found with id '{id}'.")
WINDOW_S = 24 * 3600


@dataclass
class Target:
    """Where the batch's requests go: this server itself, as the client that created it."""

    loopback: Loopback
    line_delay_s: float  # job seconds each stage and each request takes
    time: JobTime  # the batch's own time on the job clock (mockai.jobclock)


@dataclass
class StoredBatch:
    body: dict[str, Any]
    target: Target
    output_expires_after: dict[str, Any] | None = None
    task: asyncio.Task | None = field(default=None, repr=False)

    @classmethod
    def new(
        cls,
        batch_id: str,
        input_file_id: str,
        endpoint: str,
        metadata: dict[str, str] | None,
        target: Target,
        output_expires_after: dict[str, Any] | None,
    ) -> StoredBatch:
        created = int(time.time())
        return cls(
            {
                "id": batch_id,
                "object": "batch",
                "endpoint": endpoint,
                "model": None,
                "errors": None,
                "input_file_id": input_file_id,
                "completion_window": "24h",
                "status": "validating",
                "output_file_id": None,
                "error_file_id": None,
                "created_at": created,
                "in_progress_at": None,
                "expires_at": created + WINDOW_S,
                "finalizing_at": None,
                "completed_at": None,
                "failed_at": None,
                "expired_at": None,
                "cancelling_at": None,
                "cancelled_at": None,
                "request_counts": {"total": 0, "completed": 0, "failed": 0},
                "usage": {
                    "input_tokens": 0,
                    "input_tokens_details": {"cached_tokens": 0},
                    "output_tokens": 0,
                    "output_tokens_details": {"reasoning_tokens": 0},
                    "total_tokens": 0,
                },
                "metadata": metadata,
            },
            target,
            output_expires_after,
        )

    def move(self, status: str) -> None:
        """Change status and stamp the matching `<status>_at`."""
        self.body["status"] = status
        self.body[f"{status}_at"] = int(time.time())
