"""`mockai record --upstream URL --out DIR`: the recording proxy on the command line.

It forwards every request to the upstream with the caller's own credentials, answers with what
came back, and writes it to DIR as scenario files (see `mockai.recording`). It announces itself
with the same `mockai listening on http://HOST:PORT` line as `mockai serve`.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from mockai.config import SettingError, texts, yes_no
from mockai.endpoints import declared_routes
from mockai.recording.proxy import recording_app
from mockai.recording.steps import MATCH_FIELDS, Options
from mockai.recording.writer import Recorder
from mockai.server.app import PREFIXES
from mockai.shutdown import run_until_signalled

USAGE_ERROR = 2
# Each flag's value when neither it nor its MOCKAI_<FLAG> variable is given.
DEFAULTS: dict[str, Any] = {
    "upstream": None,
    "out": None,
    "host": "127.0.0.1",
    "port": "8000",
    "match_on": ",".join(MATCH_FIELDS),
    "redact": None,
    "keep_ids": False,
}


def endpoint_resolver() -> Callable[[str, str], str | None]:
    """The scenario endpoint name of `METHOD /path` (under any prefix), from the families'
    declared routes."""
    table = [
        (
            route.method,
            re.compile(
                "(?:"
                + "|".join(map(re.escape, PREFIXES))
                + ")"
                + re.sub(r"\\\{[^}]*\\\}", "[^/]+", re.escape(route.path))
                + "/?$"
            ),
            route.scenario,
        )
        for _, route in declared_routes()
        if route.scenario is not None
    ]

    def endpoint_of(method: str, path: str) -> str | None:
        return next(
            (name for m, pattern, name in table if m == method and pattern.match(path)), None
        )

    return endpoint_of


def _from_environment(args: argparse.Namespace, env: Mapping[str, str]) -> argparse.Namespace:
    """Each flag not given, from its MOCKAI_<FLAG> variable (as `mockai serve` reads them), else
    its default; SettingError for a variable that does not read."""
    given = vars(args)
    out = argparse.Namespace(**given)
    for flag, default in DEFAULTS.items():
        variable = f"MOCKAI_{flag.upper()}"
        if given.get(flag) is not None or variable not in env:
            if given.get(flag) is None:
                setattr(out, flag, default)
            continue
        raw = env[variable]
        try:
            value: Any = texts(raw) if flag == "redact" else raw
            value = yes_no(raw) if flag == "keep_ids" else value
        except ValueError as exc:
            raise SettingError(flag, f"{raw!r} {exc}", where=variable) from None
        setattr(out, flag, value)
    return out


def run(args: argparse.Namespace, env: Mapping[str, str] | None = None) -> int:
    try:
        args = _from_environment(args, os.environ if env is None else env)
    except SettingError as exc:
        print(f"mockai: {exc}", file=sys.stderr)
        return USAGE_ERROR
    for required in ("upstream", "out"):
        if not getattr(args, required):
            print(
                f"mockai: --{required} (or MOCKAI_{required.upper()}) is required",
                file=sys.stderr,
            )
            return USAGE_ERROR
    try:
        port = int(args.port)
        if not 0 <= port <= 65535:
            raise ValueError
    except ValueError:
        print(f"mockai: --port: {args.port!r} is not a port (0-65535)", file=sys.stderr)
        return USAGE_ERROR
    match_on = tuple(f for f in args.match_on.split(",") if f)
    unknown = [f for f in match_on if f not in MATCH_FIELDS]
    if unknown:
        print(
            f"mockai: --match-on: unknown {', '.join(unknown)} (use {', '.join(MATCH_FIELDS)})",
            file=sys.stderr,
        )
        return USAGE_ERROR
    try:
        for pattern in args.redact or ():
            re.compile(pattern)
    except re.error as exc:
        print(f"mockai: --redact: {exc}", file=sys.stderr)
        return USAGE_ERROR
    options = Options(match_on, tuple(args.redact or ()), bool(args.keep_ids))
    app = recording_app(args.upstream, endpoint_resolver(), Recorder(Path(args.out), options))

    return run_until_signalled(app, args.host, port, 5.0)
