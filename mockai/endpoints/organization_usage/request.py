"""The query parameters of the Usage, Costs and Audit Logs APIs, read and checked, with the
real API's 400s naming the parameter.

Array parameters arrive the ways clients send them: repeated (`models=a&models=b`), with
brackets (`models[]=a`, what the official SDKs send, and the spelling the description gives
the audit log's filters), or comma-separated (`group_by=model,project_id`). The wordings are
the API's usual ones for query and body parameters (`Missing required parameter: ...`,
`Invalid value: 'x'. Supported values are: ...`, the `limit` range of every list endpoint);
those for a reversed time range and a foreign `page` cursor are inferred, no real capture of
them having been found.
"""

from __future__ import annotations

import base64
import binascii
import math
import re
import struct
import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from aiohttp import web

from mockai.endpoints.organization_usage.kinds import (
    COSTS_FILTERS,
    COSTS_GROUP_BY,
    COSTS_LIMIT,
    FILTER_VALUES,
    FILTERS,
    LIMITS,
    WIDTHS,
    Kind,
)
from mockai.errors import APIError, choices, invalid_request, missing_parameter
from mockai.toolkit.pagination import limit_param
from mockai.toolkit.state import state_of

_INTEGER = re.compile(r"-?[0-9]+")
MAX_TIME = 2**40  # Unix seconds: far beyond any real date, far within a cursor's 64 bits
_CURSOR = struct.Struct(">qq")  # (the next bucket's start, the bucket width)
CURSOR_PREFIX = "page_"


def values(request: web.Request, name: str) -> list[str]:
    """An array parameter's values, however sent (see the module's docstring)."""
    raw = request.query.getall(name, []) + request.query.getall(name + "[]", [])
    return [v.strip() for item in raw for v in item.split(",") if v.strip()]


def integer(request: web.Request, name: str, *, required: bool = False) -> int | None:
    raw = request.query.get(name)
    if raw is None or raw == "":
        if required:
            raise missing_parameter(name)
        return None
    if not _INTEGER.fullmatch(raw):
        raise invalid_request(
            f"Invalid '{name}': expected an integer, but got '{raw}'.", name, "invalid_type"
        )
    if not 0 <= int(raw) <= MAX_TIME:
        raise invalid_request(
            f"Invalid '{name}': integer out of range. Expected a value between 0 and {MAX_TIME}, "
            f"but got {raw} instead.",
            name,
            "invalid_value",
        )
    return int(raw)


def boolean(request: web.Request, name: str) -> bool | None:
    raw = request.query.get(name)
    if raw is None or raw == "":
        return None
    if raw.lower() not in ("true", "false"):
        raise invalid_request(
            f"Invalid '{name}': expected a boolean, but got '{raw}'.", name, "invalid_type"
        )
    return raw.lower() == "true"


def _one_of(value: str, allowed: Iterable[str], param: str) -> str:
    allowed = tuple(allowed)
    if value not in allowed:
        raise invalid_request(
            f"Invalid value: '{value}'. Supported values are: {choices(allowed)}.",
            param,
            "invalid_value",
        )
    return value


def _group_by(request: web.Request, allowed: tuple[str, ...]) -> tuple[str, ...]:
    given = values(request, "group_by")
    return tuple(dict.fromkeys(_one_of(v, allowed, "group_by") for v in given))


def _filters(request: web.Request, names: Iterable[str]) -> dict[str, frozenset[Any]]:
    found: dict[str, frozenset[Any]] = {}
    for name in names:
        given = values(request, name)
        if name in FILTER_VALUES:
            given = [_one_of(v, FILTER_VALUES[name], name) for v in given]
        if given:
            found[FILTERS[name]] = frozenset(given)
    return found


@dataclass(frozen=True)
class Window:
    """The buckets of one page: their starts, their width (seconds) and the next page's cursor."""

    starts: tuple[int, ...]
    width: int
    next_page: str | None


def _cursor(start: int, width: int) -> str:
    return CURSOR_PREFIX + base64.urlsafe_b64encode(_CURSOR.pack(start, width)).decode()


def _from_cursor(raw: str, width: int, first: int) -> int:
    """The bucket a `next_page` cursor of this query points at, or the real API's 400."""
    start = None
    try:
        if raw.startswith(CURSOR_PREFIX):
            decoded = base64.urlsafe_b64decode(raw[len(CURSOR_PREFIX) :].encode())
            start, cursor_width = _CURSOR.unpack(decoded)
            if cursor_width != width or start < first or (start - first) % width:
                start = None
    except (binascii.Error, struct.error, ValueError):
        start = None
    if start is None:
        raise invalid_request(
            f"Invalid 'page': '{raw}' is not a page cursor of this query.", "page", "invalid_value"
        )
    return start


