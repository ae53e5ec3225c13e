"""Finding the first matching scenario without trying every one of them.

Most scenarios name a phrase the last user message must contain (`user: weather`, or a regex
with a literal run such as `^topic-7\\b`). A request only tries the scenarios whose phrase its
(lower-cased) message contains, plus those with no phrase, in file order; the phrase is a
necessary condition, so no scenario that could match is ever skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from re import _constants as sre_constants  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]

from ahocorasick_rs import BytesAhoCorasick, Implementation

from mockai.scenarios.call import Call
from mockai.scenarios.schema import Match, Regex

# A shorter phrase occurs so often in a long message that listing its occurrences would cost
# more than trying the scenario.
SHORTEST_NEEDLE = 3


def required_text(match: Match) -> str | None:
    """A lower-case string the last user message must contain for `match` to hold, if any."""
    condition = match.user
    if condition is None:
        return None
    literal = _regex_literal(condition.regex) if isinstance(condition, Regex) else condition
    literal = literal.lower() if literal else None
    return literal if literal and len(literal) >= SHORTEST_NEEDLE else None


# Case-insensitive regexes match these letters to characters that lower-case to something
# else (`(?i)s` matches "ſ", `(?i)i` matches "ı"), so such a letter is not a necessary one.
_FOLDS_OUTSIDE_ASCII = frozenset(map(ord, "iIsS"))


def _regex_literal(pattern: str) -> str | None:
    """The longest run of plain characters every match of `pattern` contains (ASCII only, so
    that lower-casing both sides keeps it a necessary condition under any flags)."""
    try:
        parsed = sre_parse.parse(pattern)
    except (re.error, RecursionError):
        return None
    unsafe = _FOLDS_OUTSIDE_ASCII if parsed.state.flags & re.IGNORECASE else frozenset()
    best, run = "", ""
    for op, value in parsed:
        if op is sre_constants.LITERAL and value < 128 and value not in unsafe:
            run += chr(value)
            continue
        best, run = max(best, run, key=len), ""
    best = max(best, run, key=len)
    return best or None


def _utf8(text: str) -> bytes:
    """UTF-8, lone surrogates included (a form field or an escape may bring one): still a code
    in which one text's bytes occur in another's exactly where the text occurs."""
    return text.encode("utf-8", "surrogatepass")


class ScenarioIndex:
    """The scenarios filed by their phrase in one multi-pattern automaton, built at load time.

    One pass over the message (in Rust, over its UTF-8 bytes: a UTF-8 string occurs in another's
    bytes only where it occurs in the string) finds every phrase it contains, so a 100,000-token
    prompt costs a few milliseconds whatever the number of scenarios. A DFA scans several times
    faster than the default NFA for a few megabytes more with thousands of phrases.
    """

    def __init__(self, scenarios: list) -> None:
        """`scenarios`: compiled ones, each with its `needle` (see `required_text`)."""
        self.scenarios = scenarios
        self._always: list[int] = []
        filed: dict[str, list[int]] = {}
        for position, scenario in enumerate(scenarios):
            if scenario.needle is None:
                self._always.append(position)
            else:
                filed.setdefault(scenario.needle, []).append(position)
        self._filed = list(filed.values())
        self._automaton = (
            BytesAhoCorasick([_utf8(needle) for needle in filed], implementation=Implementation.DFA)
            if filed
            else None
        )

    def candidates(self, call: Call) -> Iterator:
        """The scenarios that could match `call`, in file order."""
        if self._automaton is None:
            yield from self.scenarios
            return
        # Overlapping, so that a phrase inside or across another's occurrence is found too.
        found = {
            pattern
            for pattern, _, _ in self._automaton.find_matches_as_indexes(
                _utf8(call.user_lower), overlapping=True
            )
        }
        positions = self._always + [p for pattern in found for p in self._filed[pattern]]
        if found:
            positions.sort()
        for position in positions:
            yield self.scenarios[position]
