"""`POST /v1/embeddings`: validation and limits like the real API, scenario errors, and
deterministic vectors (`mockai.retrieval.vectors`, which vector stores embed with too) with
usage counted by the model's real tokenizer."""

from __future__ import annotations

from mockai.endpoints import Route

ROUTES = [
    Route("POST", "/embeddings", "handlers.create", scenario="embeddings"),
]
