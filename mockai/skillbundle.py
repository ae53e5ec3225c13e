"""Skill bundles: a folder of files anchored by a `SKILL.md` manifest, uploaded as its files or
as one zip; checked as the Skills API checks one, its name and description read from the
manifest's front matter, and the zip it is downloaded as.

The documented rules (developers.openai.com/api/docs/guides/tools-skills and the cookbook's
"Skills in OpenAI API", "Limits and validation"): the bundle is one top-level folder; the
manifest is matched case-insensitively and there is exactly one; its front matter gives `name`,
checked by the Agent Skills rules (1 to 64 lowercase letters, digits and hyphens, no hyphen at
either end or twice in a row; agentskills.io/specification), and `description` (1 to 1024
characters there); a zip is at most 50 MB, a bundle at most 500 files, none over 25 MB
uncompressed. The folder's name need not match `name` (the guide's `basic_math` folder holds
`basic-math`). The real error wordings are not known: every text here is mockai's own.

Pure, no aiohttp: reading a zip or writing one takes a while for a large bundle, so the caller
runs these in a thread. Under `--lenient` (`lenient=True`) nothing is refused: what cannot be
read falls back to a name from the folder and an empty description.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import PurePosixPath

import yaml

from mockai.errors import APIError, invalid_request

MAX_UPLOAD_BYTES = 50 * 1024 * 1024  # "Max zip upload size: 50 MB"
MAX_FILE_BYTES = 25 * 1024 * 1024  # "Max uncompressed file size: 25 MB"
MAX_FILES = 500  # "Max file count per skill version: 500"; `files` maxItems 500
MAX_NAME = 64
MAX_DESCRIPTION = 1024
MANIFEST = "skill.md"  # matched case-insensitively
PARAM = "files"
_NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_EPOCH = (1980, 1, 1, 0, 0, 0)  # the zip format's earliest date: written zips are the same
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")  # a zip's first entry, or an empty zip's end
# What zipfile raises for an archive it cannot read (corrupt, encrypted, an unknown method).
_UNREADABLE = (zipfile.BadZipFile, zlib.error, EOFError, RuntimeError, NotImplementedError)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Bundle:
    """A checked upload: the manifest's name and description, and the bytes its content
    download answers (the zip as uploaded, or the files zipped)."""

    name: str
    description: str
    content: bytes


def _error(message: str) -> APIError:
    return invalid_request(message, PARAM)


def too_many_files(count: int) -> APIError:
    """The description's `maxItems: 500`, in the real API's words for an array too long."""
    return invalid_request(
        f"Invalid '{PARAM}': array too long. Expected an array with maximum length {MAX_FILES}, "
        f"but got an array with length {count} instead.",
        PARAM,
        "array_above_max_length",
    )


def too_large() -> APIError:
    return _error(f"The skill upload is too large: at most {MAX_UPLOAD_BYTES // 2**20} MB.")


def from_upload(files: list[tuple[str | None, bytes]], *, lenient: bool) -> Bundle:
    """The bundle the `files` parts make (file name, bytes; no name: text sent for a file):
    one zip (by its bytes or its `.zip` name), or the folder's files."""
    if len(files) == 1 and _is_zip(*files[0]):
        return from_zip(files[0][1], lenient=lenient)
    return from_files(files, lenient=lenient)


def _is_zip(filename: str | None, data: bytes) -> bool:
    return data[:4] in _ZIP_MAGIC or (filename or "").lower().endswith(".zip")


