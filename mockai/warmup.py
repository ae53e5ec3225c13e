"""Slow one-off loading (vocabularies, Faker) on worker threads, out of the requests' way.

What a request needs soon (a vocabulary's ranks) runs at once, on one thread. The rest runs on
another, in order, each step when the server is quiet: those steps hold the GIL for long
stretches (tiktoken's Rust build is one ~0.3 s call), which would stall the event loop in the
middle of a request. Quiet is judged by the event loop itself (`tell_when_quiet`): a clock in
the worker would mistake a loop starved by the worker's own GIL-holding work for an idle one.
A step waits no longer than `PATIENCE_S` after being queued, so a server that is never quiet
still gets it, and not at all once someone blocks on deferred work (`hurry`).
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TypeVar

T = TypeVar("T")

QUIET_S = 0.05
PATIENCE_S = 2.0

_lock = threading.Lock()

_now = ThreadPoolExecutor(max_workers=1, thread_name_prefix="mockai-warmup")
_later = ThreadPoolExecutor(max_workers=1, thread_name_prefix="mockai-warmup-later")
_quiet = threading.Event()  # set by the loop: the next deferred step may run
_urgent = threading.Event()
_exiting = threading.Event()
# Called as the interpreter exits, before it joins the pools' threads (the hook
# concurrent.futures itself uses; the public atexit runs only after that join).
threading._register_atexit(_exiting.set)  # type: ignore[attr-defined]  # private: not in typeshed
_pending = 0  # deferred steps not yet run
_in_flight = 0  # requests being handled (by any server in this process)
_started = 0  # requests ever started


def now(work: Callable[[], T]) -> Future[T]:
    return _now.submit(work)


def when_quiet(work: Callable[[], T]) -> Future[T | None]:
    global _pending
    with _lock:
        _pending += 1
    return _later.submit(_after_quiet, work, time.monotonic() + PATIENCE_S)


def pending() -> int:
    """Deferred steps queued and not yet done."""
    return _pending


def hurry() -> None:
    """Someone blocks on deferred work: run it (and all later) without waiting for quiet."""
    _urgent.set()


def request_started() -> None:
    global _in_flight, _started
    with _lock:  # the pytest plugin's server runs its loop in a thread of its own
        _in_flight += 1
        _started += 1


def request_ended() -> None:
    global _in_flight
    with _lock:
        _in_flight -= 1


async def tell_when_quiet() -> None:
    """Let deferred steps run, one per quiet spell: no request in flight and none started for
    two ticks of the loop `QUIET_S` apart (a loop that was starved catches up on accepting
    connections within them). Ends when nothing is left to run."""
    seen = None
    while _pending:
        await asyncio.sleep(QUIET_S)
        state = (_started, _in_flight)
        if state == seen and _in_flight == 0:
            _quiet.set()
        seen = state


def _after_quiet(work: Callable[[], T], deadline: float) -> T | None:
    global _pending
    _quiet.clear()  # a quiet spell seen while the previous step ran is over
    try:
        while not _urgent.is_set() and time.monotonic() < deadline:
            if _exiting.is_set():
                return None  # the interpreter is exiting (and joins this thread): skip it
            if _quiet.wait(QUIET_S / 5):
                break
        return work()
    finally:
        with _lock:
            _pending -= 1
