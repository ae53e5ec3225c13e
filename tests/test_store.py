"""The object store: typed kinds, per-session namespaces, the bound, resets; and that the type
checker really sees the stored type through a `Kind`."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from mypy import api as mypy_api

from mockai.store import Kind, ObjectStore

NOTES: Kind[str] = Kind("test-notes")
COUNTS: Kind[int] = Kind("test-counts")


def test_a_kind_name_is_unique():
    with pytest.raises(ValueError, match="'test-notes' already exists"):
        Kind("test-notes")


def test_kinds_and_sessions_are_separate_namespaces():
    store = ObjectStore()
    store.put(None, NOTES, "a", "global")
    store.put("s1", NOTES, "a", "session one")
    store.put("s1", COUNTS, "a", 1)
    assert store.get(None, NOTES, "a") == "global"
    assert store.get("s1", NOTES, "a") == "session one"
    assert store.get("s1", COUNTS, "a") == 1
    assert store.get("s2", NOTES, "a") is None


def test_each_session_and_kind_keeps_the_newest_up_to_the_limit():
    store = ObjectStore(limit=3)
    for n in range(5):
        store.put("s", COUNTS, f"k{n}", n)
    store.put("s", COUNTS, "k2", 22)  # rewritten: now the newest
    assert list(store.values("s", COUNTS)) == [3, 4, 22]
    assert store.delete("s", COUNTS, "k3") and not store.delete("s", COUNTS, "k3")


def test_a_reset_forgets_one_session_or_all():
    store = ObjectStore()
    store.put("s1", NOTES, "a", "x")
    store.put("s2", NOTES, "a", "y")
    store.clear("s1")
    assert store.get("s1", NOTES, "a") is None and store.get("s2", NOTES, "a") == "y"
    store.clear(everywhere=True)
    assert store.get("s2", NOTES, "a") is None


def test_the_type_checker_sees_the_stored_type(tmp_path: Path):
    snippet = tmp_path / "typed_store.py"
    snippet.write_text(
        textwrap.dedent(
            """
            from mockai.store import Kind, ObjectStore
            from mockai.toolkit.files import KIND as FILES

            store = ObjectStore()
            reveal_type(store.get(None, FILES, "file-1"))
            store.put(None, FILES, "file-1", "not a file")
            """
        )
    )
    out, _, status = mypy_api.run(
        [str(snippet), "--no-incremental", "--config-file", "/dev/null", "--follow-imports=silent"]
    )
    assert status == 1, out
    assert 'Revealed type is "mockai.toolkit.files.StoredFile | None"' in out, out
    assert "typed_store.py:7: error:" in out, out  # a str is not a StoredFile
