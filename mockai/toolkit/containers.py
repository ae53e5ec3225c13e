"""Containers (the sandboxes code runs in) and their files, kept per session, bounded in count
and bytes: what the Containers API serves and what Responses' code interpreter creates, uses
and writes into.

A container expires `expires_after.minutes` (20 by default) after it was last active. Nothing
runs for that: its status is worked out whenever it is looked at, and an expired container
drops its files then (the real API keeps "a snapshot of the container's metadata at its
expiry" and discards the data: the code interpreter guide). Every use of a container touches
its `last_active_at`.

Real wordings: `Container with id '<id>' not found.` (404, quoted by clients that detect a
container gone), `File <cfile> not found on container <cntr>.` (404, `param: null`, quoted in
sbslee/streamlit-openai#18), `Container is expired.` (400, the Responses API's answer for an
expired container, matched by clients that retry without it).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal, Union, get_args

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag

from mockai import ids
from mockai.errors import APIError, invalid_request
from mockai.store import DEFAULT_LIMIT, Kind
from mockai.toolkit import files
from mockai.toolkit.state import ServerState, find_or_stand_in

KIND: Kind[StoredContainer] = Kind("containers", missing="Container with id '{id}' not found.")
EXPIRED = "Container is expired."
DEFAULT_MINUTES = 20  # "A container expires if it is not used for 20 minutes." (the guide)
MEMORY_LIMITS = ("1g", "4g", "16g", "64g")
DEFAULT_MEMORY_LIMIT = "1g"
MOUNT = "/mnt/data"  # where files live in a container: a model's answer links them as sandbox:
# The real API documents no limit of its own for container files: a file is held to the Files
# API's 512 MB, a session's container files together to the budget of its stored files, and a
# container to as many files as the store keeps of any kind (its oldest files make room).
MAX_FILE_BYTES = files.MAX_FILE_BYTES
SESSION_BYTES = files.SESSION_BYTES
FILES_PER_CONTAINER = DEFAULT_LIMIT

MemoryLimit = Literal["1g", "4g", "16g", "64g"]


class _Param(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class NetworkDisabled(_Param):
    type: Literal["disabled"]


class DomainSecret(_Param):
    domain: str = Field(min_length=1)
    name: str = Field(min_length=1)
    value: str = Field(min_length=1, max_length=10485760)


class NetworkAllowlist(_Param):
    type: Literal["allowlist"]
    allowed_domains: list[str] = Field(min_length=1)
    domain_secrets: list[DomainSecret] | None = Field(None, min_length=1)


def type_tag(*models: type[BaseModel]) -> Callable[[Any], str]:
    """The discriminator of a union of models told apart by their `type` (a Literal): the
    name of the model whose `type` the value has, else `Other`, the union's model that takes
    any of their types, so that a `type` none of them has is an `Invalid value` listing theirs
    (and a missing one a missing parameter). Tags are capitalised names, which error paths
    leave out (`network_policy.allowed_domains`)."""
    names = {get_args(m.model_fields["type"].annotation)[0]: m.__name__ for m in models}

    def tag(value: Any) -> str:
        kind = value.get("type") if isinstance(value, dict) else getattr(value, "type", None)
        return names.get(kind, "Other") if isinstance(kind, str) else "Other"

    return tag


class _NetworkType(_Param):
    type: Literal["disabled", "allowlist"]


# A container's outbound network access, as a create call or a code interpreter tool sets it.
NetworkPolicy = Annotated[
    Union[
        Annotated[NetworkDisabled, Tag("NetworkDisabled")],
        Annotated[NetworkAllowlist, Tag("NetworkAllowlist")],
        Annotated[_NetworkType, Tag("Other")],  # never valid: the type is neither
    ],
    Discriminator(type_tag(NetworkDisabled, NetworkAllowlist)),
]

# What a download is sent as, by the file's extension: the code interpreter guide's table of
# supported files (.csv also appears there as application/csv; .xml also as text/xml).
CONTENT_TYPES = {
    ".c": "text/x-c",
    ".cs": "text/x-csharp",
    ".cpp": "text/x-c++",
    ".csv": "text/csv",
    ".doc": "application/msword",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".html": "text/html",
    ".java": "text/x-java",
    ".json": "application/json",
    ".md": "text/markdown",
    ".pdf": "application/pdf",
    ".php": "text/x-php",
    ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ".py": "text/x-python",
    ".rb": "text/x-ruby",
    ".tex": "text/x-tex",
    ".txt": "text/plain",
    ".css": "text/css",
    ".js": "text/javascript",
    ".sh": "application/x-sh",
    ".ts": "application/typescript",
    ".jpeg": "image/jpeg",
    ".jpg": "image/jpeg",
    ".gif": "image/gif",
    ".pkl": "application/octet-stream",
    ".png": "image/png",
    ".tar": "application/x-tar",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".xml": "application/xml",
    ".zip": "application/zip",
}


def content_type(name: str) -> str:
    """The content type a file of this name is downloaded as."""
    _, dot, extension = name.rpartition(".")
    found = CONTENT_TYPES.get(f".{extension.lower()}") if dot else None
    return found or "application/octet-stream"


def basename(path: str) -> str:
    return path.rpartition("/")[2]


@dataclass
class ContainerFile:
    body: dict[str, Any]
    data: bytes

    @property
    def name(self) -> str:
        return basename(self.body["path"])


@dataclass
class StoredContainer:
    body: dict[str, Any]
    skills: list[dict[str, Any]]  # kept as given; the object the API answers does not show them
    files: dict[str, ContainerFile] = field(default_factory=dict)  # by id, oldest first

    @property
    def id(self) -> str:
        return self.body["id"]

    def shown(self) -> dict[str, Any]:
        """The public object, its status as of now: `running`, or `expired` once idle past its
        minutes (its files then dropped)."""
        body = self.body
        idle_s = body["expires_after"]["minutes"] * 60
        if body["status"] == "running" and time.time() >= body["last_active_at"] + idle_s:
            body["status"] = "expired"
            self.files.clear()
        return body

    @property
    def status(self) -> str:
        return self.shown()["status"]

    def touch(self) -> None:
        """A use: the idle time starts again (an expired container stays expired)."""
        if self.status == "running":
            self.body["last_active_at"] = int(time.time())


def _shown_policy(policy: NetworkPolicy | None) -> dict[str, Any] | None:
    """What the container object shows of its network policy: never the domain secrets."""
    if isinstance(policy, NetworkAllowlist):
        return {"type": "allowlist", "allowed_domains": list(policy.allowed_domains)}
    return None if policy is None else {"type": policy.type}


def _make(
    container_id: str,
    name: str,
    memory_limit: str,
    minutes: int,
    policy: NetworkPolicy | None,
    skills: list[dict[str, Any]],
) -> StoredContainer:
    now = int(time.time())
    body: dict[str, Any] = {
        "id": container_id,
        "object": "container",
        "created_at": now,
        "status": "running",
        "expires_after": {"anchor": "last_active_at", "minutes": minutes},
        "last_active_at": now,
    }
    shown = _shown_policy(policy)
    if shown is not None:  # the description's examples show it only when it was set
        body["network_policy"] = shown
    body.update(memory_limit=memory_limit, name=name)
    return StoredContainer(body, skills)


def create(
    state: ServerState,
    session: str | None,
    *,
    name: str,
    file_ids: Iterable[str] = (),
    files_param: str = "file_ids",
    memory_limit: str | None = None,
    minutes: int | None = None,
    network_policy: NetworkPolicy | None = None,
    skills: list[dict[str, Any]] | None = None,
) -> StoredContainer:
    """A new running container holding copies of the stored Files `file_ids` (each must exist:
    the Files API's 404, naming `files_param`; under `--lenient` any id stands for a file)."""
    sources = [copy_of(state, session, file_id, files_param) for file_id in file_ids]
    container = _make(
        ids.container_id(),
        name,
        memory_limit or DEFAULT_MEMORY_LIMIT,
        minutes or DEFAULT_MINUTES,
        network_policy,
        skills or [],
    )
    state.store.put(session, KIND, container.id, container)
    for filename, data in sources:
        add_file(state, session, container, filename, data, "user")
    return container


def stand_in(container_id: str) -> StoredContainer:
    """`--lenient`: a container never created, as if it had been (running, defaults)."""
    return _make(container_id, container_id, DEFAULT_MEMORY_LIMIT, DEFAULT_MINUTES, None, [])


def find(state: ServerState, session: str | None, container_id: str) -> StoredContainer:
    """The container with this id, or the real 404 (under `--lenient`, a stand-in, kept)."""
    return find_or_stand_in(state, session, KIND, container_id, lambda: stand_in(container_id))


def use(state: ServerState, container: StoredContainer) -> StoredContainer:
    """The container, touched; the real 400 once it has expired (`--lenient` lets an expired
    container be used: its expiry is the real API's rule, not the description's)."""
    if container.status == "expired" and not state.settings.lenient:
        raise invalid_request(EXPIRED)
    container.touch()
    return container


def _path(file_id: str, name: str, source: str) -> str:
    """Where a file lands. One the code writes: under `/mnt/data` unless named there already.
    One a user brings: `/mnt/data/<32 hex>-<name>`, the form every example of the description
    shows (`/mnt/data/88e12fa445d32636f190a0b33daed6cb-tsconfig.json`); what the hex stands
    for is not known: mockai takes the file id's."""
    if source == "assistant":
        return name if name.startswith(f"{MOUNT}/") else f"{MOUNT}/{name.lstrip('/')}"
    return f"{MOUNT}/{file_id.removeprefix('cfile_')}-{basename(name) or 'file'}"


def add_file(
    state: ServerState,
    session: str | None,
    container: StoredContainer,
    name: str,
    data: bytes,
    source: Literal["user", "assistant"],
) -> ContainerFile:
    """Put a file in the container (replacing one at the same path); the container's and then
    the session's oldest files make room."""
    file_id = ids.container_file_id()
    path = _path(file_id, name, source)
    body: dict[str, Any] = {
        "id": file_id,
        "object": "container.file",
        "created_at": int(time.time()),
        "bytes": len(data),
        "container_id": container.id,
        "path": path,
        "source": source,
    }
    new = ContainerFile(body, data)
    for old in [f for f in container.files.values() if f.body["path"] == path]:
        del container.files[old.body["id"]]
    container.files[body["id"]] = new
    while len(container.files) > FILES_PER_CONTAINER:
        del container.files[next(iter(container.files))]
    _make_room(state, session, new)
    return new


def _make_room(state: ServerState, session: str | None, keep: ContainerFile) -> None:
    held = list(state.store.values(session, KIND))
    total = sum(len(f.data) for c in held for f in c.files.values())
    for container in held:
        for old in list(container.files.values()):
            if total <= SESSION_BYTES:
                return
            if old is not keep:
                del container.files[old.body["id"]]
                total -= len(old.data)


def file_in(state: ServerState, container: StoredContainer, file_id: str) -> ContainerFile:
    """The container's file with this id, or the real 404 (under `--lenient`, a stand-in: a
    small text file, kept)."""
    found = container.files.get(file_id)
    if found is not None:
        return found
    if not state.settings.lenient:
        raise APIError(404, f"File {file_id} not found on container {container.id}.", code=None)
    data = _stand_in_bytes(file_id)
    found = ContainerFile(
        {
            "id": file_id,
            "object": "container.file",
            "created_at": int(time.time()),
            "bytes": len(data),
            "container_id": container.id,
            "path": f"{MOUNT}/{file_id}.txt",
            "source": "user",
        },
        data,
    )
    container.files[file_id] = found
    return found


def copy_of(state: ServerState, session: str | None, file_id: str, param: str) -> tuple[str, bytes]:
    """A stored File's name and bytes, to copy into a container. The real API's answer for an
    unknown id here is not known; mockai answers the Files API's own 404, naming `param`."""
    found = files.find_file(state, session, file_id)
    if found is not None:
        return found.body["filename"], found.data
    if not state.settings.lenient:
        raise files.KIND.not_found(file_id, param)
    return f"{file_id}.txt", _stand_in_bytes(file_id)


def _stand_in_bytes(file_id: str) -> bytes:
    """`--lenient`: the content of a file never uploaded."""
    return f"The content of {file_id}.\n".encode()
