"""A file's text cut into chunks of real tokens, as a vector store's chunking strategy says.

Tokens are cl100k_base's, the encoding of the text-embedding-3 models that embed the chunks.
`auto` is 800-token chunks overlapping by 400 (the description's own words for it); `static`
takes `max_chunk_size_tokens` (100 to 4096) and `chunk_overlap_tokens` (at most half of it).
Each chunk starts `max - overlap` tokens after the previous one, the last ends with the text.
A file of more than 5,000,000 tokens (the documented limit per file) is refused with the
real `invalid_file` error.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from mockai.retrieval.documents import TOO_LARGE, Unreadable
from mockai.tokenizer import Tokenizer

ENCODING = "cl100k_base"
MAX_FILE_TOKENS = 5_000_000
MIN_CHUNK_TOKENS = 100
MAX_CHUNK_TOKENS = 4096


@dataclass(frozen=True)
class Strategy:
    max_chunk_size_tokens: int
    chunk_overlap_tokens: int

    def body(self) -> dict[str, Any]:
        """As a vector store file reports it: `auto` shows as the static sizes it stands for
        (a real file's `chunking_strategy`, openai/openai-openapi#300)."""
        return {
            "type": "static",
            "static": {
                "max_chunk_size_tokens": self.max_chunk_size_tokens,
                "chunk_overlap_tokens": self.chunk_overlap_tokens,
            },
        }


AUTO = Strategy(800, 400)


def overlap_too_large(strategy: Strategy) -> bool:
    """The real API's rule the description states in prose: overlap at most half the size."""
    return strategy.chunk_overlap_tokens * 2 > strategy.max_chunk_size_tokens


def split(tok: Tokenizer, text: str, strategy: Strategy) -> list[str] | Unreadable:
    """The chunks of `text`. A window that would cut a character in two gives up the partial
    character (the next window, overlapping, carries it whole)."""
    tokens = tok.encode(text)
    if len(tokens) > MAX_FILE_TOKENS:
        return Unreadable("invalid_file", TOO_LARGE)
    size = max(strategy.max_chunk_size_tokens, 1)
    # `--lenient` lets any overlap through (the description bounds none): keep moving forward.
    step = max(size - max(strategy.chunk_overlap_tokens, 0), 1)
    raw = [tok.enc.decode_single_token_bytes(token) for token in tokens]
    chunks = []
    start = 0
    while True:
        window = b"".join(raw[start : start + size]).decode("utf-8", errors="ignore").strip()
        if window:
            chunks.append(window)
        if start + size >= len(raw):
            return chunks
        start += step
