"""`POST /v1/completions`, the legacy text endpoint: validation, scenario step or default
text, body or `text_completion` stream.

A completion model only writes text. A scripted step's `content` is that text (a `refusal`
stands in when there is no content: the model has no other channel for it); `tool_calls`
cannot be expressed here and are left out, and a finish reason the endpoint does not know
(`tool_calls`, `function_call`) is derived instead. Every prompt gets `best_of` candidates
(default `n`), all counted in usage; the first `n` are returned, choice `i` of prompt `p` at
index `p * n + i`.
"""

from __future__ import annotations

from mockai.endpoints import Route

ROUTES = [
    Route("POST", "/completions", "handlers.create", scenario="completions"),
]
