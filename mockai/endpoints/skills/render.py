"""The Skills API's deletion objects (a skill, a version) and its downloads' content type."""

from __future__ import annotations

from typing import Any

from mockai.toolkit.skills import StoredVersion

ZIP = "application/zip"  # a download's type, as the description declares it


def deleted_skill(skill_id: str) -> dict[str, Any]:
    return {"id": skill_id, "object": "skill.deleted", "deleted": True}


def deleted_version(version: StoredVersion) -> dict[str, Any]:
    return {
        "id": version.body["id"],
        "object": "skill.version.deleted",
        "deleted": True,
        "version": version.number,
    }
