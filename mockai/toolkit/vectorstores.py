"""Vector stores, their files and file batches, kept per session, and the one search that the
search route and Responses' `file_search` both run.

A vector store file is a stored File (`toolkit.files`, same id) read, chunked and embedded
when it is attached (`mockai.retrieval`, on a worker thread). Its status is read from the
clocks: `in_progress` in the answer that attached it, then while its job on the job clock
(`mockai.jobclock`: the files one call attaches are one job, file N done at `N * FILE_JOB_S`
job seconds; `instant` by default, so the next read sees them done) or the attaching
request's `X-Mockai-Processing-Ms` (wall milliseconds) has not run out, then `completed`, or
`failed` with the `last_error` processing found; a cancelled batch's files still in progress
become `cancelled`. A store's and a batch's `file_counts`, a store's
`usage_bytes` (its completed files' text) and its `status` are worked out from its files at
each read, so they always add up. A store with `expires_after` expires `days` after its
`last_active_at`, which searching it (by route or file search) moves on.
"""

from __future__ import annotations

import asyncio
import math
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from aiohttp import web

from mockai import ids, tokenizer
from mockai.errors import invalid_request
from mockai.jobclock import JobTime
from mockai.retrieval import chunking, documents, ranking
from mockai.retrieval.chunking import Strategy
from mockai.retrieval.documents import Document, Unreadable
from mockai.retrieval.filters import Filter, Scalar, matches
from mockai.retrieval.queries import rewrite
from mockai.retrieval.ranking import Options, Passage
from mockai.store import Kind
from mockai.toolkit.files import StoredFile
from mockai.toolkit.state import ServerState, state_of, stored

STORES: Kind[VectorStore] = Kind("vector_stores", missing="No vector store found with id '{id}'.")
DAY_S = 24 * 3600
STATUSES = ("in_progress", "completed", "failed", "cancelled")
FILE_JOB_S = 0.5  # job seconds each file of an attaching call adds (a guess: not documented)
POLL_AFTER_MS = (1, 100)  # the `openai-poll-after-ms` hint: the time left, within these bounds


@dataclass(frozen=True)
class Processing:
    """What reading, chunking and embedding a file gave: its text and passages, or the
    reason it failed."""

    document: Document | None
    passages: tuple[Passage, ...]
    error: Unreadable | None = None

    @cached_property
    def usage_bytes(self) -> int:
        return len(self.document.text.encode()) if self.document is not None else 0


def _process(
    tok: tokenizer.Tokenizer, data: bytes, filename: str, strategy: Strategy, seed: int
) -> Processing:
    document = documents.read(data, filename)
    if isinstance(document, Unreadable):
        return Processing(None, (), document)
    chunks = chunking.split(tok, document.text, strategy)
    if isinstance(chunks, Unreadable):
        return Processing(None, (), chunks)
    return Processing(document, tuple(Passage.of(chunk, seed) for chunk in chunks))


async def process(
    state: ServerState, files: Sequence[tuple[StoredFile, Strategy]]
) -> list[Processing]:
    """Each file read, chunked and embedded, off the event loop."""
    tok = await tokenizer.encoding(chunking.ENCODING)
    seed = state.settings.seed

    def run() -> list[Processing]:
        return [_process(tok, f.data, f.body["filename"], s, seed) for f, s in files]

    return await asyncio.to_thread(run)


