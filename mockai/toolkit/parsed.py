"""Request bodies parsed once: identical bytes share one validated model."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from pydantic import BaseModel

M = TypeVar("M", bound=BaseModel)


@dataclass
class Parsed(Generic[M]):
    """A request body read and validated. Clients (test loops, load tests) send the same body
    again and again; `memo` keeps what a handler derives from it (checks passed, token counts)
    so an identical body costs a dictionary lookup, not a validation."""

    body: dict[str, Any]
    model: M
    journal: Any  # the body as the journal shows it (truncated when large)
    memo: dict[str, Any] = field(default_factory=dict)


class ParseCache:
    """The last bodies parsed, by their bytes; bounded in entries and in body size."""

    ENTRIES = 256
    MAX_BYTES = 16 * 1024

    def __init__(self) -> None:
        self._parsed: dict[tuple[type, bytes], Parsed] = {}

    def get(self, schema: type, raw: bytes) -> Parsed | None:
        return self._parsed.get((schema, raw))

    def keep(self, schema: type, raw: bytes, parsed: Parsed) -> None:
        if len(raw) > self.MAX_BYTES:
            return
        if len(self._parsed) >= self.ENTRIES:
            del self._parsed[next(iter(self._parsed))]  # the oldest
        self._parsed[(schema, raw)] = parsed
