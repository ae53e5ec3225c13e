"""What the server keeps for the models routes: the fine-tuned models deleted in a session
(deleting one is remembered, after which it is gone like a really deleted model)."""

from __future__ import annotations

from mockai.store import Kind

DELETED: Kind[bool] = Kind("deleted_models")
