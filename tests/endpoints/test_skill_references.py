"""Where a request names a skill (a container's `skills`, a shell tool's automatic container)
the skill must be usable: a `skill_reference` to one of the caller's skills and versions, an
`inline` skill a valid bundle; a shell tool's `container_reference` must name a container."""

from __future__ import annotations

import base64

import pytest
from helpers import AUTH, api_json
from test_skills import FOLDER, form, zip_of


async def _skill(client) -> str:
    response = await client.post("/v1/skills", data=form(FOLDER), headers=AUTH)
    assert response.status == 200, await response.text()
    return (await api_json(response))["id"]


def _inline(data: str) -> dict:
    source = {"type": "base64", "media_type": "application/zip", "data": data}
    return {"type": "inline", "name": "basic-math", "description": "Sums.", "source": source}


async def _container(client, skills: list) -> tuple[int, dict]:
    body = {"name": "with skills", "skills": skills}
    response = await client.post("/v1/containers", json=body, headers=AUTH)
    return response.status, await api_json(response)


async def test_a_container_takes_the_callers_skills_and_openais_own(serve):
    client = await serve()
    skill = await _skill(client)
    bundle = base64.b64encode(zip_of(FOLDER)).decode()
    status, body = await _container(
        client,
        [
            {"type": "skill_reference", "skill_id": skill},
            {"type": "skill_reference", "skill_id": skill, "version": "latest"},
            {"type": "skill_reference", "skill_id": "openai-spreadsheets", "version": "latest"},
            _inline(bundle),
        ],
    )
    assert status == 200, body
    assert body["object"] == "container"


@pytest.mark.parametrize(
    ("skills", "status", "param"),
    [
        ([{"type": "skill_reference", "skill_id": "skill_never"}], 404, "skills[0].skill_id"),
        (["made", {"type": "skill_reference", "skill_id": "made", "version": "7"}], 404, None),
        ([_inline("not base64!")], 400, "skills[0].source.data"),
        ([_inline(base64.b64encode(b"not a zip").decode())], 400, "skills[0].source.data"),
    ],
    ids=["unknown skill", "unknown version", "inline not base64", "inline not a zip"],
)
async def test_a_container_naming_an_unusable_skill_is_refused(serve, skills, status, param):
    client = await serve()
    if skills[0] == "made":  # a real skill, asked for a version it does not have
        skills = [{**skills[1], "skill_id": await _skill(client)}]
        param = "skills[0].version"
    got, body = await _container(client, skills)
    assert got == status, body
    assert body["error"]["param"] == param


def _shell(environment: dict) -> dict:
    return {
        "model": "gpt-5",
        "input": "List the files.",
        "tools": [{"type": "shell", "environment": environment}],
    }


async def test_a_shell_tool_s_environment_must_name_what_exists(serve):
    client = await serve()
    unknown = {
        "type": "container_auto",
        "skills": [{"type": "skill_reference", "skill_id": "skill_x"}],
    }
    response = await client.post("/v1/responses", json=_shell(unknown), headers=AUTH)
    error = (await api_json(response))["error"]
    assert response.status == 404, error
    assert error["param"] == "tools[0].environment.skills[0].skill_id"

    missing = {"type": "container_reference", "container_id": "cntr_never"}
    response = await client.post("/v1/responses", json=_shell(missing), headers=AUTH)
    assert response.status == 404
    assert "cntr_never" in (await api_json(response))["error"]["message"]

    skill = await _skill(client)
    _, container = await _container(client, [])
    for environment in (
        {"type": "container_auto", "skills": [{"type": "skill_reference", "skill_id": skill}]},
        {"type": "container_reference", "container_id": container["id"]},
    ):
        response = await client.post("/v1/responses", json=_shell(environment), headers=AUTH)
        assert response.status == 200, await response.text()
        await api_json(response)


async def test_lenient_takes_any_skill(serve):
    client = await serve(lenient=True)
    status, body = await _container(
        client, [{"type": "skill_reference", "skill_id": "skill_never", "version": "3"}]
    )
    assert status == 200, body
