"""What a running server holds, and what one request carries through the middleware."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any, Callable

from aiohttp import web

from mockai.config import Settings
from mockai.errors import APIError
from mockai.control.journal import Journal
from mockai.model_registry import ModelRegistry
from mockai.ratelimits.headers import Limits
from mockai.scenarios.engine import ScenarioEngine
from mockai.store import ObjectStore


@dataclass
class ServerState:
    settings: Settings
    models: ModelRegistry
    engine: ScenarioEngine
    journal: Journal
    limits: Limits = field(default_factory=Limits)
    store: ObjectStore = field(default_factory=ObjectStore)

    def reset(self, session: str | None = None) -> None:
        """Forget counters, journal, runtime scenarios and stored objects: everything, or one
        session's."""
        everywhere = session is None
        self.engine.reset_counters(session, everywhere=everywhere)
        self.engine.drop_runtime(session, everywhere=everywhere)
        self.journal.clear(session)
        self.store.clear(session, everywhere=everywhere)


@dataclass
class Exchange:
    """Per-request facts gathered by handlers for headers, the journal and the access log."""

    request_id: str
    start: float
    session: str | None
    body: Any = None
    scenario: str | None = None
    step: int | None = None
    tokens: int = 0
    headers: dict[str, str] = field(default_factory=dict)
    stream: web.StreamResponse | None = None
    timestamp: float = field(default_factory=time.time)

    def elapsed_ms(self) -> float:
        return (time.perf_counter() - self.start) * 1000


STATE = web.AppKey("mockai.state", ServerState)
EXCHANGE = web.RequestKey("mockai.exchange", Exchange)


def state_of(request: web.Request) -> ServerState:
    return request.app[STATE]


def exchange_of(request: web.Request) -> Exchange:
    return request[EXCHANGE]


def stored(request: web.Request, kind: str, route_param: str,
           missing: Callable[[str], APIError]) -> Any:
    """The object of `kind` named by the route's `{route_param}` in the caller's session, or
    the family's own 404 (each API words it differently)."""
    key = request.match_info[route_param]
    found = state_of(request).store.get(exchange_of(request).session, kind, key)
    if found is None:
        raise missing(key)
    return found
