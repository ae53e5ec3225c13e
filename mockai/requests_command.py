"""`mockai requests [--follow]`: a running server's journal (`GET /_mockai/requests`) on the
terminal, one line per request, or JSON Lines with `--json`.

`--follow` polls with `since=<the last id printed>`, like `tail -f`; a server that is not (or
no longer) listening is one line on stderr, and it keeps trying. Only the standard library
talks to the server, so the command needs nothing the server does not.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any, TextIO

from mockai.config import SettingError, from_sources, local_url, with_default_config
from mockai.faults.kinds import label

NAME = "requests"
FILTERS = ("session", "scenario", "path", "status", "limit")
TIMEOUT_S = 10.0
Show = Callable[[Mapping[str, Any]], str]  # an entry as printed
GREEN, YELLOW, RED, DIM, RESET = "\033[32m", "\033[33m", "\033[31m", "\033[2m", "\033[0m"


class Unreachable(Exception):
    """The server did not answer (not listening, restarting, wrong address)."""


class Refused(Exception):
    """The server answered with an error (403: the admin token; 400: a bad filter)."""


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        NAME,
        help="print a running server's journal, one line per request (--follow: as they come)",
        description="Print the requests a running mockai server recorded, oldest first.",
    )
    parser.add_argument(
        "--url",
        help="the server (default $MOCKAI_URL, else where `mockai serve` would listen here: "
        "MOCKAI_HOST/MOCKAI_PORT, MOCKAI_CONFIG or ./mockai.yaml, port 8000)",
    )
    parser.add_argument(
        "--admin-token",
        metavar="TOKEN",
        help="the admin token (default the server's: $MOCKAI_ADMIN_TOKEN or its mockai.yaml)",
    )
    parser.add_argument("--session", metavar="ID", help="only this session's requests")
    parser.add_argument("--scenario", metavar="NAME", help="only this scenario's; - for none")
    parser.add_argument("--path", metavar="GLOB", help="only paths matching, e.g. '/v1/chat/*'")
    parser.add_argument("--status", metavar="S", help="a code (429), a class (5xx) or a list")
    parser.add_argument("--limit", metavar="N", help="only the last N (with --follow: to start)")
    parser.add_argument("--follow", "-f", action="store_true", help="keep printing new requests")
    parser.add_argument("--json", action="store_true", help="one JSON object per line")
    parser.add_argument(
        "--interval", metavar="SEC", type=float, default=0.5, help="--follow's poll (default 0.5)"
    )
    parser.add_argument(
        "--color",
        action=argparse.BooleanOptionalAction,
        help="colour by status (default: when stdout is a terminal and NO_COLOR is unset)",
    )


def run(args: argparse.Namespace) -> int:
    if not 0 < args.interval < math.inf:
        print("mockai: --interval must be more than 0 seconds", file=sys.stderr)
        return 2
    try:  # the server `mockai serve` would start here: its address and admin token
        settings = from_sources(with_default_config({}, os.environ))
    except SettingError as exc:
        print(f"mockai: {exc}", file=sys.stderr)
        return 2
    url = (args.url or os.environ.get("MOCKAI_URL") or local_url(settings)).rstrip("/")
    token = args.admin_token or settings.admin_token or None
    filters = {name: getattr(args, name) for name in FILTERS if getattr(args, name)}
    color = args.color if args.color is not None else _tty_wants_color(sys.stdout, os.environ)
    show: Show = json.dumps if args.json else lambda entry: line(entry, color)
    try:
        if args.follow:
            _follow(url, token, filters, args.interval, show)
        else:
            for entry in fetch(url, token, filters):
                print(show(entry))
    except Unreachable as exc:
        print(f"mockai: {url} does not answer ({exc})", file=sys.stderr)
        return 1
    except Refused as exc:
        print(f"mockai: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0
    except BrokenPipeError:  # `mockai requests | head`: the reader had enough
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no complaint at exit
        return 0
    return 0


def _tty_wants_color(stream: TextIO, env: Mapping[str, str]) -> bool:
    return stream.isatty() and not env.get("NO_COLOR")


def fetch(url: str, token: str | None, query: Mapping[str, str]) -> list[dict[str, Any]]:
    """One read of the journal."""
    request = urllib.request.Request(f"{url}/_mockai/requests?{urllib.parse.urlencode(query)}")
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_S) as response:
            data: list[dict[str, Any]] = json.load(response)["data"]
            return data
    except (ValueError, KeyError, TypeError):  # a 200 from something else than mockai
        raise Refused(f"{url} answered something other than a mockai journal") from None
    except urllib.error.HTTPError as exc:
        raise Refused(f"{exc.code} {_message(exc)}") from None
    except (urllib.error.URLError, OSError) as exc:
        raise Unreachable(getattr(exc, "reason", None) or exc) from None


def _message(error: urllib.error.HTTPError) -> str:
    """The OpenAI-shaped error's message, else the reason."""
    try:
        return str(json.loads(error.read())["error"]["message"])
    except (ValueError, KeyError, TypeError, OSError):
        return str(error.reason)


def _follow(
    url: str, token: str | None, filters: dict[str, str], interval: float, show: Show
) -> None:
    query = dict(filters)
    waiting = False  # said the server is away, until it answers again
    while True:
        try:
            entries = fetch(url, token, query)
        except Unreachable as exc:
            if not waiting:
                print(f"mockai: waiting for {url} ({exc})", file=sys.stderr, flush=True)
                waiting = True
            time.sleep(interval)
            continue
        waiting = False
        for entry in entries:
            print(show(entry), flush=True)
        query.pop("limit", None)  # a backlog's limit; after it, everything new
        if entries:
            query["since"] = entries[-1]["id"]
        time.sleep(interval)


def line(entry: Mapping[str, Any], color: bool) -> str:
    """`16:04:05.123  POST    /v1/chat/completions      200   12.3 ms  stream  model=...`"""
    status = entry.get("status")
    fault = entry.get("fault")
    when = datetime.fromtimestamp(entry["timestamp"]).strftime("%H:%M:%S.%f")[:-3]
    head = f"{when}  {entry['method']:<7} {entry['path']:<30} {'---' if status is None else status}"
    details = _details(entry)
    took = f"{entry['duration_ms']:>8.1f} ms"
    if not color:
        return f"{head}  {took}  {details}".rstrip()
    return f"{_color(status, fault)}{head}{RESET}  {took}  {DIM}{details}{RESET}"


def _details(entry: Mapping[str, Any]) -> str:
    body, fault = entry.get("body"), entry.get("fault")
    parts: list[str] = []
    if entry.get("stream"):
        parts.append("stream")
    if isinstance(body, dict) and isinstance(body.get("model"), str):
        parts.append(f"model={body['model']}")
    if entry.get("scenario"):
        step = entry.get("step")
        parts.append(f"scenario={entry['scenario']}" + ("" if step is None else f"#{step}"))
    if entry.get("session"):
        parts.append(f"session={entry['session']}")
    if fault:
        parts.append(f"fault={label(fault)}")
    if entry.get("rate_limited"):
        parts.append(f"rate_limited={entry['rate_limited']}")
    return "  ".join(parts)


def _color(status: int | None, fault: object) -> str:
    if status is None or status >= 500 or fault:
        return RED
    if status >= 400:
        return YELLOW
    return GREEN if status < 300 else ""
