"""The built-in tools a response runs server-side (web search, file search, code interpreter):
each call's output item, the answer its results suggest, and the annotations the answer's text
gets from them (`file_citation`, `container_file_citation`)."""

from __future__ import annotations

import base64
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from typing import Annotated, Any, Literal, Union

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    Tag,
    ValidationError,
    field_validator,
)

from mockai import ids
from mockai.endpoints.responses import filesearch
from mockai.endpoints.responses.request import ResponseRequest
from mockai.endpoints.responses.state import KIND
from mockai.errors import APIError
from mockai.replies import ToolCallOut
from mockai.toolkit import containers, conversations
from mockai.toolkit.state import ServerState
from mockai.validation import validate_at

Annotation = dict[str, Any]


@dataclass(frozen=True)
class Context:
    """What a built-in call may read and change: the server's stored objects in the caller's
    session, and the request that offered the tool."""

    state: ServerState
    session: str | None
    req: ResponseRequest
    # The container `container: {type: auto}` gave this response: its calls all run in it.
    auto: list[containers.StoredContainer] = field(default_factory=list)


def _no_citations(text: str) -> list[Annotation]:
    return []


@dataclass
class ToolRun:
    """One built-in call as it ran: its output item; `answer`, the text a default reply says
    from its results (None: the generated text stands); `cite`, the annotations the answer's
    text gets (positions in that text)."""

    item: dict[str, Any]
    answer: str | None = None
    cite: Callable[[str], list[Annotation]] = field(default=_no_citations)


def run(ctx: Context, call: ToolCallOut, args: dict[str, Any]) -> ToolRun:
    """Run one built-in call, named after its tool."""
    if call.name.startswith("web_search"):
        return _web_search(args)
    if call.name == "file_search":
        return _file_search(ctx, args)
    return _code_interpreter(ctx, args)


def citations(runs: Iterable[ToolRun], text: str) -> list[Annotation]:
    """The annotations of an answer's text, each run's in call order."""
    return [annotation for tool_run in runs for annotation in tool_run.cite(text)]


def _web_search(args: dict[str, Any]) -> ToolRun:
    query = str(args.get("query", ""))
    return ToolRun(
        {
            "id": ids.item_id("ws_"),
            "type": "web_search_call",
            "status": "completed",
            "action": {"type": "search", "query": query, "queries": [query]},
        }
    )


def _file_search(ctx: Context, args: dict[str, Any]) -> ToolRun:
    """The stores searched for the call's queries (see `filesearch`)."""
    queries = [str(q) for q in args.get("queries") or [args.get("query", "")]]
    found = filesearch.search_for(ctx.state, ctx.session, ctx.req, queries)
    return ToolRun(
        filesearch.call_item(found, queries, ctx.req.include),
        filesearch.answer(found, queries),
        partial(filesearch.cite, found),
    )


def _code_interpreter(ctx: Context, args: dict[str, Any]) -> ToolRun:
    """Code run in the tool's container; the files a scenario scripts it to write are put in
    the container (`source: assistant`), shown as image outputs when pictures, and cited where
    the answer's text names them."""
    run = _scripted_run(args)
    container = _container(ctx)
    written = [
        containers.add_file(ctx.state, ctx.session, container, f.name, f.data(), "assistant")
        for f in run.files
    ]
    outputs: list[dict[str, Any]] | None = None
    if "code_interpreter_call.outputs" in (ctx.req.include or ()):
        outputs = [{"type": "logs", "logs": run.logs}] if run.logs is not None else []
        outputs += [{"type": "image", "url": _data_url(f)} for f in written if _picture(f)]
    return ToolRun(
        {
            "id": ids.item_id("ci_"),
            "type": "code_interpreter_call",
            "status": "completed",
            "container_id": container.id,
            "code": run.code,
            "outputs": outputs,
        },
        answer=_files_answer(written) if written else None,
        cite=partial(_file_citations, container.id, written),
    )


class _ScriptedFile(BaseModel):
    """A file a scripted call writes (mockai's own argument names): text or base64 bytes."""

    model_config = ConfigDict(extra="forbid", strict=True)
    name: str = Field(min_length=1)
    content: str | None = None
    content_base64: str | None = None

    def data(self) -> bytes:
        if self.content_base64 is not None:
            return base64.b64decode(self.content_base64)
        return (self.content or "").encode()

    @field_validator("content_base64")
    @classmethod
    def _decodes(cls, value: str | None) -> str | None:
        if value is not None:
            base64.b64decode(value, validate=True)  # binascii.Error is a ValueError
        return value


class _ScriptedRun(BaseModel):
    """A code interpreter call's arguments: `code`, and as a scenario scripts them the `logs`
    it printed and the `files` it wrote. Other arguments are ignored."""

    model_config = ConfigDict(extra="ignore", strict=True)
    code: str = ""
    logs: str | None = None
    files: list[_ScriptedFile] = Field(default_factory=list)