def _window(
    request: web.Request, widths: tuple[str, ...], limits: dict[str, tuple[int, int]]
) -> Window:
    """The page's buckets from `start_time`, `end_time`, `bucket_width`, `limit` and `page`.
    Buckets are aligned to UTC minutes, hours or days (the real API's daily buckets start at
    midnight UTC); without `end_time` they run up to now."""
    start = integer(request, "start_time", required=True)
    assert start is not None
    end = integer(request, "end_time")
    lenient = state_of(request).settings.lenient  # the description's constraints only
    if end is not None and end <= start and not lenient:
        raise invalid_request(
            f"Invalid 'end_time': it must be greater than 'start_time' ({start}), but got {end}.",
            "end_time",
            "invalid_value",
        )
    name = _one_of(request.query.get("bucket_width") or "1d", widths, "bucket_width")
    width = WIDTHS[name]
    default, maximum = limits[name]
    limit = limit_param(request, default, maximum)
    first = start - start % width
    page = request.query.get("page")
    try:
        current = _from_cursor(page, width, first) if page else first
    except APIError:
        if not lenient:
            raise
        current = first  # a cursor this server never made: the first page
    until = end if end is not None else max(int(time.time()) + 1, start + 1)
    remaining = max(math.ceil((until - current) / width), 0)
    count = min(limit, remaining)
    starts = tuple(current + i * width for i in range(count))
    more = remaining > count
    return Window(starts, width, _cursor(current + count * width, width) if more else None)


@dataclass(frozen=True)
class UsageQuery:
    window: Window
    filters: dict[str, frozenset[Any]]
    group_by: tuple[str, ...]


def usage_query(request: web.Request, kind: Kind) -> UsageQuery:
    window = _window(request, tuple(WIDTHS), LIMITS)
    filters = _filters(request, kind.filters)
    if kind.batch:
        batch = boolean(request, "batch")
        if batch is not None:
            filters["batch"] = frozenset({batch})
    return UsageQuery(window, filters, _group_by(request, kind.group_by))


def costs_query(request: web.Request) -> UsageQuery:
    window = _window(request, ("1d",), {"1d": COSTS_LIMIT})
    return UsageQuery(window, _filters(request, COSTS_FILTERS), _group_by(request, COSTS_GROUP_BY))


# -- audit logs --------------------------------------------------------------------------------
_COMPARISONS = ("gt", "gte", "lt", "lte")
# The tenant-scoped event types (`tenant_only=true` lists only these), as the description
# describes the parameter.
TENANT_EVENTS = ("tenant.", "role.bound_to_resource", "role.unbound_from_resource")


def _compare(op: str, value: int, bound: int) -> bool:
    return {
        "gt": value > bound,
        "gte": value >= bound,
        "lt": value < bound,
        "lte": value <= bound,
    }[op]


def _actor_values(actor: dict[str, Any], field: str) -> set[Any]:
    """An actor's ids (or emails): the API key's tracking id, the user behind a session or a
    key, the service account behind a key."""
    key = actor.get("api_key") or {}
    people = [
        (actor.get("session") or {}).get("user") or {},
        key.get("user") or {},
        key.get("service_account") or {},
    ]
    found = {p.get(field) for p in people}
    if field == "id":
        found.add(key.get("id"))
    return found - {None}


@dataclass(frozen=True)
class AuditQuery:
    """The audit log's filters (`after`, `before` and `limit` are the list pages')."""

    effective_at: tuple[tuple[str, int], ...]
    project_ids: frozenset[str]
    event_types: frozenset[str]
    actor_ids: frozenset[str]
    actor_emails: frozenset[str]
    resource_ids: frozenset[str]
    tenant_only: bool

    def matches(self, event: dict[str, Any]) -> bool:
        """Whether an AuditLog object passes every filter given (an empty one passes all)."""
        at = event["effective_at"]
        if not all(_compare(op, at, bound) for op, bound in self.effective_at):
            return False
        details = event.get(event["type"]) or {}
        actor = event.get("actor") or {}
        for wanted, found in (
            (self.project_ids, {(event.get("project") or {}).get("id")}),
            (self.event_types, {event["type"]}),
            (self.actor_ids, _actor_values(actor, "id")),
            (self.actor_emails, _actor_values(actor, "email")),
            (self.resource_ids, {details.get("id")}),
        ):
            if wanted and wanted.isdisjoint(found):
                return False
        return not self.tenant_only or event["type"].startswith(TENANT_EVENTS)


def audit_query(request: web.Request) -> AuditQuery:
    ranges = []
    for op in _COMPARISONS:
        bound = integer(request, f"effective_at[{op}]")
        if bound is not None:
            ranges.append((op, bound))
    project_ids, event_types, actor_ids, actor_emails, resource_ids = (
        frozenset(values(request, name))
        for name in ("project_ids", "event_types", "actor_ids", "actor_emails", "resource_ids")
    )
    return AuditQuery(
        tuple(ranges),
        project_ids,
        event_types,
        actor_ids,
        actor_emails,
        resource_ids,
        bool(boolean(request, "tenant_only")),
    )
