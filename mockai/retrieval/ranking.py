"""How well a chunk answers a query: a hybrid score in [0, 1], the same for the same chunks
and query every time.

Two signals, as file search's hybrid search combines semantic and keyword matches:
- the cosine of the deterministic embeddings (`vectors`, text-embedding-3-small's space, the
  first 512 dimensions kept) of the query and the chunk, below 0 counted as 0;
- a keyword score: BM25 (k1 1.2, b 0.75) over the chunks searched together (a store's), of
  the query's content words (`queries.terms`), divided by the best BM25 those words could
  reach, so that a chunk holding every distinctive word of the query scores near 1 there.
They are averaged with the weights of `ranking_options.hybrid_search` (`embedding_weight`,
`text_weight`; equal by default). The ranker `none` (re-ranking disabled) keeps the cosine
alone; `auto` and the named rankers use both. Results under `score_threshold` are dropped.
"""

from __future__ import annotations

import math
import operator
from array import array
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from mockai.caches import memoized
from mockai.retrieval.queries import terms
from mockai.retrieval.vectors import full_vector, shortened

MODEL = "text-embedding-3-small"
FULL_DIMENSIONS = 1536
DIMENSIONS = 512  # kept per chunk: 2 KB as float32, most of the signal (see vectors.py)
K1 = 1.2
B = 0.75
NO_RERANKING = "none"


def embed(text: str, seed: int) -> array:
    """The unit-length vector of `text` (float32)."""
    return array("f", shortened(full_vector(text, MODEL, seed, FULL_DIMENSIONS), DIMENSIONS))


@memoized(limit=256)  # a client asks the same questions again and again
def _query_vector(text: str, seed: int) -> tuple[float, ...]:
    return tuple(embed(text, seed))


@dataclass(frozen=True)
class Passage:
    """A chunk as search reads it: its text, vector and content words."""

    text: str
    vector: array
    counts: Counter[str]

    @classmethod
    def of(cls, text: str, seed: int) -> Passage:
        return cls(text, embed(text, seed), Counter(terms(text)))

    @property
    def length(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class Options:
    ranker: str = "auto"
    score_threshold: float = 0.0
    embedding_weight: float = 1.0
    text_weight: float = 1.0


def cosine(query: Sequence[float], passage: Passage) -> float:
    """Both vectors have unit length: the dot product, below 0 counted as 0."""
    return max(sum(map(operator.mul, query, passage.vector)), 0.0)


def _keyword_scores(query: str, passages: Sequence[Passage]) -> list[float]:
    """Each passage's BM25 for the query's content words, over the best it could be."""
    wanted = list(dict.fromkeys(terms(query)))
    if not wanted or not passages:
        return [0.0] * len(passages)
    average = sum(p.length for p in passages) / len(passages) or 1.0
    total = len(passages)
    idf = {}
    for word in wanted:
        held = sum(1 for p in passages if word in p.counts)
        idf[word] = math.log(1 + (total - held + 0.5) / (held + 0.5))
    best = sum(idf.values()) * (K1 + 1)
    scores = []
    for passage in passages:
        norm = K1 * (1 - B + B * passage.length / average)
        found = sum(
            idf[word] * tf * (K1 + 1) / (tf + norm)
            for word in wanted
            if (tf := passage.counts.get(word, 0))
        )
        scores.append(found / best)
    return scores


def scores(query: str, passages: Sequence[Passage], options: Options, seed: int) -> list[float]:
    """Each passage's score for `query`, in [0, 1]."""
    vector = _query_vector(query, seed)
    semantic = [cosine(vector, passage) for passage in passages]
    weights = options.embedding_weight + options.text_weight
    if options.ranker == NO_RERANKING or weights <= 0 or not terms(query):
        return [min(s, 1.0) for s in semantic]
    keyword = _keyword_scores(query, passages)
    return [
        min((options.embedding_weight * s + options.text_weight * k) / weights, 1.0)
        for s, k in zip(semantic, keyword, strict=True)
    ]
