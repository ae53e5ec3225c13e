"""The upload form of `POST /v1/files`, checked like the real API: its `file` and `purpose`
(worded in the real API's `'x' is not one of [...] - 'purpose'` form) and its optional
`expires_after`, sent flattened as `expires_after[anchor]` and `expires_after[seconds]`."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel

from mockai.errors import invalid_request
from mockai.toolkit.files import PURPOSES, PURPOSES_AS_LISTED, ExpiresAfter
from mockai.toolkit.multipart import Form, Upload, objects
from mockai.validation import validate

FILE_FIELDS = frozenset({"file"})
_OBJECTS = frozenset({"expires_after"})


class FileOptions(BaseModel):
    expires_after: ExpiresAfter | None = None


@dataclass(frozen=True)
class FileForm:
    """An upload form that passed the checks."""

    upload: Upload
    filename: str
    purpose: str
    expires_after: dict | None


def checked(form: Form) -> FileForm:
    """The form's file, purpose and expiry, or the real API's 400 for a missing or unknown
    file or purpose, or an invalid `expires_after`, in that order."""
    upload = form.upload("file")
    if upload is None or upload.filename is None:
        raise invalid_request("'file' is a required property", "file")
    purpose = form.fields.get("purpose")
    if purpose is None:
        raise invalid_request("'purpose' is a required property", "purpose")
    if purpose not in PURPOSES:
        listed = ", ".join(f"'{p}'" for p in PURPOSES_AS_LISTED)
        raise invalid_request(f"'{purpose}' is not one of [{listed}] - 'purpose'", "purpose")
    return FileForm(upload, upload.filename, str(purpose), expires_after(form.fields))


def expires_after(fields: dict[str, str | list[str]]) -> dict | None:
    """`expires_after[anchor]` and `expires_after[seconds]`: how the SDKs flatten the object."""
    given = objects(fields, _OBJECTS).get("expires_after")
    if not isinstance(given, dict):
        return None
    return validate(FileOptions, {"expires_after": given}).expires_after.model_dump()  # type: ignore[union-attr]
