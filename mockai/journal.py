"""The request journal: a bounded ring buffer, so a long-running server's memory stays flat.

Entries keep the request's own read-only header and query views; they are copied into plain
dicts only when somebody reads the journal, not on every request, and only the entries a read
returns are copied: keys, tokens, cookies and other secrets leave it masked (`mockai.masking`).
Request bodies are the caller's own data and are kept as sent.

A read takes a `Filter` (`GET /_mockai/requests?scenario=&path=&status=&since=&limit=`). Each
entry gets a running number when recorded, and an index from its id to that number, so
`since=<id>` walks back from the newest entry only as far as that id: a follower polling with
its last id costs what is new, not the whole buffer. The index also keeps the places of the
last `size` cleared entries: a follower whose last entry was cleared with its session (as the
pytest plugin does after each test) gets what came after it, not the other sessions' entries
it has already seen. An id it does not know (evicted, cleared long ago, or from before a
restart) gets every entry: all of them are newer.

Entries also keep references to the answer's headers and body bytes (decoded only when read),
and a stream's chunks are captured by a `StreamTap`: the time each was written and its bytes,
up to a cap.
"""

from __future__ import annotations

import math
import re
import time
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass
from fnmatch import fnmatchcase
from typing import Any

import orjson

from mockai.errors import invalid_request
from mockai.masking import masked, shown

# Answer headers named like secrets that are not: the limits' token counts.
NOT_SECRET = ("x-ratelimit-",)
TAP_CHUNKS = 500  # a stream's chunks are kept up to this many...
TAP_BYTES = 64 * 1024  # ...or this many bytes, whichever comes first (a full journal of
# streams holds at most `journal_size` times this)


class StreamTap:
    """A stream's chunks as they were written: `(perf_counter, frame)`, and where it was cut."""

    __slots__ = ("start", "chunks", "size", "more", "cut_at")

    def __init__(self, start: float) -> None:
        self.start = start  # the request's `perf_counter` start
        self.chunks: list[tuple[float, bytes]] = []
        self.size = 0
        self.more = 0  # chunks written past the cap, counted but not kept
        self.cut_at: tuple[int, float] | None = None  # (chunks sent, perf_counter)

    def add(self, frame: bytes) -> None:
        if len(self.chunks) < TAP_CHUNKS and self.size < TAP_BYTES:
            self.chunks.append((time.perf_counter(), frame))
            self.size += len(frame)
        else:
            self.more += 1

    def cut(self, frames_sent: int) -> None:
        self.cut_at = (frames_sent, time.perf_counter())

    def report(self) -> list[dict[str, Any]]:
        """The kept chunks: milliseconds since the request began, and the SSE text."""
        return [
            {"t_ms": round((at - self.start) * 1000, 1), "data": frame.decode(errors="replace")}
            for at, frame in self.chunks
        ]


NO_SCENARIO = "-"  # `scenario=-`: the requests no scenario answered (as the access log shows them)
ID_PREFIX = "req_"
_CODE = re.compile(r"[1-5][0-9][0-9]")
_CLASS = re.compile(r"[1-5]xx")


@dataclass(frozen=True)
class Filter:
    """Which entries a read returns, oldest first; a field left at its default lets all in."""

    session: str | None = None
    scenario: str | None = None  # a scenario's name, or NO_SCENARIO
    path: str | None = None  # an fnmatch glob (a plain path matches only itself)
    statuses: tuple[range, ...] = ()  # any of these; a dropped request has no status
    since_id: str | None = None  # entries recorded after it (all, when it is gone)
    since_time: float | None = None  # entries whose timestamp is later
    limit: int | None = None  # the newest N of those that match

    @classmethod
    def from_query(cls, query: Mapping[str, str], session: str | None) -> Filter:
        """The filter a request's query asks for; a bad value is a 400 naming its parameter.
        An empty value is the same as none."""
        since, limit, status = (query.get(name, "") for name in ("since", "limit", "status"))
        by_id = since.startswith(ID_PREFIX)
        return cls(
            session=session,
            scenario=query.get("scenario") or None,
            path=query.get("path") or None,
            statuses=_statuses(status) if status else (),
            since_id=since if by_id else None,
            since_time=_since_time(since) if since and not by_id else None,
            limit=_limit(limit) if limit else None,
        )

    def admits(self, entry: Mapping[str, Any]) -> bool:
        status = entry["status"]
        return (
            (self.session is None or entry["session"] == self.session)
            and (self.scenario is None or (entry["scenario"] or NO_SCENARIO) == self.scenario)
            and (self.path is None or fnmatchcase(entry["path"], self.path))
            and (not self.statuses or any(status in r for r in self.statuses))
            and (self.since_time is None or entry["timestamp"] > self.since_time)
        )


EVERYTHING = Filter()


def _statuses(text: str) -> tuple[range, ...]:
    """`429`, `4xx` or a comma list of them."""
    picked = []
    for part in (p.strip().lower() for p in text.split(",")):
        if _CODE.fullmatch(part):
            picked.append(range(int(part), int(part) + 1))
        elif _CLASS.fullmatch(part):
            picked.append(range(int(part[0]) * 100, int(part[0]) * 100 + 100))
        else:
            raise invalid_request(
                f"Invalid status {part!r}: give a code (429), a class (4xx) or a comma list "
                "of them (429,5xx).",
                "status",
            )
    return tuple(picked)


