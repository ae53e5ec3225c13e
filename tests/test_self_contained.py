"""A clone of the repository stands alone: nothing tracked refers to a folder beside it.

Users clone mockai by itself, so a relative reference to a folder beside the checkout (or a path
built from a parent-folder component that climbs out of it) works on a developer's machine and
breaks everywhere else. The reference data the tests need ships in `mockai/spec/`.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from mockai.spec import OPENAPI_PATH, STREAMS_DIR

ROOT = Path(__file__).resolve().parent.parent
# Dot-dot-slash and a name, not part of an ellipsis (`.../messages`).
RELATIVE = re.compile(r"(?<![.\w])((?:\.\./)+)([A-Za-z_][\w.-]*)")
# A quoted parent-folder component in code, after `/` or `,` (a Path join or os.path.join).
PARENT_LITERAL = re.compile(r"""(?:/\s*|,\s*)["']\.\.["']""")


def _tracked() -> list[Path]:
    try:
        out = subprocess.run(
            ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git checkout")
    return [ROOT / name for name in out.decode().split("\0") if name]


def _text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return ""  # binary


def _escapes(base: Path, climb: str, name: str) -> bool:
    """True when `climb + name`, read from `base`, leaves the checkout or names nothing in it."""
    target = (base / climb / name.rstrip(".,;:")).resolve()
    return not target.is_relative_to(ROOT) or not target.exists()


def test_no_tracked_file_refers_to_a_folder_outside_the_checkout():
    found = []
    for path in _tracked():
        if path == OPENAPI_PATH or not path.is_file():
            continue
        for number, line in enumerate(_text(path).splitlines(), 1):
            for match in RELATIVE.finditer(line):
                if _escapes(path.parent, match.group(1), match.group(2)):
                    found.append(f"{path.relative_to(ROOT)}:{number}: {match.group(0)}")
            if path.suffix == ".py" and PARENT_LITERAL.search(line):
                found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not found, "references outside the repository:\n" + "\n".join(found)


def test_no_text_cites_a_document_users_do_not_have():
    """The interface document the project was built from stays with its authors; users read
    the README, the docs, `--help` and docstrings, which must not send them to its sections."""
    cited = re.compile("SPEC" + r"(?: §|\.md)")
    found = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in _tracked()
        if path.is_file() and path != OPENAPI_PATH
        for number, line in enumerate(_text(path).splitlines(), 1)
        if cited.search(line)
    ]
    assert not found, "citations of a document outside the repository: " + ", ".join(found)


def test_the_reference_data_ships_inside_the_package():
    assert OPENAPI_PATH.is_file() and OPENAPI_PATH.stat().st_size > 1_000_000
    assert OPENAPI_PATH.read_text(encoding="utf-8").startswith("openapi: 3.1.0")
    assert len(list(STREAMS_DIR.glob("*.sse"))) == 7
    provenance = (OPENAPI_PATH.parent / "README.md").read_text(encoding="utf-8")
    for fact in (
        "openai/openai-openapi",
        "f85dbe223d40e1a31cba812ab2d755c7e98a92a3",
        "MIT",
        "openai/openai-python",
        "Apache-2.0",
    ):
        assert fact in provenance


def test_the_checker_sees_a_sibling_reference():
    """The patterns above catch the kind of line that broke fresh clones (spelled in pieces here,
    so that this file does not hold one itself)."""
    up = ".."
    line = f'SPEC = Path(__file__).parents[1] / "{up}" / "shared" / "openapi.yaml"'
    assert PARENT_LITERAL.search(line)
    match = RELATIVE.search(f"see {up}/shared/openai-spec/openapi.yaml.")
    assert match and _escapes(ROOT / "tests", match.group(1), match.group(2))
    assert _escapes(ROOT, match.group(1), match.group(2))
    inside = RELATIVE.search(f"from {up}/mockai/spec")
    assert inside and not _escapes(ROOT / "tests", inside.group(1), inside.group(2))
    assert not RELATIVE.search("`.../messages`")
