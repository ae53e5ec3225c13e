"""The bodies of the vector store routes, strict like the real API's, and the rules the
description states only in prose: a chunk overlap of at most half the chunk size (metadata
and attribute limits are `mockai.validation.check_metadata`'s), `file_ids` or `files` in a
file batch, the file status a list is filtered by; and the `X-Mockai-Processing-Ms` header
that paces processing.
"""

from __future__ import annotations

from typing import Literal, Union

from pydantic import BaseModel, ConfigDict, Field

from mockai.errors import invalid_request, missing_parameter
from mockai.retrieval.chunking import AUTO, MAX_CHUNK_TOKENS, MIN_CHUNK_TOKENS, Strategy
from mockai.retrieval.chunking import overlap_too_large as too_much_overlap
from mockai.retrieval.filters import Filter, Scalar
from mockai.retrieval.ranking import Options
from mockai.toolkit.vectorstores import Search
from mockai.validation import check_metadata

PROCESSING_HEADER = "x-mockai-processing-ms"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class StaticSizes(_Strict):
    max_chunk_size_tokens: int = Field(ge=MIN_CHUNK_TOKENS, le=MAX_CHUNK_TOKENS)
    chunk_overlap_tokens: int = Field(ge=0)


class Chunking(_Strict):
    """`{type: auto}` or `{type: static, static: {...}}`, told apart by `check_chunking`."""

    type: Literal["auto", "static"]
    static: StaticSizes | None = None


class ExpiresAfter(_Strict):
    anchor: Literal["last_active_at"]
    days: int = Field(ge=1, le=365)


Attributes = dict[str, Scalar]


class CreateVectorStore(_Strict):
    file_ids: list[str] = Field(default_factory=list, max_length=500)
    name: str = ""
    description: str | None = None  # accepted; the vector store object has no such field
    expires_after: ExpiresAfter | None = None
    chunking_strategy: Chunking | None = None
    metadata: dict[str, str] | None = None


class ModifyVectorStore(_Strict):
    name: str | None = None
    expires_after: ExpiresAfter | None = None  # null: the store no longer expires
    metadata: dict[str, str] | None = None


class CreateVectorStoreFile(_Strict):
    file_id: str
    chunking_strategy: Chunking | None = None
    attributes: Attributes | None = None


class CreateFileBatch(_Strict):
    file_ids: list[str] | None = Field(None, min_length=1, max_length=2000)
    files: list[CreateVectorStoreFile] | None = Field(None, min_length=1, max_length=2000)
    chunking_strategy: Chunking | None = None
    attributes: Attributes | None = None


class UpdateAttributes(_Strict):
    attributes: Attributes | None


class RankingOptions(_Strict):
    ranker: Literal["none", "auto", "default-2024-11-15"] = "auto"
    score_threshold: float = Field(0.0, ge=0, le=1)


class SearchRequest(_Strict):
    query: Union[str, list[str]]
    rewrite_query: bool = False
    max_num_results: int = Field(10, ge=1, le=50)
    filters: Filter | None = None
    ranking_options: RankingOptions | None = None


def check_chunking(given: Chunking | None, *, lenient: bool, param: str) -> Strategy:
    """The strategy a request asks for (`auto` when none). The real API's overlap rule is
    checked unless `lenient`; its wording is not known from the real API."""
    if given is None or given.type == "auto":
        if given is not None and given.static is not None:
            raise invalid_request(
                f"Unknown parameter: '{param}.static'.", f"{param}.static", "unknown_parameter"
            )
        return AUTO
    if given.static is None:
        raise missing_parameter(f"{param}.static")
    strategy = Strategy(given.static.max_chunk_size_tokens, given.static.chunk_overlap_tokens)
    if too_much_overlap(strategy) and not lenient:
        raise invalid_request(
            f"Invalid '{param}.static.chunk_overlap_tokens': the overlap must not exceed half of "
            f"'max_chunk_size_tokens' ({strategy.max_chunk_size_tokens // 2}), but got "
            f"{strategy.chunk_overlap_tokens} instead.",
            f"{param}.static.chunk_overlap_tokens",
            "invalid_value",
        )
    return strategy


def batch_files(req: CreateFileBatch, *, lenient: bool) -> list[tuple[str, Strategy, Attributes]]:
    """The batch's files, each with its strategy and attributes: `file_ids` take the batch's,
    `files` their own. One of the two is required (the real API names `file_ids`); both at
    once are refused, in words not known from the real API (`--lenient` takes both)."""
    if req.file_ids is None and req.files is None:
        raise missing_parameter("file_ids")
    if req.file_ids is not None and req.files is not None and not lenient:
        raise invalid_request(
            "Only one of 'file_ids' or 'files' may be given: they are mutually exclusive.",
            "files",
        )
    check_metadata(req.attributes, "attributes")
    shared = check_chunking(req.chunking_strategy, lenient=lenient, param="chunking_strategy")
    wanted = [(key, shared, req.attributes or {}) for key in req.file_ids or ()]
    for index, each in enumerate(req.files or ()):
        where = f"files[{index}]"
        check_metadata(each.attributes, f"{where}.attributes")
        strategy = check_chunking(
            each.chunking_strategy, lenient=lenient, param=f"{where}.chunking_strategy"
        )
        wanted.append((each.file_id, strategy, each.attributes or {}))
    return wanted


def processing_delay(raw: str | None) -> float:
    """`X-Mockai-Processing-Ms`: how long attached files stay in progress, in seconds."""
    try:
        return max(float(raw or 0), 0.0) / 1000
    except ValueError:
        raise invalid_request(
            f"Invalid {PROCESSING_HEADER} header: expected milliseconds, got '{raw}'.",
            PROCESSING_HEADER,
        ) from None


def search_of(req: SearchRequest) -> Search:
    ranking = req.ranking_options or RankingOptions()
    return Search(
        [req.query] if isinstance(req.query, str) else list(req.query),
        req.max_num_results,
        req.filters,
        Options(ranker=ranking.ranker, score_threshold=ranking.score_threshold),
        req.rewrite_query,
    )
