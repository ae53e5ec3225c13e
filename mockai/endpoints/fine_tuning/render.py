"""A fine-tuning job's bodies at its present time: the job object, its events (newest first)
and its checkpoints, worked out from its timeline and training plan.

Event wordings are the real API's, as real jobs' event lists show them ("Created fine-tuning
job: ...", "Validating training file: ... and validation file: ...", "Files validated, moving
job to queued state", "Fine-tuning job started", "Step 300/300: training loss=0.00, validation
loss=0.00, full validation loss=0.05", "Checkpoint created at step 200 with Snapshot ID: ...",
"New fine-tuned model created: ...", "The job has successfully completed"); those of a pause,
a resume, a cancel and a failed validation are not known and are plain stand-ins.
"""

from __future__ import annotations

from typing import Any

from mockai import ids
from mockai.endpoints.fine_tuning.rules import base_of
from mockai.endpoints.fine_tuning.state import (
    ORG_NAME,
    RUN_END,
    RUN_START,
    VALIDATING,
    StoredJob,
)

EVENT_STEPS = 1000  # past this many steps, metrics events are every Nth step (and the last)
_TUNED = ("batch_size", "learning_rate_multiplier", "n_epochs")


def model_name(model: str, suffix: str | None, key: str) -> str:
    """`ft:<base snapshot>:<org>:<suffix>:<8 characters>`."""
    return f"ft:{base_of(model)}:{ORG_NAME}:{suffix or ''}:{ids.fine_tuned_model_key(key)}"


def _hyperparameters(job: StoredJob) -> dict[str, Any]:
    validated = job.plan is not None and job.now() >= VALIDATING
    return job.plan.hyperparameters if validated and job.plan else job.asked


def job_body(job: StoredJob) -> dict[str, Any]:
    status = job.status()
    hyper = _hyperparameters(job)
    method = job.body["method"]
    part: dict[str, Any] = {**method.get(method["type"], {}), "hyperparameters": hyper}
    ended = status in ("succeeded", "failed", "cancelled")
    return {
        **{k: v for k, v in job.body.items() if k != "method"},
        "status": status,
        "hyperparameters": {key: hyper[key] for key in _TUNED},
        "method": {"type": method["type"], method["type"]: part},
        "fine_tuned_model": job.model_name if status == "succeeded" else None,
        "finished_at": job.stamp(job.now()) if ended else None,
        "trained_tokens": job.plan.trained_tokens if job.plan and status == "succeeded" else None,
        "result_files": [job.result_file] if job.result_file and status == "succeeded" else [],
        "error": job.failure if status == "failed" else None,
        "estimated_finish": job.stamp(RUN_END) if status in ("queued", "running") else None,
    }


def checkpoint_name(job: StoredJob, step: int) -> str:
    assert job.plan is not None
    if step == job.plan.steps:
        return job.model_name
    key = f"{job.id}:{step}"
    name = model_name(job.body["model"], job.body["user_provided_suffix"], key)
    return f"{name}:ckpt-step-{step}"


def checkpoints(job: StoredJob) -> list[dict[str, Any]]:
    """The checkpoints made so far, oldest first; the last is the model itself, made when the
    job succeeds."""
    if job.plan is None:
        return []
    made = []
    for step in job.plan.checkpoint_steps():
        final = step == job.plan.steps
        if (final and job.status() != "succeeded") or job.steps_done() < step:
            continue
        made.append(
            {
                "object": "fine_tuning.job.checkpoint",
                "id": ids.derived("ftckpt_", f"{job.id}:{step}"),
                "created_at": job.stamp(job.step_time(step)),
                "fine_tuned_model_checkpoint": checkpoint_name(job, step),
                "fine_tuning_job_id": job.id,
                "metrics": job.plan.checkpoint_metrics(step),
                "step_number": step,
            }
        )
    return made


Entry = tuple[float, str, str, str, Any, str]  # moment, key, level, message, data, type


def _steps(job: StoredJob) -> list[Entry]:
    assert job.plan is not None
    plan = job.plan
    stride = max(1, plan.steps // EVENT_STEPS)
    shown = [s for s in range(stride, plan.steps + 1, stride)]
    if shown[-1] != plan.steps:
        shown.append(plan.steps)
    return [
        (job.step_time(s), f"step{s}", "info", plan.message(s), plan.metrics(s), "metrics")
        for s in shown
    ]


def _entries(job: StoredJob) -> list[Entry]:
    files = f"Validating training file: {job.body['training_file']}"
    if job.body["validation_file"]:
        files += f" and validation file: {job.body['validation_file']}"
    entries: list[Entry] = [
        (0.0, "created", "info", f"Created fine-tuning job: {job.id}", {}, "message"),
        (0.0, "validating", "info", files, {}, "message"),
    ]
    if job.failure is not None:
        entries.append((VALIDATING, "failed", "error", job.failure["message"], {}, "message"))
    if job.plan is not None:
        entries += [
            (
                VALIDATING,
                "validated",
                "info",
                "Files validated, moving job to queued state",
                {},
                "message",
            ),
            (RUN_START, "started", "info", "Fine-tuning job started", None, "message"),
            *_steps(job),
        ]
        for step in job.plan.checkpoint_steps()[:-1]:
            name = checkpoint_name(job, step)
            message = f"Checkpoint created at step {step} with Snapshot ID: {name}"
            entries.append((RUN_END, f"ckpt{step}", "info", message, {}, "message"))
        entries += [
            (
                RUN_END,
                "model",
                "info",
                f"New fine-tuned model created: {job.model_name}",
                {},
                "message",
            ),
            (RUN_END, "done", "info", "The job has successfully completed", {}, "message"),
        ]
    entries += [
        (moment, f"mark{n}", "info", message, {}, "message")
        for n, (moment, message) in enumerate(job.marks)
    ]
    return entries


def events(job: StoredJob) -> list[dict[str, Any]]:
    """The events so far, oldest first (a list page shows them newest first)."""
    now = job.now()
    happened = sorted(
        (entry for entry in _entries(job) if entry[0] <= now),
        key=lambda entry: entry[0],
    )
    return [
        {
            "object": "fine_tuning.job.event",
            "id": ids.derived("ftevent-", f"{job.id}:{key}"),
            "created_at": job.stamp(moment),
            "level": level,
            "message": message,
            "data": data,
            "type": kind,
        }
        for moment, key, level, message, data, kind in happened
    ]
