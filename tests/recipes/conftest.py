"""The client recipes of examples/recipes/ run as their users run them: `mockai serve` with the
recipes' scenario file, each example a subprocess pointed at it through OPENAI_BASE_URL, and
mockai's journal read back (docs/recipes/*.md include the same files).

A client that is not installed skips its test with the reason, except in CI (`CI=true`), where
it fails: the clients are the `recipes` extra (`pip install -e '.[recipes]'`).
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from recipes_support import RECIPES
from serve_process import Served, clean_env, http, mockai_serve


@pytest.fixture(scope="module")
def served() -> Iterator[Served]:
    with mockai_serve("--port", "0", "--scenarios", str(RECIPES / "scenarios.yaml")) as server:
        yield server


@pytest.fixture
def run_recipe(served: Served) -> Callable[..., list[str]]:
    """`run_recipe(program, file)`: runs `program file` in the recipe's folder against a server
    reset first (counters, journal); returns its output lines and fails on a non-zero exit."""

    def run(program: str, file: Path) -> list[str]:
        status, _, _ = http(f"{served.root}/_mockai/reset", "POST")
        assert status == 200
        env = clean_env(
            OPENAI_BASE_URL=f"{served.root}/v1",
            OPENAI_API_KEY="sk-test",
            LITELLM_LOCAL_MODEL_COST_MAP="True",
        )
        done = subprocess.run(
            [program, file.name],
            cwd=file.parent,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, f"{file.name} failed:\n{done.stdout}\n{done.stderr}"
        return done.stdout.splitlines()

    return run


@pytest.fixture
def journal(served: Served) -> Callable[..., list[dict[str, Any]]]:
    """`journal(session=None)`: what mockai saw, oldest first (one session's when given)."""

    def read(session: str | None = None) -> list[dict[str, Any]]:
        query = f"?session={session}" if session else ""
        status, _, body = http(f"{served.root}/_mockai/requests{query}")
        assert status == 200
        return body["data"]

    return read