def _scripted_run(args: dict[str, Any]) -> _ScriptedRun:
    try:
        return _ScriptedRun.model_validate(args)
    except ValidationError as exc:  # a scenario's mistake: said plainly, as a server error
        problem = exc.errors(include_url=False)[0]
        where = ".".join(str(part) for part in problem["loc"])
        raise APIError(
            500,
            f"mockai cannot run the scenario's code_interpreter call: `{where}`: {problem['msg']}.",
            code=None,
        ) from None


class AutoContainer(BaseModel):
    """`container: {type: auto}`: a container made for the response, with these settings."""

    model_config = ConfigDict(extra="forbid", strict=True)
    type: Literal["auto"]
    file_ids: list[str] | None = Field(None, max_length=50)
    memory_limit: containers.MemoryLimit | None = None
    network_policy: containers.NetworkPolicy | None = None


class _CodeInterpreterTool(BaseModel):
    """The code interpreter tool's `container`, checked when its call runs: a container id
    or an automatic container."""

    model_config = ConfigDict(extra="ignore", strict=True)
    container: Annotated[
        Union[Annotated[str, Tag("Id")], Annotated[AutoContainer, Tag("AutoContainer")]],
        Discriminator(lambda value: "Id" if isinstance(value, str) else "AutoContainer"),
    ]


# The name an automatic container is listed under: not known from the real API.
AUTO_NAME = "Code Interpreter container"


def _container(ctx: Context) -> containers.StoredContainer:
    """The container the call runs in: the one the tool names (it must exist and not have
    expired), or for `auto` the one this response's calls share: an active container a
    code interpreter call in the context used (as the real API reuses one), else a new one
    with the tool's files and settings."""
    index, tool = next(
        (i, t) for i, t in enumerate(ctx.req.tools or ()) if t.type == "code_interpreter"
    )
    given = validate_at(
        _CodeInterpreterTool, dict(tool.model_extra or {}), f"tools[{index}]"
    ).container
    if isinstance(given, str):
        return containers.use(ctx.state, containers.find(ctx.state, ctx.session, given))
    if not ctx.auto:
        reused = next(
            (
                found
                for earlier in _earlier_containers(ctx)
                if (found := ctx.state.store.get(ctx.session, containers.KIND, earlier)) is not None
                and found.status == "running"
            ),
            None,
        )
        ctx.auto.append(
            reused
            or containers.create(
                ctx.state,
                ctx.session,
                name=AUTO_NAME,
                file_ids=given.file_ids or (),
                files_param=f"tools[{index}].container.file_ids",
                memory_limit=given.memory_limit,
                network_policy=given.network_policy,
            )
        )
    return containers.use(ctx.state, ctx.auto[0])


def _earlier_containers(ctx: Context) -> Iterator[str]:
    """The containers of the code interpreter calls in the response's context, latest first:
    its previous response's or conversation's, and its input's."""
    items: list[Any] = []
    if ctx.req.previous_response_id is not None:
        previous = ctx.state.store.get(ctx.session, KIND, ctx.req.previous_response_id)
        items += previous.context if previous is not None else []
    if ctx.req.conversation_id is not None:
        held = ctx.state.store.get(ctx.session, conversations.KIND, ctx.req.conversation_id)
        items += held.context() if held is not None else []
    if isinstance(ctx.req.input, list):
        items += ctx.req.input
    for item in reversed(items):
        if item.get("type") == "code_interpreter_call" and isinstance(
            item.get("container_id"), str
        ):
            yield item["container_id"]


def _picture(written: containers.ContainerFile) -> bool:
    return containers.content_type(written.name).startswith("image/")


def _data_url(written: containers.ContainerFile) -> str:
    """An image output's URL. What the real API links is not known: a data URL holds the
    picture itself."""
    encoded = base64.b64encode(written.data).decode()
    return f"data:{containers.content_type(written.name)};base64,{encoded}"


def _sandbox_link(written: containers.ContainerFile) -> str:
    """How the model's text links a file it wrote: `sandbox:/mnt/data/<name>`."""
    return f"sandbox:{written.body['path']}"


def _files_answer(written: list[containers.ContainerFile]) -> str:
    links = ", ".join(f"[{f.name}]({_sandbox_link(f)})" for f in written)
    if len(written) == 1:
        return f"Here is the file I wrote: {links}."
    return f"Here are the files I wrote: {links}."


def _file_citations(
    container_id: str, written: list[containers.ContainerFile], text: str
) -> list[Annotation]:
    """A `container_file_citation` per file, spanning its sandbox link in the text, else its
    name, else empty at the end. The span is the link target, as the Assistants API's
    `file_path` annotations spanned it (the code interpreter guide's example cites an
    unlinked picture at 0-0)."""
    cited = []
    for f in written:
        start = -1
        for mention in (_sandbox_link(f), f.name):
            start = text.find(mention)
            if start >= 0:
                end = start + len(mention)
                break
        if start < 0:
            start = end = len(text)
        cited.append(
            {
                "type": "container_file_citation",
                "container_id": container_id,
                "file_id": f.body["id"],
                "start_index": start,
                "end_index": end,
                "filename": f.name,
            }
        )
    return cited
