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
from test_hand_built import HAND_BUILT

from mockai.endpoints import GENERIC, declared_routes
from mockai.endpoints.generic.resources import Resource, classify
from mockai.openapi import generate
from mockai.openapi.operations import Operation, operations
from mockai.openapi.schemas import branches
from mockai.pytest_plugin import TEST_ADMIN_KEY

ADMIN = {"Authorization": f"Bearer {TEST_ADMIN_KEY}"}


def _spec_driven() -> list[Operation]:
    routes = {(r.method, r.path) for family, r in declared_routes() if family == GENERIC}
    return [op for op in operations().values() if (op.method.upper(), op.route) in routes]


SPEC_DRIVEN = _spec_driven()
ROUTES = [(op.method.upper(), op.route) for op in operations().values() if not op.query]


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


async def _send(client, op: Operation, path: str, rng: random.Random):
    """The response, and the body sent."""
    query, body, kind = _request(op, rng)
    headers = _headers(op)
    if kind == "form":
        form = next(b for b in op.bodies.values() if b.multipart)
        data = _form(form.schema or {}, body)
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
async def test_the_answer_is_the_success_the_description_declares(
    serve, op, lenient, record_property
):
    record_property("conformance", f"{op.operation_id} {'lenient' if lenient else 'default'}")
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


def test_the_two_suites_cover_every_operation_once():
    """The spec-driven operations here, the hand-built ones in test_hand_built.py: together
    every operation of the shipped description, none in both."""
    spec_driven = {op.operation_id for op in SPEC_DRIVEN}
    assert len(spec_driven) == len(SPEC_DRIVEN) >= 200
    assert not spec_driven & set(HAND_BUILT)
    assert spec_driven | set(HAND_BUILT) == {op.operation_id for op in operations().values()}
