"""`mockai validate --config FILE`: a mockai.yaml checked as `mockai serve` checks it, its
problem as `FILE:LINE: reason` like a scenario file's.

The checks are the server's own: the settings' conversions and ranges (`mockai.config`), then
what building the app checks (limits, chaos, models, recording). Like the server, it stops at
the first problem.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from mockai.config import SETTINGS, SettingError, Settings, from_sources
from mockai.scenarios.loader import read_yaml
from mockai.scenarios.problems import Path_, Problem
from mockai.server.app import create_app

_LINE = re.compile(r":(\d+)$")


def check_config(path: Path) -> tuple[Settings | None, list[Problem]]:
    """The file's settings (environment variables ignored), or its problem."""
    settings = None
    try:
        settings = from_sources({"config": str(path)}, env={})
        create_app(settings)
    except SettingError as exc:
        located = exc.located(settings) if settings is not None else exc
        return None, [_problem(path, located)]
    return settings, []


def _problem(path: Path, error: SettingError) -> Problem:
    if error.name == "config":  # the file as a whole: YAML syntax, not a mapping, unknown keys
        found = _LINE.search(error.where)
        line = int(found.group(1)) if found else _unknown_key_line(path)
        return Problem(str(path), line, error.reason)
    key = error.where.rpartition(": ")[2]  # as the file spells it (`admin-token`)
    within: Path_ = tuple(int(p) if p.isdigit() else p for p in error.within.split(".") if p)
    text = f"{key}{'.' + error.within if error.within else ''}: {error.reason}"
    return Problem(str(path), _line(path, (key, *within)), text)


def _lines(path: Path) -> dict[Path_, int]:
    try:
        return read_yaml(path.read_text(encoding="utf-8"))[1]
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return {}


def _line(path: Path, at: Path_) -> int:
    lines = _lines(path)
    while at and at not in lines:  # a masked API key is not in the file: its parent is
        at = at[:-1]
    return lines.get(at, 1)


def _unknown_key_line(path: Path) -> int:
    known = {spec.name for spec in SETTINGS}
    unknown = [
        line
        for at, line in _lines(path).items()
        if len(at) == 1 and str(at[0]).replace("-", "_") not in known
    ]
    return min(unknown, default=1)
