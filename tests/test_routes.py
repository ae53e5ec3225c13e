"""Every route's handler exists: routes name their handlers as `module.function` strings that
are resolved on the route's first request, so a typo would only show as a 500 when someone first
calls that route."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import mockai.endpoints
from mockai.endpoints import Route


def _declared() -> list[tuple[str, Route]]:
    found = []
    for info in pkgutil.iter_modules(mockai.endpoints.__path__):
        family = f"mockai.endpoints.{info.name}"
        found += [
            (family, route) for route in getattr(importlib.import_module(family), "ROUTES", ())
        ]
    return found


def test_every_route_names_a_coroutine_function_that_exists():
    declared = _declared()
    assert len(declared) >= 40, declared  # the families were found at all
    missing = []
    for family, route in declared:
        module, _, name = route.handler.rpartition(".")
        handler = getattr(importlib.import_module(f"{family}.{module}"), name, None)
        if not inspect.iscoroutinefunction(handler):
            missing.append(f"{route.method} {route.path} -> {family}.{route.handler}")
    assert missing == []


def test_no_two_routes_claim_the_same_method_and_path():
    pairs = [(route.method, route.path) for _, route in _declared()]
    assert len(pairs) == len(set(pairs)), sorted(p for p in pairs if pairs.count(p) > 1)
