"""The bodies of `POST /v1/containers` and `POST /v1/containers/{container_id}/files` (a JSON
`{file_id}` or a form with a `file`), strict like the real API's."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag

from mockai.errors import APIError, missing_parameter
from mockai.toolkit.containers import MemoryLimit, NetworkPolicy, type_tag
from mockai.toolkit.multipart import Form, Upload

FILE_FIELDS = frozenset({"file"})


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class ExpiresAfter(_Model):
    anchor: Literal["last_active_at"]
    # The description sets no bounds; a container idle for no time at all makes no sense, and
    # the real API's own bounds are not known.
    minutes: int = Field(ge=1)


class SkillReference(_Model):
    type: Literal["skill_reference"]
    skill_id: str = Field(min_length=1, max_length=64)
    version: str | None = None


class InlineSkillSource(_Model):
    type: Literal["base64"]
    media_type: Literal["application/zip"]
    data: str = Field(min_length=1, max_length=70254592)


class InlineSkill(_Model):
    type: Literal["inline"]
    name: str
    description: str
    source: InlineSkillSource


class _SkillType(_Model):
    type: Literal["skill_reference", "inline"]


Skill = Annotated[
    Union[
        Annotated[SkillReference, Tag("SkillReference")],
        Annotated[InlineSkill, Tag("InlineSkill")],
        Annotated[_SkillType, Tag("Other")],  # never valid: the type is neither
    ],
    Discriminator(type_tag(SkillReference, InlineSkill)),
]


class CreateContainer(_Model):
    name: str
    file_ids: list[str] | None = None
    expires_after: ExpiresAfter | None = None
    # Kept as given: skill references are not resolved against the Skills API here.
    skills: list[Skill] | None = None
    memory_limit: MemoryLimit | None = None
    network_policy: NetworkPolicy | None = None


class CreateContainerFile(_Model):
    """The JSON form: a stored File to copy in (the description requires nothing; the real
    API needs a file from somewhere)."""

    file_id: str | None = None


@dataclass(frozen=True)
class FileForm:
    """The multipart form: the uploaded `file` (text sent in its place counts as none), or a
    `file_id` sent as text."""

    upload: Upload | None
    file_id: str | None


def form_file(form: Form) -> FileForm:
    upload = form.upload("file")
    file_id = form.fields.get("file_id")
    return FileForm(
        upload if upload is not None and upload.filename is not None else None,
        file_id if isinstance(file_id, str) else None,
    )


def nothing_to_add(param: str) -> APIError:
    """Neither a file nor a file id. The real API's wording is not known: mockai answers a
    missing required parameter, `file` for a form, `file_id` for JSON."""
    return missing_parameter(param)
