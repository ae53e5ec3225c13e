"""`mockai record --upstream URL --out DIR`: the recording proxy on the command line.

It forwards every request to the upstream with the caller's own credentials, answers with what
came back, and writes it to DIR as scenario files (see `mockai.recording`). It announces itself
with the same `mockai listening on http://HOST:PORT` line as `mockai serve`.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from pathlib import Path

from mockai.endpoints import declared_routes
from mockai.recording.proxy import recording_app
from mockai.recording.steps import MATCH_FIELDS, Options
from mockai.recording.writer import Recorder
from mockai.server.app import PREFIXES
from mockai.shutdown import run_until_signalled

USAGE_ERROR = 2


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


def run(args: argparse.Namespace) -> int:
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
