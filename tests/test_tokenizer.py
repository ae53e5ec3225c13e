"""Token counts equal tiktoken's `encode_ordinary` for any text, and a long text sent again
(a long system prompt with one user turn after another) is counted once."""

from __future__ import annotations

import random

import pytest
from helpers import api_json, post_chat

from mockai import tokenizer
from mockai.tokenizer import CACHED_TEXT_CHARS, Tokenizer, encoding_sync

ENCODINGS = ["o200k_base", "cl100k_base"]
# Pieces that the pre-tokenizer treats differently: cases, marks, digits, punctuation that
# swallows line breaks, every kind of space, special-token text, non-BMP characters.
PIECES = [
    "word",
    "Word",
    "WORD",
    "don't",
    "I'LL",
    "é",
    "e\u0301",
    "Ω",
    "漢字",
    "١٢٣",
    "12345",
    " ",
    "  ",
    "\t",
    "\n",
    "\r\n",
    "\n\n",
    " \n",
    "\u00a0",
    "\u2028",
    ".",
    "!?",
    "/",
    "//\n",
    "<|endoftext|>",
    "<|endofprompt|>",
    "😀",
    "'s",
    "-",
    "_",
    "\x1c",
]


def texts(seed: int, count: int = 40, longest: int = 300) -> list[str]:
    rng = random.Random(seed)
    return [
        "".join(rng.choice(PIECES) for _ in range(rng.randint(0, longest))) for _ in range(count)
    ]


@pytest.mark.parametrize("name", ENCODINGS)
def test_counts_equal_tiktoken_encode_ordinary(name):
    enc = encoding_sync(name)
    tok = Tokenizer(enc)
    samples = (
        texts(1)
        + ["", "a\ud800b\udfffc", "x" * (CACHED_TEXT_CHARS + 1)]
        + ["".join(texts(2, count=60, longest=400))]
    )
    for text in samples:
        assert tok.count(text) == len(enc.encode_ordinary(text)), repr(text[:80])
        assert tok.count(text) == len(enc.encode_ordinary(text))  # the cached answer too


def test_the_long_text_cache_keeps_digests_not_texts(monkeypatch):
    monkeypatch.setattr(tokenizer, "LONG_TEXTS_REMEMBERED", 3)
    tok = Tokenizer(encoding_sync("o200k_base"))
    for i in range(5):
        tok.count(f"{i} " * CACHED_TEXT_CHARS)
    assert len(tok._long_counts) == 3
    assert all(isinstance(key, bytes) and len(key) == 32 for key in tok._long_counts._entries)


async def test_a_long_system_prompt_is_counted_once_across_user_turns(serve, monkeypatch):
    counted: list[int] = []
    count = Tokenizer._count
    monkeypatch.setattr(
        Tokenizer, "_count", lambda self, text: counted.append(len(text)) or count(self, text)
    )
    client = await serve([{"name": "a", "reply": {"content": "ok"}}])
    system = "You answer from this handbook only. " + "The warranty covers parts.\n" * 2_000
    enc = encoding_sync("o200k_base")
    for question in (
        "What does the warranty cover?",
        "And labour?",
        "What does the warranty cover?",
    ):
        messages = [{"role": "system", "content": system}, {"role": "user", "content": question}]
        response = await post_chat(client, {"model": "gpt-4o", "messages": messages})
        usage = (await api_json(response))["usage"]
        assert (
            usage["prompt_tokens"]
            == sum(
                3 + len(enc.encode_ordinary(m["role"])) + len(enc.encode_ordinary(m["content"]))
                for m in messages
            )
            + 3
        )
    assert counted.count(len(system)) == 1


def test_a_tiktoken_without_the_buffer_encoder_still_counts():
    class Plain:  # the public surface only: no `_core_bpe`
        def encode_ordinary(self, text: str) -> list[int]:
            return list(range(len(text.split())))

    assert Tokenizer(Plain()).count("three plain words") == 3  # type: ignore[arg-type]
