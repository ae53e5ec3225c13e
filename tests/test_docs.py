"""The documentation site: it builds with `mkdocs build --strict`, every page is in the nav, pages
link only to pages of the site (or to http(s) URLs), and the hook that renders the scenario and
configuration references from their JSON Schemas renders what a schema says."""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
HOOK = DOCS / "hooks" / "schema_reference.py"


def _hook() -> Any:
    spec = importlib.util.spec_from_file_location("schema_reference", HOOK)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _pages() -> set[str]:
    return {path.relative_to(DOCS).as_posix() for path in DOCS.rglob("*.md")}


def _nav(entries: Any) -> list[str]:
    if isinstance(entries, str):
        return [entries]
    if isinstance(entries, list):
        return [page for entry in entries for page in _nav(entry)]
    if isinstance(entries, dict):
        return [page for value in entries.values() for page in _nav(value)]
    return []


def _mkdocs(*args: str) -> subprocess.CompletedProcess[str]:
    if importlib.util.find_spec("mkdocs") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("mkdocs is not installed (the `docs` extra); CI must build the docs")
        pytest.skip("mkdocs is not installed: pip install -e '.[docs]'")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", *args],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )


def test_the_site_builds_strictly(tmp_path):
    site = tmp_path / "site"
    done = _mkdocs("--config-file", str(ROOT / "mkdocs.yml"), "--site-dir", str(site))
    assert done.returncode == 0, done.stderr
    assert "WARNING" not in done.stderr, done.stderr
    reference = (site / "scenario-reference" / "index.html").read_text(encoding="utf-8")
    assert 'id="schema-scenario"' in reference and "<table>" in reference
    assert "schema-reference:" not in reference
    configuration = (site / "configuration" / "index.html").read_text(encoding="utf-8")
    assert "<table>" in configuration and "schema-reference:" not in configuration


def test_a_missing_schema_fails_the_build_and_names_it(tmp_path):
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(DOCS, tmp_path / "docs")
    done = _mkdocs("--config-file", str(tmp_path / "mkdocs.yml"), "--site-dir", str(tmp_path / "s"))
    assert done.returncode != 0
    assert re.search(r"schemas/\w+\.schema\.json is missing", done.stderr), done.stderr


def test_every_page_is_in_the_nav():
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    listed = _nav(config["nav"])
    assert len(listed) == len(set(listed)), "a page is listed twice"
    assert set(listed) == _pages()


def _links(text: str) -> list[str]:
    prose = re.sub(r"^```.*?^```", "", text, flags=re.S | re.M)
    prose = re.sub(r"`[^`]*`", "", prose)
    return re.findall(r"\]\(([^)\s]+)\)", prose)


def test_pages_link_only_to_pages_of_the_site():
    bad = []
    for page in sorted(DOCS.rglob("*.md")):
        for link in _links(page.read_text(encoding="utf-8")):
            if re.match(r"https?://", link) or link.startswith("#"):
                continue
            target = (page.parent / link.split("#", 1)[0]).resolve()
            if not target.is_relative_to(DOCS) or not target.is_file():
                bad.append(f"{page.relative_to(ROOT)}: {link}")
    assert not bad, "links outside the site's pages:\n" + "\n".join(bad)


def test_the_link_finder_sees_links_but_not_code():
    text = "See [a](a.md) and `[b](b.md)`.\n```\n[c](c.md)\n```\n[d](https://x.org/d)"
    assert _links(text) == ["a.md", "https://x.org/d"]


def test_the_readme_links_to_files_that_exist():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [
        link
        for link in _links(readme)
        if not re.match(r"https?://", link) and not (ROOT / link.split("#", 1)[0]).is_file()
    ]
    assert not missing, missing


SCHEMA: dict[str, Any] = {
    "$defs": {
        "Step": {
            "type": "object",
            "description": "One answer.",
            "properties": {
                "content": {"type": "string", "description": "The text."},
                "delay_ms": {"type": "integer", "minimum": 0, "default": 0},
                "finish": {"enum": ["stop", "length"]},
            },
            "required": ["content"],
        },
        "Regex": {
            "type": "object",
            "properties": {"regex": {"type": "string", "minLength": 1}},
            "required": ["regex"],
        },
        "Unused": {"type": "string", "description": "Named by nobody."},
    },
    "title": "Scenario",
    "type": "object",
    "properties": {
        "user": {"anyOf": [{"$ref": "#/$defs/Regex"}, {"type": "string"}, {"type": "null"}]},
        "replies": {"type": "array", "items": {"$ref": "#/$defs/Step"}, "minItems": 1},
        "headers": {"type": "object", "additionalProperties": {"type": "string"}},
        "rate": {"type": "number", "minimum": 0, "maximum": 1, "description": "A\nshare."},
    },
    "required": ["replies"],
}


def test_the_reference_has_a_table_per_object_with_readable_types():
    text = _hook().render(SCHEMA)
    rows = [line for line in text.splitlines() if line.startswith("| `")]
    assert rows == [
        "| `user` | [Regex](#schema-regex) \\| string |  |  |",
        "| `replies` | list of [Step](#schema-step) (at least 1) | yes |  |",
        "| `headers` | map of string to string |  |  |",
        "| `rate` | number ≥ 0, ≤ 1 |  | A share. |",
        "| `regex` | string (not empty) | yes |  |",
        "| `content` | string | yes | The text. |",
        "| `delay_ms` | integer ≥ 0 |  | Default: `0`. |",
        '| `finish` | `"stop"` \\| `"length"` |  |  |',
    ]
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings == [
        "## Scenario { #schema-scenario }",
        "## Regex { #schema-regex }",
        "## Step { #schema-step }",
        "## Unused { #schema-unused }",
    ]
    assert "One answer." in text and "Type: string." in text


def test_a_root_that_is_a_choice_says_what_a_file_holds():
    schema = {"$defs": SCHEMA["$defs"], "anyOf": [{"$ref": "#/$defs/Step"}, {"type": "array"}]}
    assert _hook().render(schema).startswith("A file holds: [Step](#schema-step) \\| list.")


def test_markers_are_replaced_and_a_missing_schema_is_named(tmp_path):
    hook = _hook()
    (tmp_path / "s.json").write_text('{"type": "object", "properties": {"a": {"type": "string"}}}')
    page = "Intro.\n\n<!-- schema-reference: s.json -->\n"
    assert "| `a` | string |" in hook.expand(page, tmp_path)
    with pytest.raises(FileNotFoundError, match="gone.json is missing"):
        hook.expand("<!-- schema-reference: gone.json -->", tmp_path)
