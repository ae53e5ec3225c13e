"""A request as scenarios see it: the few facts matchers test and templates read.

Each endpoint family fills one in from its own request shape (chat messages, Responses input
items, a completion prompt...), so matching and templating are written once for all of them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from mockai.masking import masked


@dataclass
class Call:
    endpoint: str
    body: Mapping[str, Any]
    headers: Mapping[str, str]
    session: str | None = None
    model: str | None = None
    last_user_message: str = ""
    system_message: str = ""
    tool_names: frozenset[str] = frozenset()
    tool_result: bool = False
    messages: list[Any] = field(default_factory=list)
    file_name: str | None = None
    language: str | None = None

    @cached_property
    def user_lower(self) -> str:
        """Lower-cased once per request, not once per scenario tried."""
        return self.last_user_message.lower()

    @cached_property
    def system_lower(self) -> str:
        return self.system_message.lower()

    def template_context(self, step: int) -> dict[str, Any]:
        """What templates read. Header names are lower-cased: HTTP treats them case-insensitively
        and clients send them in any case, so `headers['x-tenant']` must find `X-Tenant`. Keys
        and other secrets are masked: a reply must not carry them (matching sees them whole)."""
        return {
            "request": dict(self.body),  # a plain dict: `tojson` cannot write a read-only one
            "model": self.model,
            "endpoint": self.endpoint,
            "last_user_message": self.last_user_message,
            "system_message": self.system_message,
            "messages": self.messages,
            "session": self.session,
            "step": step,
            "headers": masked((name.lower(), value) for name, value in self.headers.items()),
            "tools": sorted(self.tool_names),
        }
