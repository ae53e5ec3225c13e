"""`/v1/batches`: create a batch from an uploaded JSONL file, retrieve, list and cancel it.

Creation answers at once with the batch `validating`; a task then validates the input file,
runs every request through mockai itself (`runner.py`) and moves it through `in_progress`,
`finalizing` and `completed`, or to `failed` with `errors` when the file is invalid.

Pace: every stage and every request waits `DEFAULT_LINE_MS` milliseconds (a few, so tests can
poll through the statuses); the request header `X-Mockai-Batch-Line-Ms` on the create call sets
it for that batch (0 runs as fast as possible, larger values leave time to cancel).
"""

from __future__ import annotations

from mockai.endpoints import Route

ROUTES = [
    Route("POST", "/batches", "handlers.create", scenario="batches"),
    Route("GET", "/batches", "handlers.list_batches"),
    Route("GET", "/batches/{batch_id}", "handlers.retrieve"),
    Route("POST", "/batches/{batch_id}/cancel", "handlers.cancel"),
]
