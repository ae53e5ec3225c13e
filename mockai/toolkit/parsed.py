"""Request bodies parsed once: identical bytes share one validated model."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from pydantic import BaseModel

from mockai.caches import Cache

M = TypeVar("M", bound=BaseModel)

PARSED_BODIES = 256  # the last distinct bodies kept parsed, per server
PARSED_BODY_BYTES = 16 * 1024  # larger bodies are parsed each time


@dataclass(frozen=True)
class Parsed(Generic[M]):
    """A request body read and validated. Clients (test loops, load tests) send the same body
    again and again; `memo` keeps what a handler derives from it (checks passed, token counts)
    so an identical body costs a dictionary lookup, not a validation. Shared by every request
    with the same bytes, so it cannot be changed: the body is a read-only mapping, the model
    frozen."""

    body: Mapping[str, Any]
    model: M
    journal: Any  # the body as the journal shows it (truncated when large)
    memo: Cache[str, Any] = field(default_factory=lambda: Cache(4))

    def __post_init__(self) -> None:
        if not type(self.model).model_config.get("frozen"):
            raise TypeError(f"{type(self.model).__name__} is shared when parsed once: freeze it")


ParseCache = Cache[tuple[type, bytes], Parsed[Any]]
