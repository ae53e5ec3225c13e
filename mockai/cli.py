"""`mockai serve` and `mockai validate` (SPEC §1)."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import ctypes
import logging
import sys
from pathlib import Path

from mockai import __version__


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="mockai", description=__doc__)
    parser.add_argument("--version", action="version", version=f"mockai {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    serve = commands.add_parser("serve", help="run the emulator")
    serve.add_argument("--host", help="address to bind (default 127.0.0.1)")
    serve.add_argument("--port", type=int, help="port (default 8000; 0 picks a free one)")
    serve.add_argument("--scenarios", nargs="+", metavar="PATH",
                       help="scenario files or folders (default ./scenarios when it exists)")
    serve.add_argument("--seed", type=int, help="seed for generated replies and jitter (default 0)")
    serve.add_argument("--strict", action="store_const", const=True,
                       help="no matching scenario is a 404 no_scenario_matched")
    serve.add_argument("--lenient", action="store_const", const=True,
                       help="accept unknown request fields and unknown models")
    serve.add_argument("--api-key", dest="api_key", action="append", metavar="KEY",
                       help="accept only this key (repeatable); default: any non-empty key")
    serve.add_argument("--admin-token", help="token that opens /_mockai/ to non-loopback clients")
    serve.add_argument("--config", help="mockai.yaml with these settings plus models:")
    serve.add_argument("--quiet", action="store_const", const=True, help="no access log")
    serve.add_argument("--no-watch", dest="watch", action="store_const", const=False,
                       help="do not reload scenario files when they change")
    limits = serve.add_argument_group("rate limits (per API key and model)")
    limits.add_argument("--rpm", type=int, help="requests per minute")
    limits.add_argument("--tpm", type=int, help="tokens per minute")
    limits.add_argument("--rpd", type=int, help="requests per day")
    limits.add_argument("--tpd", type=int, help="tokens per day")
    limits.add_argument("--tier", help="OpenAI's published limits: free, 1, 2, 3, 4 or 5")
    limits.add_argument("--quota-requests", type=int, metavar="N",
                        help="insufficient_quota after N requests per key")
    limits.add_argument("--quota-usd", type=float, metavar="USD",
                        help="insufficient_quota once a key has spent this much")
    chaos = serve.add_argument_group("chaos (random faults, reproducible with --seed)")
    chaos.add_argument("--chaos-rate", type=float, metavar="P",
                       help="share of requests that get a fault (0..1)")
    chaos.add_argument("--chaos-kinds", metavar="KIND,...",
                       help="faults to draw from (default: all but the stalls)")

    validate = commands.add_parser("validate", help="check scenario files; FILE:LINE per problem")
    validate.add_argument("paths", nargs="+", metavar="PATH")
    return parser


M_ARENA_MAX = -8  # glibc's malloc.h


def _one_malloc_arena() -> None:
    """glibc gives each thread that allocates its own malloc arena; the vocabularies loaded on
    the warm-up threads leave ~7 MB stranded in theirs. The server's threads only load things
    once, so one arena costs no contention. (Elsewhere than glibc: nothing to do.)"""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").mallopt(M_ARENA_MAX, 1)


def _serve(args: argparse.Namespace) -> int:
    _one_malloc_arena()
    from mockai.config import from_sources
    from mockai.scenarios import ScenarioProblems, load
    from mockai.server.app import create_app, serve_forever

    try:
        settings = from_sources(vars(args))
    except (OSError, ValueError) as exc:
        print(f"mockai: {exc}", file=sys.stderr)
        return 2
    logging.basicConfig(level=logging.WARNING if settings.quiet else logging.INFO,
                        format="%(message)s", stream=sys.stderr)
    try:
        scenarios = load(settings.scenario_paths())
    except ScenarioProblems as exc:
        print("\n".join(exc.problems), file=sys.stderr)
        print("mockai: refusing to start with invalid scenarios", file=sys.stderr)
        return 1
    try:
        app = create_app(settings, scenarios)
    except ValueError as exc:  # limits or chaos settings that make no sense
        print(f"mockai: {exc}", file=sys.stderr)
        return 2

    def announce(line: str) -> None:
        print(line, flush=True)

    with contextlib.suppress(ImportError):
        import uvloop

        asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())
    try:
        asyncio.run(serve_forever(app, settings.host, settings.port, announce))
    except KeyboardInterrupt:
        pass
    except OSError as exc:
        print(f"mockai: cannot listen on {settings.host}:{settings.port}: {exc}", file=sys.stderr)
        return 1
    return 0


def _validate(args: argparse.Namespace) -> int:
    from mockai.scenarios import ScenarioProblems, load

    try:
        scenarios = load([Path(p) for p in args.paths])
    except ScenarioProblems as exc:
        print("\n".join(exc.problems))
        return 1
    print(f"ok: {len(scenarios)} scenario(s)")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    return _serve(args) if args.command == "serve" else _validate(args)
