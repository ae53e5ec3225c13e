"""Uploaded skills and their versions, kept per session: what the Skills API manages, and what
a `skill_reference` names wherever a request may name a skill (`find_version`).

A skill's versions are immutable and numbered from 1 (a number is never given twice, even
after a delete); `latest_version` is the highest left, `default_version` the one a reference
without a version gets, and the skill's `name` and `description` are its default version's (a
real skill promoted to a new version reads the new description: vercel/ai's recorded
`openai-skill-promote.json`). Deleting the last version deletes the skill.

Bounded: at most `ObjectStore`'s count of skills per session, and `SESSION_BYTES` of content
in all (each version also counted `VERSION_OVERHEAD`): the oldest skills make room, then the
oldest versions of the one just given a version (never its default).
"""

from __future__ import annotations

import base64
import binascii
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from mockai import ids
from mockai.errors import APIError, invalid_request
from mockai.skillbundle import Bundle, from_zip, minimal
from mockai.store import Kind
from mockai.toolkit.state import exchange_of, find_or_stand_in, state_of

# The real 404 wordings are not known; these follow the newer APIs' "... with id '...' not
# found." (Responses), naming the path parameter.
KIND: Kind[StoredSkill] = Kind(
    "skills", missing="Skill with id '{id}' not found.", param="skill_id"
)
SESSION_BYTES = 512 * 1024 * 1024
VERSION_OVERHEAD = 1024  # what a version's object costs besides its content, for the budget


@dataclass
class StoredVersion:
    body: dict[str, Any]  # the SkillVersionResource
    content: bytes  # the zip its content download answers

    @property
    def number(self) -> str:
        return self.body["version"]


@dataclass
class StoredSkill:
    body: dict[str, Any]  # the SkillResource
    versions: dict[str, StoredVersion] = field(default_factory=dict)  # by number, oldest first
    made: int = 0  # versions ever made: the next one is numbered `made + 1`

    @classmethod
    def new(cls, bundle: Bundle, skill_id: str | None = None) -> StoredSkill:
        skill = cls(
            {
                "id": skill_id or ids.skill_id(),
                "object": "skill",
                "name": bundle.name,
                "description": bundle.description,
                "created_at": int(time.time()),
                "default_version": "1",
                "latest_version": "1",
            }
        )
        skill.add(bundle, default=True)
        return skill

    def add(self, bundle: Bundle, *, default: bool, number: str | None = None) -> StoredVersion:
        """A new version, numbered next; or, `number` given, a `--lenient` stand-in under that
        number, which moves no pointer but `latest_version` when it is the highest."""
        if number is None:
            self.made += 1
            number = str(self.made)
        elif _numeric(number):
            self.made = max(self.made, int(number))
        version = StoredVersion(
            {
                "object": "skill.version",
                "id": ids.skill_version_id(),
                "skill_id": self.body["id"],
                "version": number,
                "created_at": int(time.time()),
                "name": bundle.name,
                "description": bundle.description,
            },
            bundle.content,
        )
        self.versions[number] = version
        latest = max(self.versions, key=_order)
        if number != latest:  # a stand-in below the latest: the versions stay in order
            self.versions = dict(sorted(self.versions.items(), key=lambda item: _order(item[0])))
        self.body["latest_version"] = latest
        if default:
            self.make_default(version)
        return version

    def make_default(self, version: StoredVersion) -> None:
        self.body.update(
            default_version=version.number,
            name=version.body["name"],
            description=version.body["description"],
        )

    @property
    def default(self) -> StoredVersion:
        return self.versions[self.body["default_version"]]

    def find(self, ref: str | None) -> StoredVersion | None:
        """The version `ref` names: a number, `latest`, or None for the default."""
        if ref is None:
            return self.default
        if ref == "latest":
            return self.versions[self.body["latest_version"]]
        return self.versions.get(version_key(ref))

    def remove(self, version: StoredVersion) -> None:
        """Forget `version`; the pointers that named it move to the latest left."""
        del self.versions[version.number]
        if not self.versions:
            return
        if self.body["latest_version"] == version.number:
            self.body["latest_version"] = max(self.versions, key=_order)
        if self.body["default_version"] == version.number:
            self.make_default(self.versions[self.body["latest_version"]])

    def size(self) -> int:
        return sum(len(v.content) + VERSION_OVERHEAD for v in self.versions.values())


def _numeric(text: str) -> bool:
    return text.isascii() and text.isdigit()


def version_key(ref: str) -> str:
    """A version number as the versions are keyed (`"02"` is `"2"`); anything else as given."""
    return str(int(ref)) if _numeric(ref) else ref


