"""The fine-tuned models a session's fine-tuning jobs have made: what the fine-tuning family
registers as each job starts, and what the models family lists (`GET /v1/models` shows a
succeeded job's `ft:` model, owned by the organization that trained it).

A job says for itself, when asked, whether its model exists yet (its status is worked out
from the job clock at each read), so nothing has to run when a job finishes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from mockai.store import Kind
from mockai.toolkit.state import ServerState


@dataclass(frozen=True)
class FineTunedModel:
    id: str
    created: int
    owned_by: str


class ModelSource(Protocol):
    """A fine-tuning job, as far as its model goes."""

    def fine_tuned(self) -> FineTunedModel | None:
        """The job's model once it has succeeded; None before (or when it never will)."""


# Keyed by job id, per session, bounded like every kind: a job forgotten takes its model along.
SOURCES: Kind[ModelSource] = Kind("fine_tuned_models")


def register(state: ServerState, session: str | None, job_id: str, job: ModelSource) -> None:
    state.store.put(session, SOURCES, job_id, job)


def made(state: ServerState, session: str | None) -> list[FineTunedModel]:
    """The session's fine-tuned models that exist now, oldest job first."""
    return [m for job in state.store.values(session, SOURCES) if (m := job.fine_tuned())]


def find(state: ServerState, session: str | None, model_id: str) -> FineTunedModel | None:
    return next((m for m in made(state, session) if m.id == model_id), None)
