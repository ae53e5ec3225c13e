"""The handlers of the container routes (see the package's docstring): create, list, retrieve
and delete containers; imported on the family's first request."""

from __future__ import annotations

from aiohttp import web

from mockai.endpoints.containers.request import CreateContainer
from mockai.toolkit import containers, skills
from mockai.toolkit.http import json_response, read_body
from mockai.toolkit.pagination import page
from mockai.toolkit.scripted import answer_if_targeted
from mockai.toolkit.state import exchange_of, state_of

ENDPOINT = "containers"


def named(request: web.Request) -> containers.StoredContainer:
    """The container the route names, or the real 404."""
    return containers.find(
        state_of(request), exchange_of(request).session, request.match_info["container_id"]
    )


async def create(request: web.Request) -> web.Response:
    state = state_of(request)
    req, body = await read_body(request, CreateContainer)
    await answer_if_targeted(request, ENDPOINT, body)
    named_skills = [skill.model_dump(exclude_unset=True) for skill in req.skills or ()]
    skills.check_named(request, named_skills, "skills")
    container = containers.create(
        state,
        exchange_of(request).session,
        name=req.name,
        file_ids=req.file_ids or (),
        memory_limit=req.memory_limit,
        minutes=req.expires_after.minutes if req.expires_after is not None else None,
        network_policy=req.network_policy,
        skills=named_skills,
    )
    return json_response(container.shown())


async def list_containers(request: web.Request) -> web.Response:
    await answer_if_targeted(request, ENDPOINT, dict(request.query))
    name = request.query.get("name")
    listed = [
        container.shown()
        for container in state_of(request).store.values(
            exchange_of(request).session, containers.KIND
        )
        if name is None or container.body["name"] == name
    ]
    return json_response(page(listed, request))


async def retrieve(request: web.Request) -> web.Response:
    await answer_if_targeted(request, ENDPOINT, {})
    container = named(request)
    container.touch()  # an expired container answers its snapshot
    return json_response(container.shown())


async def delete(request: web.Request) -> web.Response:
    await answer_if_targeted(request, ENDPOINT, {})
    container = named(request)
    state_of(request).store.delete(exchange_of(request).session, containers.KIND, container.id)
    # The description declares no body; its example shows this one.
    return json_response({"id": container.id, "object": "container.deleted", "deleted": True})
