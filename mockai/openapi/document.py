"""The shipped OpenAPI description, prepared once and loaded fast: the one copy everyone reads.

Parsing the 3 MB YAML takes about a second even with libyaml, which a server start must not
pay. The first load derives a *prepared* form (`prepare`: what a 2020-12 JSON Schema reader
needs) and keeps it as JSON in mockai's cache folder (`$XDG_CACHE_HOME/mockai`, else
`~/.cache/mockai`), under a name carrying the YAML's digest and `VERSION`, written atomically;
later loads are one orjson read. An unwritable cache folder only costs the parse. Nothing loads
at import time: `document()` loads on first use (thread-safe, once per process), and
`warm_up()` is there for a background start (mockai.warmup).

References stay local (`#/components/schemas/X`); `resolve` follows them, `$ref` chains that
loop included. The prepared document is shared: read it, never change it.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

import orjson

from mockai.spec import OPENAPI_PATH
from mockai.vocab import cache_dir, write_atomically

__all__ = [
    "VERSION",
    "cache_path",
    "document",
    "load_json",
    "lookup",
    "prepare",
    "ref_name",
    "resolve",
    "warm_up",
]

VERSION = 2
"""Bump when `prepare` (or the cached layout) changes: old cache files are then ignored."""

_INT64 = (-(2**63), 2**63 - 1)
_lock = threading.Lock()
_loaded: dict[str, Any] | None = None


def prepare(node: Any) -> Any:
    """Return a copy of `node` that a 2020-12 validator reads the way OpenAPI 3.0 meant it.

    `nullable: true` is a 3.0 keyword that 3.1 validators ignore; it becomes `type: [X, "null"]`
    (plus `null` in any `enum`), or `anyOf: [original, {type: null}]` when there is no plain
    type. `allOf: [{$ref: X}, {nullable: true}]` makes the whole property nullable.
    `oneOf` becomes `anyOf`: the spec's unions are discriminated by the SDKs, not exclusive in
    JSON Schema terms (a verbose transcription also matches the plain one), so "exactly one"
    would reject real bodies. 3.0's `exclusiveMinimum: true` beside a `minimum` (a flag) is
    3.1's `exclusiveMinimum: <the minimum>` (a number). And what JSON cannot carry as YAML
    parsed it: a date (one example's `version: 2024-10-01`) becomes its ISO string, an integer
    beyond 64 bits (the chat `seed` bounds, ±9223372036854776000) a float.
    """
    if isinstance(node, list):
        return [prepare(item) for item in node]
    if not isinstance(node, dict):
        if isinstance(node, date):
            return node.isoformat()
        if isinstance(node, int) and not _INT64[0] <= node <= _INT64[1]:
            return float(node)
        return node
    nullable = node.get("nullable") is True
    if {"nullable": True} in node.get("allOf", []):
        nullable = True
        node = {**node, "allOf": [s for s in node["allOf"] if s != {"nullable": True}]}
    out = {k: prepare(v) for k, v in node.items() if not (k == "nullable" and isinstance(v, bool))}
    for exclusive, bound in (("exclusiveMinimum", "minimum"), ("exclusiveMaximum", "maximum")):
        if isinstance(out.get(exclusive), bool):  # 3.0's flag on the bound: 3.1's number
            if out.pop(exclusive) and bound in out:
                out[exclusive] = out.pop(bound)
    if isinstance(out.get("oneOf"), list):
        out["anyOf"] = out.pop("oneOf")
    if not nullable:
        return out
    if "type" in out and not any(k in out for k in ("$ref", "allOf", "anyOf")):
        types = out["type"] if isinstance(out["type"], list) else [out["type"]]
        out["type"] = [*types, "null"]
        if "enum" in out:
            out["enum"] = [*out["enum"], None]
        return out
    return {"anyOf": [out, {"type": "null"}]}


def cache_path(source: bytes) -> Path:
    """Where the prepared form of the YAML `source` is kept."""
    digest = hashlib.blake2b(source, digest_size=10).hexdigest()
    return cache_dir() / f"openapi.{digest}.v{VERSION}.json"


def load_json(path: Path = OPENAPI_PATH) -> bytes:
    """The prepared description as compact JSON bytes: the cache file when there is one, else
    parsed now (and cached when the folder is writable). Every caller that wants its own copy
    (the tests patch theirs) decodes these bytes."""
    source = path.read_bytes()
    try:
        return cache_path(source).read_bytes()
    except OSError:
        return _build(source)


def _build(source: bytes) -> bytes:
    """Parse and prepare the YAML `source`, and cache the result (if the folder allows)."""
    import yaml  # only on a cold start: the parse is what the cache saves

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = orjson.dumps(prepare(yaml.load(source, Loader=loader)))
    try:
        write_atomically(cache_path(source), data)
    except OSError:
        pass  # a read-only home: parse again next time
    return data


def _decoded(path: Path = OPENAPI_PATH) -> dict[str, Any]:
    """`load_json` decoded; a cache file that does not decode (not written by us) is rebuilt."""
    try:
        return orjson.loads(load_json(path))
    except orjson.JSONDecodeError:
        return orjson.loads(_build(path.read_bytes()))


def document() -> Mapping[str, Any]:
    """The prepared description, loaded on first use and shared by the whole process."""
    global _loaded
    if _loaded is None:
        with _lock:
            if _loaded is None:
                _loaded = _decoded()
    return _loaded


def warm_up() -> None:
    """Load now (for `mockai.warmup.when_quiet`), so no request pays for it."""
    document()


def lookup(pointer: str) -> Any:
    """The node at a local reference such as `#/components/schemas/AssistantObject`."""
    if not pointer.startswith("#"):
        raise KeyError(f"not a local reference: {pointer!r}")
    node: Any = document()
    for part in pointer[1:].split("/")[1:]:
        part = part.replace("~1", "/").replace("~0", "~")
        node = node[int(part)] if isinstance(node, list) else node[part]
    return node


def resolve(node: Any) -> Any:
    """`node` with its `$ref` followed (a reference to a reference too); a chain that loops
    back on itself resolves to `{}` (anything), which is what such a schema allows."""
    seen: set[str] = set()
    while isinstance(node, Mapping) and isinstance(node.get("$ref"), str):
        ref = node["$ref"]
        if ref in seen:
            return {}
        seen.add(ref)
        node = lookup(ref)
    return node


def ref_name(ref: str) -> str:
    """`#/components/schemas/AssistantObject` -> `AssistantObject`."""
    return ref.rpartition("/")[2].replace("~1", "/").replace("~0", "~")
