"""The job clock: the pace at which long-running objects (fine-tuning jobs, eval runs, videos,
batches, background responses) move through their states, chosen by the test.

Each job keeps its own time, `JobTime`: job seconds since it started, which its `Pace` derives
from the wall clock:

- `instant`: every phase is over at once: the job is in its end state when first read;
- `realtime` (or `realtime:N`, N job seconds per wall second): phases take their seconds;
- `paused`: time stands still until the test advances it (`POST /_mockai/jobs/advance`).

Advancing adds job seconds to a session's jobs (or one of them) whatever their pace, and wakes
a runner waiting for a moment (`await time.reached(t)`) at once. A job's phases are a
`Timeline`: its status at any job time, worked out when read, so nothing runs in the
background to move a job a client only polls.
"""

from __future__ import annotations

import asyncio
import math
import time
from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

Mode = Literal["instant", "realtime", "paused"]
MODES: tuple[Mode, ...] = ("instant", "realtime", "paused")
FOREVER = math.inf


@dataclass(frozen=True)
class Pace:
    mode: Mode
    speed: float = 1.0  # realtime: job seconds per wall second

    @classmethod
    def parse(cls, text: str) -> Pace:
        """`instant`, `paused`, `realtime` or `realtime:N` (N > 0); a ValueError says why not."""
        mode, _, speed = text.strip().lower().partition(":")
        if mode not in MODES or (speed and mode != "realtime"):
            raise ValueError(
                f"{text!r} is not a job clock: instant, paused, realtime or realtime:N"
            )
        if not speed:
            return cls(mode)
        try:
            factor = float(speed)
        except ValueError:
            factor = 0.0
        if not (factor > 0 and math.isfinite(factor)):
            raise ValueError(f"{text!r}: realtime:N needs a positive number of job seconds")
        return cls("realtime", factor)

    def __str__(self) -> str:
        return (
            self.mode if self.mode != "realtime" or self.speed == 1 else f"realtime:{self.speed:g}"
        )


class JobTime:
    """One job's time: job seconds since it started, at its pace, plus what was advanced."""

    __slots__ = ("pace", "started", "advanced", "_moved")

    def __init__(self, pace: Pace) -> None:
        self.pace = pace
        self.started = time.monotonic()
        self.advanced = 0.0
        self._moved: asyncio.Event | None = None

    def elapsed(self) -> float:
        if self.pace.mode == "instant":
            return FOREVER
        ran = (time.monotonic() - self.started) * self.pace.speed
        return self.advanced + (ran if self.pace.mode == "realtime" else 0.0)

    def advance(self, seconds: float) -> None:
        self.advanced += seconds
        if self._moved is not None:
            self._moved.set()

    def wall_seconds_until(self, moment: float) -> float | None:
        """How long, on the wall clock, until job time `moment` (0 if passed; None: never,
        unless advanced)."""
        left = moment - self.elapsed()
        if left <= 0:
            return 0.0
        return left / self.pace.speed if self.pace.mode == "realtime" else None

    async def reached(self, moment: float) -> None:
        """Wait until job time `moment`: at once if it has passed, else at its pace or when the
        test advances the clock past it."""
        while (wait := self.wall_seconds_until(moment)) != 0.0:
            self._moved = self._moved or asyncio.Event()
            self._moved.clear()
            try:
                await asyncio.wait_for(self._moved.wait(), wait)
            except asyncio.TimeoutError:
                pass


@dataclass(frozen=True)
class Phase:
    status: str
    index: int
    progress: float  # how far through it, 0..1 (1 for the end state)


@dataclass(frozen=True)
class Timeline:
    """A job's phases in order, each (status, job seconds); the last is its end state."""

    phases: tuple[tuple[str, float], ...]

    def starts(self, index: int) -> float:
        return sum(seconds for _, seconds in self.phases[:index])

    @property
    def length(self) -> float:
        """When the end state begins."""
        return self.starts(len(self.phases) - 1)

    def at(self, elapsed: float) -> Phase:
        start = 0.0
        for index, (status, seconds) in enumerate(self.phases[:-1]):
            if elapsed < start + seconds:
                return Phase(status, index, (elapsed - start) / seconds if seconds else 1.0)
            start += seconds
        return Phase(self.phases[-1][0], len(self.phases) - 1, 1.0)


class JobClock:
    """Every session's jobs' times (the latest `limit` per session), for the control API to
    advance; the pace a job gets unless its request names one."""

    def __init__(self, default: Pace, limit: int = 10_000) -> None:
        self.default = default
        self.limit = limit
        self._jobs: dict[str | None, OrderedDict[str, JobTime]] = {}

    def start(self, session: str | None, job_id: str, pace: Pace | None = None) -> JobTime:
        jobs = self._jobs.setdefault(session, OrderedDict())
        jobs[job_id] = started = JobTime(pace or self.default)
        while len(jobs) > self.limit:
            jobs.popitem(last=False)
        return started

    def get(self, session: str | None, job_id: str) -> JobTime | None:
        jobs = self._jobs.get(session)
        return None if jobs is None else jobs.get(job_id)

    def jobs(self, session: str | None) -> Iterator[tuple[str, JobTime]]:
        yield from self._jobs.get(session, OrderedDict()).items()

    def advance(self, session: str | None, seconds: float, job_id: str | None = None) -> list[str]:
        """Move the session's jobs (or `job_id`) on by `seconds`; the ids moved."""
        moved = []
        for key, job in self.jobs(session):
            if job_id is None or key == job_id:
                job.advance(seconds)
                moved.append(key)
        return moved

    def reset(self, session: str | None = None, everywhere: bool = False) -> None:
        """Forget the jobs; a runner still waiting on one is let go at once (its object is
        gone with the reset, so nothing waits forever on a paused clock)."""
        sessions = list(self._jobs) if everywhere else [session]
        for key in sessions:
            for job in self._jobs.pop(key, OrderedDict()).values():
                job.advance(FOREVER)
