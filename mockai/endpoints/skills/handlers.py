"""The handlers of this family's skill routes (see the package's docstring): create, list,
retrieve, update the default version, delete, download; imported on the family's first
request. A scenario naming `skills` answers any of them (`answer_if_targeted`)."""

from __future__ import annotations

from aiohttp import web

from mockai.endpoints.skills.render import ZIP, deleted_skill
from mockai.endpoints.skills.request import UpdateSkill, read_upload
from mockai.toolkit.http import json_response, read_json
from mockai.toolkit.pagination import page
from mockai.toolkit.scripted import answer_if_targeted
from mockai.toolkit.skills import KIND, StoredSkill, find_skill, keep, version_of
from mockai.toolkit.state import exchange_of, state_of
from mockai.validation import validate

ENDPOINT = "skills"


def _skill(request: web.Request) -> StoredSkill:
    return find_skill(request, request.match_info["skill_id"])


async def create(request: web.Request) -> web.Response:
    upload = await read_upload(request, version=False)
    await answer_if_targeted(request, ENDPOINT, exchange_of(request).body or {})
    skill = StoredSkill.new(upload.bundle)
    keep(request, skill)
    return json_response(skill.body)


async def list_skills(request: web.Request) -> web.Response:
    skills = [s.body for s in state_of(request).store.values(exchange_of(request).session, KIND)]
    listed = page(skills, request)
    await answer_if_targeted(request, ENDPOINT, {})
    return json_response(listed)


async def retrieve(request: web.Request) -> web.Response:
    skill = _skill(request)
    await answer_if_targeted(request, ENDPOINT, {})
    return json_response(skill.body)


async def update(request: web.Request) -> web.Response:
    skill = _skill(request)
    body = await read_json(request)
    lenient = state_of(request).settings.lenient
    req = validate(UpdateSkill, body, unknown_parameter=True, lenient=lenient)
    version = version_of(request, skill, req.default_version, param="default_version")
    await answer_if_targeted(request, ENDPOINT, body)
    skill.make_default(version)
    return json_response(skill.body)


async def delete(request: web.Request) -> web.Response:
    skill = _skill(request)
    await answer_if_targeted(request, ENDPOINT, {})
    state_of(request).store.delete(exchange_of(request).session, KIND, skill.body["id"])
    return json_response(deleted_skill(skill.body["id"]))


async def content(request: web.Request) -> web.Response:
    """The default version's bundle."""
    skill = _skill(request)
    await answer_if_targeted(request, ENDPOINT, {})
    return web.Response(body=skill.default.content, content_type=ZIP)
