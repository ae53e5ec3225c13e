"""Scenario files: format, loading, matching, templating and sequencing (SPEC §4)."""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from mockai.scenarios.engine import CompiledScenario, compile_all
from mockai.scenarios.loader import ScenarioProblems, duplicate_names, load_paths, parse

__all__ = ["ScenarioProblems", "load", "load_text"]


def load(paths: Iterable[Path]) -> list[CompiledScenario]:
    """Files and folders to compiled scenarios; raises ScenarioProblems listing every problem."""
    return compile_all(load_paths(paths))


def load_text(text: str, source: str) -> list[CompiledScenario]:
    """One YAML or JSON document (e.g. a control-API body) to compiled scenarios."""
    found = parse(text, source)
    problems = duplicate_names(found)
    if problems:
        raise ScenarioProblems(problems)
    return compile_all(found)
