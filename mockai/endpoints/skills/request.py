"""The Skills API's bodies: the upload form of a skill or a version (its `files` parts, and a
version's `default`), read into a checked bundle; and the default-version update.

The official SDKs send a folder as repeated `files[]` parts named by their paths, a zip as one
`files` part; the form's other fields are checked by a model, and `--lenient` also takes the
JSON body the description declares (`files` as strings, each a file's text).
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from aiohttp import web
from pydantic import BaseModel, ConfigDict

from mockai import skillbundle
from mockai.errors import APIError, missing_parameter
from mockai.skillbundle import Bundle
from mockai.toolkit.http import read_json
from mockai.toolkit.multipart import Form, read_form
from mockai.toolkit.state import state_of
from mockai.validation import validate

FILES = frozenset({skillbundle.PARAM})
CLOSED = ConfigDict(extra="forbid", strict=True)


class SkillForm(BaseModel):
    """`POST /skills`'s form fields besides its `files` parts: none."""

    model_config = ConfigDict(extra="forbid")


class SkillVersionForm(BaseModel):
    """`POST /skills/{skill_id}/versions`'s form fields besides its `files` parts; lax, as a
    form's `default` is the text `true` or `false`."""

    model_config = ConfigDict(extra="forbid")
    default: bool | None = None


class SkillJson(BaseModel):
    """`POST /skills` as the JSON the description also declares (`--lenient` only)."""

    model_config = CLOSED
    files: list[str] | str


class SkillVersionJson(SkillJson):
    default: bool | None = None


class UpdateSkill(BaseModel):
    model_config = CLOSED
    default_version: str


@dataclass(frozen=True)
class SkillUpload:
    bundle: Bundle
    default: bool  # a version's `default` (false when not sent)


def _too_large(form: Form, name: str, read: int) -> APIError:
    return skillbundle.too_large()


async def read_upload(request: web.Request, *, version: bool) -> SkillUpload:
    """The upload of a skill (`version`: of a skill version), read and checked (in a thread:
    a zip is read whole), or the 400 for its first problem."""
    lenient = state_of(request).settings.lenient
    files: list[tuple[str | None, bytes]]
    if lenient and request.content_type == "application/json":
        body = await read_json(request)
        sent = validate(
            SkillVersionJson if version else SkillJson, body, unknown_parameter=True, lenient=True
        )
        texts = [sent.files] if isinstance(sent.files, str) else sent.files
        files = [(None, text.encode()) for text in texts]
        default = getattr(sent, "default", None)
    else:
        form = await read_form(
            request,
            files=FILES,
            lists=FILES,
            limit=skillbundle.MAX_UPLOAD_BYTES,
            total=skillbundle.MAX_UPLOAD_BYTES,
            too_large=_too_large,
            unknown_files=lenient,
        )
        fields = dict(form.fields)
        as_text = fields.pop(skillbundle.PARAM, [])  # text for files, in a URL-encoded form
        options = validate(
            SkillVersionForm if version else SkillForm,
            fields,
            unknown_parameter=True,
            lenient=lenient,
        )
        files = [(upload.filename, upload.data) for upload in form.uploads(skillbundle.PARAM)]
        files += [(None, text.encode()) for text in as_text]  # a list: `files` is a list field
        if not files:
            raise missing_parameter(skillbundle.PARAM)
        default = getattr(options, "default", None)
    bundle = await asyncio.to_thread(skillbundle.from_upload, files, lenient=lenient)
    return SkillUpload(bundle, bool(default))
