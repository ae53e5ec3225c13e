"""Conformance of the spec-driven operations: for every operation no family hand-builds, a
request built from its own request schema is sent to the server, in the default mode (with the
objects it names created first through the description's own create operations) and in
`--lenient` (any id), and the answer must be the operation's success status with a body valid
against its response schema (strictly: no undeclared property)."""

from __future__ import annotations

import random

import pytest
from generated import HAND_BUILT, SPEC_DRIVEN, send
from openapi import validate_operation

from mockai.endpoints.generic.resources import Resource, classify
from mockai.openapi.operations import Operation, operations

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
        response, sent = await send(client, maker, "/v1" + maker.route.format_map(params), rng)
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
    response, _ = await send(client, op, path, rng)
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
    assert len(spec_driven) == len(SPEC_DRIVEN) >= 100
    assert not spec_driven & set(HAND_BUILT)
    assert spec_driven | set(HAND_BUILT) == {op.operation_id for op in operations().values()}
