"""The built-in tools a response runs server-side (web search, file search, code interpreter):
each call's output item, the answer its results suggest, and the annotations the answer's text
gets from them (`file_citation`, `container_file_citation`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from mockai import ids
from mockai.endpoints.responses.request import ResponseRequest
from mockai.replies import ToolCallOut
from mockai.toolkit.state import ServerState

Annotation = dict[str, Any]


@dataclass(frozen=True)
class Context:
    """What a built-in call may read and change: the server's stored objects in the caller's
    session, and the request that offered the tool."""

    state: ServerState
    session: str | None
    req: ResponseRequest


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
    queries = args.get("queries") or [str(args.get("query", ""))]
    return ToolRun(
        {
            "id": ids.item_id("fs_"),
            "type": "file_search_call",
            "status": "completed",
            "queries": [str(q) for q in queries],
            "results": None,
        }
    )


def _code_interpreter(ctx: Context, args: dict[str, Any]) -> ToolRun:
    return ToolRun(
        {
            "id": ids.item_id("ci_"),
            "type": "code_interpreter_call",
            "status": "completed",
            "container_id": str(args.get("container_id") or ids.item_id("cntr_")),
            "code": str(args.get("code", "")),
            "outputs": None,
        }
    )
