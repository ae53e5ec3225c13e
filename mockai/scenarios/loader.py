"""Reading scenario files into validated, compiled scenarios, with `FILE:LINE: reason` problems.

Every problem in every file is collected before giving up, so `mockai validate` can list them
all; the server refuses to start on any of them rather than serve a partial set.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError
from pydantic_core import ErrorDetails

from mockai.scenarios.jsonfile import JSONProblem, parse_json
from mockai.scenarios.problems import Located, Path_, Place, Problem
from mockai.scenarios.schema import Scenario, keys_at

SUFFIXES = (".yaml", ".yml", ".json")

try:
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # PyYAML built without libyaml
    _Loader = yaml.SafeLoader


def scenario_files(paths: Iterable[Path]) -> tuple[list[Path], list[Problem]]:
    files: list[Path] = []
    problems: list[Problem] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.suffix in SUFFIXES and p.is_file()))
        elif path.is_file():
            files.append(path)
        else:
            problems.append(Problem(str(path), 0, "no such file or directory"))
    return files, problems


def _line_map(node: yaml.Node, path: Path_, lines: dict[Path_, int]) -> None:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            _line_map(value, path + (key.value,), lines)
            lines[path + (key.value,)] = key.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _line_map(item, path + (index,), lines)


def _message(error: ErrorDetails, path: Path_) -> str:
    kind = error["type"]
    if kind == "extra_forbidden":
        close = difflib.get_close_matches(str(path[-1]), keys_at(path[:-1]), n=1)
        return f"unknown field; did you mean {close[0]!r}?" if close else "unknown field"
    if kind == "missing":
        return "missing required field"
    return str(error["msg"]).removeprefix("Value error, ")


def _syntax_problem(exc: yaml.YAMLError, text: str, source: str) -> Problem:
    """`FILE:LINE` of a YAML syntax error.

    An unclosed quote or bracket is only noticed at the end of the input, past the mistake;
    then the line where the unclosed construct starts (or else the last written line) is the
    one worth reporting.
    """
    mark = getattr(exc, "problem_mark", None)
    context = getattr(exc, "context_mark", None)
    end = len(text.rstrip())
    if mark is None:
        line = 1
    elif mark.index < end:
        line = mark.line + 1
    elif context is not None and context.index < end:
        line = context.line + 1
    else:
        line = text.count("\n", 0, end) + 1
    reason = getattr(exc, "problem", None) or str(exc)
    context_text = getattr(exc, "context", None)
    if context_text:
        reason += f" ({context_text})"
    return Problem(source, line, f"invalid YAML: {reason}")


def read_yaml(text: str) -> tuple[Any, dict[Path_, int]]:
    """A YAML document and the line of each value (a mapping value: its key's line)."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    lines: dict[Path_, int] = {}
    if node is not None:
        _line_map(node, (), lines)
    return data, lines


def parse(text: str, source: str, as_json: bool = False) -> tuple[list[Located], list[Problem]]:
    """One document's valid scenarios, and the problems of the invalid ones.

    Both are returned so the valid ones can still be checked further (templates, duplicate
    names) and every problem of every file is listed at once. `as_json` reads it as strict
    JSON (a `.json` file) instead of YAML.
    """
    try:
        data, lines = parse_json(text) if as_json and text.strip() else read_yaml(text)
    except yaml.YAMLError as exc:
        return [], [_syntax_problem(exc, text, source)]
    except JSONProblem as exc:
        return [], [Problem(source, exc.line, f"invalid JSON: {exc}")]
    if data is None:
        return [], []
    if isinstance(data, dict):
        data, lines = [data], {(0,) + k: v for k, v in lines.items()}
    if not isinstance(data, list):
        return [], [Problem(source, 1, "expected a list of scenarios or one scenario")]

    by_item: dict[Any, dict[Path_, int]] = {}  # each scenario's own line map, in one pass
    for key, line in lines.items():
        if key:
            by_item.setdefault(key[0], {})[key[1:]] = line
    found: list[Located] = []
    problems: list[Problem] = []
    for index, item in enumerate(data):
        place = Place(source, by_item.get(index, {}))
        if not isinstance(item, dict):
            problems.append(Problem(source, place.line(), "a scenario must be a mapping"))
            continue
        try:
            found.append(Located(source, place.lines, Scenario.model_validate(item)))
        except ValidationError as exc:
            for error in exc.errors():
                path = _clean_path(error, place.lines)
                problems.append(place.problem(path, _message(error, path)))
    return found, problems


def _clean_path(error: ErrorDetails, lines: dict[Path_, int]) -> Path_:
    """Drop pydantic's union-branch labels from an error location, keeping the file's keys."""
    path: Path_ = ()
    for part in error["loc"]:
        if path + (part,) in lines:
            path += (part,)
    if error["type"] == "missing":  # a missing key is not in the file: name it after its parent
        path += (error["loc"][-1],)
    return path


def load_paths(paths: Iterable[Path]) -> tuple[list[Located], list[Problem]]:
    """Every valid scenario in the given files and folders, in matching order (sorted paths, file
    order), and every problem found on the way."""
    files, problems = scenario_files(paths)
    found: list[Located] = []
    for file in files:
        try:
            text = file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            problems.append(Problem(str(file), 0, f"cannot read: {exc}"))
            continue
        valid, invalid = parse(text, str(file), as_json=file.suffix == ".json")
        found.extend(valid)
        problems.extend(invalid)
    problems.extend(duplicate_names(found))
    return found, problems


def duplicate_names(found: Iterable[Located]) -> list[Problem]:
    first: dict[str, Located] = {}
    problems = []
    for located in found:
        name = located.scenario.name
        if name in first:
            first_at = first[name].where(("name",))
            problems.append(
                Problem(
                    located.source,
                    located.line(("name",)),
                    f"duplicate scenario name {name!r} (first defined at {first_at})",
                )
            )
        else:
            first[name] = located
    return problems
