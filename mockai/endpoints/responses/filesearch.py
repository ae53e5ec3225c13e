"""The file search tool: its options read from the request, the vector stores' own search run
with them (`toolkit.vectorstores`), and what the call gives the response: its
`file_search_call` item, a default answer and the `file_citation`s of the answer's text.

The tool's `vector_store_ids`, `max_num_results` (1 to 50, 10 by default: the search route's
default, the tool's own is not documented), `ranking_options` (`ranker`, `score_threshold`,
`hybrid_search` weights) and `filters` apply; an unknown store is the vector stores' 404
(whether the real API answers it so is not known), an expired one their 400. A default answer
quotes the best chunk; the text said cites the files it draws on, at the end of a sentence
(see `mockai.retrieval.answers`).
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from mockai import ids
from mockai.endpoints.responses.request import ResponseRequest
from mockai.retrieval.answers import citation_points, quote
from mockai.retrieval.filters import Filter
from mockai.retrieval.ranking import Options
from mockai.toolkit.state import ServerState
from mockai.toolkit.vectorstores import Found, Search, find_store, search
from mockai.validation import validate_at

NOTHING_FOUND = "I could not find anything about that in the files."


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


def _tool(state: ServerState, req: ResponseRequest) -> tuple[str, FileSearchTool]:
    """The request's file search tool, checked: where it is (`tools[i]`) and its options."""
    index, tool = next((n, t) for n, t in enumerate(req.tools or ()) if t.type == "file_search")
    where, fields = f"tools[{index}]", dict(tool.model_extra or {})
    options = validate_at(FileSearchTool, fields, where)
    if not state.settings.lenient:
        validate_at(_Bounds, fields, where)
    return where, options


def search_for(
    state: ServerState, session: str | None, req: ResponseRequest, queries: list[str]
) -> Found:
    """The tool's stores searched for `queries`, with the tool's options."""
    where, tool = _tool(state, req)
    stores = [
        find_store(state, session, key, f"{where}.vector_store_ids")
        for key in tool.vector_store_ids
    ]
    if not state.settings.lenient:
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
    return search(stores, how, state.settings.seed)


def call_item(found: Found, queries: list[str], include: Sequence[str] | None) -> dict[str, Any]:
    """The `file_search_call` item: the ranked chunks as `results` only when `include` asks."""
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
    return {
        "id": ids.item_id("fs_"),
        "type": "file_search_call",
        "status": "completed",
        "queries": queries,
        "results": results if "file_search_call.results" in (include or ()) else None,
    }


def answer(found: Found, queries: list[str]) -> str:
    """What a default reply says: the best chunk's sentence for the first query."""
    return quote(found.hits[0].text, queries[0]) if found.hits else NOTHING_FOUND


def cite(found: Found, text: str) -> list[dict[str, Any]]:
    """The `file_citation`s of `text`: a file each sentence draws on, best file first."""
    drawn: dict[str, list[str]] = {}  # each file's chunks, best file first
    names: dict[str, str] = {}
    for hit in found.hits:
        drawn.setdefault(hit.file.id, []).append(hit.text)
        names[hit.file.id] = hit.file.filename
    keys = list(drawn)
    sources = ["\n".join(chunks) for chunks in drawn.values()]
    return [
        {"type": "file_citation", "index": index, "file_id": keys[n], "filename": names[keys[n]]}
        for index, n in sorted(citation_points(text, sources))
    ]
