"""Conformance of the spec-driven operations: for every operation no family hand-builds, a
request built from its own request schema is sent to the server, in the default mode (with the
objects it names created first through the description's own create operations) and in
`--lenient` (any id), and the answer must be the operation's success status with a body valid
against its response schema (strictly: no undeclared property)."""

from __future__ import annotations

import random
from typing import Any

import aiohttp
import pytest
from helpers import AUTH
from openapi import validate_operation

from mockai.endpoints import GENERIC, declared_routes
from mockai.endpoints.generic.resources import Resource, classify
from mockai.openapi import generate
from mockai.openapi.operations import Operation, operations
from mockai.pytest_plugin import TEST_ADMIN_KEY

ADMIN = {"Authorization": f"Bearer {TEST_ADMIN_KEY}"}


def _spec_driven() -> list[Operation]:
    routes = {(r.method, r.path) for family, r in declared_routes() if family == GENERIC}
    return [op for op in operations().values() if (op.method.upper(), op.route) in routes]


SPEC_DRIVEN = _spec_driven()
ROUTES = [(op.method.upper(), op.route) for op in operations().values() if not op.query]
RESULTS: dict[tuple[str, str], bool] = {}


def _role(op: Operation) -> Resource:
    return classify(op.method, op.route, ROUTES)


def _creator(collection: str) -> Operation | None:
    return next(
        (
            op
            for op in SPEC_DRIVEN
            if _role(op).role == "create" and _role(op).collection == collection
        ),
        None,
    )


def _headers(op: Operation) -> dict[str, str]:
    return ADMIN if op.route.startswith(("/organization", "/projects")) else AUTH


def _request(op: Operation, rng: random.Random) -> tuple[dict[str, str], Any, str | None]:
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


async def _send(client, op: Operation, path: str, rng: random.Random):
    """The response, and the body sent."""
    query, body, kind = _request(op, rng)
    headers = _headers(op)
    if kind == "form":
        data = aiohttp.FormData(default_to_multipart=True)
        for key, value in body.items():
            if isinstance(value, (bytes, bytearray)):
                data.add_field(key, bytes(value), filename=f"{key}.bin")
            elif isinstance(value, str) and key in ("file", "image", "video", "audio"):
                data.add_field(key, value.encode(), filename=f"{key}.txt")
            else:
                data.add_field(key, value if isinstance(value, str) else str(value))
        return await client.request(op.method, path, params=query, data=data, headers=headers), body
    return await client.request(op.method, path, params=query, json=body, headers=headers), body


async def _path(client, op: Operation, rng: random.Random, lenient: bool) -> str:
    """The operation's concrete path: in the default mode the objects it names are created
    first, through the description's create operations (any id where none creates them)."""
    params: dict[str, str] = {}
    role = _role(op)
    templates = list(role.parents) + ([role.item] if role.item and role.role != "create" else [])
    for template in templates:
        collection, _, slot = template.rpartition("/")
        name = slot.strip("{}")
        maker = None if lenient else _creator(collection)
        if maker is None:
            params[name] = f"{name}_conformance"
            continue
        response, sent = await _send(client, maker, "/v1" + maker.route.format_map(params), rng)
        assert response.status == maker.success.status, (maker.operation_id, await response.text())
        # Objects added by reference are addressed by it (a group's user by its `user_id`);
        # a create answering a list (conversation items) made its first item.
        made = await response.json()
        params[name] = (sent or {}).get(name) or made.get("id") or made["data"][0]["id"]
    return "/v1" + op.route.format_map(params)


@pytest.mark.parametrize("lenient", [False, True], ids=["default", "lenient"])
@pytest.mark.parametrize("op", SPEC_DRIVEN, ids=lambda op: op.operation_id)
async def test_the_answer_is_the_success_the_description_declares(serve, op, lenient):
    client = await serve(lenient=lenient)
    rng = random.Random(f"{op.operation_id} {lenient}")
    path = await _path(client, op, rng, lenient)
    response, _ = await _send(client, op, path, rng)
    raw = await response.read()
    assert response.status == op.success.status, raw[:2000]
    if op.success.binary:
        assert response.content_type in op.success.content_types
    elif op.success.json:
        assert response.content_type == "application/json"
        validate_operation(op.path, op.method, op.success.status, await response.json())
    RESULTS[(op.operation_id, "lenient" if lenient else "default")] = True


def test_every_spec_driven_operation_is_covered():
    """Every operation no family hand-builds is in the list above (and the list is not empty)."""
    assert len(SPEC_DRIVEN) >= 200
    ids_ = {op.operation_id for op in SPEC_DRIVEN}
    assert all(isinstance(i, str) for i in ids_) and len(ids_) == len(SPEC_DRIVEN)
