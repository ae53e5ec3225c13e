"""What a running server holds, and what one request carries through the middleware."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from aiohttp import web

from mockai.auditlog import AuditLog
from mockai.config import Settings
from mockai.ephemeral import ClientSecret, EphemeralKeys
from mockai.faults import ChaosDice, ChaosPolicy, Fault
from mockai.jobclock import JobClock, Pace
from mockai.journal import Journal, StreamTap
from mockai.metrics import Metrics
from mockai.models import ModelRegistry
from mockai.ratelimits.limiter import Limiter
from mockai.ratelimits.policy import LimitPolicy
from mockai.scenarios.endpoints import EndpointNames
from mockai.scenarios.engine import CompiledScenario, ScenarioEngine
from mockai.store import Kind, ObjectStore
from mockai.streaming.drain import Drain
from mockai.toolkit.parsed import PARSED_BODIES, ParseCache
from mockai.usage import Metered, UsageLedger

T = TypeVar("T")


@dataclass
class ServerState:
    settings: Settings
    models: ModelRegistry
    engine: ScenarioEngine
    names: EndpointNames  # what `match.endpoint` may name (runtime scenarios are checked too)
    journal: Journal
    limiter: Limiter
    chaos: ChaosDice
    store: ObjectStore = field(default_factory=ObjectStore)
    metrics: Metrics = field(default_factory=Metrics)
    parsed: ParseCache = field(default_factory=lambda: ParseCache(PARSED_BODIES))
    drain: Drain = field(default_factory=Drain)  # started when the server stops
    usage: UsageLedger = field(default_factory=UsageLedger)  # what the Usage API reports
    audit: AuditLog = field(default_factory=AuditLog)  # what the Audit Logs API lists
    ephemeral: EphemeralKeys = field(default_factory=EphemeralKeys)  # Realtime client secrets
    jobs: JobClock = field(default_factory=lambda: JobClock(Pace("realtime")))  # job times

    @classmethod
    def build(
        cls, settings: Settings, scenarios: list[CompiledScenario], names: EndpointNames
    ) -> ServerState:
        """Everything a server holds; a ValueError names a limits or chaos setting that makes
        no sense (the server never starts half-configured)."""
        models = ModelRegistry()
        models.add_from_config(settings.models)
        return cls(
            settings,
            models,
            ScenarioEngine(scenarios),
            names,
            Journal(settings.journal_size, settings.journal_body_bytes),
            Limiter(LimitPolicy(settings)),
            ChaosDice(ChaosPolicy.from_settings(settings), settings.seed),
            jobs=JobClock(Pace.parse(settings.job_clock)),
        )

    def reset(self, session: str | None = None) -> None:
        """Forget counters, journal, runtime scenarios, stored objects, rate-limit buckets,
        usage, audit log, Realtime client secrets and job times: everything, or one session's.
        Metrics keep counting (Prometheus counters only grow)."""
        everywhere = session is None
        self.engine.reset_counters(session, everywhere=everywhere)
        self.engine.drop_runtime(session, everywhere=everywhere)
        self.journal.clear(session)
        self.store.clear(session, everywhere=everywhere)
        self.limiter.reset(session, everywhere=everywhere)
        self.chaos.reset(session, everywhere=everywhere)
        self.usage.reset(session, everywhere=everywhere)
        self.audit.reset(session, everywhere=everywhere)
        self.ephemeral.reset(session, everywhere=everywhere)
        self.jobs.reset(session, everywhere=everywhere)


@dataclass(slots=True)
class Exchange:
    """Per-request facts gathered by handlers for headers, the journal and the access log."""

    request_id: str
    start: float
    session: str | None
    api_key: str | None = None
    client_secret: ClientSecret | None = None  # the Realtime ephemeral key it came with
    body: Any = None
    scenario: str | None = None
    step: int | None = None
    tokens: int = 0  # the request's estimated cost, for rate limits
    ratelimit: dict[str, str] | None = None  # the limiter's x-ratelimit-* headers
    billed: Metered | None = None  # what it consumed: spend quotas and the Usage API count it
    fault: Fault | None = None
    limited: str | None = None  # the limiter refused it: requests, tokens, insufficient_quota
    headers: dict[str, str] = field(default_factory=dict)
    stream: web.StreamResponse | None = None
    tap: StreamTap | None = None  # a stream's chunks, for the journal
    timestamp: float = field(default_factory=time.time)

    def elapsed_ms(self) -> float:
        return (time.perf_counter() - self.start) * 1000


STATE = web.AppKey("mockai.state", ServerState)
EXCHANGE = web.RequestKey("mockai.exchange", Exchange)


def state_of(request: web.Request) -> ServerState:
    return request.app[STATE]


def exchange_of(request: web.Request) -> Exchange:
    return request[EXCHANGE]


def stored(
    request: web.Request,
    kind: Kind[T],
    route_param: str,
    stand_in: Callable[[web.Request, str], T] | None = None,
) -> T:
    """The object of `kind` named by the route's `{route_param}` in the caller's session, or
    the kind's own 404; under `--lenient`, an id never made is answered as if it existed:
    `stand_in(request, id)` makes its object (see `toolkit.lenient`), kept from then on."""
    key = request.match_info[route_param]
    made = None if stand_in is None else (lambda: stand_in(request, key))
    return find_or_stand_in(state_of(request), exchange_of(request).session, kind, key, made)


def find_or_stand_in(
    state: ServerState,
    session: str | None,
    kind: Kind[T],
    key: str,
    stand_in: Callable[[], T] | None,
    *,
    param: str | None = None,
    keep: Callable[[T], None] | None = None,
) -> T:
    """The session's object of `kind` with id `key` (from the route or a body), or the kind's
    404 (`param`: where the id was given, when not the kind's usual place); under `--lenient`
    an id never made is answered as if it existed: `stand_in()` makes its object, kept from
    then on (by `keep`, when keeping it is more than a put in the store)."""
    found = state.store.get(session, kind, key)
    if found is None:
        if stand_in is None or not state.settings.lenient:
            raise kind.not_found(key, param)
        found = stand_in()
        if keep is None:
            state.store.put(session, kind, key, found)
        else:
            keep(found)
    return found
