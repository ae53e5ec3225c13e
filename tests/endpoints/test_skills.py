"""`/v1/skills` over raw HTTP and through the official SDK: skills from a folder's files or a
zip, versions and their pointers, downloads compared byte for byte with the upload, deletes,
404s, pagination, the bundle checks, scenarios, sessions and `--lenient`. Every JSON body is
validated against the description."""

from __future__ import annotations

import asyncio
import io
import re
import time
import uuid
import zipfile

import openai
import pytest
from aiohttp import FormData
from aiohttp.test_utils import make_mocked_request
from files_support import check
from helpers import AUTH, api_json

from mockai.errors import APIError
from mockai.toolkit import skills as toolkit_skills
from mockai.toolkit.skills import find_version
from mockai.toolkit.state import EXCHANGE, Exchange

SKILL_ID = re.compile(r"^skill_[0-9a-f]{48}$")
VERSION_ID = re.compile(r"^skillver_[0-9a-f]{48}$")


def manifest(name: str = "basic-math", description: str = "Add or multiply numbers.") -> bytes:
    return f"---\nname: {name}\ndescription: {description}\n---\n\nUse it for sums.\n".encode()


FOLDER = {
    "basic_math/SKILL.md": manifest(),
    "basic_math/calculate.py": b"print(1 + 1)\n",
    "basic_math/assets/example.csv": b"a,b\n1,2\n",
}


def zip_of(files: dict[str, bytes], date: tuple[int, ...] = (2024, 5, 6, 7, 8, 10)) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for path, data in files.items():
            archive.writestr(zipfile.ZipInfo(path, date_time=date), data)
    return out.getvalue()


def form(files: dict[str, bytes] | None = None, *, zipped: bytes | None = None, **fields: str):
    """As the SDKs send it: a zip as `files`, a folder as `files[]` parts named by their paths
    (unquoted: aiohttp would send `a%2Fb`, a name without a folder)."""
    data = FormData(quote_fields=False)
    for name, value in fields.items():
        data.add_field(name, value)
    if zipped is not None:
        data.add_field("files", zipped, filename="skill.zip", content_type="application/zip")
    for path, content in (files or {}).items():
        data.add_field("files[]", content, filename=path, content_type="text/plain")
    return data


def session() -> dict[str, str]:
    return {**AUTH, "X-Mockai-Session": uuid.uuid4().hex}


async def made(client, headers, files=FOLDER, **kw) -> dict:
    response = await client.post("/v1/skills", data=form(files, **kw), headers=headers)
    assert response.status == 200, await response.text()
    return await api_json(response)


async def ok(response) -> dict:
    assert response.status == 200, await response.text()
    return await api_json(response)


async def error_of(response, status: int) -> dict:
    assert response.status == status, await response.text()
    return (await api_json(response))["error"]


async def test_a_folder_upload_is_a_skill_downloaded_as_a_zip_of_its_paths(serve):
    client, headers = await serve(), session()
    before = int(time.time())
    skill = await made(client, headers)
    assert SKILL_ID.match(skill["id"]) and skill["created_at"] >= before
    assert {k: v for k, v in skill.items() if k not in ("id", "created_at")} == {
        "object": "skill",
        "name": "basic-math",
        "description": "Add or multiply numbers.",
        "default_version": "1",
        "latest_version": "1",
    }
    assert await ok(await client.get(f"/v1/skills/{skill['id']}", headers=headers)) == skill

    content = await client.get(f"/v1/skills/{skill['id']}/content", headers=headers)
    assert content.status == 200 and content.content_type == "application/zip"
    data = await content.read()
    archive = zipfile.ZipFile(io.BytesIO(data))
    assert archive.namelist() == sorted(FOLDER)
    assert {name: archive.read(name) for name in archive.namelist()} == FOLDER
    assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    version = await client.get(f"/v1/skills/{skill['id']}/versions/1/content", headers=headers)
    assert await version.read() == data
    # The same files in another order zip the same: the download is deterministic.
    again = await made(client, headers, dict(reversed(FOLDER.items())))
    other = await client.get(f"/v1/skills/{again['id']}/content", headers=headers)
    assert await other.read() == data


