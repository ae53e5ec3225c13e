"""What the server keeps of a video job and of a character: the facts a video was made from,
its phases on the job clock (read, never pushed: its status is where its time has reached)
and the files drawn for it once asked for."""

from __future__ import annotations

import asyncio
import math
import time
from dataclasses import dataclass, field
from typing import Any

from mockai.endpoints.videos.footage import Footage
from mockai.jobclock import JobTime, Phase, Timeline
from mockai.store import Kind

# The real 404 wordings are not known: these are the ones mockai's spec-driven family gave.
KIND: Kind[StoredVideo] = Kind("videos", missing="No video found with id '{id}'.")
CHARACTERS: Kind[dict[str, Any]] = Kind(
    "video_characters", missing="No character found with id '{id}'."
)
# Job seconds of each phase: short, so a test polling at realtime waits a few seconds at most.
QUEUED_S = 0.5
RUNNING_S = 2.5
# How long a finished video's files stay downloadable (not documented: a day assumed).
KEPT_S = 24 * 3600


@dataclass
class StoredVideo:
    id: str
    model: str
    prompt: str
    size: str
    seconds: int
    material: str  # what its footage is drawn from
    job: JobTime  # its time on the job clock
    remixed_from: str | None = None
    # A failure scripted for it: the `error` object it ends with, and the progress reached.
    failure: dict[str, str] | None = None
    fails_at: int = 100
    created: float = field(default_factory=time.time)
    finished_at: int | None = None
    files: dict[str, bytes] = field(default_factory=dict, repr=False)
    drawing: asyncio.Lock = field(default_factory=asyncio.Lock, repr=False)

    @property
    def timeline(self) -> Timeline:
        running = RUNNING_S * (self.fails_at / 100 if self.failure is not None else 1)
        end = "failed" if self.failure is not None else "completed"
        return Timeline((("queued", QUEUED_S), ("in_progress", running), (end, 0.0)))

    @property
    def footage(self) -> Footage:
        width, height = map(int, self.size.split("x"))
        return Footage(self.material, width, height, self.seconds)

    def phase(self) -> Phase:
        """Where the job is now; the first read that sees it ended stamps `finished_at` (when
        it ended on the wall clock at a realtime pace, else that read's time)."""
        phase = self.timeline.at(self.job.elapsed())
        if phase.index == len(self.timeline.phases) - 1 and self.finished_at is None:
            pace = self.job.pace
            took = {"instant": 0.0, "realtime": self.timeline.length / pace.speed}
            self.finished_at = int(min(time.time(), self.created + took.get(pace.mode, math.inf)))
        return phase

    def progress(self, phase: Phase) -> int:
        reach = self.fails_at if self.failure is not None else 100
        if phase.status == "queued":
            return 0
        if phase.status == "in_progress":
            return min(int(phase.progress * reach), 99)
        return reach
