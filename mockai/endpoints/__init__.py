"""One package per endpoint family; each declares its `ROUTES` in its `__init__`, and with
each route the endpoint name scenarios know it by (`match.endpoint`, `Call.endpoint`).

The app discovers the families here, so adding one is adding a package: nothing central to
edit. A route names its handler as `module.function` inside the family, and that module is
imported on the route's first request, not at start: most runs use two or three families, and
importing them all (their pydantic models, Pillow, PyAV...) took ~120 ms of every start.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass

from aiohttp import web

from mockai.caches import memoized
from mockai.scenarios.endpoints import EndpointNames, operations, route_shape

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@dataclass(frozen=True)
class Route:
    method: str
    path: str  # below the /v1 prefix, e.g. "/chat/completions"
    handler: str  # `module.function` in the family's package, e.g. "handlers.create"
    scenario: str | None = None  # the endpoint name scenarios match it by, if they answer it
    # Further names a route answers scenarios by (the Realtime socket's input transcription).
    also: tuple[str, ...] = ()


GENERIC = f"{__name__}.generic"  # answers every operation no other family declares


def declared_routes() -> Iterator[tuple[str, Route]]:
    """Each family's package name and its routes, families in name order; then, for the
    spec-driven family, every operation of the shipped index whose route none declares (a
    hand-built family always wins), named by its operationId for scenarios."""
    served: set[str] = set()
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        family = f"{__name__}.{info.name}"
        for route in getattr(importlib.import_module(family), "ROUTES", ()):
            served.add(route_shape(f"{route.method} {route.path}"))
            yield family, route
    for operation_id, route_text in operations().items():
        method, _, path = route_text.partition(" ")
        if "?" not in path and route_shape(route_text) not in served:
            served.add(route_shape(route_text))
            yield GENERIC, Route(method, path, "handlers.answer", scenario=operation_id)


def all_routes() -> Iterator[tuple[Route, Handler]]:
    for family, route in declared_routes():
        module, _, name = route.handler.rpartition(".")
        yield route, _on_first_request(f"{family}.{module}", name)


@memoized(limit=1)
def endpoint_names() -> EndpointNames:
    """The endpoint names the routes declare, for checking and resolving `match.endpoint`."""
    routes: dict[str, list[str]] = {}
    for _, route in declared_routes():
        for name in (route.scenario, *route.also):
            if name is not None:
                routes.setdefault(name, []).append(f"{route.method} {route.path}")
    return EndpointNames(routes)


def _on_first_request(module: str, name: str) -> Handler:
    """The handler `module.name`, imported when first called, then called straight through."""
    resolved: Handler | None = None

    async def handler(request: web.Request) -> web.StreamResponse:
        nonlocal resolved
        if resolved is None:
            resolved = getattr(importlib.import_module(module), name)
        return await resolved(request)

    return handler