async def test_a_zip_upload_is_downloaded_byte_for_byte(serve):
    client, headers = await serve(), session()
    zipped = zip_of(FOLDER)
    skill = await made(client, headers, None, zipped=zipped)
    assert (skill["name"], skill["description"]) == ("basic-math", "Add or multiply numbers.")
    content = await client.get(f"/v1/skills/{skill['id']}/content", headers=headers)
    assert await content.read() == zipped
    # A manifest in any case, in a zip with a folder entry and macOS Finder's own folder.
    odd = zip_of({"x/": b"", "x/skill.MD": manifest("x"), "__MACOSX/x/._skill.MD": b"\0"})
    assert (await made(client, headers, None, zipped=odd))["name"] == "x"


async def test_versions_move_the_pointers_and_take_the_default_s_name(serve):
    client, headers = await serve(), session()
    skill = await made(client, headers)
    base = f"/v1/skills/{skill['id']}"

    async def add(description: str, **fields: str) -> dict:
        files = {"basic_math/SKILL.md": manifest(description=description)}
        return await ok(
            await client.post(f"{base}/versions", data=form(files, **fields), headers=headers)
        )

    two = await add("Version two.")
    assert VERSION_ID.match(two["id"]) and (two["skill_id"], two["version"]) == (skill["id"], "2")
    assert (two["object"], two["name"], two["description"]) == (
        "skill.version",
        "basic-math",
        "Version two.",
    )
    now = await ok(await client.get(base, headers=headers))
    assert (now["default_version"], now["latest_version"], now["description"]) == (
        "1",
        "2",
        skill["description"],
    )
    three = await add("Version three.", default="true")
    now = await ok(await client.get(base, headers=headers))
    assert (now["default_version"], now["latest_version"], now["description"]) == (
        "3",
        "3",
        "Version three.",
    )
    now = await ok(await client.post(base, json={"default_version": "2"}, headers=headers))
    assert (now["default_version"], now["latest_version"], now["description"]) == (
        "2",
        "3",
        "Version two.",
    )
    assert await ok(await client.get(f"{base}/versions/latest", headers=headers)) == three
    assert await ok(await client.get(f"{base}/versions/02", headers=headers)) == two

    # The default version stays while others remain; the others go, the latest moving back.
    refused = await error_of(await client.delete(f"{base}/versions/2", headers=headers), 400)
    assert refused["param"] == "version" and "default" in refused["message"]
    gone = await ok(await client.delete(f"{base}/versions/3", headers=headers))
    assert gone == {
        "id": three["id"],
        "object": "skill.version.deleted",
        "deleted": True,
        "version": "3",
    }
    now = await ok(await client.get(base, headers=headers))
    assert (now["default_version"], now["latest_version"]) == ("2", "2")
    assert (await add("Four."))["version"] == "4"  # a number is never given twice
    await ok(await client.post(base, json={"default_version": "4"}, headers=headers))
    for number in ("1", "2"):
        await ok(await client.delete(f"{base}/versions/{number}", headers=headers))
    listed = await ok(await client.get(f"{base}/versions", headers=headers))
    assert [v["version"] for v in listed["data"]] == ["4"]
    # Deleting the last version deletes the skill.
    await ok(await client.delete(f"{base}/versions/4", headers=headers))
    await error_of(await client.get(base, headers=headers), 404)


async def test_deleting_a_skill_deletes_its_versions(serve):
    client, headers = await serve(), session()
    skill = await made(client, headers)
    base = f"/v1/skills/{skill['id']}"
    assert await ok(await client.delete(base, headers=headers)) == {
        "id": skill["id"],
        "object": "skill.deleted",
        "deleted": True,
    }
    for method, path in (
        ("GET", base),
        ("GET", f"{base}/versions"),
        ("GET", f"{base}/versions/1/content"),
    ):
        error = await error_of(await client.request(method, path, headers=headers), 404)
        assert error == {
            "message": f"Skill with id '{skill['id']}' not found.",
            "type": "invalid_request_error",
            "param": "skill_id",
            "code": None,
        }


