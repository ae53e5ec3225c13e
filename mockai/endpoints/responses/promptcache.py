"""Prompt-cache accounting: how many of a request's input tokens the real API would report as
`cached_tokens`, from the prefixes already seen in the session under the same cache key."""

from __future__ import annotations

import hashlib
import sys
from array import array
from typing import Any

from mockai.endpoints.responses.items import instructions_text, item_text
from mockai.endpoints.responses.request import ResponseRequest
from mockai.store import Kind
from mockai.toolkit.state import ServerState

CACHE_KIND: Kind[set[bytes]] = Kind("prompt_cache")
CACHE_MINIMUM = 1024  # the real API caches prompts of 1024 tokens or more...
CACHE_BLOCK = 128  # ...in 128-token increments
CACHE_ENTRIES = 100_000  # prefix digests kept per session and model before starting afresh


def _packed(tokens: list[int]) -> bytes:
    """Token ids as 4-byte little-endian integers end to end, what the block digests hash:
    packed in C, not one `int.to_bytes` per token (~100 ms for a 100,000-token input)."""
    packed = array("I", tokens)
    if sys.byteorder == "big":
        packed.byteswap()
    return packed.tobytes()


def prompt_cache_hit(
    state: ServerState,
    session: str | None,
    req: ResponseRequest,
    tok: Any,
    context: list[dict[str, Any]],
) -> int:
    """Cached tokens for this input: the longest prefix (in 128-token blocks from 1024 tokens)
    already seen under the same cache key. Prefix digests are chained, so this is linear."""
    text = instructions_text(req.instructions) + "\n" + "\n".join(item_text(i) for i in context)
    tokens = _packed(tok.encode(text))
    count = len(tokens) // 4
    if count < CACHE_MINIMUM:
        return 0
    digest = hashlib.blake2b(digest_size=16)
    digest.update((req.prompt_cache_key or "").encode())
    seen: set[bytes] = state.store.get(session, CACHE_KIND, req.model) or set()
    hit, boundaries = 0, []
    for end in range(CACHE_BLOCK, count + 1, CACHE_BLOCK):
        digest.update(tokens[4 * (end - CACHE_BLOCK) : 4 * end])
        mark = digest.digest()
        boundaries.append(mark)
        if end >= CACHE_MINIMUM and mark in seen:
            hit = end
    if len(seen) > CACHE_ENTRIES:
        seen = set()
    seen.update(boundaries[CACHE_MINIMUM // CACHE_BLOCK - 1 :])
    state.store.put(session, CACHE_KIND, req.model, seen)
    return hit
