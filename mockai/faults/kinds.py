"""The fault kinds, and where each one is carried out."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, get_args

from mockai.vocabulary import ChaosKind

ERRORS = frozenset({"429", "500", "502", "503"})  # an error response instead of the answer
BEFORE_RESPONSE = ERRORS | {"reset", "stall"}
BODY = frozenset({"malformed_json", "wrong_content_type"})  # non-streamed answers only
STREAM = frozenset({"disconnect", "stream_error", "malformed_chunk", "stream_stall"})
ALL = tuple(get_args(ChaosKind))
# Stalls wait for the client's own timeout (the official SDKs wait 10 minutes by default), so
# random chaos only uses them when asked for by name.
DEFAULT_KINDS = tuple(k for k in ALL if k not in ("stall", "stream_stall"))


def applies(kind: str, streaming: bool, background: bool = False) -> bool:
    """Whether a fault can strike this request. A background response is produced after the
    answer went out: of the stream faults only a failure mid-way makes sense for it (the
    stored response ends `failed`); the body faults spoil its immediate JSON answer."""
    if kind in BEFORE_RESPONSE:
        return True
    if background:
        return kind == "stream_error" or (kind in BODY and not streaming)
    return (kind in STREAM) == streaming


@dataclass(frozen=True)
class Fault:
    kind: str
    source: str  # chaos | scripted
    after_chunks: int | None = None  # stream faults: how many chunks go out first
    stall_ms: float | None = None

    def describe(self) -> dict[str, object]:
        """The journal's record of it."""
        out: dict[str, object] = {"kind": self.kind, "source": self.source}
        if self.after_chunks is not None:
            out["after_chunks"] = self.after_chunks
        return out


def label(described: Mapping[str, Any]) -> str:
    """A fault as the access log and `mockai requests` name it, from its `describe()`:
    `chaos:500`, `scripted:disconnect@5` (after 5 chunks)."""
    after = described.get("after_chunks")
    return f"{described['source']}:{described['kind']}" + ("" if after is None else f"@{after}")
