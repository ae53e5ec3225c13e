"""The spec's example bodies, read leniently: about a fifth of them are not strict JSON.

The description's `x-oaiMeta.examples[].response` texts are what the reference pages show, and
they are written for people: trailing commas, unquoted keys (`{ id: "vs_abc123" }`), elided
entries (`{ ... }`, `{...}`, `....(1536 floats total)`), Python's `None`, a missing comma,
several chunks one after another, or a whole SSE stream (`event:`/`data:` lines). `values`
repairs what can be repaired and returns every JSON value it finds; a text that is no JSON at
all (an SDP answer, `<binary content of the file>`) gives none.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

__all__ = ["values"]

_DECODER = json.JSONDecoder()
# A line that only elides: `...`, `....(1536 floats total for ada-002)`, `{ ... },`, `…`.
_ELISION = re.compile(r"^\s*(?:\{\s*(?:\.\.\.|…)\s*\}|\.{3,}.*|….*)\s*,?\s*$", re.MULTILINE)
_INLINE_ELISION = re.compile(r"([{\[])\s*(?:\.\.\.|…)\s*([}\]])")
_BARE_KEY = re.compile(r"^(\s*)([A-Za-z_][\w-]*)(\s*):", re.MULTILINE)
_TRAILING_COMMA = re.compile(r",(\s*[}\]])")
_PYTHON_CONSTANT = re.compile(r"(:\s*)(None|True|False)\b")
# A value ending one line and a key starting the next with no comma between them.
_MISSING_COMMA = re.compile(r'("|\d|true|false|null|[}\]])(\s*\n\s*")')
_SSE_DATA = re.compile(r"^data:\s?(.*)$", re.MULTILINE)


def values(text: str) -> tuple[Any, ...]:
    """Every JSON value in an example text: one for a plain body, one per chunk or SSE event."""
    if re.match(r"\s*(?:event|data):", text):
        return tuple(v for line in _SSE_DATA.findall(text) for v in _decode_all(line))
    found = tuple(_decode_all(text))
    if found:
        return found
    repaired = _repair(text)
    return tuple(_decode_all(repaired)) or tuple(_decode_all(_add_commas(repaired)))


def _repair(text: str) -> str:
    text = _ELISION.sub("", text)
    text = _INLINE_ELISION.sub(r"\1\2", text)  # `"chunking_strategy": {...}` -> `{}`
    text = _BARE_KEY.sub(r'\1"\2"\3:', text)
    text = _PYTHON_CONSTANT.sub(
        lambda m: m[1] + {"None": "null", "True": "true", "False": "false"}[m[2]], text
    )
    previous = None
    while previous != text:  # `},\n]` after an elided last entry leaves `,` before `]`
        previous, text = text, _TRAILING_COMMA.sub(r"\1", text)
    return text


def _add_commas(text: str) -> str:
    return _MISSING_COMMA.sub(r"\1,\2", text)


def _decode_all(text: str) -> Iterator[Any]:
    """The JSON values written one after another in `text` (chunks of a stream are); stops
    at the first thing that is not JSON, yielding nothing at all if the text is not only JSON."""
    found = []
    position, end = 0, len(text)
    while True:
        while position < end and text[position].isspace():
            position += 1
        if position == end:
            break
        try:
            value, position = _DECODER.raw_decode(text, position)
        except json.JSONDecodeError:
            return iter(())
        found.append(value)
    return iter(found)
