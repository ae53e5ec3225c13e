"""The endpoints page's coverage table is the one scripts/coverage_table.py derives from the shipped
description and the routes (every operation answered, by a hand-built or the spec-driven
family)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "coverage_table.py"


def _script():
    spec = importlib.util.spec_from_file_location("coverage_table", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_documented_table_is_current():
    script = _script()
    assert script.in_page(script.PAGE.read_text(encoding="utf-8")) == script.table(), (
        "run: python scripts/coverage_table.py --write"
    )


def test_every_operation_is_answered():
    last = _script().table().splitlines()[-1]
    assert last.startswith("| **All** | **288** |"), last
