"""The words of a query or a passage as keyword search counts them (content words, their
endings cut so that "rises" meets "rise" and "baking" meets "baked"), and the deterministic
rewrite `rewrite_query: true` asks for.

The real API's guide shows what a rewrite does: "I'd like to know the height of the main
office building." is searched as "primary office building height", the question's filler
left out. mockai's rewrite keeps the content words in their order (lower-cased, each once):
"height main office building"; the same query always gives the same rewrite.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"\w+")

# Words that carry no subject: left out of keyword scores and of rewritten queries.
STOPWORDS = frozenset(
    """
    a about above after again against all am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further
    had has have having he her here hers herself him himself his how i if in into is it its
    itself just know let like ll me might more most must my myself no nor not now of off on once
    only or other our ours ourselves out over own please re same shall she should so some such
    tell than that the their theirs them themselves then there these they this those through to
    too under until up very was we were what when where which while who whom why will with would
    you your yours yourself yourselves d s t ve m
    """.split()
)


def words(text: str) -> list[str]:
    """The lower-cased words of `text`, in order."""
    return _WORD.findall(text.lower())


def content_words(text: str) -> list[str]:
    """The words that carry meaning: `words` without the stopwords."""
    return [word for word in words(text) if word not in STOPWORDS]


def stem(word: str) -> str:
    """A crude stem: a plural, `-ing` or `-ed` ending and then a final `e` cut, never below
    three letters ("carries" and "carry", "rises" and "rise", "baking" and "baked" meet)."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    for ending in ("ing", "ed", "s"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            word = word[: -len(ending)]
            break
    return word[:-1] if word.endswith("e") and len(word) > 3 else word


def terms(text: str) -> list[str]:
    """The stems of the content words: what keyword scores count and compare."""
    return [stem(word) for word in content_words(text)]


def rewrite(query: str) -> str:
    """The query as searched with `rewrite_query`: its content words, in order, each once
    (the query itself when it has none)."""
    kept = list(dict.fromkeys(content_words(query)))
    return " ".join(kept) if kept else query