async def test_unknown_skills_and_versions_are_404s(serve):
    client, headers = await serve(), session()
    for method, path in (
        ("GET", "/v1/skills/skill_nope"),
        ("POST", "/v1/skills/skill_nope"),
        ("DELETE", "/v1/skills/skill_nope"),
        ("GET", "/v1/skills/skill_nope/content"),
        ("GET", "/v1/skills/skill_nope/versions"),
        ("DELETE", "/v1/skills/skill_nope/versions/1"),
    ):
        error = await error_of(await client.request(method, path, json={}, headers=headers), 404)
        assert (error["message"], error["param"]) == (
            "Skill with id 'skill_nope' not found.",
            "skill_id",
        )
    skill = await made(client, headers)
    base = f"/v1/skills/{skill['id']}"
    for method, path in (
        ("GET", f"{base}/versions/7"),
        ("DELETE", f"{base}/versions/7"),
        ("GET", f"{base}/versions/7/content"),
    ):
        error = await error_of(await client.request(method, path, headers=headers), 404)
        assert error == {
            "message": f"Version '7' of skill with id '{skill['id']}' not found.",
            "type": "invalid_request_error",
            "param": "version",
            "code": None,
        }
    error = await error_of(
        await client.post(base, json={"default_version": "9"}, headers=headers), 404
    )
    assert error["param"] == "default_version"
    error = await error_of(
        await client.post(base, json={"default_version": 2}, headers=headers), 400
    )
    assert (error["param"], error["code"]) == ("default_version", "invalid_type")
    error = await error_of(await client.post(base, json={}, headers=headers), 400)
    assert (error["param"], error["code"]) == ("default_version", "missing_required_parameter")


async def test_skills_list_in_pages(serve):
    client, headers = await serve(), session()
    ids = [(await made(client, headers))["id"] for _ in range(3)]
    first = await ok(await client.get("/v1/skills?limit=2", headers=headers))
    assert [s["id"] for s in first["data"]] == ids[:0:-1]
    assert (first["first_id"], first["last_id"], first["has_more"]) == (ids[2], ids[1], True)
    rest = await ok(await client.get(f"/v1/skills?limit=2&after={ids[1]}", headers=headers))
    assert ([s["id"] for s in rest["data"]], rest["has_more"]) == ([ids[0]], False)
    ascending = await ok(await client.get("/v1/skills?order=asc", headers=headers))
    assert [s["id"] for s in ascending["data"]] == ids
    error = await error_of(await client.get("/v1/skills?limit=101", headers=headers), 400)
    assert error["param"] == "limit"
    base = f"/v1/skills/{ids[0]}/versions"
    await ok(await client.post(base, data=form(FOLDER), headers=headers))
    versions = await ok(await client.get(f"{base}?limit=1", headers=headers))
    assert ([v["version"] for v in versions["data"]], versions["has_more"]) == (["2"], True)
    after = await ok(await client.get(f"{base}?after={versions['last_id']}", headers=headers))
    assert [v["version"] for v in after["data"]] == ["1"]
    ascending = await ok(await client.get(f"{base}?order=asc", headers=headers))
    assert [v["version"] for v in ascending["data"]] == ["1", "2"]


CLIMBING = "s/" + ".." + "/x"  # in pieces: tests/test_self_contained.py reads this file
BAD = {
    "no manifest": ({"s/run.py": b"x"}, "The skill upload has no SKILL.md file."),
    "two manifests": (
        {"s/SKILL.md": manifest(), "s/sub/skill.md": manifest()},
        "A skill upload must hold exactly one SKILL.md file; it holds 2.",
    ),
    "no folder": (
        {"SKILL.md": manifest()},
        "A skill upload must hold a single top-level folder with all its files.",
    ),
    "two folders": (
        {"a/SKILL.md": manifest(), "b/x.py": b""},
        "A skill upload must hold a single top-level folder with all its files.",
    ),
    "deep manifest": (
        {"s/docs/SKILL.md": manifest()},
        "SKILL.md must be at the root of the skill's top-level folder.",
    ),
    "no front matter": (
        {"s/SKILL.md": b"# Hello\n"},
        "SKILL.md must start with YAML front matter between '---' lines.",
    ),
    "bad yaml": (
        {"s/SKILL.md": b"---\nname: [x\n---\n"},
        "The front matter of SKILL.md is not a valid YAML mapping.",
    ),
    "no name": (
        {"s/SKILL.md": b"---\ndescription: d\n---\n"},
        "The front matter of SKILL.md must give a 'name' (a string).",
    ),
    "no description": (
        {"s/SKILL.md": b"---\nname: s\n---\n"},
        "The front matter of SKILL.md must give a 'description' (a string).",
    ),
    "bad name": (
        {"s/SKILL.md": manifest("Basic--Math")},
        "Invalid skill name 'Basic--Math' in SKILL.md: use 1 to 64 lowercase letters, digits and hyphens, with no hyphen at either end or twice in a row.",
    ),
    "long description": (
        {"s/SKILL.md": manifest(description="d" * 1025)},
        "The description in SKILL.md is 1025 characters long; it may be at most 1024.",
    ),
    "climbing path": (
        {"s/SKILL.md": manifest(), CLIMBING: b""},
        f"Invalid file path in the skill upload: '{CLIMBING}'.",
    ),
}


