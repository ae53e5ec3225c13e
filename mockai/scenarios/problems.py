"""`FILE:LINE: reason` problems, and where each value of a scenario stands in its file.

Problems are collected as data, not strings, so that every stage (syntax, schema, templates,
duplicate names) can add its own and the whole list is still reported in file and line order.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, NamedTuple

from mockai.scenarios.schema import Scenario

Path_ = tuple[Any, ...]


class Problem(NamedTuple):
    source: str
    line: int
    reason: str

    def __str__(self) -> str:
        return f"{self.source}:{self.line}: {self.reason}"


class ScenarioProblems(Exception):
    """One or more problems; `.problems` are their `FILE:LINE: reason` lines, sorted by file
    then line (problems on one line keep the order they were found in), without repeats."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        ordered = sorted(dict.fromkeys(problems), key=lambda p: (p.source, p.line))
        self.problems = [str(problem) for problem in ordered]
        super().__init__("\n".join(self.problems))


def describe(path: Path_) -> str:
    """A value's path as written in messages: `replies[1].error.status`."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


@dataclass(frozen=True)
class Place:
    """Where each value of one scenario stands in its file."""

    source: str
    lines: dict[Path_, int]

    def line(self, path: Path_ = ()) -> int:
        while path not in self.lines and path:
            path = path[:-1]
        return self.lines.get(path, 1)

    def where(self, path: Path_ = ()) -> str:
        return f"{self.source}:{self.line(path)}"

    def problem(self, path: Path_, reason: str) -> Problem:
        """A problem at the value `path` leads to, named by that path (`reply.content: ...`)."""
        return Problem(self.source, self.line(path), f"{describe(path) or 'scenario'}: {reason}")


@dataclass(frozen=True)
class Located(Place):
    """A validated scenario and where each of its values stands in its file."""

    scenario: Scenario
