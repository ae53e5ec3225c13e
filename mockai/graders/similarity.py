"""The text-similarity metrics of `text_similarity` graders, written from their published
definitions: a score from 0 to 1 of how close `input` is to `reference`.

- `fuzzy_match`: the normalised InDel similarity of the two strings (rapidfuzz's `ratio`,
  which the graders guide names, over 100): 2 * LCS / (len(a) + len(b)).
- `bleu`: BLEU-4 (Papineni et al. 2002): the geometric mean of the clipped 1- to 4-gram
  precisions times the brevity penalty exp(1 - r/c) when c < r. A hypothesis shorter than 4
  words uses the orders it has, reweighted uniformly (NLTK's `auto_reweigh`), so a short
  exact answer scores 1; any order with no match makes the score 0 (no smoothing).
- `gleu`: Google-BLEU (Wu et al. 2016): the 1- to 4-gram matches over the larger of the
  hypothesis' and the reference's n-gram counts (the minimum of precision and recall).
- `meteor`: METEOR (Banerjee & Lavie 2005) with exact unigram matches (no stems or synonyms,
  which need WordNet): Fmean = P R / (0.9 P + 0.1 R), times 1 - 0.5 (chunks / matches)^3
  (NLTK's default alpha, beta, gamma).
- `rouge_1`..`rouge_5`: the F-measure of the n-gram overlap; `rouge_l`: the F-measure of the
  longest common subsequence (Lin 2004), on the words of `rouge-score`'s tokenizer (lower
  case, runs of letters and digits).
- `cosine`: the cosine of the two texts' deterministic text-embedding-3-large vectors
  (`mockai.retrieval.vectors`), below 0 counted as 0.

Which variant of each metric the real graders compute is not published beyond the guide's
names (rapidfuzz, BLEU, Google BLEU, METEOR, ROUGE, text-embedding-3-large).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Sequence

from mockai.retrieval.vectors import full_vector

EMBEDDING_MODEL = "text-embedding-3-large"
EMBEDDING_DIMENSIONS = 3072
_ROUGE_TOKEN = re.compile(r"[a-z0-9]+")


def _words(text: str) -> list[str]:
    return text.split()


def _rouge_words(text: str) -> list[str]:
    return _ROUGE_TOKEN.findall(text.lower())


def _ngrams(words: Sequence[str], n: int) -> Counter[tuple[str, ...]]:
    return Counter(tuple(words[i : i + n]) for i in range(len(words) - n + 1))


def _lcs(a: Sequence[str], b: Sequence[str]) -> int:
    """The length of the longest common subsequence (one row at a time)."""
    previous = [0] * (len(b) + 1)
    for x in a:
        row = [0]
        for j, y in enumerate(b):
            row.append(previous[j] + 1 if x == y else max(previous[j + 1], row[j]))
        previous = row
    return previous[-1]


def _f1(overlap: int, hypothesis: int, reference: int) -> float:
    if not overlap:
        return 0.0
    precision, recall = overlap / hypothesis, overlap / reference
    return 2 * precision * recall / (precision + recall)


def fuzzy_match(hypothesis: str, reference: str) -> float:
    total = len(hypothesis) + len(reference)
    return 1.0 if not total else 2 * _lcs(hypothesis, reference) / total


def bleu(hypothesis: str, reference: str) -> float:
    hyp, ref = _words(hypothesis), _words(reference)
    if not hyp or not ref:
        return 0.0
    orders = min(4, len(hyp))
    log_sum = 0.0
    for n in range(1, orders + 1):
        found, wanted = _ngrams(hyp, n), _ngrams(ref, n)
        clipped = sum(min(count, wanted[gram]) for gram, count in found.items())
        if not clipped:
            return 0.0
        log_sum += math.log(clipped / sum(found.values())) / orders
    penalty = 1.0 if len(hyp) >= len(ref) else math.exp(1 - len(ref) / len(hyp))
    return penalty * math.exp(log_sum)


def gleu(hypothesis: str, reference: str) -> float:
    hyp, ref = _words(hypothesis), _words(reference)
    matches = found = wanted = 0
    for n in range(1, 5):
        hyp_grams, ref_grams = _ngrams(hyp, n), _ngrams(ref, n)
        matches += sum((hyp_grams & ref_grams).values())
        found += sum(hyp_grams.values())
        wanted += sum(ref_grams.values())
    largest = max(found, wanted)
    return matches / largest if largest else 0.0


def meteor(hypothesis: str, reference: str) -> float:
    hyp, ref = _words(hypothesis.lower()), _words(reference.lower())
    used: set[int] = set()
    pairs: list[tuple[int, int]] = []  # (hypothesis index, reference index), in hypothesis order
    for i, word in enumerate(hyp):
        j = next((j for j, other in enumerate(ref) if other == word and j not in used), None)
        if j is not None:
            used.add(j)
            pairs.append((i, j))
    matches = len(pairs)
    if not matches:
        return 0.0
    chunks = 1 + sum(
        1 for (i, j), (k, m) in zip(pairs, pairs[1:], strict=False) if k != i + 1 or m != j + 1
    )
    precision, recall = matches / len(hyp), matches / len(ref)
    fmean = precision * recall / (0.9 * precision + 0.1 * recall)
    return fmean * (1 - 0.5 * (chunks / matches) ** 3)


def rouge_n(n: int) -> Callable[[str, str], float]:
    def score(hypothesis: str, reference: str) -> float:
        hyp, ref = _ngrams(_rouge_words(hypothesis), n), _ngrams(_rouge_words(reference), n)
        return _f1(sum((hyp & ref).values()), sum(hyp.values()), sum(ref.values()))

    return score


def rouge_l(hypothesis: str, reference: str) -> float:
    hyp, ref = _rouge_words(hypothesis), _rouge_words(reference)
    return _f1(_lcs(hyp, ref), len(hyp), len(ref))


def cosine(hypothesis: str, reference: str, seed: int) -> float:
    a = full_vector(hypothesis, EMBEDDING_MODEL, seed, EMBEDDING_DIMENSIONS)
    b = full_vector(reference, EMBEDDING_MODEL, seed, EMBEDDING_DIMENSIONS)
    norms = math.sqrt(sum(x * x for x in a)) * math.sqrt(sum(y * y for y in b))
    return max(sum(x * y for x, y in zip(a, b, strict=True)) / norms, 0.0) if norms else 0.0


_TEXT_METRICS: dict[str, Callable[[str, str], float]] = {
    "fuzzy_match": fuzzy_match,
    "bleu": bleu,
    "gleu": gleu,
    "meteor": meteor,
    **{f"rouge_{n}": rouge_n(n) for n in range(1, 6)},
    "rouge_l": rouge_l,
}


def score(metric: str, hypothesis: str, reference: str, seed: int = 0) -> float:
    """`metric` (a text similarity grader's `evaluation_metric`) of `hypothesis` against
    `reference`, from 0 to 1."""
    if metric == "cosine":
        return cosine(hypothesis, reference, seed)
    return min(max(_TEXT_METRICS[metric](hypothesis, reference), 0.0), 1.0)
