"""The stored fine-tuning job and its checkpoint permissions: the job's phases on the job
clock, and where a pause, a resume or a cancel leaves them.

A job's status is its timeline's at its own time, worked out at each read. Its time is the
job clock's, less the job seconds it spent paused; a pause freezes it, a cancel cuts it for
good. Timestamps (`finished_at`, `estimated_finish`, events, checkpoints) are the job's
`created_at` plus job seconds, so they agree with what a client sees at any pace.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from mockai.endpoints.fine_tuning.training import Plan
from mockai.jobclock import JobTime, Phase, Timeline
from mockai.store import Kind
from mockai.toolkit.finetuned import FineTunedModel

# Job seconds each phase lasts: a realtime job is done in about four seconds.
VALIDATING, QUEUED, RUNNING = 1.0, 0.5, 2.5
SUCCEEDING = Timeline(
    (("validating_files", VALIDATING), ("queued", QUEUED), ("running", RUNNING), ("succeeded", 0))
)
FAILING = Timeline((("validating_files", VALIDATING), ("failed", 0)))
RUN_START = VALIDATING + QUEUED
RUN_END = RUN_START + RUNNING
ACTIVE = ("validating_files", "queued", "running", "paused")
ORG_NAME = "personal"  # the organization part of an `ft:` name (a personal account's)

# How the real API words a job or permission it does not hold is not known from evidence.
KIND: Kind[StoredJob] = Kind(
    "fine_tuning_jobs", missing="Could not find fine-tune job: {id}", param="fine_tuning_job_id"
)
PERMISSIONS: Kind[StoredPermission] = Kind(
    "checkpoint_permissions",
    missing="No such checkpoint permission: {id}",
    param="permission_id",
)


@dataclass
class StoredJob:
    body: dict[str, Any]  # what never changes: ids, files, model, method as asked...
    asked: dict[str, Any]  # the hyperparameters as asked (`auto` where not given)
    time: JobTime
    plan: Plan | None  # None: the files failed validation
    failure: dict[str, Any] | None
    model_name: str  # the `ft:` model it makes
    paused_at: float | None = None  # the clock's reading when paused
    held: float = 0.0  # job seconds spent paused
    cut_at: float | None = None  # the clock's reading when cancelled
    marks: list[tuple[float, str]] = field(default_factory=list)  # pause/resume/cancel events
    result_file: str | None = None

    @property
    def id(self) -> str:
        return str(self.body["id"])

    @property
    def timeline(self) -> Timeline:
        return SUCCEEDING if self.plan is not None else FAILING

    def clock(self) -> float:
        """Job seconds along the timeline now (frozen while paused, for good once cancelled)."""
        raw = self.cut_at if self.cut_at is not None else self.paused_at
        return (self.time.elapsed() if raw is None else raw) - self.held

    def phase(self) -> Phase:
        return self.timeline.at(self.clock())

    def status(self) -> str:
        if self.cut_at is not None:
            return "cancelled"
        return "paused" if self.paused_at is not None else self.phase().status

    def now(self) -> float:
        """The clock, no later than the end of the timeline."""
        return min(self.clock(), self.timeline.length)

    def stamp(self, moment: float) -> int:
        return int(self.body["created_at"] + min(moment, self.timeline.length))

    def step_time(self, step: int) -> float:
        assert self.plan is not None
        return RUN_START + RUNNING * step / (self.plan.steps + 1)

    def steps_done(self) -> int:
        if self.plan is None:
            return 0
        done = (self.now() - RUN_START) / RUNNING * (self.plan.steps + 1)
        return max(0, min(self.plan.steps, int(done)))

    def mark(self, message: str) -> None:
        self.marks.append((self.now(), message))

    def pause(self) -> None:
        self.paused_at = self.time.elapsed()
        self.mark("Fine-tuning job paused")

    def resume(self) -> None:
        assert self.paused_at is not None
        self.held += self.time.elapsed() - self.paused_at
        self.paused_at = None
        self.mark("Fine-tuning job resumed")

    def cancel(self) -> None:
        self.cut_at = self.paused_at if self.paused_at is not None else self.time.elapsed()
        self.paused_at = None
        self.mark("Fine-tuning job cancelled")

    def fine_tuned(self) -> FineTunedModel | None:
        if self.status() != "succeeded":
            return None
        return FineTunedModel(
            self.model_name, self.stamp(RUN_END), str(self.body["organization_id"])
        )


@dataclass
class StoredPermission:
    body: dict[str, Any]
    checkpoint: str  # the `fine_tuned_model_checkpoint` it was granted on
