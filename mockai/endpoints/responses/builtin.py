"""The built-in tools a response runs server-side (web search, file search, code interpreter):
each call's output item, the answer its results suggest, and the annotations the answer's text
gets from them (`file_citation`, `container_file_citation`).

File search runs the vector stores' own search (`toolkit.vectorstores`) with the tool's
`vector_store_ids`, `max_num_results` (1 to 50, 10 by default: the search route's default, the
tool's own is not documented), `ranking_options` (`ranker`, `score_threshold`, `hybrid_search`
weights) and `filters`; an unknown store is the vector stores' 404 (whether the real API
answers it so is not known), an expired one their 400.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from mockai import ids
from mockai.endpoints.responses.request import ResponseRequest
from mockai.replies import ToolCallOut
from mockai.retrieval.answers import citation_points, quote
from mockai.retrieval.filters import Filter
from mockai.retrieval.ranking import Options
from mockai.toolkit.state import ServerState
from mockai.toolkit.vectorstores import Found, Search, find_store, search
from mockai.validation import validate_at

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


class _HybridSearch(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    embedding_weight: float
    text_weight: float


class _Ranking(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    ranker: Literal["auto", "default-2024-11-15"] = "auto"
    score_threshold: float = 0.0
    hybrid_search: _HybridSearch | None = None


class FileSearchTool(BaseModel):
    """The file search tool's own fields (its `type`, and what the open tool model carries
    besides, are not this model's)."""

    model_config = ConfigDict(extra="ignore", strict=True)
    vector_store_ids: list[str]
    max_num_results: int = 10
    ranking_options: _Ranking | None = None
    filters: Filter | None = None


class _RankingBounds(BaseModel):
    model_config = ConfigDict(extra="ignore", strict=True)
    score_threshold: float = Field(0.0, ge=0, le=1)


class _Bounds(BaseModel):
    """The bounds the description states in prose only: the real API's, not `--lenient`'s."""

    model_config = ConfigDict(extra="ignore", strict=True)
    max_num_results: int = Field(10, ge=1, le=50)
    ranking_options: _RankingBounds | None = None


NOTHING_FOUND = "I could not find anything about that in the files."


def _file_search_tool(ctx: Context) -> tuple[str, FileSearchTool]:
    index, tool = next((n, t) for n, t in enumerate(ctx.req.tools or ()) if t.type == "file_search")
    where, fields = f"tools[{index}]", dict(tool.model_extra or {})
    options = validate_at(FileSearchTool, fields, where)
    if not ctx.state.settings.lenient:
        validate_at(_Bounds, fields, where)
    return where, options


def _run_file_search(ctx: Context, queries: list[str]) -> Found:
    where, tool = _file_search_tool(ctx)
    stores = [
        find_store(ctx.state, ctx.session, key, f"{where}.vector_store_ids")
        for key in tool.vector_store_ids
    ]
    if not ctx.state.settings.lenient:
        now = time.time()
        for store in stores:
            store.check_active(now)
    ranking = tool.ranking_options or _Ranking()
    weights = ranking.hybrid_search or _HybridSearch(embedding_weight=1.0, text_weight=1.0)
    options = Options(
        ranker=ranking.ranker,
        score_threshold=ranking.score_threshold,
        embedding_weight=max(weights.embedding_weight, 0.0),
        text_weight=max(weights.text_weight, 0.0),
    )
    how = Search(queries, min(max(tool.max_num_results, 1), 50), tool.filters, options)
    return search(stores, how, ctx.state.settings.seed)


def _file_search(ctx: Context, args: dict[str, Any]) -> ToolRun:
    """The stores searched for the call's queries; a default answer quotes the best chunk,
    and the text said cites the files it draws on (`file_citation` at the end of a sentence,
    see `mockai.retrieval.answers`)."""
    queries = [str(q) for q in args.get("queries") or [args.get("query", "")]]
    found = _run_file_search(ctx, queries)
    included = "file_search_call.results" in (ctx.req.include or ())
    drawn: dict[str, list[str]] = {}  # each file's chunks, best file first
    for hit in found.hits:
        drawn.setdefault(hit.file.id, []).append(hit.text)
    names = {hit.file.id: hit.file.filename for hit in found.hits}

    def cite(text: str) -> list[Annotation]:
        keys = list(drawn)
        sources = ["\n".join(chunks) for chunks in drawn.values()]
        return [
            {
                "type": "file_citation",
                "index": index,
                "file_id": keys[n],
                "filename": names[keys[n]],
            }
            for index, n in sorted(citation_points(text, sources))
        ]

    results = [
        {
            "file_id": hit.file.id,
            "filename": hit.file.filename,
            "score": hit.score,
            "text": hit.text,
            "attributes": hit.file.attributes,
        }
        for hit in found.hits
    ]
    return ToolRun(
        {
            "id": ids.item_id("fs_"),
            "type": "file_search_call",
            "status": "completed",
            "queries": queries,
            "results": results if included else None,
        },
        quote(found.hits[0].text, queries[0]) if found.hits else NOTHING_FOUND,
        cite,
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
