"""Refresh `tests/vendor/openai_python/` from a checkout of openai-python (the official SDK).

    python scripts/vendor_sdk_tests.py PATH [--ref REF]

PATH is a clone of the SDK's repository (a work tree or a bare git directory); REF (default
HEAD) the commit whose tests to take: the one whose `src/openai/_version.py` is nearest the
installed SDK's version. Only what the resource tests need is copied, byte for byte: the
`tests/api_resources/` files, the helpers they import (`tests/__init__.py`, `tests/conftest.py`,
`tests/utils.py` and the test-only RESPX fork `tests/respx2/` with its licence), the SDK's
LICENSE, and a `pytest.ini` made from the SDK's own `[tool.pytest.ini_options]`. The previous
copy is replaced whole; `tests/vendor/openai_python/README.md` (provenance) is rewritten with
the commit and version taken. `tests/test_sdk_resources.py` runs them against `mockai serve
--lenient`.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

try:
    import tomllib
except ImportError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

ROOT = Path(__file__).resolve().parent.parent
DEST = ROOT / "tests" / "vendor" / "openai_python"
FILES = ["LICENSE", "tests/__init__.py", "tests/conftest.py", "tests/utils.py"]
TREES = ["tests/api_resources", "tests/respx2"]
REPOSITORY = "https://github.com/openai/openai-python"

README = """\
# The official Python SDK's resource tests (vendored)

Copied unchanged by `scripts/vendor_sdk_tests.py` from [openai-python]({repository}):

| | |
| --- | --- |
| commit | `{commit}` ({date}) |
| SDK version at that commit | {version} |
| licence | Apache-2.0 (`LICENSE`, the SDK's); `tests/respx2/` is the SDK's test-only fork \
of RESPX, BSD 3-Clause (`tests/respx2/LICENSE.md`, `tests/respx2/FORK.md`) |

What is here: `tests/api_resources/` (every resource method called with its required and with
all its parameters, plain, raw and streaming, sync and async, the answer checked against the
SDK's types with `_strict_response_validation`), the helpers those files import
(`tests/__init__.py`, `tests/conftest.py`, `tests/utils.py`, `tests/respx2/`), and `pytest.ini`,
the SDK's own pytest settings (`[tool.pytest.ini_options]` of its `pyproject.toml`) with
`testpaths` narrowed to `tests/api_resources`. Nothing else of the SDK is copied, and no file
is edited: refresh the copy with the script rather than by hand.

The SDK's authors run these tests against a schema mock server at `TEST_API_BASE_URL`.
`tests/test_sdk_resources.py` runs them in a subprocess, with their own conftest, against
`mockai serve --lenient` (marker `sdk_resources`), with the installed SDK, and prints
`N passed / M`; its docstring says where that run departs from these settings (the SDK
installed is newer than the tests) and its `KNOWN` table why the failing ones fail. The
mockai suite itself never collects this folder (`tests/conftest.py`), and ruff leaves it
alone (`pyproject.toml`).

A few tests (the binary `content` downloads) mock the HTTP transport with `tests/respx2` and so
never reach the server; they are kept so the files stay as published.
"""


def git(repo: Path, *args: str) -> bytes:
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, check=True).stdout


def _pytest_ini(pyproject: bytes) -> str:
    options = tomllib.loads(pyproject.decode())["tool"]["pytest"]["ini_options"]
    options["testpaths"] = ["tests/api_resources"]
    lines = ["# The SDK's own [tool.pytest.ini_options], testpaths narrowed.", "[pytest]"]
    for key, value in options.items():
        if isinstance(value, list):
            lines.append(f"{key} =")
            lines.extend(f"    {item}" for item in value)
        else:
            lines.append(f"{key} = {str(value).lower() if isinstance(value, bool) else value}")
    return "\n".join(lines) + "\n"


def vendor(repo: Path, ref: str) -> list[str]:
    commit = git(repo, "rev-parse", f"{ref}^{{commit}}").decode().strip()
    names = list(FILES)
    for tree in TREES:
        listed = git(repo, "ls-tree", "-r", "--name-only", "-z", commit, tree).decode()
        names += [name for name in listed.split("\0") if name]
    if DEST.exists():
        shutil.rmtree(DEST)
    for name in names:
        target = DEST / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(git(repo, "show", f"{commit}:{name}"))
    (DEST / "pytest.ini").write_text(_pytest_ini(git(repo, "show", f"{commit}:pyproject.toml")))
    version_file = git(repo, "show", f"{commit}:src/openai/_version.py").decode()
    version = version_file.split("__version__ = ")[1].split('"')[1]
    date = git(repo, "show", "-s", "--format=%cs", commit).decode().strip()
    (DEST / "README.md").write_text(
        README.format(repository=REPOSITORY, commit=commit, date=date, version=version)
    )
    return names


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("repo", type=Path, help="a clone of openai-python (work tree or bare)")
    parser.add_argument("--ref", default="HEAD", help="the commit to take the tests from")
    args = parser.parse_args(argv)
    names = vendor(args.repo, args.ref)
    tests = sum(1 for name in names if name.startswith("tests/api_resources/"))
    print(f"vendored {len(names)} files ({tests} under tests/api_resources) into {DEST}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
