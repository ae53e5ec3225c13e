"""Conformance cases of the Skills API (`mockai/endpoints/skills`): a skill made from a zip
first, then each operation on it; a download must be that zip, byte for byte."""

from __future__ import annotations

import io
import zipfile

import aiohttp
from cases import Api, case

MANIFEST = b"---\nname: csv-insights\ndescription: Summarize a CSV file.\n---\n\nRun run.py.\n"


def _zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("csv_insights/SKILL.md", MANIFEST)
        archive.writestr("csv_insights/run.py", b"print('summary')\n")
    return out.getvalue()


SKILL_ZIP = _zip()
UPLOAD = {"files": ("csv_insights.zip", SKILL_ZIP, "application/zip")}


async def _skill(api: Api) -> str:
    return (await api.made("POST", "/v1/skills", form=UPLOAD))["id"]


async def _is_the_upload(response: aiohttp.ClientResponse) -> None:
    # The description declares application/zip (or a JSON string): the bundle as uploaded.
    assert response.content_type == "application/zip"
    assert await response.read() == SKILL_ZIP


@case("CreateSkill")
async def _create(api: Api):
    return await api.send("POST", "/v1/skills", form=UPLOAD)


@case("ListSkills")
async def _list(api: Api):
    await _skill(api)
    return await api.send("GET", "/v1/skills", params={"limit": "10", "order": "asc"})


@case("GetSkill")
async def _get(api: Api):
    return await api.send("GET", f"/v1/skills/{await _skill(api)}")


@case("UpdateSkillDefaultVersion")
async def _update(api: Api):
    skill = await _skill(api)
    await api.made("POST", f"/v1/skills/{skill}/versions", form=UPLOAD)
    return await api.send("POST", f"/v1/skills/{skill}", json={"default_version": "2"})


@case("DeleteSkill")
async def _delete(api: Api):
    return await api.send("DELETE", f"/v1/skills/{await _skill(api)}")


@case("GetSkillContent", check=_is_the_upload)
async def _content(api: Api):
    return await api.send("GET", f"/v1/skills/{await _skill(api)}/content")


@case("CreateSkillVersion")
async def _create_version(api: Api):
    form = {**UPLOAD, "default": "true"}
    return await api.send("POST", f"/v1/skills/{await _skill(api)}/versions", form=form)


@case("ListSkillVersions")
async def _list_versions(api: Api):
    skill = await _skill(api)
    await api.made("POST", f"/v1/skills/{skill}/versions", form=UPLOAD)
    return await api.send("GET", f"/v1/skills/{skill}/versions", params={"limit": "1"})


@case("GetSkillVersion")
async def _get_version(api: Api):
    return await api.send("GET", f"/v1/skills/{await _skill(api)}/versions/1")


@case("DeleteSkillVersion")
async def _delete_version(api: Api):
    skill = await _skill(api)
    await api.made("POST", f"/v1/skills/{skill}/versions", form=UPLOAD)
    return await api.send("DELETE", f"/v1/skills/{skill}/versions/2")


@case("GetSkillVersionContent", check=_is_the_upload)
async def _version_content(api: Api):
    return await api.send("GET", f"/v1/skills/{await _skill(api)}/versions/1/content")
