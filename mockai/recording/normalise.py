"""Ids and timestamps in recordings: written as placeholders so that re-recording does not
churn the diff, and given fresh values when replayed.

An id is a JSON string that is nothing but a known prefix and a random tail
(`"chatcmpl-B9x..."`); it is written as the prefix and `@N`, N counting the distinct ids of one
answer, so the same id in several events stays the same one. A timestamp (`created`,
`created_at`, `completed_at`) is written as `"@time"`.
"""

from __future__ import annotations

import re
import time
import uuid

PREFIXES = ("chatcmpl-", "cmpl-", "resp_", "msg_", "call_", "fc_", "rs_", "item_", "ws_", "req_")
_PREFIX = "|".join(re.escape(p) for p in PREFIXES)
_ID = re.compile(rf'"({_PREFIX})([A-Za-z0-9_-]{{6,}})"')
_TIME = re.compile(r'"(created|created_at|completed_at)":\s*\d{9,}')
_ID_PLACEHOLDER = re.compile(rf'"({_PREFIX})@(\d+)"')
_TIME_PLACEHOLDER = re.compile(r'"(created|created_at|completed_at)":\s*"@time"')


class Placeholders:
    """Numbers the ids of one recorded answer as they are met."""

    def __init__(self) -> None:
        self.numbers: dict[str, int] = {}

    def __call__(self, text: str) -> str:
        def number(found: re.Match[str]) -> str:
            tail = found.group(2)
            if tail.startswith("@"):
                return found.group(0)
            n = self.numbers.setdefault(found.group(1) + tail, len(self.numbers) + 1)
            return f'"{found.group(1)}@{n}"'

        text = _ID.sub(number, text)
        return _TIME.sub(lambda found: f'"{found.group(1)}":"@time"', text)


class Fresh:
    """Gives each placeholder of one replayed answer a new value, the same one every time."""

    def __init__(self) -> None:
        self.ids: dict[str, str] = {}
        self.now = int(time.time())

    def __call__(self, text: str) -> str:
        if "@" not in text:
            return text

        def fresh(found: re.Match[str]) -> str:
            key = found.group(1) + found.group(2)
            value = self.ids.setdefault(key, found.group(1) + uuid.uuid4().hex)
            return f'"{value}"'

        text = _ID_PLACEHOLDER.sub(fresh, text)
        return _TIME_PLACEHOLDER.sub(lambda found: f'"{found.group(1)}":{self.now}', text)
