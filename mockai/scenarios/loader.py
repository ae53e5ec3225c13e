"""Reading scenario files into validated, compiled scenarios, with `FILE:LINE: reason` problems.

Every problem in every file is collected before giving up, so `mockai validate` can list them
all; the server refuses to start on any of them rather than serve a partial set.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

import yaml
from pydantic import ValidationError

from mockai.scenarios.schema import Scenario

SUFFIXES = (".yaml", ".yml", ".json")
Path_ = tuple[Any, ...]

try:
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # PyYAML built without libyaml
    _Loader = yaml.SafeLoader


class ScenarioProblems(Exception):
    """One or more `FILE:LINE: reason` problems."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass(frozen=True)
class Located:
    """A validated scenario and where each of its values stands in its file."""

    scenario: Scenario
    source: str
    lines: dict[Path_, int]

    def line(self, path: Path_ = ()) -> int:
        while path not in self.lines and path:
            path = path[:-1]
        return self.lines.get(path, 1)

    def where(self, path: Path_ = ()) -> str:
        return f"{self.source}:{self.line(path)}"


def scenario_files(paths: Iterable[Path]) -> tuple[list[Path], list[str]]:
    files: list[Path] = []
    problems: list[str] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.suffix in SUFFIXES and p.is_file()))
        elif path.is_file():
            files.append(path)
        else:
            problems.append(f"{path}:0: no such file or directory")
    return files, problems


def _line_map(node: yaml.Node, path: Path_, lines: dict[Path_, int]) -> None:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            lines[path + (key.value,)] = key.start_mark.line + 1
            _line_map(value, path + (key.value,), lines)
            lines[path + (key.value,)] = key.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _line_map(item, path + (index,), lines)


def _describe(path: Path_) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _message(error: dict[str, Any]) -> str:
    kind = error["type"]
    if kind == "extra_forbidden":
        return "unknown field"
    if kind == "missing":
        return "missing required field"
    return str(error["msg"]).removeprefix("Value error, ")


def _syntax_problem(exc: yaml.YAMLError, text: str, source: str) -> str:
    """`FILE:LINE` of a YAML/JSON syntax error.

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
    return f"{source}:{line}: invalid YAML/JSON: {reason}"


def parse(text: str, source: str) -> tuple[list[Located], list[str]]:
    """One document's valid scenarios, and a `FILE:LINE` problem for each invalid one.

    Both are returned so the valid ones can still be checked further (templates, duplicate
    names) and every problem of every file is listed at once.
    """
    try:
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        return [], [_syntax_problem(exc, text, source)]
    if node is None or data is None:
        return [], []
    lines: dict[Path_, int] = {}
    _line_map(node, (), lines)
    if isinstance(data, dict):
        data, lines = [data], {(0,) + k: v for k, v in lines.items()}
    if not isinstance(data, list):
        return [], [f"{source}:1: expected a list of scenarios or one scenario"]

    by_item: dict[Any, dict[Path_, int]] = {}  # each scenario's own line map, in one pass
    for key, line in lines.items():
        if key:
            by_item.setdefault(key[0], {})[key[1:]] = line
    found: list[Located] = []
    problems: list[str] = []
    for index, item in enumerate(data):
        own = by_item.get(index, {})
        located_item = Located(None, source, own)  # type: ignore[arg-type]
        if not isinstance(item, dict):
            problems.append(f"{located_item.where()}: a scenario must be a mapping")
            continue
        try:
            found.append(Located(Scenario.model_validate(item), source, own))
        except ValidationError as exc:
            seen = set()
            for error in exc.errors():
                path = _clean_path(error, own)
                problem = f"{located_item.where(path)}: {_describe(path) or 'scenario'}: {_message(error)}"
                if problem not in seen:
                    seen.add(problem)
                    problems.append(problem)
    return found, problems


def _clean_path(error: dict[str, Any], lines: dict[Path_, int]) -> Path_:
    """Drop pydantic's union-branch labels from an error location, keeping the file's keys."""
    path: Path_ = ()
    for part in error["loc"]:
        if path + (part,) in lines:
            path += (part,)
    if error["type"] == "missing":  # a missing key is not in the file: name it after its parent
        path += (error["loc"][-1],)
    return path


def load_paths(paths: Iterable[Path]) -> tuple[list[Located], list[str]]:
    """Every valid scenario in the given files and folders, in SPEC order (sorted paths, file
    order), and every problem found on the way."""
    files, problems = scenario_files(paths)
    found: list[Located] = []
    for file in files:
        try:
            text = file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            problems.append(f"{file}:0: cannot read: {exc}")
            continue
        valid, invalid = parse(text, str(file))
        found.extend(valid)
        problems.extend(invalid)
    problems.extend(duplicate_names(found))
    return found, problems


def duplicate_names(found: Iterable[Located]) -> list[str]:
    first: dict[str, Located] = {}
    problems = []
    for located in found:
        name = located.scenario.name
        if name in first:
            problems.append(
                f"{located.where(('name',))}: duplicate scenario name {name!r} "
                f"(first defined at {first[name].where(('name',))})"
            )
        else:
            first[name] = located
    return problems
