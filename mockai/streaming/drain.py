"""Ending paced streams early when the server stops.

A stream's pacing is waits between chunks (and stalls). When the server is told to stop, those
waits are what would keep it from ending in time, and cutting the connection would leave the
client with half an answer. So every pacing wait goes through one Drain per server: once
draining, waits return at once (sleeping ones are woken), and each stream sends the rest of its
frames straight away and ends as it always does (`[DONE]`, then the end of the body).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable


def _wake(waiter: asyncio.Future[None]) -> None:
    if not waiter.done():
        waiter.set_result(None)


class Drain:
    def __init__(self) -> None:
        self.draining = False
        self._sleeping: set[asyncio.Future[None]] = set()
        self._listeners: set[Callable[[], None]] = set()

    async def sleep(self, seconds: float) -> None:
        """`asyncio.sleep(seconds)` (built the same way, so no dearer), cut short by `start`."""
        if self.draining or seconds <= 0:
            return
        loop = asyncio.get_running_loop()
        waiter: asyncio.Future[None] = loop.create_future()
        timer = loop.call_later(seconds, _wake, waiter)
        self._sleeping.add(waiter)
        try:
            await waiter
        finally:
            timer.cancel()
            self._sleeping.discard(waiter)

    def on_start(self, listener: Callable[[], None]) -> Callable[[], None]:
        """Call `listener` when draining starts: what waits on its client rather than on a
        pacing sleep (a WebSocket connection) ends itself. Returns the call that removes it."""
        self._listeners.add(listener)
        return lambda: self._listeners.discard(listener)

    def start(self) -> None:
        """From now on nothing waits: wake every sleeper, tell every listener."""
        self.draining = True
        for waiter in self._sleeping:
            _wake(waiter)
        for listener in list(self._listeners):
            listener()
