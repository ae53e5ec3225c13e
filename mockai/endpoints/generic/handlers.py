"""The handler of every spec-driven operation (`answer`): the request checked against the
operation's schemas, a scenario step (a literal `body:`, an error, a fault), then what the
path's role does (resources.py) to the session's objects (state.py), the answer generated from
the response schema with the stored object's fields."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from functools import partial
from types import MappingProxyType
from typing import Any

import orjson
from aiohttp import web

from mockai.caches import memoized
from mockai.endpoints.generic import audit
from mockai.endpoints.generic.resources import Resource, classify
from mockai.endpoints.generic.state import Entry, concrete, kind_for, under
from mockai.errors import APIError, invalid_request
from mockai.openapi import generate
from mockai.openapi.check import check_body, check_form, check_query
from mockai.openapi.operations import Operation, operations
from mockai.openapi.schemas import branches, types
from mockai.scenarios.call import Call
from mockai.toolkit.http import json_response, read_json
from mockai.toolkit.multipart import Form, nested, read_form
from mockai.toolkit.pagination import page
from mockai.toolkit.scripted import answer_step
from mockai.toolkit.state import ServerState, exchange_of, state_of

MAX_UPLOAD_BYTES = 512 * 1024 * 1024


@memoized(limit=1)
def _index() -> Mapping[tuple[str, str], Operation]:
    """(METHOD, path template) -> its operation; the `?beta=true` variants are not routes."""
    return MappingProxyType(
        {(op.method.upper(), op.route): op for op in operations().values() if not op.query}
    )


@memoized(limit=1)
def _creatable() -> frozenset[str]:
    """The collections a spec-driven operation creates objects in."""
    return frozenset(r.collection for r in map(_resource, _index().values()) if r.role == "create")


@memoized(limit=512)
def _item_param(collection: str) -> str | None:
    """The route parameter naming one object of `collection` (`user_id` for
    `/organization/groups/{group_id}/users`), if its objects are addressable."""
    for _, route in _index():
        head, _, slot = route.rpartition("/")
        if head == collection and slot.startswith("{"):
            return slot.strip("{}")
    return None


def _resource(found: Operation) -> Resource:
    return _role(found.method.upper(), found.route)


@memoized(limit=512)
def _role(method: str, route: str) -> Resource:
    return classify(method, route, _index().keys())


def _operation(request: web.Request) -> Operation:
    canonical = request.match_info.route.resource.canonical  # type: ignore[union-attr]
    return _index()[(request.method, canonical.split("/v1", 1)[1])]


def _too_large(form: Form, name: str, read: int) -> APIError:
    return invalid_request("File is too large.")


async def _body(request: web.Request, found: Operation) -> dict[str, Any]:
    if not found.bodies:
        return {}
    if (
        any(b.multipart for b in found.bodies.values())
        and request.content_type == "multipart/form-data"
    ):
        binary = frozenset(_binary_fields(found))
        form = await read_form(request, files=binary, limit=MAX_UPLOAD_BYTES, too_large=_too_large)
        fields: dict[str, Any] = dict(form.fields)
        # A file stands as its name, several as a list; text sent in a field that may take a
        # file (the form's every field, see _binary_fields) as that text.
        for name, uploads in form.files.items():
            names = [
                u.filename if u.filename is not None else u.data.decode("utf-8", "replace")
                for u in uploads
            ]
            fields[name] = names[0] if len(names) == 1 else names
        return check_form(found, nested(fields))
    body = await read_json(request)
    if found.json_body is not None:
        check_body(found, "application/json", body)
    return body


def _order_spellings(found: Operation) -> tuple[str, str]:
    """How the operation's `order` parameter says ascending and descending."""
    for parameter in found.parameters_in("query"):
        if parameter.name == "order":
            for branch in branches(parameter.schema):
                enum = [v for v in branch.schema.get("enum") or () if isinstance(v, str)]
                if len(enum) == 2:
                    first, second = sorted(enum)  # asc < desc, ascending < descending
                    return first, second
    return ("asc", "desc")


def _binary_fields(found: Operation) -> list[str]:
    """The form fields a file may be sent in: any the form declares (the description marks
    file fields in several ways: `format: binary`, `contentMediaType`, a `$ref`)."""
    out = ["file"]
    for candidate in found.bodies.values():
        if candidate.multipart:
            for branch in branches(candidate.schema or {}):
                out.extend(branch.schema.get("properties") or ())
    return out


def _unset(found: Operation, body: Mapping[str, Any]) -> dict[str, Any]:
    """What a new object holds for the request fields it was not given: the field's declared
    default, else null, an empty list or map, as the real API answers a create (`description:
    null`, `tools: []`, `metadata: {}`), not generated text. The generator keeps a value only
    where the response schema allows it."""
    request = found.json_body
    if request is None or request.schema is None:
        return {}
    out: dict[str, Any] = {}
    for branch in branches(request.schema)[:1]:
        for name, sub in (branch.schema.get("properties") or {}).items():
            if name in body:
                continue
            plain = branches(sub)
            declared = next((b.schema["default"] for b in plain if "default" in b.schema), _NONE)
            if declared is not _NONE:
                out[name] = declared
            elif any("array" in types(b.schema) for b in plain):
                out[name] = []
            elif name == "metadata":
                out[name] = {}
            else:
                out[name] = None
    return out


_NONE = object()


