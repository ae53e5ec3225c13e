"""The `mockai` command: `serve` runs the emulator, `validate` checks scenario files.

Flags are taken as text and converted by `mockai.config`, like environment variables and config
file values, so every bad value, whoever gave it, is one line naming it and exit status 2.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import ctypes
import logging
import os
import sys
import textwrap
from pathlib import Path
from typing import NoReturn

from mockai import __version__, init_command, requests_command, schema_command, tiktoken_command
from mockai.config import (
    DEFAULT_CONFIG,
    ENVIRONMENT,
    SettingError,
    Settings,
    flag,
    from_sources,
    with_default_config,
)
from mockai.endpoints import endpoint_names
from mockai.faults.kinds import ALL, DEFAULT_KINDS
from mockai.recording.steps import MATCH_FIELDS
from mockai.scenarios import ScenarioProblems, load

USAGE_ERROR = 2


class _Parser(argparse.ArgumentParser):
    """Mistakes on the command line are one line on stderr, not a usage dump."""

    def error(self, message: str) -> NoReturn:
        self.exit(USAGE_ERROR, f"mockai: {message} (see `{self.prog} --help`)\n")


def _epilog(options: set[str]) -> str:
    """The chaos kinds and every MOCKAI_* variable, from the code that defines them."""
    stalls = ", ".join(k for k in ALL if k not in DEFAULT_KINDS)
    kinds = textwrap.fill(
        f"{', '.join(ALL)}; by default all but {stalls}",
        width=78,
        initial_indent="  ",
        subsequent_indent="  ",
    )
    defaults = Settings()
    rows = []
    for variable, (setting, negated) in ENVIRONMENT.items():
        option = flag(setting)
        if option not in options:
            meaning = f"no flag; default {getattr(defaults, setting)}"
        elif option.startswith("--no-") != negated:
            meaning = f"0 is {option}"
        else:
            meaning = option
        rows.append(f"  {variable:<28} {meaning}")
    return (
        f"chaos kinds (--chaos-kinds, the X-Mockai-Chaos header, a scenario's chaos.kinds):\n"
        f"{kinds}\n\n"
        "environment variables (flags win over them, and they over --config FILE):\n"
        + "\n".join(rows)
    )


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="mockai",
        description="A local emulator of the OpenAI HTTP API.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"mockai {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    serve = commands.add_parser(
        "serve",
        help="run the emulator",
        description="Run the emulator.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    serve.add_argument("--host", help="address to bind (default 127.0.0.1)")
    serve.add_argument("--port", metavar="N", help="port (default 8000; 0 picks a free one)")
    serve.add_argument(
        "--scenarios",
        nargs="+",
        metavar="PATH",
        help="scenario files or folders (default ./scenarios when it exists)",
    )
    serve.add_argument(
        "--seed", metavar="N", help="seed for generated replies and jitter (default 0)"
    )
    serve.add_argument(
        "--strict",
        action="store_const",
        const=True,
        help="no matching scenario is a 404 no_scenario_matched",
    )
    serve.add_argument(
        "--lenient",
        action="store_const",
        const=True,
        help="accept unknown request fields and unknown models",
    )
    serve.add_argument(
        "--api-key",
        dest="api_key",
        action="append",
        metavar="KEY",
        help="accept only this key (repeatable); default: any non-empty key",
    )
    serve.add_argument(
        "--admin-token", metavar="TOKEN", help="token that opens /_mockai/ to non-loopback clients"
    )
    serve.add_argument(
        "--config",
        metavar="FILE",
        help="mockai.yaml with these settings plus models: and limits: "
        "(default ./mockai.yaml when it exists)",
    )
    serve.add_argument("--quiet", action="store_const", const=True, help="no access log")
    serve.add_argument(
        "--no-watch",
        dest="watch",
        action="store_const",
        const=False,
        help="do not reload scenario files when they change",
    )
    serve.add_argument(
        "--shutdown-grace",
        metavar="SECONDS",
        help="on SIGTERM or SIGINT, how long in-flight requests may take to finish (default 5)",
    )
    serve.add_argument(
        "--job-clock",
        metavar="PACE",
        help="long-running jobs: instant, paused (advanced by POST /_mockai/jobs/advance), "
        "realtime or realtime:N (N times as fast); default realtime",
    )
    limits = serve.add_argument_group("rate limits (per API key and model)")
    limits.add_argument("--rpm", metavar="N", help="requests per minute")
    limits.add_argument("--tpm", metavar="N", help="tokens per minute")
    limits.add_argument("--rpd", metavar="N", help="requests per day")
    limits.add_argument("--tpd", metavar="N", help="tokens per day")
    limits.add_argument("--tier", help="OpenAI's published limits: free, 1, 2, 3, 4 or 5")
    limits.add_argument(
        "--quota-requests", metavar="N", help="insufficient_quota after N requests per key"
    )
    limits.add_argument(
        "--quota-usd", metavar="USD", help="insufficient_quota once a key has spent this much"
    )
    chaos = serve.add_argument_group("chaos (random faults, reproducible with --seed)")
    chaos.add_argument(
        "--chaos-rate", metavar="P", help="share of requests that get a fault (0..1)"
    )
    chaos.add_argument(
        "--chaos-kinds", metavar="KIND,...", help="faults to draw from (the kinds are listed below)"
    )

    recording = serve.add_argument_group("recording and replay")
    recording.add_argument(
        "--proxy-unmatched", metavar="URL", help="send what no scenario matches to this upstream"
    )
    recording.add_argument(
        "--record", metavar="DIR", help="with --proxy-unmatched: write its answers to DIR"
    )
    recording.add_argument(
        "--replay-speed",
        metavar="X",
        help="recorded streams (events:) at X times their speed; 0: no waiting (default 1)",
    )
    _recording_flags(recording)
    record = commands.add_parser(
        "record",
        help="a proxy that records the upstream's answers as scenario files",
        description="Forward every request to --upstream and write its answers to --out.",
    )
    # Each flag also has its MOCKAI_<FLAG> variable (the flag wins): see record_command.
    record.add_argument("--upstream", metavar="URL", help="required (or MOCKAI_UPSTREAM)")
    record.add_argument("--out", metavar="DIR", help="required (or MOCKAI_OUT)")
    record.add_argument("--host", help="default 127.0.0.1")
    record.add_argument("--port", metavar="N", help="default 8000")
    record.add_argument(
        "--match-on",
        metavar="FIELD,...",
        help=f"what recorded scenarios match on (default {','.join(MATCH_FIELDS)})",
    )
    _recording_flags(record)

    validate = commands.add_parser(
        "validate",
        help="check scenario files and mockai.yaml; FILE:LINE per problem",
        description="Check scenario files (default: the config's `scenarios`, else ./scenarios) "
        "and a mockai.yaml (default ./mockai.yaml when no PATH is given and it exists).",
    )
    validate.add_argument("paths", nargs="*", metavar="PATH")
    validate.add_argument("--config", metavar="FILE", help="a mockai.yaml to check as well")
    tiktoken_command.register(commands)  # `mockai tiktoken-cache`: its own module
    requests_command.register(commands)  # `mockai requests`: its own module
    # -- editor support: `mockai schema` and `mockai init`, each in its own module --
    schema_command.register(commands)
    init_command.register(commands)
    parser.epilog = serve.epilog = _epilog({o for a in serve._actions for o in a.option_strings})
    return parser


def _recording_flags(group: argparse._ActionsContainer) -> None:
    group.add_argument(
        "--redact",
        action="append",
        metavar="REGEX",
        help="write what this matches as [redacted] (repeatable; keys always are)",
    )
    group.add_argument(
        "--keep-ids",
        dest="keep_ids",
        action="store_const",
        const=True,
        help="record ids and timestamps as they came (default: placeholders, fresh on replay)",
    )


M_ARENA_MAX = -8  # glibc's malloc.h


def _one_malloc_arena() -> None:
    """glibc gives each thread that allocates its own malloc arena; the vocabularies loaded on
    the warm-up threads leave ~7 MB stranded in theirs. The server's threads only load things
    once, so one arena costs no contention. (Elsewhere than glibc: nothing to do.)"""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").mallopt(M_ARENA_MAX, 1)


def _serve(args: argparse.Namespace) -> int:
    from mockai.server.app import create_app
    from mockai.shutdown import run_until_signalled

    try:
        settings = from_sources(with_default_config(vars(args), os.environ))
    except SettingError as exc:
        print(f"mockai: {exc}", file=sys.stderr)
        return USAGE_ERROR
    try:
        scenarios = load(settings.scenario_paths(), endpoint_names())
    except ScenarioProblems as exc:
        print("\n".join(exc.problems), file=sys.stderr)
        print("mockai: refusing to start with invalid scenarios", file=sys.stderr)
        return 1
    try:
        app = create_app(settings, scenarios)
    except SettingError as exc:  # limits, chaos or models that make no sense
        print(f"mockai: {exc.located(settings)}", file=sys.stderr)
        return USAGE_ERROR
    logging.basicConfig(
        level=logging.WARNING if settings.quiet else logging.INFO,
        format="%(message)s",
        stream=sys.stderr,
    )
    _one_malloc_arena()

    with contextlib.suppress(ImportError):
        import uvloop

        asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())
    return run_until_signalled(app, settings.host, settings.port, settings.shutdown_grace)


def _validate(args: argparse.Namespace) -> int:
    config = args.config or (None if args.paths or not DEFAULT_CONFIG.is_file() else DEFAULT_CONFIG)
    problems: list[str] = []
    settings = Settings()
    if config is not None:
        from mockai.config_check import check_config  # it builds the app, as `serve` would

        checked, config_problems = check_config(Path(config))
        settings = checked or settings
        problems = [str(p) for p in config_problems]
    paths = [Path(p) for p in args.paths] or settings.scenario_paths()
    if not paths and config is None:
        print(
            "mockai: nothing to validate: give PATH ... or --config FILE "
            "(default ./scenarios and ./mockai.yaml)",
            file=sys.stderr,
        )
        return USAGE_ERROR
    try:
        scenarios = load(paths, endpoint_names())
    except ScenarioProblems as exc:
        problems += exc.problems
    if problems:
        print("\n".join(problems))
        return 1
    print(f"ok: {len(scenarios)} scenario(s){f' and {config}' if config else ''}")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == tiktoken_command.NAME:  # `mockai tiktoken-cache`: its own module
        return tiktoken_command.run(args)
    if args.command == requests_command.NAME:  # `mockai requests`: its own module
        return requests_command.run(args)
    if args.command == schema_command.NAME:  # editor support
        return schema_command.run(args)
    if args.command == init_command.NAME:  # editor support
        return init_command.run(args)
    if args.command == "record":  # its own module, imported when used (it loads the server)
        from mockai import record_command

        return record_command.run(args)
    return _serve(args) if args.command == "serve" else _validate(args)
