"""Cursor pages as every list endpoint answers them: `{object: "list", data, first_id,
last_id, has_more}`, driven by the `order`, `after`, `before` and `limit` query parameters."""

from __future__ import annotations

from typing import Any

from aiohttp import web

from mockai.errors import invalid_request
from mockai.toolkit.state import state_of

# `--lenient` takes the spellings of `order` some operations' descriptions use.
_ORDERS = {"asc": "asc", "desc": "desc", "ascending": "asc", "descending": "desc"}


def limit_param(request: web.Request, default: int, maximum: int) -> int:
    """The `limit` query parameter (1 to `maximum`), or the real API's 400; `--lenient` takes
    any whole number (0 is an empty page), as the descriptions' schemas do."""
    raw = request.query.get("limit", str(default))
    if state_of(request).settings.lenient and raw.isascii() and raw.isdigit():
        return int(raw)
    if not (raw.isascii() and raw.isdigit()) or not 1 <= int(raw) <= maximum:
        raise invalid_request(
            f"Invalid 'limit': integer out of range. Expected a value between 1 and {maximum}, "
            f"but got {raw} instead.",
            "limit",
            "invalid_value",
        )
    return int(raw)


def page(
    items: list[dict[str, Any]],
    request: web.Request,
    *,
    default_order: str = "desc",
    orderable: bool = True,
    default_limit: int = 20,
    max_limit: int = 100,
    spellings: tuple[str, str] = ("asc", "desc"),
) -> dict[str, Any]:
    """One page of `items` (stored oldest first). Endpoints without an `order` parameter
    list in `default_order`; `spellings` are how the endpoint's `order` says ascending and
    descending (`ascending`/`descending` on a few)."""
    asked = request.query.get("order") if orderable else None
    order = default_order
    if asked is not None:  # only the endpoint's own spellings (any under `--lenient`)
        order = {spellings[0]: "asc", spellings[1]: "desc"}.get(asked, "")
        if state_of(request).settings.lenient:
            order = order or _ORDERS.get(asked, asked)
    if order not in ("asc", "desc"):
        raise invalid_request(
            f"Invalid value: '{asked}'. Supported values are: '{spellings[0]}' and "
            f"'{spellings[1]}'.",
            "order",
            "invalid_value",
        )
    limit = limit_param(request, default_limit, max_limit)
    listed = items if order == "asc" else items[::-1]
    positions = {item.get("id"): n for n, item in enumerate(listed)}
    start, end = 0, len(listed)
    if "after" in request.query:
        start = positions.get(request.query["after"], len(listed) - 1) + 1
    if "before" in request.query:
        end = positions.get(request.query["before"], 0)
    window = listed[start:end]
    data = window[:limit]
    return {
        "object": "list",
        "data": data,
        "first_id": data[0].get("id") if data else None,
        "last_id": data[-1].get("id") if data else None,
        "has_more": len(window) > len(data),
    }
