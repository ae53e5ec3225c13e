"""Scenario files: format, loading, matching, templating and sequencing.

This package's `__init__` imports only `problems`: lower layers use the scenario vocabulary
(`mockai.scenarios.schema`: a step, an error spec, a chaos spec), and importing a submodule runs
this file first, so importing the engine here (which uses `mockai.faults`, which uses the schema)
would make `import mockai.faults` in a fresh interpreter fail half-way. `load` and `load_text`
import the loader and the engine when they are called.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from mockai.scenarios.problems import Located, Problem, ScenarioProblems

if TYPE_CHECKING:
    from mockai.scenarios.engine import CompiledScenario

__all__ = ["ScenarioProblems", "load", "load_text"]


def _compiled(found: list[Located], problems: list[Problem]) -> list[CompiledScenario]:
    """Compile the valid scenarios even when others failed, so template problems are listed
    together with every other problem instead of only after those are fixed."""
    from mockai.scenarios.engine import compile_all

    compiled, more = compile_all(found)
    if problems or more:
        raise ScenarioProblems([*problems, *more])
    return compiled


def load(paths: Iterable[Path]) -> list[CompiledScenario]:
    """Files and folders to compiled scenarios; raises ScenarioProblems listing every problem."""
    from mockai.scenarios.loader import load_paths

    return _compiled(*load_paths(paths))


def load_text(text: str, source: str, as_json: bool = False) -> list[CompiledScenario]:
    """One YAML (or, `as_json`, strict JSON) document, e.g. a control-API body, to compiled
    scenarios."""
    from mockai.scenarios.loader import duplicate_names, parse

    found, problems = parse(text, source, as_json)
    return _compiled(found, problems + duplicate_names(found))