def _order(number: str) -> tuple[int, str]:
    """Numbers by value; a `--lenient` stand-in's word (`version_x`) before them all."""
    return (int(number), "") if _numeric(number) else (-1, number)


def version_not_found(skill_id: str, ref: str, param: str | None = "version") -> APIError:
    # Not known from the real API; worded like its skill 404.
    return APIError(
        404, f"Version '{ref}' of skill with id '{skill_id}' not found.", param=param, code=None
    )


def _stand_in() -> Bundle:
    """`--lenient`'s skill or version for an id never made: a one-file bundle."""
    return minimal("skill", "A skill standing in for one never uploaded.")


def find_skill(request: web.Request, skill_id: str, *, param: str | None = None) -> StoredSkill:
    """The caller's skill `skill_id`, or the 404 (`param`: where the id was given, when not the
    route's `skill_id`); under `--lenient` a skill never made is made, with one version."""
    return find_or_stand_in(
        state_of(request),
        exchange_of(request).session,
        KIND,
        skill_id,
        lambda: StoredSkill.new(_stand_in(), skill_id),
        param=param,
        keep=lambda made: keep(request, made),
    )


def version_of(
    request: web.Request, skill: StoredSkill, ref: str | None, *, param: str | None = "version"
) -> StoredVersion:
    """`skill`'s version `ref` (a number, `latest`, None for the default) or the 404; under
    `--lenient` one never made is made, pointers unmoved."""
    found = skill.find(ref)
    if found is None:
        if not state_of(request).settings.lenient:
            raise version_not_found(skill.body["id"], str(ref), param)
        found = skill.add(_stand_in(), default=False, number=version_key(str(ref)))
        keep(request, skill, found)
    return found


def find_version(
    request: web.Request,
    skill_id: str,
    version: str | None = None,
    *,
    skill_param: str | None = None,
    version_param: str | None = None,
) -> StoredVersion:
    """What a `skill_reference` (`skill_id`, optional `version`: a number or `latest`, else
    the default) names, or the real 404 naming `skill_param` / `version_param`."""
    skill = find_skill(request, skill_id, param=skill_param)
    return version_of(request, skill, version, param=version_param)


def keep(request: web.Request, skill: StoredSkill, new: StoredVersion | None = None) -> None:
    """Store a new skill, or account for `new`, a version just added to `skill`: the session's
    oldest skills make room, then `skill`'s oldest versions other than `new` and the default."""
    state = state_of(request)
    session = exchange_of(request).session
    if new is None:
        state.store.put(session, KIND, skill.body["id"], skill)
    total = sum(s.size() for s in state.store.values(session, KIND))
    for old in state.store.values(session, KIND):
        if total <= SESSION_BYTES:
            return
        if old is not skill:
            state.store.delete(session, KIND, old.body["id"])
            total -= old.size()
    for version in list(skill.versions.values()):
        if total <= SESSION_BYTES:
            return
        if version is not new and version is not skill.default:
            skill.remove(version)
            total -= len(version.content) + VERSION_OVERHEAD


def check_named(request: web.Request, skills: Iterable[Mapping[str, Any]], param: str) -> None:
    """The skills a request names (a container's `skills`, a shell tool's automatic
    container's) must be usable: a `skill_reference` to one of the caller's skills, in a
    version it has (an id without the `skill_` prefix names one of OpenAI's own skills, such as
    `openai-spreadsheets`, which mockai takes as given), and an `inline` skill a valid bundle
    (its base64 zip, checked as an upload is). `--lenient` checks nothing."""
    if state_of(request).settings.lenient:
        return
    for index, skill in enumerate(skills):
        where = f"{param}[{index}]"
        skill_id = str(skill.get("skill_id", ""))
        if skill.get("type") == "skill_reference" and skill_id.startswith("skill_"):
            version = skill.get("version")
            find_version(
                request,
                skill_id,
                None if version is None else str(version),
                skill_param=f"{where}.skill_id",
                version_param=f"{where}.version",
            )
        elif skill.get("type") == "inline":
            source = skill.get("source") or {}
            try:
                data = base64.b64decode(str(source.get("data", "")), validate=True)
                from_zip(data, lenient=False)
            except binascii.Error:
                # Not known from the real API: mockai's wording for data that is not base64.
                raise invalid_request(
                    "Invalid base64 data for the inline skill.", f"{where}.source.data"
                ) from None
            except APIError as error:  # the bundle's own 400, placed where the zip was given
                error.param = f"{where}.source.data"
                raise
