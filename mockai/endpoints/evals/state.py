"""What the server keeps of evals and their runs: the eval's public object and its criteria
as graders, a run's public object as its task fills it in, its output items, its job time and
where its samples are asked."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from typing import Any

from mockai.graders.models import Grader
from mockai.jobclock import JobTime
from mockai.store import Kind
from mockai.toolkit.loopback import Loopback

# The real 404 wordings are not known (guessed).
EVALS: Kind[StoredEval] = Kind("evals", missing="Eval with id '{id}' not found.")
RUNS: Kind[StoredRun] = Kind("eval_runs", missing="Run with id '{id}' not found.")
OUTPUT_ITEM_MISSING = "Output item with id '{id}' not found."  # guessed too

# Job seconds: a run waits this long queued, then each item takes ITEM_S (short, so a test at
# a realtime pace waits a second or two).
QUEUED_S = 0.5
ITEM_S = 0.1


@dataclass
class Criterion:
    """A testing criterion: its grader and the id the run's results name it by (the real API
    names a criterion `<name>-<uuid>`)."""

    grader: Grader
    id: str


@dataclass
class StoredEval:
    body: dict[str, Any]
    criteria: list[Criterion]


@dataclass
class StoredRun:
    body: dict[str, Any]
    items: list[dict[str, Any]]  # the rows: each `{"item": ..., "sample"?: ...}`
    job: JobTime  # its time on the job clock
    target: Loopback
    seed: int
    output: list[dict[str, Any]] = field(default_factory=list)  # output items, in item order
    task: asyncio.Task | None = field(default=None, repr=False)
    created: float = field(default_factory=time.time)

    @property
    def id(self) -> str:
        return self.body["id"]

    @property
    def eval_id(self) -> str:
        return self.body["eval_id"]

    @property
    def ended(self) -> bool:
        return self.body["status"] in ("completed", "failed", "canceled")