def _created(made: Any, named: Any) -> list[tuple[str, dict[str, Any]]]:
    """The objects a create made, by the id they are addressed by: the one object (by the id
    it was created with, or its own), or each object of a list it answered (conversation
    items)."""
    if not isinstance(made, dict):
        return []
    if isinstance(named, str) and named:
        return [(named, made)]
    if isinstance(made.get("id"), str):
        return [(made["id"], made)]
    items = made.get("data")
    if isinstance(items, list):
        return [(o["id"], o) for o in items if isinstance(o, dict) and isinstance(o.get("id"), str)]
    return []


def _check_parents(
    state: ServerState, session: str | None, res: Resource, params: Mapping[str, str]
) -> None:
    """Default mode: a nested path needs its parent objects (`/threads/{thread_id}/...`)."""
    for parent in res.parents:
        collection, _, slot = parent.rpartition("/")
        if collection not in _creatable():
            continue  # objects mockai cannot hold (checkpoints...): any id is taken
        kind = kind_for(collection)
        if state.store.get(session, kind, concrete(parent, params)) is None:
            raise kind.not_found(params[slot.strip("{}")])


async def answer(request: web.Request) -> web.StreamResponse:
    state, exchange = state_of(request), exchange_of(request)
    found = _operation(request)
    params = dict(request.match_info)
    check_query(found, request.query)
    body = await _body(request, found)
    model = body.get("model")
    call = Call(
        found.operation_id,
        body,
        request.headers,
        exchange.session,
        model=model if isinstance(model, str) else None,
    )
    await answer_step(request, call, streaming=False, optional=True)
    res = _resource(found)
    lenient = state.settings.lenient
    if not lenient:
        _check_parents(state, exchange.session, res, params)
    digest = hashlib.blake2b(
        f"{request.method} {request.path_qs}".encode() + repr(sorted(body.items())).encode(),
        digest_size=8,
    ).hexdigest()
    make = partial(generate.body, found, seed=state.settings.seed, request_digest=digest)
    response = _perform(request, state, exchange.session, found, res, params, body, make, lenient)
    administrative = found.operation_id in audit.EVENTS
    if administrative and isinstance(response, web.Response) and response.status < 300:
        raw = response.body
        answer = orjson.loads(raw) if isinstance(raw, (bytes, bytearray)) and raw else None
        audit.record(request, found.operation_id, answer, body, params.get("project_id"))
    return response


def _perform(
    request: web.Request,
    state: ServerState,
    session: str | None,
    found: Operation,
    res: Resource,
    params: Mapping[str, str],
    body: dict[str, Any],
    make: Any,
    lenient: bool,
) -> web.StreamResponse:
    store = state.store
    status = found.success.status
    kind = kind_for(res.collection)
    collection = concrete(res.collection, params)
    item_id = params.get(res.item_param) if res.item_param else None
    item_path = f"{collection}/{item_id}" if item_id is not None else collection
    entry = store.get(session, kind, item_path)
    addressed = res.item_param is not None and res.collection in _creatable()
    if entry is None and addressed and res.role != "create":
        if not lenient:
            raise kind.not_found(item_id or "")
        entry = Entry(item_path, make(overrides={"id": item_id}) if found.success.json else {})
    if res.role in ("delete", "clear") and entry is not None:
        store.delete(session, kind, item_path)
    if found.success.binary:
        seed = hashlib.blake2b(item_path.encode(), digest_size=16).digest()
        types = found.success.content_types
        content_type = types[0] if types else "application/octet-stream"
        return web.Response(body=seed * 64, status=status, content_type=content_type)
    if not found.success.json:
        return web.Response(status=status)
    if res.role == "create":
        # An object added by reference is addressed by what it references: a group's user is
        # `/organization/groups/{group_id}/users/{user_id}`, created with `{"user_id": ...}`.
        named = body.get(_item_param(res.collection) or "")
        given = {"id": named} if isinstance(named, str) else {}
        made = make(overrides={**_unset(found, body), **body, **given})
        for key, obj in _created(made, named):
            path = f"{collection}/{key}"
            store.put(session, kind, path, Entry(path, obj))
        return json_response(made, status)
    if res.role == "list":
        listed = under(list(store.values(session, kind)), collection)
        window = page(listed, request, spellings=_order_spellings(found))
        # Reshaped by this operation's schema: what a create answered once (a new key's
        # secret `value`) is not listed.
        envelope = make(overrides=window)
        return json_response(envelope, status)
    if res.role in ("delete", "clear"):
        overrides = {"id": item_id, "deleted": True} if item_id is not None else None
        return json_response(make(overrides=overrides), status)
    if res.role in ("retrieve", "content") and entry is not None:
        overrides = {**entry.body, "id": item_id} if item_id is not None else entry.body
        return json_response(make(overrides=overrides), status)
    if res.role == "read":
        if entry is None:
            entry = Entry(item_path, make())
            store.put(session, kind, item_path, entry)
        return json_response(entry.body, status)
    # update, action, write: the stored object (if any) with the request's fields
    stored = entry.body if entry is not None else {}
    merged = make(overrides={**stored, **body} if res.role != "action" else stored)
    if res.role in ("update", "write") or (
        isinstance(merged, dict) and stored and merged.get("id") == stored.get("id")
    ):
        store.put(session, kind, item_path, Entry(item_path, merged))
    return json_response(merged, status)