def from_zip(data: bytes, *, lenient: bool) -> Bundle:
    """A zip upload: checked, read, and kept byte for byte."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except _UNREADABLE:
        if lenient:
            return Bundle(*_described(None, [], lenient), data)
        raise _error("The uploaded file is not a valid zip archive.") from None
    with archive:
        members = [
            m
            for m in archive.infolist()
            if not m.is_dir() and not m.filename.startswith("__MACOSX/")  # macOS Finder's own
        ]
        paths = [_path(m.filename, lenient) for m in members]
        if not lenient:
            if len(members) > MAX_FILES:
                raise _error(
                    f"A skill may hold at most {MAX_FILES} files; the zip holds {len(members)}."
                )
            for path, member in zip(paths, members, strict=True):
                _check_size(path, member.file_size)
        manifest = _manifest(paths, lenient)
        text = None
        if manifest is not None and members[manifest].file_size <= MAX_FILE_BYTES:
            try:
                text = archive.read(members[manifest])
            except _UNREADABLE:
                if not lenient:
                    raise _error("The uploaded file is not a valid zip archive.") from None
    return Bundle(*_described(text, paths, lenient), data)


def from_files(files: list[tuple[str | None, bytes]], *, lenient: bool) -> Bundle:
    """A folder upload (a part per file, named by its path in the folder): checked, and zipped
    with those paths, sorted, at a fixed date (the same files give the same zip)."""
    if len(files) > MAX_FILES:
        raise too_many_files(len(files))
    named: dict[str, bytes] = {}
    for n, (filename, data) in enumerate(files):
        if filename is None and not lenient:
            raise invalid_request(
                f"Invalid type for '{PARAM}[{n}]': expected a file, but got a string instead.",
                f"{PARAM}[{n}]",
                "invalid_type",
            )
        path = _path(filename or f"skill/file_{n}", lenient)
        if path in named and not lenient:
            raise _error(f"Duplicate file path in the skill upload: '{path}'.")
        if not lenient:
            _check_size(path, len(data))
        named[path] = data
    paths = list(named)
    manifest = _manifest(paths, lenient)
    text = None if manifest is None else named[paths[manifest]]
    return Bundle(*_described(text, paths, lenient), zipped(named))


def minimal(name: str, description: str) -> Bundle:
    """A one-file bundle, `<name>/SKILL.md` with this front matter (`--lenient`'s stand-ins)."""
    text = f"---\nname: {name}\ndescription: {description}\n---\n"
    return Bundle(name, description, zipped({f"{name}/SKILL.md": text.encode()}))


def zipped(files: dict[str, bytes]) -> bytes:
    """`files` (path -> bytes) as a zip, deterministically: sorted, dated 1980-01-01."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(files):
            info = zipfile.ZipInfo(path, date_time=_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, so the mode bits below mean rw-r--r--
            info.external_attr = 0o644 << 16
            archive.writestr(info, files[path])
    return out.getvalue()


def _path(filename: str, lenient: bool) -> str:
    """A part's file name as a path in the bundle ("a\\b" is "a/b"); an absolute path or one
    climbing out with `..` is refused (dropped from the path under `--lenient`)."""
    raw = filename.replace("\\", "/")
    parts = [p for p in PurePosixPath(raw).parts if p not in ("/", ".")]
    if ".." in parts or raw.startswith("/"):
        if not lenient:
            raise _error(f"Invalid file path in the skill upload: '{filename}'.")
        parts = [p for p in parts if p != ".."]
    return "/".join(parts) or "file"


def _check_size(path: str, size: int) -> None:
    if size > MAX_FILE_BYTES:
        raise _error(
            f"The file '{path}' is {size} bytes uncompressed; a skill file may be at most "
            f"{MAX_FILE_BYTES // 2**20} MB."
        )


def _manifest(paths: list[str], lenient: bool) -> int | None:
    """Where the manifest is among `paths`: one top-level folder holding exactly one
    `SKILL.md` (any case), at its root. None under `--lenient` when there is none to read."""
    manifests = [n for n, p in enumerate(paths) if PurePosixPath(p).name.lower() == MANIFEST]
    if lenient:
        return manifests[0] if manifests else None
    tops = {p.split("/", 1)[0] for p in paths}
    if len(tops) != 1 or any("/" not in p for p in paths):
        raise _error("A skill upload must hold a single top-level folder with all its files.")
    if not manifests:
        raise _error("The skill upload has no SKILL.md file.")
    if len(manifests) > 1:
        raise _error(
            f"A skill upload must hold exactly one SKILL.md file; it holds {len(manifests)}."
        )
    if paths[manifests[0]].count("/") != 1:
        raise _error("SKILL.md must be at the root of the skill's top-level folder.")
    return manifests[0]


def _described(text: bytes | None, paths: list[str], lenient: bool) -> tuple[str, str]:
    """The manifest's `name` and `description`, checked; under `--lenient` what cannot be read
    is the top-level folder's name and an empty description."""
    fallback = paths[0].split("/", 1)[0] if paths and "/" in paths[0] else "skill"
    meta = _front_matter(text, lenient)
    name, description = meta.get("name"), meta.get("description")
    if lenient:
        return (
            name if isinstance(name, str) and name else fallback,
            description if isinstance(description, str) else "",
        )
    for field, value in (("name", name), ("description", description)):
        if not isinstance(value, str) or not value.strip():
            raise _error(f"The front matter of SKILL.md must give a '{field}' (a string).")
    assert isinstance(name, str) and isinstance(description, str)
    if len(name) > MAX_NAME or not _NAME.fullmatch(name):
        raise _error(
            f"Invalid skill name '{name}' in SKILL.md: use 1 to {MAX_NAME} lowercase letters, "
            "digits and hyphens, with no hyphen at either end or twice in a row."
        )
    if len(description) > MAX_DESCRIPTION:
        raise _error(
            f"The description in SKILL.md is {len(description)} characters long; it may be at "
            f"most {MAX_DESCRIPTION}."
        )
    return name, description


def _front_matter(text: bytes | None, lenient: bool) -> dict[object, object]:
    """The YAML mapping between the manifest's opening `---` line and the next `---`."""
    if text is None:
        return {}
    lines = text.decode("utf-8-sig", errors="replace").splitlines()
    end = next((n for n, line in enumerate(lines[1:], 1) if line.strip() == "---"), None)
    if not lines or lines[0].strip() != "---" or end is None:
        if lenient:
            return {}
        raise _error("SKILL.md must start with YAML front matter between '---' lines.")
    try:
        meta = yaml.load("\n".join(lines[1:end]), Loader=_LOADER)
    except yaml.YAMLError:
        meta = None
    if not isinstance(meta, dict):
        if lenient:
            return {}
        raise _error("The front matter of SKILL.md is not a valid YAML mapping.")
    return meta