@dataclass
class StoreFile:
    """A File attached to a vector store."""

    id: str
    filename: str
    started: float  # when it was attached: it is in progress at least until a later read
    due: float  # when its processing shows as done
    strategy: Strategy
    attributes: dict[str, Scalar]
    processing: Processing
    cancelled: bool = False
    clock: JobTime | None = None  # the attaching call's job (None: a --lenient stand-in)
    job_s: float = 0.0  # when, in that job's seconds, its processing is done

    @classmethod
    def stand_in(cls, key: str, seed: int) -> StoreFile:
        """`--lenient`: a file never attached, as if it had been: a short text, processed."""
        text = f"The content of {key}."
        done = Processing(Document((text,)), (Passage.of(text, seed),))
        long_ago = time.time() - 1
        return cls(key, f"{key}.txt", long_ago, long_ago, chunking.AUTO, {}, done)

    @property
    def created_at(self) -> int:
        return int(self.started)

    def status(self, now: float) -> str:
        if self.cancelled:
            return "cancelled"
        if now <= self.started or now < self.due or self.wall_left() != 0.0:
            return "in_progress"
        return "failed" if self.processing.error is not None else "completed"

    def wall_left(self) -> float:
        """Wall seconds until its job is done (inf: a paused clock, until advanced)."""
        if self.clock is None:
            return 0.0
        left = self.clock.wall_seconds_until(self.job_s)
        return math.inf if left is None else left

    def last_error(self, now: float) -> dict[str, str] | None:
        error = self.processing.error
        return error.body() if error is not None and self.status(now) == "failed" else None

    def usage_bytes(self, now: float) -> int:
        return self.processing.usage_bytes if self.status(now) == "completed" else 0


def file_counts(files: Iterable[StoreFile], now: float) -> dict[str, int]:
    counts = dict.fromkeys(STATUSES, 0)
    for attached in files:
        counts[attached.status(now)] += 1
    return {**counts, "total": sum(counts.values())}


def poll_after(files: Iterable[StoreFile], now: float) -> dict[str, str]:
    """The `openai-poll-after-ms` header (the SDK poll helpers wait that long) when some file
    is still in progress: the time until the last one is done, kept small."""
    waiting = [max(f.due - now, f.wall_left()) for f in files if f.status(now) == "in_progress"]
    if not waiting:
        return {}
    low, high = POLL_AFTER_MS
    wait_ms = high if math.isinf(max(waiting)) else int(max(waiting) * 1000) + 1
    return {"openai-poll-after-ms": str(min(max(wait_ms, low), high))}


@dataclass
class FileBatch:
    id: str
    created_at: int
    files: list[StoreFile]
    cancelled: bool = False

    def status(self, now: float) -> str:
        """`failed` when every file failed (the real rule for `failed` is not documented)."""
        counts = file_counts(self.files, now)
        if self.cancelled:
            return "cancelled"
        if counts["in_progress"]:
            return "in_progress"
        return "failed" if counts["failed"] == counts["total"] > 0 else "completed"

    def cancel(self, now: float) -> None:
        """Its files still in progress stop there, as `cancelled`."""
        if self.status(now) != "in_progress":
            return  # nothing left to stop: it stays as it ended (the real answer is not known)
        for attached in self.files:
            attached.cancelled = attached.cancelled or attached.status(now) == "in_progress"
        self.cancelled = True


@dataclass
class VectorStore:
    id: str
    created_at: int
    name: str
    metadata: dict[str, str]
    expires_after: dict[str, Any] | None
    last_active_at: int
    files: dict[str, StoreFile] = field(default_factory=dict)
    batches: dict[str, FileBatch] = field(default_factory=dict)

    @classmethod
    def new(cls, key: str | None = None, **fields: Any) -> VectorStore:
        now = int(time.time())
        made = {"name": "", "metadata": {}, "expires_after": None, **fields}
        return cls(key or ids.vector_store_id(), now, last_active_at=now, **made)

    @property
    def expires_at(self) -> int | None:
        if self.expires_after is None:
            return None
        return self.last_active_at + int(self.expires_after["days"]) * DAY_S

    def expired(self, now: float) -> bool:
        return self.expires_at is not None and now >= self.expires_at

    def status(self, now: float) -> str:
        if self.expired(now):
            return "expired"
        busy = any(f.status(now) == "in_progress" for f in self.files.values())
        return "in_progress" if busy else "completed"

    def usage_bytes(self, now: float) -> int:
        return sum(f.usage_bytes(now) for f in self.files.values())

    def check_active(self, now: float) -> None:
        """An expired store is read, listed and deleted, not searched or added to. Only the
        start of the real message is known ("Vector store '<id>' has expired")."""
        if self.expired(now):
            raise invalid_request(f"Vector store '{self.id}' has expired.", code=None)

    def touch(self, now: float) -> None:
        self.last_active_at = max(self.last_active_at, int(now))

    def attach(
        self,
        files: Sequence[tuple[StoredFile, Strategy, dict[str, Scalar]]],
        done: Sequence[Processing],
        delay_s: float,
        clock: JobTime | None,
    ) -> list[StoreFile]:
        """Attach processed files (again: the new processing replaces the old), the Nth done
        at `N * FILE_JOB_S` of `clock`'s job seconds and not before `delay_s` wall seconds."""
        now = time.time()
        attached = []
        for index, ((file, strategy, attributes), processing) in enumerate(
            zip(files, done, strict=True)
        ):
            key = file.body["id"]
            self.files.pop(key, None)
            made = StoreFile(
                key,
                file.body["filename"],
                now,
                now + delay_s,
                strategy,
                attributes,
                processing,
                clock=clock,
                job_s=FILE_JOB_S * (index + 1),
            )
            self.files[key] = made
            attached.append(made)
        self.touch(now)
        return attached


