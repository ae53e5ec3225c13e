"""The names `match.endpoint` accepts, resolved once to the endpoint families they cover.

A request names its family (`Call.endpoint`: `chat.completions`, `images.edits`...). A scenario
may name a family, an operation of the official OpenAPI description (`createChatCompletion`) or
its `METHOD /path` (`POST /chat/completions`), or a glob over any of these (`chat.*`). A name
nothing knows is a problem, with the closest known name as a suggestion, so a misspelt endpoint
cannot silently never match; an operation no family serves yet is valid and matches nothing.
"""

from __future__ import annotations

import difflib
import fnmatch
import json
from functools import cache

from mockai.spec import OPERATIONS_PATH

# Each family and the operations (`METHOD /path`, as the description writes them) it answers
# through scenarios. Keep in step with the families' routes (a test checks it).
FAMILIES: dict[str, tuple[str, ...]] = {
    "chat.completions": ("POST /chat/completions",),
    "chat.completions.stored": (
        "GET /chat/completions",
        "GET /chat/completions/{completion_id}",
        "POST /chat/completions/{completion_id}",
        "DELETE /chat/completions/{completion_id}",
        "GET /chat/completions/{completion_id}/messages",
    ),
    "completions": ("POST /completions",),
    "responses": ("POST /responses",),
    "embeddings": ("POST /embeddings",),
    "models": ("GET /models", "GET /models/{model}", "DELETE /models/{model}"),
    "moderations": ("POST /moderations",),
    "images.generations": ("POST /images/generations",),
    "images.edits": ("POST /images/edits",),
    "images.variations": ("POST /images/variations",),
    "audio.speech": ("POST /audio/speech",),
    "audio.transcriptions": ("POST /audio/transcriptions",),
    "audio.translations": ("POST /audio/translations",),
    "files": ("POST /files",),
    "uploads": ("POST /uploads",),
    "batches": ("POST /batches",),
}
GLOB_CHARACTERS = "*?["


@cache
def _operations() -> dict[str, str]:
    """operationId -> `METHOD /path`; read only when a name is not a family's."""
    return json.loads(OPERATIONS_PATH.read_text(encoding="utf-8"))


@cache
def _names() -> dict[str, frozenset[str]]:
    """Every accepted exact name -> the families it covers (empty: none serves it yet)."""
    by_route: dict[str, set[str]] = {}
    for family, routes in FAMILIES.items():
        for route in routes:
            by_route.setdefault(route, set()).add(family)
    names = {family: frozenset({family}) for family in FAMILIES}
    for operation, route in _operations().items():
        names[operation] = names[route] = frozenset(by_route.get(route, ()))
    return names


@cache
def resolve(name: str) -> frozenset[str]:
    """The families `name` (or glob) covers; ValueError naming the problem when it names
    nothing known."""
    if name in FAMILIES:
        return frozenset({name})
    names = _names()
    if not any(ch in name for ch in GLOB_CHARACTERS):
        if name in names:
            return names[name]
        close = difflib.get_close_matches(name, names, n=1)
        hint = (
            f"did you mean {close[0]!r}?"
            if close
            else f"expected a family ({', '.join(FAMILIES)}), an operation id or 'METHOD /path'"
        )
        raise ValueError(f"unknown endpoint {name!r}; {hint}")
    matched = [known for known in names if fnmatch.fnmatchcase(known, name)]
    if not matched:
        raise ValueError(f"endpoint glob {name!r} matches no endpoint name")
    return frozenset().union(*(names[known] for known in matched))
