"""`--lenient`'s stand-ins: the object an id that was never made names, generated from the
description's schema for it (deterministic for the seed and the id), as a schema mock answers.

A family hands `toolkit.state.stored` a stand-in maker; under `--lenient` an unknown id is
then answered as if it existed, and the stand-in is kept in the session like a made object,
so later calls on the same id see the same object (and its changes).
"""

from __future__ import annotations

from typing import Any

from aiohttp import web

from mockai.openapi import generate
from mockai.toolkit.state import state_of


def generated(request: web.Request, operation_id: str, key: str, **fixed: Any) -> dict[str, Any]:
    """The object `operation_id` answers (the description's success schema), with id `key`
    and the `fixed` fields; the beta variant of the operation for a `?beta=true` request."""
    if request.query.get("beta") == "true":
        operation_id = f"beta_{operation_id}"
    made = generate.body(
        operation_id,
        seed=state_of(request).settings.seed,
        request_digest=key,
        overrides={"id": key, **fixed},
    )
    assert isinstance(made, dict), f"{operation_id} answers no object"
    return made
