"""`/v1/skills`: create a skill from an upload (a folder's files as `files[]` parts, or one
zip), list, retrieve, delete it, point its default version, download its content; and its
versions: create, list, retrieve, delete, download.

Name and description come from the bundle's `SKILL.md` front matter, checked with the
documented rules (`mockai.skillbundle`: one top-level folder, exactly one manifest, the Agent
Skills name rules, 50 MB per upload, 500 files, 25 MB per file). A download is exactly what was
uploaded: the zip byte for byte, or the files zipped with their paths (sorted, fixed dates).
Versions are numbered from 1 and immutable; the default version cannot be deleted while others
remain, and deleting the last deletes the skill. The skills live in `mockai.toolkit.skills`,
where a `skill_reference` elsewhere is resolved.
"""

from __future__ import annotations

from mockai.endpoints import Route

ROUTES = [
    Route("POST", "/skills", "handlers.create", scenario="skills"),
    Route("GET", "/skills", "handlers.list_skills", scenario="skills"),
    Route("GET", "/skills/{skill_id}", "handlers.retrieve", scenario="skills"),
    Route("POST", "/skills/{skill_id}", "handlers.update", scenario="skills"),
    Route("DELETE", "/skills/{skill_id}", "handlers.delete", scenario="skills"),
    Route("GET", "/skills/{skill_id}/content", "handlers.content", scenario="skills"),
    Route("POST", "/skills/{skill_id}/versions", "versions.create", scenario="skills.versions"),
    Route(
        "GET", "/skills/{skill_id}/versions", "versions.list_versions", scenario="skills.versions"
    ),
    Route(
        "GET",
        "/skills/{skill_id}/versions/{version}",
        "versions.retrieve",
        scenario="skills.versions",
    ),
    Route(
        "DELETE",
        "/skills/{skill_id}/versions/{version}",
        "versions.delete",
        scenario="skills.versions",
    ),
    Route(
        "GET",
        "/skills/{skill_id}/versions/{version}/content",
        "versions.content",
        scenario="skills.versions",
    ),
]
