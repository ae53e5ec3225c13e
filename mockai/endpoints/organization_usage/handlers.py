"""The handlers of this family's `ROUTES` (see the package's docstring): every usage operation,
costs, and the audit log; imported on the family's first request."""

from __future__ import annotations

from aiohttp import web

from mockai import usage
from mockai.endpoints.organization_usage import render
from mockai.endpoints.organization_usage.kinds import KINDS
from mockai.endpoints.organization_usage.request import audit_query, costs_query, usage_query
from mockai.toolkit.http import json_response
from mockai.toolkit.pagination import page
from mockai.toolkit.state import exchange_of, state_of


async def usage_page(request: web.Request) -> web.Response:
    """`GET /organization/usage/<kind>`: the kind is the path's last segment."""
    kind = KINDS[request.path.rpartition("/")[2]]
    query = usage_query(request, kind)
    window = query.window
    totals = usage.totals(
        state_of(request).usage,
        exchange_of(request).session,
        kind.name,
        list(window.starts),
        window.width,
        query.filters,
        query.group_by,
    )
    results = [[render.result(kind, group, counts) for group, counts in b] for b in totals]
    return json_response(render.page(window, results))


async def costs(request: web.Request) -> web.Response:
    query = costs_query(request)
    window = query.window
    totals = usage.costs(
        state_of(request).usage,
        exchange_of(request).session,
        list(window.starts),
        window.width,
        query.filters,
        query.group_by,
    )
    results = [[render.cost_result(*entry) for entry in bucket] for bucket in totals]
    return json_response(render.page(window, results))


async def audit_logs(request: web.Request) -> web.Response:
    query = audit_query(request)
    events = state_of(request).audit.events(exchange_of(request).session)
    listed = [event for event in events if query.matches(event)]
    return json_response(page(listed, request, orderable=False, default_limit=20, max_limit=100))
