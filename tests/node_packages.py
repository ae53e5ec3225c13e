"""Node programs for the tests that run Node scripts: `node` once a folder's pinned packages are
installed with `npm ci`. Without node or npm the test is skipped, except in CI (`CI=true`), where
it fails, so CI never passes without running them.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import subprocess
from pathlib import Path

import pytest


def program(name: str) -> str:
    """The path of `name`; skips the test (fails it under CI) when it is not installed."""
    found = shutil.which(name)
    if found is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"`{name}` is not installed; CI must run the Node tests")
        pytest.skip(f"`{name}` is not installed")
    return found


def installed_node(directory: Path) -> str:
    """The `node` binary, once `directory`'s pinned packages are installed.

    `npm ci` runs under an exclusive lock on a file beside node_modules (which `npm ci` deletes
    and recreates), so pytest-xdist workers never install at once nor run a half-installed
    package; a stamp holding the lockfile's digest marks a finished, current install.
    """
    node, npm = program("node"), program("npm")
    digest = hashlib.sha256((directory / "package-lock.json").read_bytes()).hexdigest()
    stamp = directory / "node_modules" / ".mockai-installed"
    with open(directory / ".install.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (stamp.is_file() and stamp.read_text() == digest):
            done = subprocess.run(
                [npm, "ci", "--no-audit", "--no-fund"],
                cwd=directory,
                capture_output=True,
                text=True,
                timeout=300,
            )
            assert done.returncode == 0, f"npm ci failed:\n{done.stdout}\n{done.stderr}"
            stamp.write_text(digest)
    return node
