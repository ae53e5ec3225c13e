"""Deterministic embedding vectors that behave like real ones in retrieval tests.

A text's vector is the sum of its features (character trigrams, words and word pairs), each
hashed (keyed by model and `--seed`) to 16 signed positions of the model's full dimension
space, plus a little noise fixed by the text so that every component is non-zero. Texts that
share words and spellings share features, so their cosine similarity is high; unrelated texts
land near 0. Positions are drawn denser towards the start of the vector, like the real
text-embedding-3 models (Matryoshka training): a shortened embedding (`dimensions`) is the
re-normalised prefix of the full one and still keeps most of the signal.
"""

from __future__ import annotations

import base64
import hashlib
import math
import random
import re
import struct
from collections import Counter

from mockai.caches import memoized

SLOTS = 16  # positions per feature: 32 bytes of one blake2b digest, two bytes each
NOISE_SHARE = 0.05  # fraction of a vector's energy that is per-text noise
_WORD = re.compile(r"\w+")


def _features(text: str) -> Counter[tuple[str, float]]:
    lowered = " ".join(text.lower().split())
    words = _WORD.findall(lowered)
    padded = f" {lowered} "
    found: Counter[tuple[str, float]] = Counter()
    found.update(("c:" + padded[i : i + 3], 1.0) for i in range(len(padded) - 2))
    found.update(("w:" + w, 1.5) for w in words)
    found.update(("b:" + a + " " + b, 1.0) for a, b in zip(words, words[1:], strict=False))
    return found


@memoized(limit=4096)  # common trigrams and words recur across texts
def _slots(key: bytes, feature: str, full: int) -> tuple[tuple[int, float], ...]:
    digest = hashlib.blake2b(feature.encode(), key=key, digest_size=2 * SLOTS).digest()
    out = []
    for i in range(0, 2 * SLOTS, 2):
        value = digest[i] << 8 | digest[i + 1]
        u = (value >> 1) / 32768.0
        out.append((int(full * u**1.5), -1.0 if value & 1 else 1.0))
    return tuple(out)


def full_vector(text: str, model: str, seed: int, full: int) -> list[float]:
    """The un-normalised vector in the model's full dimension space."""
    key = hashlib.blake2b(f"{model}|{seed}".encode(), digest_size=32).digest()
    vector = [0.0] * full
    for (feature, weight), count in _features(text).items():
        scaled = weight * (1.0 + math.log(count))
        for position, sign in _slots(key, feature, full):
            vector[position] += sign * scaled
    energy = sum(x * x for x in vector)
    amplitude = math.sqrt(3 * NOISE_SHARE * energy / full) if energy else 1.0
    noise = random.Random(hashlib.blake2b(key + text.encode(), digest_size=16).digest())
    draws = noise.randbytes(full)
    return [x + (b - 127.5) / 127.5 * amplitude for x, b in zip(vector, draws, strict=False)]


def shortened(vector: list[float], size: int) -> list[float]:
    """The unit-length prefix, as float32 values (what the real API computes in)."""
    prefix = vector[:size]
    norm = math.sqrt(sum(x * x for x in prefix)) or 1.0
    return list(struct.unpack(f"<{size}f", struct.pack(f"<{size}f", *(x / norm for x in prefix))))


def encoded(vector: list[float], encoding_format: str) -> list[float] | str:
    """`base64`: little-endian float32 bytes; `float`: the same float32 values, printed with
    the nine significant digits that identify a float32 (not a double's seventeen)."""
    if encoding_format == "base64":
        return base64.b64encode(struct.pack(f"<{len(vector)}f", *vector)).decode()
    return [float(f"{x:.9g}") for x in vector]


@memoized(limit=128)  # test suites and load tests embed the same texts again and again
def embedding(
    text: str, model: str, seed: int, full: int, size: int, encoding_format: str
) -> tuple[float, ...] | str:
    """The vector as the response carries it: ~2 ms of pure Python, done once per text."""
    vector = encoded(shortened(full_vector(text, model, seed, full), size), encoding_format)
    return vector if isinstance(vector, str) else tuple(vector)
