"""`mockai serve` stops cleanly on SIGTERM and SIGINT.

Without a handler SIGTERM kills the process (status -15), and as PID 1 in a container it is
ignored altogether, so `docker stop` waits ten seconds and then kills. Here the first signal
starts the graceful stop (`mockai.server.app`: no new connections, streams end now, in-flight
requests get `shutdown_grace` seconds) and the process exits 0; a second one exits at once.
Signal handlers only work on the main thread, so they belong to the command line; the stop
itself is the same one the pytest plugin's server thread uses.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys
from collections.abc import Callable

from aiohttp import web

from mockai.server.app import serve_until

SIGNALS = (signal.SIGTERM, signal.SIGINT)


async def serve_until_signalled(
    app: web.Application, host: str, port: int, announce: Callable[[str], None], grace: float
) -> None:
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()

    def at_once(signum: int) -> None:
        os._exit(128 + signum)  # the shell's status for "killed by this signal"

    def gracefully(signum: int) -> None:
        print(
            f"mockai: {signal.Signals(signum).name}: stopping; in-flight requests get up to "
            f"{grace:g}s, streams end now (signal again to exit at once)",
            file=sys.stderr,
            flush=True,
        )
        for each in SIGNALS:
            loop.add_signal_handler(each, at_once, each)
        stop.set()

    with contextlib.suppress(NotImplementedError):  # Windows: Ctrl-C stops without grace
        for each in SIGNALS:
            loop.add_signal_handler(each, gracefully, each)
    await serve_until(app, host, port, announce, stop)


def run_until_signalled(app: web.Application, host: str, port: int, grace: float) -> int:
    """Serve on the command line: announce the address on stdout, stop on a signal; the exit
    status (1: the address cannot be listened on)."""

    def announce(line: str) -> None:
        print(line, flush=True)

    try:
        asyncio.run(serve_until_signalled(app, host, port, announce, grace))
    except KeyboardInterrupt:
        pass
    except OSError as exc:
        print(f"mockai: cannot listen on {host}:{port}: {exc}", file=sys.stderr)
        return 1
    return 0
