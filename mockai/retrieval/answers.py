"""What a file search suggests saying, and where an answer's text cites the files it drew on.

A default answer quotes the sentence of the best chunk that shares the most content words with
the query (on a tie, the one with more words: a Markdown heading that repeats the query's
subject says less than the sentence below it). An answer's sentence draws on a file when at
least half of its content words are in the file's retrieved chunks; it is cited right after
the sentence's last word, where the real API's `file_citation.index` points (an insertion
point at the end of a word, openai/openai-python#2512), every file it draws on at the same
index. Text that draws on no file (a scripted answer about something else) cites the best
file at the end of its last word, so an answer given with search results always cites them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from mockai.retrieval.queries import terms

_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|$)", re.M)
DRAWS_ON = 0.5  # the share of a sentence's content words a file must hold


def _sentences(text: str) -> list[re.Match[str]]:
    return [m for m in _SENTENCE.finditer(text) if m.group().strip()]


def quote(passage: str, query: str) -> str:
    """The sentence of `passage` that best answers `query`, on one line."""
    wanted = set(terms(query))
    best, best_key = "", (-1, -1)
    for match in _sentences(passage):
        said = terms(match.group())
        key = (len(wanted & set(said)), len(said))
        if key > best_key:
            best, best_key = match.group(), key
    return " ".join(best.split())


def _end_of_last_word(text: str, start: int = 0, end: int | None = None) -> int | None:
    for index in range((len(text) if end is None else end) - 1, start - 1, -1):
        if text[index].isalnum() or text[index] == "_":
            return index + 1
    return None


def citation_points(text: str, sources: Sequence[str]) -> list[tuple[int, int]]:
    """(index in `text`, number of the source) for each file `text` draws on, sources given
    in rank order, each being the text a file gave the search."""
    held = [set(terms(source)) for source in sources]
    points: list[tuple[int, int]] = []
    for match in _sentences(text):
        said = set(terms(match.group()))
        at = _end_of_last_word(text, match.start(), match.end())
        if not said or at is None:
            continue
        points += [
            (at, number)
            for number, words in enumerate(held)
            if len(said & words) >= DRAWS_ON * len(said)
        ]
    if not points and sources:
        at = _end_of_last_word(text)
        points = [(len(text) if at is None else at, 0)]
    return points