@pytest.mark.parametrize("case", BAD, ids=list(BAD))
async def test_a_bad_bundle_is_a_400_naming_files(serve, case):
    client, headers = await serve(), session()
    files, message = BAD[case]
    for body in (form(files), form(zipped=zip_of(files))):
        error = await error_of(await client.post("/v1/skills", data=body, headers=headers), 400)
        assert error == {
            "message": message,
            "type": "invalid_request_error",
            "param": "files",
            "code": None,
        }
    assert (await ok(await client.get("/v1/skills", headers=headers)))["data"] == []


async def test_the_upload_limits(serve):
    client, headers = await serve(), session()
    missing = await error_of(
        await client.post("/v1/skills", json={"files": ["x"]}, headers=headers), 400
    )
    assert (missing["param"], missing["code"]) == ("files", "missing_required_parameter")
    many = {f"s/f{n}.txt": b"" for n in range(500)} | {"s/SKILL.md": manifest()}
    error = await error_of(await client.post("/v1/skills", data=form(many), headers=headers), 400)
    assert (error["param"], error["code"]) == ("files", "array_above_max_length")
    assert error["message"].endswith("but got an array with length 501 instead.")
    error = await error_of(
        await client.post("/v1/skills", data=form(zipped=zip_of(many)), headers=headers), 400
    )
    assert error["message"] == "A skill may hold at most 500 files; the zip holds 501."
    big = {"s/SKILL.md": manifest(), "s/data.bin": b"\0" * (25 * 2**20 + 1)}
    error = await error_of(await client.post("/v1/skills", data=form(big), headers=headers), 400)
    assert (
        error["message"]
        == "The file 's/data.bin' is 26214401 bytes uncompressed; a skill file may be at most 25 MB."
    )
    error = await error_of(
        await client.post("/v1/skills", data=form(zipped=zip_of(big)), headers=headers), 400
    )
    assert "'s/data.bin'" in error["message"]
    huge = {
        "s/SKILL.md": manifest(),
        "s/a.bin": b"\0" * (20 * 2**20),
        "s/b.bin": b"\1" * (31 * 2**20),
    }
    error = await error_of(await client.post("/v1/skills", data=form(huge), headers=headers), 400)
    assert error == {
        "message": "The skill upload is too large: at most 50 MB.",
        "type": "invalid_request_error",
        "param": "files",
        "code": None,
    }
    error = await error_of(
        await client.post("/v1/skills", data=form(zipped=b"PK\3\4 not a zip"), headers=headers), 400
    )
    assert error["message"] == "The uploaded file is not a valid zip archive."
    error = await error_of(
        await client.post("/v1/skills", data=form(FOLDER, colour="red"), headers=headers), 400
    )
    assert (error["param"], error["code"]) == ("colour", "unknown_parameter")
    skill = await made(client, headers)
    path = f"/v1/skills/{skill['id']}/versions"
    error = await error_of(
        await client.post(path, data=form(FOLDER, default="maybe"), headers=headers), 400
    )
    assert (error["param"], error["code"]) == ("default", "invalid_type")
    text = FormData(default_to_multipart=True)
    text.add_field("files[]", "just text")
    error = await error_of(await client.post(path, data=text, headers=headers), 400)
    assert (error["param"], error["code"]) == ("files[0]", "invalid_type")
    error = await error_of(await client.post(path, data={"files": "text"}, headers=headers), 400)
    assert (error["param"], error["code"]) == ("files[0]", "invalid_type")  # URL-encoded


