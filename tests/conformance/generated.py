"""The operations of the shipped description, split into those an endpoint family builds by
hand and the spec-driven rest; and requests generated from an operation's own request schema,
sent as the official SDK sends them (JSON, or a multipart form with files as file parts,
arrays as repeated `key[]` and objects as `key[field]`)."""

from __future__ import annotations

import random
from typing import Any

import aiohttp
from helpers import AUTH

from mockai.endpoints import GENERIC, declared_routes
from mockai.openapi import generate
from mockai.openapi.operations import Operation, operations
from mockai.openapi.schemas import branches
from mockai.pytest_plugin import TEST_ADMIN_KEY

ADMIN = {"Authorization": f"Bearer {TEST_ADMIN_KEY}"}


def _generic_routes() -> set[tuple[str, str]]:
    return {(r.method, r.path) for family, r in declared_routes() if family == GENERIC}


SPEC_DRIVEN = [
    op for op in operations().values() if (op.method.upper(), op.route) in _generic_routes()
]
HAND_BUILT = {
    op.operation_id: op
    for op in operations().values()
    if (op.method.upper(), op.route) not in _generic_routes()
}


def headers_for(op: Operation) -> dict[str, str]:
    return ADMIN if op.route.startswith(("/organization", "/projects")) else AUTH


def request_for(op: Operation, rng: random.Random) -> tuple[dict[str, str], Any, str | None]:
    """The query and the body (JSON, or a form's fields) the request schema allows."""
    query = {}
    for parameter in op.parameters_in("query"):
        if parameter.required:
            value = generate.instance(parameter.schema, rng, name=parameter.name)
            query[parameter.name] = value if isinstance(value, str) else str(value).lower()
    body = op.json_body
    if body is not None and body.schema is not None:
        return query, generate.instance(body.schema, rng), "json"
    form = next((b for b in op.bodies.values() if b.multipart), None)
    if form is not None and form.schema is not None:
        return query, generate.instance(form.schema, rng), "form"
    return query, None, None


def _is_file(schema: Any) -> bool:
    """Whether a form property's schema is a file (a binary string, or an array of them)."""
    return any(
        b.schema.get("format") == "binary"
        or "contentMediaType" in b.schema
        or ("items" in b.schema and _is_file(b.schema["items"]))
        for b in branches(schema)
    )


def _form(schema: dict[str, Any], body: dict[str, Any]) -> aiohttp.FormData:
    """The form the official SDK sends for `body`: files as file parts, arrays as repeated
    `key[]` fields, objects as `key[field]`, booleans as `true`/`false`, nulls left out."""
    data = aiohttp.FormData(default_to_multipart=True)
    properties: dict[str, Any] = {}
    for branch in branches(schema):
        properties.update(branch.schema.get("properties", {}))

    def add(key: str, value: Any, file: bool) -> None:
        if value is None:
            return
        if file:
            raw = value if isinstance(value, (bytes, bytearray)) else str(value).encode()
            data.add_field(key, bytes(raw), filename=f"{key.strip('[]')}.bin")
        elif isinstance(value, list):
            for item in value:
                add(f"{key}[]", item, file)
        elif isinstance(value, dict):
            for name, item in value.items():
                add(f"{key}[{name}]", item, file)
        elif isinstance(value, bool):
            data.add_field(key, "true" if value else "false")
        else:
            data.add_field(key, str(value))

    for key, value in body.items():
        file = _is_file(properties.get(key))
        if file and isinstance(value, list):
            for item in value:
                add(key, item, True)
        else:
            add(key, value, file)
    return data


async def send(client, op: Operation, path: str, rng: random.Random):
    """The response, and the body sent."""
    query, body, kind = request_for(op, rng)
    headers = headers_for(op)
    if kind == "form":
        form = next(b for b in op.bodies.values() if b.multipart)
        data = _form(form.schema or {}, body)
        return await client.request(op.method, path, params=query, data=data, headers=headers), body
    return await client.request(op.method, path, params=query, json=body, headers=headers), body
