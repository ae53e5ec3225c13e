"""Scenario files: format, loading, matching, templating and sequencing."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from mockai.scenarios.endpoints import EndpointNames
from mockai.scenarios.engine import CompiledScenario, compile_all
from mockai.scenarios.loader import duplicate_names, load_paths, parse
from mockai.scenarios.problems import Located, Problem, ScenarioProblems

__all__ = ["EndpointNames", "ScenarioProblems", "load", "load_text"]


def _compiled(
    found: list[Located], problems: list[Problem], names: EndpointNames
) -> list[CompiledScenario]:
    """Compile the valid scenarios even when others failed, so template problems are listed
    together with every other problem instead of only after those are fixed."""
    compiled, more = compile_all(found, names)
    if problems or more:
        raise ScenarioProblems([*problems, *more])
    return compiled


def load(paths: Iterable[Path], names: EndpointNames) -> list[CompiledScenario]:
    """Files and folders to compiled scenarios, their `match.endpoint`s checked against
    `names`; raises ScenarioProblems listing every problem."""
    return _compiled(*load_paths(paths), names)


def load_text(
    text: str, source: str, names: EndpointNames, as_json: bool = False
) -> list[CompiledScenario]:
    """One YAML (or, `as_json`, strict JSON) document, e.g. a control-API body, to compiled
    scenarios."""
    found, problems = parse(text, source, as_json)
    return _compiled(found, problems + duplicate_names(found), names)
