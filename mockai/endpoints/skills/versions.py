"""The handlers of this family's version routes (see the package's docstring): create, list,
retrieve, delete, download a skill's versions; imported on their first request. A scenario
naming `skills.versions` answers any of them (`answer_if_targeted`)."""

from __future__ import annotations

from aiohttp import web

from mockai.endpoints.skills.render import ZIP, deleted_version
from mockai.endpoints.skills.request import read_upload
from mockai.errors import invalid_request
from mockai.toolkit.http import json_response
from mockai.toolkit.pagination import page
from mockai.toolkit.scripted import answer_if_targeted
from mockai.toolkit.skills import (
    KIND,
    StoredSkill,
    StoredVersion,
    find_skill,
    keep,
    version_of,
)
from mockai.toolkit.state import exchange_of, state_of

ENDPOINT = "skills.versions"
# Not known from the real API (nor whether it refuses): the default version cannot go while
# others remain, as a skill always has one to answer a reference without a version.
DEFAULT_STAYS = (
    "Cannot delete the default version of a skill while it has other versions; make another "
    "version the default first."
)


def _skill(request: web.Request) -> StoredSkill:
    return find_skill(request, request.match_info["skill_id"])


def _version(request: web.Request) -> tuple[StoredSkill, StoredVersion]:
    skill = _skill(request)
    return skill, version_of(request, skill, request.match_info["version"])


async def create(request: web.Request) -> web.Response:
    _skill(request)  # an unknown skill is a 404 before its upload is read
    upload = await read_upload(request, version=True)
    skill = _skill(request)  # (and one deleted while it was read, too)
    await answer_if_targeted(request, ENDPOINT, exchange_of(request).body or {})
    version = skill.add(upload.bundle, default=upload.default)
    keep(request, skill, version)
    return json_response(version.body)


async def list_versions(request: web.Request) -> web.Response:
    skill = _skill(request)
    listed = page([v.body for v in skill.versions.values()], request)
    await answer_if_targeted(request, ENDPOINT, {})
    return json_response(listed)


async def retrieve(request: web.Request) -> web.Response:
    _, version = _version(request)
    await answer_if_targeted(request, ENDPOINT, {})
    return json_response(version.body)


async def delete(request: web.Request) -> web.Response:
    skill, version = _version(request)
    lenient = state_of(request).settings.lenient  # a rule of the real API's, not the description's
    if version is skill.default and len(skill.versions) > 1 and not lenient:
        raise invalid_request(DEFAULT_STAYS, "version")
    await answer_if_targeted(request, ENDPOINT, {})
    skill.remove(version)
    if not skill.versions:
        state_of(request).store.delete(exchange_of(request).session, KIND, skill.body["id"])
    return json_response(deleted_version(version))


async def content(request: web.Request) -> web.Response:
    _, version = _version(request)
    await answer_if_targeted(request, ENDPOINT, {})
    return web.Response(body=version.content, content_type=ZIP)
