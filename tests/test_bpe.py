"""The pure-Python encoder that serves until tiktoken's Rust core is built must give exactly
tiktoken's tokens: checked on hand-picked edge cases and on thousands of seeded random texts
mixing scripts, marks, digits, contractions, whitespace runs and special-token text."""

from __future__ import annotations

import random

import pytest

from mockai import vocab
from mockai.bpe import PureEncoding
from mockai.tokenizer import _SPECS, encoding_sync

NAMES = ["o200k_base", "cl100k_base"]

CASES = [
    "",
    " ",
    "  ",
    "\n",
    "\r\n",
    " \n\n ",
    "\t\t x",
    "a  \n  b",
    "trailing   ",
    "   leading",
    "Hello, world!",
    "What is the capital of France?",
    "don't I'LL we've THEY'RE it's he'd",
    "l'homme 'tis ''quoted'' 's",
    "1234567 12,345.678 ①②③ ٣٤٥ 0x1F",
    "x/y/z\n/",
    "a\u00a0b\u2003c",
    "naïve café résumé",
    "e\u0301 \u0301x",
    "Ǆǅǆ ǈ ﬁ ſt STRASSE straße",
    "ΑΒΓ αβγ ΣΊΣΥΦΟΣ",
    "Привет, мир! ПРИВЕТ",
    "中文文本，没有空格。日本語のテキスト",
    "한국어 텍스트",
    "مرحبا بالعالم",
    "emoji 👩‍👩‍👧‍👦 🇫🇷 👍🏽!",
    "<|endoftext|> and <|fim_prefix|>",
    "```python\ndef f(x):\n    return x\n```",
    "\x00\x01\x1c\x1d\x1e\x1f\x7f",
    "tabs\tand\x0bvertical\x0cfeeds",
    "\u2028line\u2029para\u0085",
    "a" * 300,
    " " * 100 + "x",
    "🙂" * 50,
]

ALPHABET = (
    list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
    + list(" \t\n\r\x0b\x0c\u00a0\u2003\u3000\u2028\x1c\x85")
    + list("'’\".,;:!?-_/\\()[]{}<>|@#$%^&*+=~`")
    + list("éÉüßſǅǈﬁΣσςЖжあア中한ا٣①²½\u0301\u0308\u20e3🙂👍🏽\u200d")
)
CHUNKS = [
    "'s",
    "'t",
    "'re",
    "'ve",
    "'m",
    "'ll",
    "'d",
    "'S",
    "'LL",
    "<|endoftext|>",
    "<|endofprompt|>",
    "   ",
    "\n\n",
    " 123",
    "9999",
    "http://x.io/a",
    "CamelCase",
    "ALLCAPS",
    "don't",
]


def random_text(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(0, 40)):
        parts.append(rng.choice(CHUNKS) if rng.random() < 0.2 else rng.choice(ALPHABET))
    return "".join(parts)


@pytest.fixture(scope="module", params=NAMES)
def pair(request) -> tuple[PureEncoding, object]:
    name = request.param
    return PureEncoding(name, vocab.ranks(name), _SPECS[name][1]), encoding_sync(name)


def test_edge_cases(pair):
    pure, rust = pair
    for text in CASES:
        assert pure.encode_ordinary(text) == rust.encode_ordinary(text), repr(text)


def test_random_texts(pair):
    pure, rust = pair
    rng = random.Random(20240611)
    for _ in range(3000):
        text = random_text(rng)
        assert pure.encode_ordinary(text) == rust.encode_ordinary(text), repr(text)


def test_long_prose(pair):
    pure, rust = pair
    text = " ".join(CASES) * 20
    assert pure.encode_ordinary(text) == rust.encode_ordinary(text)


def test_lone_surrogates_are_fixed_up_like_tiktoken(pair):
    pure, rust = pair
    text = "bad \ud800 surrogate \udfff end"
    assert pure.encode_ordinary(text) == rust.encode_ordinary(text)


def test_allowed_special_tokens(pair):
    pure, rust = pair
    allowed = frozenset({"<|endoftext|>"})
    for text in [
        "<|endoftext|>",
        "a<|endoftext|>b <|endofprompt|>",
        "<|endoftext|><|endoftext|>  ",
        "none here",
        "",
    ]:
        assert pure.encode(text, allowed_special=allowed, disallowed_special=()) == rust.encode(
            text, allowed_special=allowed, disallowed_special=()
        ), repr(text)


def test_decoding_and_vocabulary_facts(pair):
    pure, rust = pair
    assert (pure.max_token_value, pure.eot_token) == (rust.max_token_value, rust.eot_token)
    ids = rust.encode_ordinary("naïve 👍🏽 text") + [rust.eot_token]
    assert pure.decode(ids) == rust.decode(ids)
    assert pure.decode(ids[:2] + ids[3:]) == rust.decode(ids[:2] + ids[3:])  # a split character
    for token in (0, 1000, rust.eot_token, rust.max_token_value):
        assert pure.decode_single_token_bytes(token) == rust.decode_single_token_bytes(token)
    known = set(pure.ranks.values()) | set(rust._special_tokens.values())
    unused = min(set(range(rust.max_token_value + 2)) - known)  # a gap below <|endoftext|>
    assert unused < rust.eot_token
    with pytest.raises(KeyError):
        rust.decode_single_token_bytes(unused)
    with pytest.raises(KeyError):
        pure.decode_single_token_bytes(unused)
