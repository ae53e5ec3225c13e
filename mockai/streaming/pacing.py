"""When each chunk of a stream is due, from a scenario's `stream:` settings.

Chunks are scheduled against absolute deadlines (not chained sleeps), so lateness does not
accumulate over a long stream; jitter comes from a seeded generator, so a run is repeatable.
"""

from __future__ import annotations

import asyncio
import random
from dataclasses import dataclass

from mockai.streaming.drain import Drain
from mockai.vocabulary import Stream

DEFAULT_FIRST_CHUNK_MS = 0.0
DEFAULT_CHUNK_MS = 0.0


@dataclass(frozen=True)
class Pacing:
    first_chunk_ms: float = DEFAULT_FIRST_CHUNK_MS
    chunk_ms: float = DEFAULT_CHUNK_MS
    jitter_ms: float = 0.0
    chunk_tokens: int = 1
    disconnect_after_chunks: int | None = None
    malformed_chunk_at: int | None = None
    stall_after_chunks: int | None = None
    stall_ms: float | None = None
    exact: tuple[float, ...] | None = None  # after_ms per chunk, for `chunks:` replay

    @classmethod
    def from_spec(cls, spec: Stream | None) -> Pacing:
        if spec is None:
            return cls()
        return cls(
            first_chunk_ms=spec.first_chunk_ms or 0.0,
            chunk_ms=spec.chunk_ms or 0.0,
            jitter_ms=spec.jitter_ms or 0.0,
            chunk_tokens=spec.chunk_tokens or 1,
            disconnect_after_chunks=spec.disconnect_after_chunks,
            malformed_chunk_at=spec.malformed_chunk_at,
            stall_after_chunks=spec.stall_after_chunks,
            stall_ms=spec.stall_ms,
            exact=tuple(c.after_ms for c in spec.chunks) if spec.chunks is not None else None,
        )

    @property
    def instant(self) -> bool:
        return not (self.first_chunk_ms or self.chunk_ms or self.jitter_ms or any(self.exact or ()))


class Clock:
    """Sleeps until each chunk's deadline; chunk 0 waits `first_chunk_ms`, others `chunk_ms`.
    Once the server drains (it is stopping), nothing waits any more."""

    def __init__(self, pacing: Pacing, rng: random.Random, drain: Drain) -> None:
        self.pacing = pacing
        self.rng = rng
        self.drain = drain
        self.loop = asyncio.get_running_loop()
        self.deadline = self.loop.time()
        self.sent = 0

    def _gap_ms(self, index: int) -> float:
        pacing = self.pacing
        if pacing.exact is not None and index < len(pacing.exact):
            return pacing.exact[index]
        gap = pacing.first_chunk_ms if index == 0 else pacing.chunk_ms
        if pacing.jitter_ms:
            gap += self.rng.uniform(-pacing.jitter_ms, pacing.jitter_ms)
        return max(gap, 0.0)

    async def tick(self) -> None:
        """Wait for the next chunk's turn."""
        self.deadline += self._gap_ms(self.sent) / 1000.0
        self.sent += 1
        delay = self.deadline - self.loop.time()
        if delay > 0:
            await self.drain.sleep(delay)
