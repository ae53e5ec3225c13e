"""`/v1/fine_tuning/jobs` and `/v1/fine_tuning/checkpoints/{name}/permissions`: fine-tuning
jobs from an uploaded training file to a usable `ft:` model, with their events, checkpoints,
result file, pause, resume and cancel, and the permissions shared checkpoints carry.

A job is checked when created (the model can be fine-tuned with its `method`, its files exist
and are `fine-tune` files: the real 400s), then its training file is read the way the real API
reads it (`dataset.py`): a bad line fails the job while it is `validating_files`, with the real
`error`. A good file resolves the `auto` hyperparameters from the dataset's size and the job
runs `validating_files` → `queued` → `running` → `succeeded` on the job clock
(`mockai.jobclock`), worked out at each read: events (the real messages, a step metrics event
per step with a falling training loss), a checkpoint per epoch of the last three, the step
metrics CSV as a `fine-tune-results` file and the `ft:` model, which then appears in
`GET /v1/models` (`mockai.toolkit.finetuned`), answers chat and Responses requests and can be
deleted.
"""

from __future__ import annotations

from mockai.endpoints import Route

JOB = "/fine_tuning/jobs/{fine_tuning_job_id}"
PERMISSIONS = "/fine_tuning/checkpoints/{fine_tuned_model_checkpoint}/permissions"

ROUTES = [
    Route("POST", "/fine_tuning/jobs", "handlers.create", scenario="fine_tuning.jobs"),
    Route("GET", "/fine_tuning/jobs", "handlers.list_jobs"),
    Route("GET", JOB, "handlers.retrieve"),
    Route("POST", JOB + "/cancel", "handlers.cancel", scenario="fine_tuning.jobs"),
    Route("POST", JOB + "/pause", "handlers.pause", scenario="fine_tuning.jobs"),
    Route("POST", JOB + "/resume", "handlers.resume", scenario="fine_tuning.jobs"),
    Route("GET", JOB + "/events", "handlers.events"),
    Route("GET", JOB + "/checkpoints", "handlers.checkpoints"),
    Route("GET", PERMISSIONS, "permissions.list_permissions", scenario="fine_tuning.checkpoints"),
    Route("POST", PERMISSIONS, "permissions.create", scenario="fine_tuning.checkpoints"),
    Route(
        "DELETE",
        PERMISSIONS + "/{permission_id}",
        "permissions.delete",
        scenario="fine_tuning.checkpoints",
    ),
]
