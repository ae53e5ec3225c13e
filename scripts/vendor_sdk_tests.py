"""Refresh `tests/vendor/openai_python/` from the official Python SDK's source distribution.

    pip download --no-deps --no-binary :all: openai==VERSION -d /tmp/sdk
    python scripts/vendor_sdk_tests.py /tmp/sdk/openai-VERSION.tar.gz

The source is the `openai` sdist from PyPI (it ships the SDK's tests), of the version installed
for the test suite, or a directory holding one unpacked (or a checkout's work tree). Only what
the resource tests need is copied, byte for byte: the `tests/api_resources/` files, the helpers
they import (`tests/__init__.py`, `tests/conftest.py`, `tests/utils.py` and the test-only RESPX
fork `tests/respx2/` with its licence), the SDK's LICENSE, and a `pytest.ini` made from the
SDK's own `[tool.pytest.ini_options]`. The previous copy is replaced whole;
`tests/vendor/openai_python/README.md` (provenance) is rewritten with the version and the
archive's digest. `tests/test_sdk_resources.py` runs them against `mockai serve --lenient`.
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import sys
import tarfile
from collections.abc import Callable
from pathlib import Path

try:
    import tomllib
except ImportError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

ROOT = Path(__file__).resolve().parent.parent
DEST = ROOT / "tests" / "vendor" / "openai_python"
FILES = ["LICENSE", "tests/__init__.py", "tests/conftest.py", "tests/utils.py"]
TREES = ["tests/api_resources/", "tests/respx2/"]
PYPI = "https://pypi.org/project/openai/"

README = """\
# The official Python SDK's resource tests (vendored)

Copied unchanged by `scripts/vendor_sdk_tests.py` from the official Python SDK's source
distribution on PyPI ([openai]({pypi}), the version the test suite installs):

| | |
| --- | --- |
| source | `{source}` |
| sha256 | `{digest}` |
| SDK version | {version} |
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
`N passed / M`; its docstring says where that run departs from these settings (the base
URL) and its `KNOWN` table why the failing ones fail. The
mockai suite itself never collects this folder (`tests/conftest.py`), and ruff leaves it
alone (`pyproject.toml`).

A few tests (the binary `content` downloads) mock the HTTP transport with `tests/respx2` and so
never reach the server; they are kept so the files stay as published.
"""


def _reader(source: Path) -> tuple[list[str], Callable[[str], bytes], str]:
    """The source's file names (relative to the SDK's root), a reader, and its digest."""
    if source.is_dir():
        names = [p.relative_to(source).as_posix() for p in source.rglob("*") if p.is_file()]
        return names, lambda name: (source / name).read_bytes(), "(a directory)"
    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    archive = tarfile.open(source)
    members = {m.name.partition("/")[2]: m for m in archive.getmembers() if m.isfile()}

    def read(name: str) -> bytes:
        extracted = archive.extractfile(members[name])
        assert extracted is not None
        return extracted.read()

    return list(members), read, digest


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


def vendor(source: Path) -> list[str]:
    available, read, digest = _reader(source)
    names = list(FILES) + sorted(n for n in available if n.startswith(tuple(TREES)))
    names = [n for n in names if "__pycache__" not in n]
    if DEST.exists():
        shutil.rmtree(DEST)
    for name in names:
        target = DEST / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(read(name))
    (DEST / "pytest.ini").write_text(_pytest_ini(read("pyproject.toml")))
    version = read("src/openai/_version.py").decode().split("__version__ = ")[1].split('"')[1]
    (DEST / "README.md").write_text(
        README.format(pypi=PYPI, source=source.name, digest=digest, version=version)
    )
    return names


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "source", type=Path, help="the openai sdist (.tar.gz), or a directory with it unpacked"
    )
    args = parser.parse_args(argv)
    names = vendor(args.source)
    tests = sum(1 for name in names if name.startswith("tests/api_resources/"))
    print(f"vendored {len(names)} files ({tests} under tests/api_resources) into {DEST}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
