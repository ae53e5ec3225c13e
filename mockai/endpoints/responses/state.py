"""What the server keeps of a response: its public object as it evolves (queued, in progress,
done, cancelled), its input items, its context for `previous_response_id`, and for background
responses the events emitted so far, so `GET ?stream=true` can replay and follow them."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Any

from mockai.store import Kind

KIND: Kind[StoredResponse] = Kind("responses", missing="Response with id '{id}' not found.")


@dataclass
class StoredResponse:
    body: dict[str, Any]
    input_items: list[dict[str, Any]]
    context: list[dict[str, Any]]  # input context plus this response's output
    events: list[dict[str, Any]] = field(default_factory=list)
    finished: bool = True
    task: asyncio.Task | None = None
    _changed: asyncio.Event = field(default_factory=asyncio.Event)

    def publish(self, event: dict[str, Any]) -> None:
        self.events.append(event)
        self._wake()

    def finish(self, body: dict[str, Any]) -> None:
        self.body = body
        self.finished = True
        self._wake()

    def _wake(self) -> None:
        self._changed.set()
        self._changed = asyncio.Event()

    async def changed(self) -> None:
        await self._changed.wait()
