"""What came back from the upstream, as it arrived: the status, the headers, and either the
body's bytes or, for a server-sent event stream, each event with its delay from the previous
one (the first: from the response headers)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Captured:
    status: int
    headers: list[tuple[str, str]]
    body: bytearray = field(default_factory=bytearray)
    events: list[dict[str, Any]] | None = None

    def header(self, name: str) -> str | None:
        return next((v for k, v in self.headers if k.lower() == name), None)


class EventSplitter:
    """Cuts a `text/event-stream` body into events as its bytes arrive; an event's time is
    when its last byte came."""

    def __init__(self, captured: Captured) -> None:
        self.captured = captured
        captured.events = []
        self.pending = b""
        self.last_ms = 0.0

    def feed(self, chunk: bytes, at_ms: float) -> None:
        self.pending += chunk.replace(b"\r\n", b"\n")
        while b"\n\n" in self.pending:
            block, self.pending = self.pending.split(b"\n\n", 1)
            self._event(block.decode("utf-8", errors="replace"), at_ms)

    def _event(self, block: str, at_ms: float) -> None:
        name, data = None, []
        for line in block.split("\n"):
            key, _, value = line.partition(":")
            value = value.removeprefix(" ")
            if key == "event":
                name = value
            elif key == "data":
                data.append(value)
        if not data:
            return  # a comment or keep-alive: nothing a client acts on
        event: dict[str, Any] = {"data": "\n".join(data)}
        if name is not None:
            event["event"] = name
        event["after_ms"] = round(max(at_ms - self.last_ms, 0.0), 1)
        self.last_ms = at_ms
        self.captured.events.append(event)  # type: ignore[union-attr]
