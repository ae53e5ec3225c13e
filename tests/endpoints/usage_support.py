"""Shared helpers for the Usage, Costs and Audit Logs tests (`test_organization_*.py`): admin
calls whose bodies are validated against the spec (strict), and what the traffic the tests send
reported, summed independently of the server's own accounting."""

from __future__ import annotations

import json
import re
import time
import uuid
from collections import Counter
from typing import Any

from helpers import AUTH, api_json

ADMIN_KEY = "sk-admin-usage-tests"
ADMIN = {"Authorization": f"Bearer {ADMIN_KEY}"}
DAY = 86_400
# List prices per 1M tokens (input, output), as the models pages give them: the figures the
# Costs API must multiply by, written out here rather than read from mockai's table.
PRICES = {
    "gpt-4o": (2.50, 10.00),
    "gpt-4o-mini": (0.15, 0.60),
    "text-embedding-3-small": (0.02, 0.0),
}
_DATE = re.compile(r"-\d{4}-\d{2}-\d{2}$")


def session() -> dict[str, str]:
    return {"X-Mockai-Session": uuid.uuid4().hex}


def since(seconds: int = DAY) -> int:
    return int(time.time()) - seconds


def undated(model: str) -> str:
    return _DATE.sub("", model)


def params(**query: Any) -> list[tuple[str, str]]:
    """Query pairs; a list value is sent repeated with brackets, as the SDKs send arrays."""
    pairs: list[tuple[str, str]] = []
    for name, value in query.items():
        if isinstance(value, list):
            pairs += [(f"{name}[]", str(v)) for v in value]
        elif isinstance(value, bool):
            pairs.append((name, str(value).lower()))
        else:
            pairs.append((name, str(value)))
    return pairs


async def admin_get(
    client, path: str, headers: dict[str, str] | None, status: int = 200, **query: Any
) -> dict[str, Any]:
    """GET an Admin API route with the admin key; the body validated (strict) for its status."""
    response = await client.get(
        f"/v1/organization/{path}", params=params(**query), headers={**ADMIN, **(headers or {})}
    )
    body = await api_json(response)
    assert response.status == status, body
    return body


def results(page: dict[str, Any]) -> list[dict[str, Any]]:
    """Every result of every bucket of a page."""
    return [r for bucket in page["data"] for r in bucket["results"]]


def summed(page: dict[str, Any], key: str, *figures: str) -> dict[Any, dict[str, Any]]:
    """The page's results summed per value of `key` (a group_by field)."""
    out: dict[Any, Counter[str]] = {}
    for result in results(page):
        out.setdefault(result[key], Counter()).update({f: result[f] for f in figures})
    return {k: dict(v) for k, v in out.items()}


async def post(client, path: str, headers: dict[str, str], body: dict[str, Any]) -> Any:
    response = await client.post(f"/v1/{path}", data=json.dumps(body), headers={**AUTH, **headers})
    assert response.status == 200, await response.text()
    return await response.json()
