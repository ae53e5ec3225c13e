"""`.json` scenario files read as JSON, with the line of every value.

YAML would read most JSON files too, but it also accepts what JSON does not (a trailing comma,
comments, unquoted keys), so a file that works here would fail in every other JSON tool. The
values come from the standard parser; a second walk over the (then known valid) text finds
where each key and item starts, so later problems still point at their line.
"""

from __future__ import annotations

import bisect
import json
import re
from json.decoder import scanstring  # type: ignore[attr-defined]  # undocumented: not in typeshed
from typing import Any

from mockai.scenarios.problems import Path_

_SPACE = re.compile(r"[ \t\n\r]*")
_decoder = json.JSONDecoder()


class JSONProblem(ValueError):
    def __init__(self, line: int, reason: str) -> None:
        self.line = line
        super().__init__(reason)


def parse_json(text: str) -> tuple[Any, dict[Path_, int]]:
    """The document and the line of each value (a key's line for mapping values, as the YAML
    reader gives); raises JSONProblem."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _problem(exc) from None
    newlines = [m.start() for m in re.finditer("\n", text)]
    lines: dict[Path_, int] = {}

    def line_at(index: int) -> int:
        return bisect.bisect_left(newlines, index) + 1

    def value(index: int, path: Path_) -> int:
        """Records the value starting at `index` (no space before it); returns its end."""
        lines[path] = line_at(index)
        opener = text[index]
        if opener not in "{[":
            return _decoder.raw_decode(text, index)[1]
        closer, position = "}" if opener == "{" else "]", 0
        index = _skip_space(text, index + 1)
        while text[index] != closer:
            if opener == "{":
                key, after = scanstring(text, index + 1)
                key_line = line_at(index)
                index = _skip_space(text, after) + 1  # past the colon
                index = value(_skip_space(text, index), path + (key,))
                lines[path + (key,)] = key_line
            else:
                index = value(index, path + (position,))
                position += 1
            index = _skip_space(text, index)
            if text[index] == ",":
                index = _skip_space(text, index + 1)
        return index + 1

    value(_skip_space(text, 0), ())
    return data, lines


def _skip_space(text: str, index: int) -> int:
    """The index of the first character from `index` on that is not JSON white space."""
    match = _SPACE.match(text, index)
    assert match is not None  # the pattern matches the empty string
    return match.end()


def _problem(exc: json.JSONDecodeError) -> JSONProblem:
    """A trailing comma is reported as such, on the comma's line (the parser only notices it at
    the closing bracket, and calls it an expected value)."""
    before = exc.doc[: exc.pos].rstrip()
    if exc.pos < len(exc.doc) and exc.doc[exc.pos] in "]}" and before.endswith(","):
        return JSONProblem(before.count("\n") + 1, "trailing comma (JSON allows none)")
    return JSONProblem(exc.lineno, f"{exc.msg} (column {exc.colno})")
