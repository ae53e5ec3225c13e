"""The Admin API's reports on this server's own activity: `GET /organization/usage/<kind>` (all
ten kinds), `GET /organization/costs` and `GET /organization/audit_logs`.

They report what this server really answered in the caller's `X-Mockai-Session`
(`mockai.usage`, `mockai.auditlog`): the requests that got a 200, each with the tokens,
images, characters or seconds its answer reported, counted per minute and read back in 1m, 1h
or 1d buckets aligned to UTC, filtered (`project_ids`, `api_key_ids`, `models`, `batch`...)
and grouped (`group_by`) as the description lists them, paged with `next_page` cursors. Costs
price the token usage with the rate limiter's price table (`<model>, input` and `<model>,
output` line items, as the real Costs API names them). Vector store storage, which mockai does
not meter over time, answers empty buckets. The audit log lists the administrative actions
taken against this server (`toolkit.audit.record_action`), newest first, with the
description's filters.

Like every `/organization/...` route these take an admin key (`sk-admin-...`) only: the
middleware refuses any other key with the real API's 403 (`Missing scopes: api.usage.read`).
Scenarios do not answer them: they report what happened, they are not a model's answer.
The family is named after what it mostly serves; the audit log is here because it is the
same kind of report (what this server did) read with the same key.
"""

from __future__ import annotations

from mockai.endpoints import Route

_KINDS = (
    "completions",
    "embeddings",
    "moderations",
    "images",
    "audio_speeches",
    "audio_transcriptions",
    "vector_stores",
    "code_interpreter_sessions",
    "file_search_calls",
    "web_search_calls",
)

ROUTES = [
    *(Route("GET", f"/organization/usage/{kind}", "handlers.usage_page") for kind in _KINDS),
    Route("GET", "/organization/costs", "handlers.costs"),
    Route("GET", "/organization/audit_logs", "handlers.audit_logs"),
]