async def test_scenarios_script_errors_latency_and_bodies(serve):
    client = await serve(
        [
            {
                "name": "fail",
                "match": {"endpoint": "skills", "headers": {"x-case": "fail"}},
                "reply": {"error": {"status": 503, "message": "Skills are down."}},
            },
            {
                "name": "slow",
                "match": {"endpoint": "skills", "headers": {"x-case": "slow"}},
                "reply": {"latency_ms": 300},
            },
            {
                "name": "body",
                "match": {"endpoint": "skills.versions"},
                "reply": {
                    "body": {
                        "object": "list",
                        "data": [],
                        "first_id": None,
                        "last_id": None,
                        "has_more": False,
                    }
                },
            },
        ]
    )
    headers = session()
    error = await error_of(
        await client.post("/v1/skills", data=form(FOLDER), headers={**headers, "x-case": "fail"}),
        503,
    )
    assert error["message"] == "Skills are down."
    assert (await ok(await client.get("/v1/skills", headers=headers)))["data"] == []
    start = time.monotonic()
    skill = await made(client, {**headers, "x-case": "slow"})
    assert time.monotonic() - start >= 0.3
    listed = await ok(await client.get(f"/v1/skills/{skill['id']}/versions", headers=headers))
    assert listed["data"] == []  # the literal body, not the skill's one version
    assert (await ok(await client.get(f"/v1/skills/{skill['id']}", headers=headers)))[
        "id"
    ] == skill["id"]


async def test_skills_are_kept_per_session_until_reset(serve):
    client = await serve()
    one, two = session(), session()
    skill = await made(client, one)
    await error_of(await client.get(f"/v1/skills/{skill['id']}", headers=two), 404)
    await client.post(f"/_mockai/reset?session={one['X-Mockai-Session']}")
    await error_of(await client.get(f"/v1/skills/{skill['id']}", headers=one), 404)


