"""The request journal: a bounded ring buffer, so a long-running server's memory stays flat.

Entries keep the request's own read-only header and query views, and references to the answer's
headers and body bytes; they are copied into plain dicts (and the answer's body decoded) only
when somebody reads the journal, not on every request, and that copy is the only way out: keys,
tokens, cookies and other secrets leave it masked (`mockai.masking`). Request bodies are the
caller's own data and are kept as sent. A stream's chunks are captured by a `StreamTap`: the
time each was written and its bytes, up to a cap.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Iterator, Mapping
from typing import Any

import orjson

from mockai.masking import masked, shown

# Answer headers named like secrets that are not: the limits' token counts.
NOT_SECRET = ("x-ratelimit-",)
TAP_CHUNKS = 500  # a stream's chunks are kept up to this many...
TAP_BYTES = 256 * 1024  # ...or this many bytes, whichever comes first


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


class Journal:
    def __init__(self, size: int, body_bytes: int) -> None:
        self._entries: deque[dict[str, Any]] = deque(maxlen=size)
        self.body_bytes = body_bytes  # an answer's body is shown up to this many bytes

    def record(self, entry: dict[str, Any]) -> None:
        self._entries.append(entry)

    def entries(self, session: str | None = None) -> list[dict[str, Any]]:
        return [
            _plain(e, self.body_bytes)
            for e in self._entries
            if session is None or e["session"] == session
        ]

    def clear(self, session: str | None = None) -> None:
        if session is None:
            self._entries.clear()
        else:
            kept = [e for e in self._entries if e["session"] != session]
            self._entries.clear()
            self._entries.extend(kept)

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return (_plain(e, self.body_bytes) for e in self._entries)


def _plain(entry: dict[str, Any], body_bytes: int) -> dict[str, Any]:
    answer_headers: Mapping[str, str] | None = entry["answer_headers"]
    body: bytes | None = entry["answer_body"]
    tap: StreamTap | None = entry["tap"]
    plain = {
        key: value
        for key, value in entry.items()
        if key not in ("answer_headers", "answer_body", "tap")
    }
    plain["query"] = masked(entry["query"].items())
    plain["headers"] = masked(entry["headers"].items())
    plain["answer"] = (
        None
        if answer_headers is None
        else {
            "status": entry["status"],
            "headers": _answer_headers(answer_headers),
            **_shown_body(body, answer_headers.get("Content-Type", ""), body_bytes),
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


def _shown_body(body: bytes | None, content_type: str, limit: int) -> dict[str, Any]:
    """The answer's body as JSON when it is JSON, text when it is text; `truncated` past
    `limit` bytes (`--journal-body-bytes`, as for request bodies; then shown as text, never
    parsed); a binary body shows only its size."""
    if body is None:
        return {"body": None, "size": 0, "truncated": False}
    size, truncated = len(body), len(body) > limit
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
