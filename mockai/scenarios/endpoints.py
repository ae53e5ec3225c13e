"""The names `match.endpoint` accepts, resolved once to the endpoint names they cover.

A request answered through scenarios carries its endpoint name (`Call.endpoint`:
`chat.completions`, `images.edits`...); each endpoint family declares these names next to its
routes (`Route.scenario`), and the server builds one `EndpointNames` from them. A scenario may
name an endpoint, an operation of the official OpenAPI description (`createChatCompletion`) or
its `METHOD /path` (`POST /chat/completions`), or a glob over any of these (`chat.*`). A name
nothing knows is a problem, with the closest known name as a suggestion, so a misspelt endpoint
cannot silently never match; an operation nothing serves yet is valid and matches nothing.
"""

from __future__ import annotations

import difflib
import fnmatch
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from mockai.caches import memoized
from mockai.spec import OPERATIONS_PATH

GLOB_CHARACTERS = "*?["


@memoized(limit=1)
def operations() -> Mapping[str, str]:
    """operationId -> `METHOD /path`, as the shipped description writes them."""
    return MappingProxyType(json.loads(OPERATIONS_PATH.read_text(encoding="utf-8")))


def route_shape(route: str) -> str:
    """`GET /models/{model}` and `GET /models/{model_id}` are one route."""
    return re.sub(r"\{[^}]*\}", "{}", route)


@dataclass(frozen=True, init=False)
class EndpointNames:
    """Every name `match.endpoint` accepts, and the endpoint names each one covers."""

    endpoints: Mapping[str, tuple[str, ...]]
    _names: Mapping[str, frozenset[str]]

    def __init__(self, endpoints: Mapping[str, Iterable[str]]) -> None:
        """`endpoints`: each endpoint name -> the routes (`METHOD /path`) it answers."""
        routes = MappingProxyType({name: tuple(given) for name, given in endpoints.items()})
        by_shape: dict[str, set[str]] = {}
        for name, answered in routes.items():
            for route in answered:
                by_shape.setdefault(route_shape(route), set()).add(name)
        names = {name: frozenset({name}) for name in routes}
        for operation, route in operations().items():
            covered = frozenset(by_shape.get(route_shape(route), ()))
            names[operation] = names[route] = covered
        object.__setattr__(self, "endpoints", routes)
        object.__setattr__(self, "_names", MappingProxyType(names))

    @property
    def families(self) -> list[str]:
        """The hand-built endpoint names (the spec-driven ones are operation ids)."""
        return [name for name in self.endpoints if name not in operations()]

    def resolve(self, name: str) -> frozenset[str]:
        """The endpoint names `name` (or glob) covers; ValueError naming the problem when it
        names nothing known."""
        names = self._names
        if not any(ch in name for ch in GLOB_CHARACTERS):
            if name in names:
                return names[name]
            close = difflib.get_close_matches(name, names, n=1)
            hint = (
                f"did you mean {close[0]!r}?"
                if close
                else f"expected a family ({', '.join(self.families)}), "
                "an operation id or 'METHOD /path'"
            )
            raise ValueError(f"unknown endpoint {name!r}; {hint}")
        matched = [known for known in names if fnmatch.fnmatchcase(known, name)]
        if not matched:
            raise ValueError(f"endpoint glob {name!r} matches no endpoint name")
        return frozenset().union(*(names[known] for known in matched))