def check_prefix(key: str, param: str, prefix: str) -> None:
    """A path id of the wrong kind, before any lookup: the real 400 (quoted for a vector
    store's id given as a file batch's: "Expected an ID that begins with 'vsfb_'.")."""
    if not key.startswith(prefix):
        raise invalid_request(
            f"Invalid '{param}': '{key}'. Expected an ID that begins with '{prefix}'.", param
        )


def _stand_in(request: web.Request, key: str) -> VectorStore:
    """`--lenient`: a vector store never created, as if it had been: empty and ready."""
    return VectorStore.new(key)


def store_of(request: web.Request) -> VectorStore:
    """The store the route's `{vector_store_id}` names, or the real 400 or 404."""
    if not state_of(request).settings.lenient:
        check_prefix(request.match_info["vector_store_id"], "vector_store_id", "vs_")
    return stored(request, STORES, "vector_store_id", _stand_in)


def find_store(state: ServerState, session: str | None, key: str, param: str) -> VectorStore:
    """A store named in a request's body (Responses' `vector_store_ids`): the real 404 with
    `param`, or under `--lenient` an empty stand-in."""
    found = state.store.get(session, STORES, key)
    if found is None:
        if not state.settings.lenient:
            raise STORES.not_found(key, param)
        found = VectorStore.new(key)
        state.store.put(session, STORES, key, found)
    return found


@dataclass(frozen=True)
class Hit:
    """One chunk a search found."""

    file: StoreFile
    text: str
    score: float


@dataclass(frozen=True)
class Found:
    queries: list[str]  # as searched: rewritten when asked
    hits: list[Hit]


@dataclass(frozen=True)
class Search:
    """What to search for and how: the search route's request, or a file search tool's."""

    queries: list[str]
    max_num_results: int = 10
    rule: Filter | None = None
    options: Options = Options()
    rewrite_query: bool = False


def search(stores: Sequence[VectorStore], how: Search, seed: int) -> Found:
    """The best chunks of the stores' completed files whose attributes pass the filter, for
    any of the queries (a chunk scores its best query), best first; searching makes a store
    active (`last_active_at`). Keyword scores count over all of a store's completed chunks,
    so a filter changes which chunks come back, not their scores. The caller refuses expired
    stores (`check_active`)."""
    now = time.time()
    queries = [rewrite(q) for q in how.queries] if how.rewrite_query else list(how.queries)
    best: dict[tuple[int, int, int], Hit] = {}
    for number, store in enumerate(stores):
        files = list(store.files.values())  # a snapshot: the search may run on a thread
        done = [(order, f) for order, f in enumerate(files) if f.status(now) == "completed"]
        passages = [
            (order, f, n, p) for order, f in done for n, p in enumerate(f.processing.passages)
        ]
        corpus = [p for *_, p in passages]
        for query in queries:
            scored = ranking.scores(query, corpus, how.options, seed)
            for (order, attached, n, passage), score in zip(passages, scored, strict=True):
                key = (number, order, n)
                if matches(how.rule, attached.attributes) and (
                    key not in best or score > best[key].score
                ):
                    best[key] = Hit(attached, passage.text, score)
        store.touch(now)
    threshold = how.options.score_threshold
    ranked = sorted(best.items(), key=lambda item: (-item[1].score, item[0]))
    hits = [hit for _, hit in ranked if hit.score >= threshold]
    return Found(queries, hits[: how.max_num_results])
