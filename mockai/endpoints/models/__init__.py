"""`GET /v1/models`, `GET /v1/models/{model}`, `DELETE /v1/models/{model}`.

The list is the registry (built-ins, their dated snapshots and models added by the config
file), then the session's fine-tuned models whose jobs have succeeded (`mockai.toolkit.finetuned`),
owned by the organization that trained them. Other fine-tuned ids (`ft:BASE:org:suffix:id`) are
answered whenever their base model exists; deleting one is remembered for the session, after
which it is gone (404) like a really deleted model. Only fine-tuned models can be deleted.
"""

from __future__ import annotations

from mockai.endpoints import Route

ROUTES = [
    Route("GET", "/models", "handlers.list_models", scenario="models"),
    Route("GET", "/models/{model}", "handlers.retrieve", scenario="models"),
    Route("DELETE", "/models/{model}", "handlers.delete", scenario="models"),
]