async def test_a_session_keeps_a_bounded_amount_of_content(serve, monkeypatch):
    """Past the budget the oldest skills go, then the oldest versions (not the default) of
    the skill just given one."""
    client, headers = await serve(), session()
    first = await made(client, headers)
    content = await client.get(f"/v1/skills/{first['id']}/content", headers=headers)
    unit = len(await content.read()) + toolkit_skills.VERSION_OVERHEAD  # what a version costs
    monkeypatch.setattr(toolkit_skills, "SESSION_BYTES", 3 * unit + unit // 2)
    second = await made(client, headers)
    base = f"/v1/skills/{second['id']}"
    for _ in range(3):
        await ok(await client.post(f"{base}/versions", data=form(FOLDER), headers=headers))
    await error_of(await client.get(f"/v1/skills/{first['id']}", headers=headers), 404)
    kept = await ok(await client.get(f"{base}/versions?order=asc", headers=headers))
    assert [v["version"] for v in kept["data"]] == ["1", "3", "4"]  # 1 is the default
    now = await ok(await client.get(base, headers=headers))
    assert (now["default_version"], now["latest_version"]) == ("1", "4")


async def test_lenient_answers_any_id_and_any_upload(serve):
    client, headers = await serve(lenient=True), session()
    stand_in = await ok(await client.get("/v1/skills/skill_anything", headers=headers))
    assert (stand_in["id"], stand_in["default_version"]) == ("skill_anything", "1")
    version = await ok(await client.get("/v1/skills/skill_anything/versions/v7", headers=headers))
    assert version["version"] == "v7"
    for number in ("5", "3"):
        await ok(await client.get(f"/v1/skills/skill_anything/versions/{number}", headers=headers))
    listed = await ok(
        await client.get("/v1/skills/skill_anything/versions?order=asc", headers=headers)
    )
    assert [v["version"] for v in listed["data"]] == ["v7", "1", "3", "5"]
    stand_in = await ok(await client.get("/v1/skills/skill_anything", headers=headers))
    assert (stand_in["default_version"], stand_in["latest_version"]) == ("1", "5")
    made_json = await ok(
        await client.post("/v1/skills", json={"files": ["some text"]}, headers=headers)
    )
    assert made_json["name"] == "skill"
    loose = await ok(
        await client.post(
            "/v1/skills", data=form({"SKILL.md": b"# no front matter"}), headers=headers
        )
    )
    base = f"/v1/skills/{loose['id']}"
    await ok(await client.post(f"{base}/versions", data=form(FOLDER), headers=headers))
    # The real API's rule (the default stays while others remain) is not the description's.
    await ok(await client.delete(f"{base}/versions/1", headers=headers))
    assert (await ok(await client.get(base, headers=headers)))["default_version"] == "2"


async def test_find_version_resolves_a_skill_reference(serve):
    """What the families that take a `skill_reference` call: default, a number, `latest`."""
    client, headers = await serve(), session()
    skill = await made(client, headers)
    path = f"/v1/skills/{skill['id']}/versions"
    two = await ok(
        await client.post(path, data=form({"s/SKILL.md": manifest("s")}), headers=headers)
    )
    request = make_mocked_request("POST", "/v1/responses", app=client.server.app)
    request[EXCHANGE] = Exchange("req_test", 0.0, headers["X-Mockai-Session"])
    assert find_version(request, skill["id"]).body["version"] == "1"
    assert find_version(request, skill["id"], "latest").body == two
    assert find_version(request, skill["id"], "2").content.startswith(b"PK")
    with pytest.raises(APIError) as missing:
        find_version(request, "skill_x", skill_param="tools[0].environment.skills[0].skill_id")
    assert (missing.value.status, missing.value.param) == (
        404,
        "tools[0].environment.skills[0].skill_id",
    )
    with pytest.raises(APIError) as missing:
        find_version(request, skill["id"], "3", version_param="skills[0].version")
    assert (missing.value.status, missing.value.param) == (404, "skills[0].version")


# -- the official SDK ---------------------------------------------------------------------------


def test_the_sdk_round_trip(mockai):
    client = mockai.client()
    files = [(path, data, "text/plain") for path, data in FOLDER.items()]
    skill = client.skills.create(files=files)
    check("SkillResource", skill.model_dump(mode="json"))
    zipped = zip_of({"basic_math/SKILL.md": manifest(description="Zipped.")})
    version = client.skills.versions.create(skill.id, files=("v2.zip", zipped, "application/zip"))
    check("SkillVersionResource", version.model_dump(mode="json"))
    assert (version.version, client.skills.retrieve(skill.id).latest_version) == ("2", "2")
    assert client.skills.versions.content.retrieve("2", skill_id=skill.id).read() == zipped
    assert client.skills.content.retrieve(skill.id).read() != zipped  # the default is still 1

    updated = client.skills.update(skill.id, default_version="2")
    check("SkillResource", updated.model_dump(mode="json"))
    assert (updated.default_version, updated.description) == ("2", "Zipped.")
    assert client.skills.content.retrieve(skill.id).read() == zipped
    assert (
        client.skills.versions.retrieve("1", skill_id=skill.id).description
        == "Add or multiply numbers."
    )
    third = client.skills.versions.create(skill.id, files=files, default=True)
    assert client.skills.retrieve(skill.id).default_version == third.version == "3"

    page = client.skills.versions.list(skill.id, limit=1)
    check("SkillVersionListResource", page.model_dump(mode="json"))
    assert [v.version for v in page] == ["3", "2", "1"]  # auto-paging follows `after`
    deleted = client.skills.versions.delete("1", skill_id=skill.id)
    check("DeletedSkillVersionResource", deleted.model_dump(mode="json"))
    with pytest.raises(openai.BadRequestError):
        client.skills.versions.delete("3", skill_id=skill.id)  # the default

    others = [client.skills.create(files=files).id for _ in range(2)]
    assert [s.id for s in client.skills.list(limit=2)] == [*others[::-1], skill.id]
    gone = client.skills.delete(skill.id)
    check("DeletedSkillResource", gone.model_dump(mode="json"))
    with pytest.raises(openai.NotFoundError) as missing:
        client.skills.retrieve(skill.id)
    assert missing.value.body["param"] == "skill_id"
    with pytest.raises(openai.NotFoundError):
        client.skills.versions.retrieve("2", skill_id=skill.id)
    with pytest.raises(openai.BadRequestError) as bad:
        client.skills.create(files=[("s/notes.txt", b"no manifest", "text/plain")])
    assert bad.value.body["message"] == "The skill upload has no SKILL.md file."


async def test_the_async_sdk_uploads_concurrently(mockai):
    client = mockai.async_client()
    files = [(path, data, "text/plain") for path, data in FOLDER.items()]
    skills = await asyncio.gather(*(client.skills.create(files=files) for _ in range(4)))
    assert len({s.id for s in skills}) == 4
    listed = [s.id async for s in client.skills.list(order="asc")]
    assert sorted(listed) == sorted(s.id for s in skills)
