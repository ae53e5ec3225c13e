"""What the recipe tests share: where the recipes are, and the check that a client is installed."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest

RECIPES = Path(__file__).resolve().parents[2] / "examples" / "recipes"


def require_client(module: str) -> None:
    """Skip the test (fail it under CI) when the client `module` is not installed."""
    if importlib.util.find_spec(module) is None:
        reason = f"`{module}` is not installed: pip install -e '.[recipes]'"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason}; CI must run the recipes")
        pytest.skip(reason)
