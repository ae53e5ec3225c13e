"""What each spec-driven operation does to the objects it names, read from its method and path.

The description's paths follow one REST shape: `/things` is a collection (POST creates, GET
lists) when objects hang under it (`/things/{thing_id}`: GET retrieves, POST updates, DELETE
deletes); `/things/{thing_id}/verb` with POST alone is an action on that object (`cancel`,
`archive`, `search`); `.../content` read with GET is an object's bytes; any other literal path
is a singleton (`/organization/data_retention`, a project's `spend_limit`): GET reads it, POST
writes it, DELETE clears it. Nested collections live under their parent objects
(`/threads/{thread_id}/messages` under `/threads/{thread_id}`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

Role = Literal[
    "create", "list", "retrieve", "update", "delete", "action", "content", "read", "write", "clear"
]
_PARAM = re.compile(r"^\{([^}]+)\}$")
_ITEM_ROLES: dict[str, Role] = {"GET": "retrieve", "POST": "update", "DELETE": "delete"}
_SINGLETON_ROLES: dict[str, Role] = {"GET": "read", "POST": "write", "DELETE": "clear"}


@dataclass(frozen=True)
class Resource:
    """One operation's part: its `role`; the `collection` (a path template) whose objects it
    acts on, or the singleton path itself; for a role on one object, the route parameter
    naming it (`item_param`); and the object templates the path hangs under (`parents`)."""

    role: Role
    collection: str
    item_param: str | None
    parents: tuple[str, ...]

    @property
    def item(self) -> str | None:
        """The template of the one object the role acts on (`/threads/{thread_id}`)."""
        return None if self.item_param is None else f"{self.collection}/{{{self.item_param}}}"


def _param(segment: str) -> str | None:
    found = _PARAM.match(segment)
    return found.group(1) if found else None


def parents_of(path: str) -> tuple[str, ...]:
    """Each `.../{param}` prefix of `path`: the objects it hangs under, outermost first."""
    segments = path.strip("/").split("/")
    return tuple(
        "/" + "/".join(segments[: i + 1]) for i, part in enumerate(segments) if _param(part)
    )


def classify(method: str, path: str, routes: Iterable[tuple[str, str]]) -> Resource:
    """The role of `METHOD path` among every `(METHOD, path)` of the description."""
    method = method.upper()
    routes = {(m.upper(), p) for m, p in routes}
    segments = path.strip("/").split("/")
    last = "/" + "/".join(segments[:-1])
    param = _param(segments[-1])
    if param is not None:
        return Resource(_ITEM_ROLES.get(method, "update"), last, param, parents_of(last))
    depth = path.count("/") + 1
    has_items = any(p.startswith(path + "/{") and p.count("/") == depth for _, p in routes)
    if has_items:
        role: Role = "create" if method == "POST" else "list"
        return Resource(role, path, None, parents_of(path))
    owner = _param(segments[-2]) if len(segments) > 1 else None
    if owner is not None:
        collection = "/" + "/".join(segments[:-2])
        if segments[-1] == "content" and method == "GET":
            return Resource("content", collection, owner, parents_of(collection))
        if method == "POST" and ("GET", path) not in routes:
            return Resource("action", collection, owner, parents_of(collection))
    return Resource(_SINGLETON_ROLES.get(method, "write"), path, None, parents_of(path))
