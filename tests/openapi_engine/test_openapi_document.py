"""mockai.openapi.document: the description prepared once, cached on disk, loaded fast and late."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from mockai.openapi import document
from mockai.spec import OPENAPI_PATH

ROOT = Path(__file__).resolve().parents[2]


def test_prepare_makes_nullable_and_oneof_what_a_2020_12_validator_reads():
    prepared = document.prepare(
        {
            "a": {"type": "string", "nullable": True, "enum": ["x"]},
            "b": {"allOf": [{"$ref": "#/X"}, {"nullable": True}]},
            "c": {"oneOf": [{"type": "integer"}]},
            "d": {"$ref": "#/Y", "nullable": True},
        }
    )
    assert prepared["a"] == {"type": ["string", "null"], "enum": ["x", None]}
    assert prepared["b"] == {"anyOf": [{"allOf": [{"$ref": "#/X"}]}, {"type": "null"}]}
    assert prepared["c"] == {"anyOf": [{"type": "integer"}]}
    assert prepared["d"] == {"anyOf": [{"$ref": "#/Y"}, {"type": "null"}]}


def test_prepare_turns_what_json_cannot_hold_into_what_it_can():
    import datetime

    prepared = document.prepare({"v": datetime.date(2024, 10, 1), "low": -(2**63) - 5})
    assert prepared == {"v": "2024-10-01", "low": float(-(2**63) - 5)}
    orjson.dumps(prepared)


def test_the_document_has_references_local_and_every_operation():
    spec = document.document()
    assert len(spec["paths"]) == 182
    assistant = document.resolve({"$ref": "#/components/schemas/AssistantObject"})
    assert assistant["properties"]["object"]["enum"] == ["assistant"]
    assert "nullable" not in json.dumps(assistant)


def test_a_reference_chain_that_loops_resolves_to_anything(monkeypatch):
    loop = {"A": {"$ref": "#/B"}, "B": {"$ref": "#/A"}}
    monkeypatch.setattr(document, "lookup", lambda ref: loop[ref.removeprefix("#/")])
    assert document.resolve({"$ref": "#/A"}) == {}


def test_cold_load_writes_the_cache_and_a_warm_load_parses_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    cold = document.load_json()
    written = document.cache_path(OPENAPI_PATH.read_bytes())
    assert written.parent == tmp_path / "mockai" and written.read_bytes() == cold
    assert f".v{document.VERSION}." in written.name
    import yaml

    monkeypatch.setattr(yaml, "load", lambda *a, **k: pytest.fail("parsed the YAML again"))
    assert document.load_json() == cold
    assert [p.name for p in written.parent.iterdir()] == [written.name]  # no temp file left


def test_an_unwritable_cache_folder_only_costs_the_parse(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert orjson.loads(document.load_json())["openapi"].startswith("3.1")


def test_a_corrupt_cache_file_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    path = document.cache_path(OPENAPI_PATH.read_bytes())
    path.parent.mkdir(parents=True)
    path.write_bytes(b'{"half": ')
    assert document._decoded()["openapi"].startswith("3.1")
    assert orjson.loads(path.read_bytes())["openapi"].startswith("3.1")


PROBE = """
import sys, time
import mockai.openapi, mockai.openapi.generate, mockai.openapi.idshapes
from mockai.openapi import document
assert document._loaded is None and "yaml" not in sys.modules, "loaded at import time"
start = time.perf_counter()
document.document()
print(time.perf_counter() - start)
"""


def test_nothing_loads_at_import_and_a_cached_load_is_fast():
    """In a fresh interpreter, with the cache filled (by this process's load): importing the
    package loads nothing; the first use is one JSON read (about 20 ms; bench/spec_load.py)."""
    document.load_json()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert float(done.stdout) < 2.0
