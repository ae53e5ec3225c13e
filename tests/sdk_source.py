"""The official Python SDK's resource tests, fetched when they run and never kept in the checkout.

mockai reads others' code; it does not copy it into the project. The SDK's source distribution
on PyPI ships its tests: `sdk_tests()` downloads the one of the installed `openai` version
(`pip download --no-deps --no-binary :all: openai==VERSION`, like any other test dependency)
into mockai's cache folder, once, and unpacks there what the resource tests need:
`tests/api_resources/`, the helpers they import (`tests/__init__.py`, `tests/conftest.py`,
`tests/utils.py`, the test-only RESPX fork `tests/respx2/`), the SDK's LICENSE, and a
`pytest.ini` made from the SDK's own `[tool.pytest.ini_options]`. `tests/test_sdk_resources.py`
runs them against `mockai serve --lenient`.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import tarfile
import uuid
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path

try:
    import tomllib
except ImportError:  # Python 3.10: pytest itself depends on tomli there
    import tomli as tomllib  # type: ignore[no-redef]

from mockai.vocab import cache_dir

FILES = ["LICENSE", "tests/__init__.py", "tests/conftest.py", "tests/utils.py"]
TREES = ["tests/api_resources/", "tests/respx2/"]


class Unavailable(Exception):
    """The SDK's source distribution could not be downloaded (offline, no index)."""


def _reader(archive: Path) -> tuple[list[str], Callable[[str], bytes], str]:
    """The sdist's file names (relative to the SDK's root), a reader, and its sha256."""
    digest = hashlib.sha256(archive.read_bytes()).hexdigest()
    opened = tarfile.open(archive)
    members = {m.name.partition("/")[2]: m for m in opened.getmembers() if m.isfile()}

    def read(name: str) -> bytes:
        extracted = opened.extractfile(members[name])
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


def sdk_tests() -> tuple[Path, str]:
    """The unpacked resource tests of the installed SDK, and the sdist's sha256."""
    wanted = version("openai")
    home = cache_dir() / "sdk-tests" / f"openai-{wanted}"
    done = home / "sha256"
    if done.exists():
        return home, done.read_text().strip()
    downloads = cache_dir() / "sdk-tests" / "sdists"
    archive = downloads / f"openai-{wanted}.tar.gz"
    if not archive.exists():
        fetched = subprocess.run(
            [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps"]
            + ["--no-binary", ":all:", f"openai=={wanted}", "-d", str(downloads)],
            capture_output=True,
            text=True,
        )
        if fetched.returncode != 0 or not archive.exists():
            raise Unavailable(fetched.stderr.strip()[-2000:] or f"no {archive.name}")
    available, read, digest = _reader(archive)
    staging = home.with_name(f"{home.name}.{uuid.uuid4().hex}.tmp")
    names = list(FILES) + sorted(n for n in available if n.startswith(tuple(TREES)))
    for name in (n for n in names if "__pycache__" not in n):
        target = staging / name
        if ".." in Path(name).parts:  # an archive never writes outside the staging folder
            raise Unavailable(f"{archive.name}: unsafe member name {name!r}")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(read(name))
    (staging / "pytest.ini").write_text(_pytest_ini(read("pyproject.toml")))
    (staging / "sha256").write_text(digest + "\n")
    shutil.rmtree(home, ignore_errors=True)
    staging.replace(home)  # whole or not at all: a worker never sees half of it
    return home, digest
