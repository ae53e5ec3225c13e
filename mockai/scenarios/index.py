"""Finding the first matching scenario without trying every one of them.

Most scenarios name a phrase the last user message must contain (`user: weather`, or a regex
with a literal run such as `^topic-7\\b`). Each such scenario is filed under the rarest
three-character slice of its phrase; a request only tries the scenarios filed under slices its
message actually contains, plus those with no phrase, in file order. A phrase that is in the
message has all its slices in it, so no scenario that could match is ever skipped.
"""

from __future__ import annotations

import re
from collections import Counter
from re import _constants as sre_constants  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Iterator

from mockai.scenarios.call import Call
from mockai.scenarios.schema import Match, Regex

GRAM = 3
# Below this many slices, testing each against the message beats slicing the message.
FEW_GRAMS = 64


def required_text(match: Match) -> str | None:
    """A lower-case string the last user message must contain for `match` to hold, if any."""
    condition = match.user
    if condition is None:
        return None
    literal = _regex_literal(condition.regex) if isinstance(condition, Regex) else condition
    literal = literal.lower() if literal else None
    return literal if literal and len(literal) >= GRAM else None


def _regex_literal(pattern: str) -> str | None:
    """The longest run of plain characters every match of `pattern` contains (ASCII only, so
    that lower-casing both sides keeps it a necessary condition under any flags)."""
    try:
        parsed = sre_parse.parse(pattern)
    except (re.error, RecursionError):
        return None
    best, run = "", ""
    for op, value in parsed:
        if op is sre_constants.LITERAL and value < 128:
            run += chr(value)
            continue
        best, run = max(best, run, key=len), ""
    best = max(best, run, key=len)
    return best or None


class ScenarioIndex:
    def __init__(self, scenarios: list) -> None:
        """`scenarios`: compiled ones, each with its `needle` (see `required_text`)."""
        self.scenarios = scenarios
        needles = [s.needle for s in scenarios]
        frequency = Counter(g for n in needles if n for g in {n[i:i + GRAM]
                                                              for i in range(len(n) - GRAM + 1)})
        self._always: list[int] = []
        self._by_gram: dict[str, list[int]] = {}
        for position, needle in enumerate(needles):
            if needle is None:
                self._always.append(position)
                continue
            rarest = min((needle[i:i + GRAM] for i in range(len(needle) - GRAM + 1)),
                         key=frequency.__getitem__)
            self._by_gram.setdefault(rarest, []).append(position)

    def candidates(self, call: Call) -> Iterator:
        """The scenarios that could match `call`, in file order."""
        if not self._by_gram:
            yield from self.scenarios
            return
        text = call.user_lower
        if len(self._by_gram) <= FEW_GRAMS:
            hits = [g for g in self._by_gram if g in text]
        else:
            present = {text[i:i + GRAM] for i in range(len(text) - GRAM + 1)}
            hits = [g for g in present if g in self._by_gram] if len(present) < len(self._by_gram) \
                else [g for g in self._by_gram if g in present]
        positions = self._always + [p for g in hits for p in self._by_gram[g]]
        if hits:
            positions.sort()
        for position in positions:
            yield self.scenarios[position]