def _since_time(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not math.isfinite(value):
        raise invalid_request(
            f"Invalid since {text!r}: give a request id (req_...) or a unix timestamp.", "since"
        )
    return value


def _limit(text: str) -> int:
    if not text.isascii() or not text.isdigit() or int(text) < 1:
        raise invalid_request(f"Invalid limit {text!r}: give a whole number, 1 or more.", "limit")
    return int(text)


class Journal:
    def __init__(self, size: int, body_bytes: int) -> None:
        self._size = size
        self.body_bytes = body_bytes  # an answer's body is shown up to this many bytes
        self._entries: deque[tuple[int, dict[str, Any]]] = deque()
        self._numbers: dict[str, int] = {}  # an entry's id -> its running number
        self._cleared: deque[tuple[int, str]] = deque()  # the last `size` cleared: their places
        self._recorded = 0

    def record(self, entry: dict[str, Any]) -> None:
        if self._size <= 0:
            return
        if len(self._entries) == self._size:
            number, gone = self._entries.popleft()
            self._forget(number, gone["id"])
        body = entry["answer_body"]
        if body is not None and len(body) > self.body_bytes:
            # a big answer (an image, audio, a video) is not kept whole: memory stays bounded
            entry["answer_body"] = body[: self.body_bytes]
            entry["answer_size"] = len(body)
        self._recorded += 1
        self._entries.append((self._recorded, entry))
        self._numbers[entry["id"]] = self._recorded

    def entries(self, wanted: Filter = EVERYTHING) -> list[dict[str, Any]]:
        after = self._numbers.get(wanted.since_id, 0) if wanted.since_id is not None else 0
        picked: list[dict[str, Any]] = []
        for number, entry in reversed(self._entries):  # newest first: `since` and `limit` stop
            if number <= after or len(picked) == wanted.limit:
                break
            if wanted.admits(entry):
                picked.append(entry)
        return [_plain(e, self.body_bytes) for e in reversed(picked)]

    def clear(self, session: str | None = None) -> None:
        kept: deque[tuple[int, dict[str, Any]]] = deque()
        for number, entry in self._entries:
            if session is None or entry["session"] == session:
                self._cleared.append((number, entry["id"]))
            else:
                kept.append((number, entry))
        self._entries = kept
        while len(self._cleared) > self._size:
            self._forget(*self._cleared.popleft())

    def _forget(self, number: int, request_id: str) -> None:
        if self._numbers.get(request_id) == number:  # ids are random: a repeat is not impossible
            del self._numbers[request_id]


def _plain(entry: dict[str, Any], body_bytes: int) -> dict[str, Any]:
    answer_headers: Mapping[str, str] | None = entry["answer_headers"]
    body: bytes | None = entry["answer_body"]
    tap: StreamTap | None = entry["tap"]
    plain = {
        key: value
        for key, value in entry.items()
        if key not in ("answer_headers", "answer_body", "answer_size", "tap")
    }
    plain["query"] = masked(entry["query"].items())
    plain["headers"] = masked(entry["headers"].items())
    plain["answer"] = (
        None
        if answer_headers is None
        else {
            "status": entry["status"],
            "headers": _answer_headers(answer_headers),
            **_shown_body(
                body,
                entry.get("answer_size"),
                answer_headers.get("Content-Type", ""),
                body_bytes,
            ),
        }
    )
    plain["chunks"] = None if tap is None else tap.report()
    plain["chunks_more"] = 0 if tap is None else tap.more
    plain["cut"] = _cut(tap, entry["fault"])
    return plain


def _answer_headers(headers: Mapping[str, str]) -> dict[str, str]:
    """Masked as request headers are, but for `NOT_SECRET` ones."""
    return {
        str(name): value if name.lower().startswith(NOT_SECRET) else shown(str(name), value)
        for name, value in headers.items()
    }


def _shown_body(
    body: bytes | None, size: int | None, content_type: str, limit: int
) -> dict[str, Any]:
    """The answer's body as JSON when it is JSON, text when it is text; `truncated` past
    `limit` bytes (`--journal-body-bytes`, as for request bodies; then shown as text, never
    parsed); a binary body shows only its size. `size` is the whole body's when `record` kept
    only its first `limit` bytes."""
    if body is None:
        return {"body": None, "size": 0, "truncated": False}
    size = len(body) if size is None else size
    truncated = size > limit
    shown: Any = None
    if "json" in content_type and not truncated:
        try:
            shown = orjson.loads(body)
        except orjson.JSONDecodeError:
            shown = body.decode(errors="replace")
    elif "json" in content_type or content_type.startswith("text/"):
        shown = body[:limit].decode(errors="replace")
    return {"body": shown, "size": size, "truncated": truncated}


def _cut(tap: StreamTap | None, fault: dict[str, Any] | None) -> dict[str, Any] | None:
    """Where a stream was cut mid-body, and the fault that cut it (`disconnect`, scripted by
    `disconnect_after_chunks` or drawn by chaos)."""
    if tap is None or tap.cut_at is None:
        return None
    after, at = tap.cut_at
    reason = f"{fault['kind']} ({fault['source']})" if fault is not None else "disconnect"
    return {"after_chunks": after, "t_ms": round((at - tap.start) * 1000, 1), "reason": reason}
