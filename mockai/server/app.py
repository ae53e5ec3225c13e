"""Building the aiohttp application, running it, and stopping it gracefully.

A stop (`runner.cleanup()`, whoever asks for it: `serve_until` for the command line, the pytest
plugin's thread) closes the listening socket at once, then drains: paced streams send the rest
of their answer without waiting and end properly, and in-flight requests get
`settings.shutdown_grace` seconds to finish before aiohttp cancels them.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
import socket
from collections.abc import Callable
from functools import partial
from pathlib import Path

from aiohttp import web

from mockai import generation, tokenizer, warmup
from mockai.config import SettingError, Settings
from mockai.control import api as control_api
from mockai.endpoints import all_routes, endpoint_names
from mockai.jobclock import Pace
from mockai.recording.proxy import FORWARDER, RECORDER, Forwarder
from mockai.recording.steps import Options
from mockai.recording.writer import Recorder
from mockai.scenarios.engine import CompiledScenario
from mockai.scenarios.watcher import watch
from mockai.server.middleware import mockai_middleware
from mockai.toolkit.state import STATE, ServerState

PREFIXES = ("/v1", "/api/openai/v1")


def create_app(
    settings: Settings, scenarios: list[CompiledScenario] | None = None
) -> web.Application:
    """The app for already-validated scenarios (the server never starts half-configured);
    a ValueError names a limits or chaos setting that makes no sense, a SettingError another
    setting."""
    _check_job_clock(settings)
    state = ServerState.build(settings, scenarios or [], endpoint_names())
    app = web.Application(
        middlewares=[mockai_middleware], client_max_size=settings.max_body_mb * 1024 * 1024
    )
    app[STATE] = state
    for route, handler in all_routes():
        for prefix in PREFIXES:
            app.router.add_route(route.method, prefix + route.path, handler)
    control_api.add_routes(app)
    _check_recording(settings)
    if settings.proxy_unmatched:
        app[FORWARDER] = Forwarder(settings.proxy_unmatched)
        app.on_cleanup.append(_close_forwarder)
        if settings.record:
            app[RECORDER] = Recorder(
                Path(settings.record),
                Options(redact=tuple(settings.redact), keep_ids=settings.keep_ids),
            )
    app.on_shutdown.append(_drain)
    app.cleanup_ctx.append(_warm_up)
    if settings.watch and settings.scenario_paths():
        app.cleanup_ctx.append(_watcher)
    return app


def _check_job_clock(settings: Settings) -> None:
    try:
        Pace.parse(settings.job_clock)
    except ValueError as exc:
        raise SettingError("job_clock", str(exc)) from None


def _check_recording(settings: Settings) -> None:
    upstream = settings.proxy_unmatched
    if upstream is not None and not upstream.startswith(("http://", "https://")):
        raise SettingError("proxy_unmatched", f"{upstream!r} is not an http:// or https:// URL")
    if settings.record is not None and upstream is None:
        raise SettingError("record", "records what --proxy-unmatched forwards; give that too")
    for pattern in settings.redact:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise SettingError("redact", f"{pattern!r} is not a regex: {exc}") from None


async def _close_forwarder(app: web.Application) -> None:
    await app[FORWARDER].close()


async def _drain(app: web.Application) -> None:
    """Between closing the listening socket and waiting for in-flight requests."""
    app[STATE].drain.start()


async def _warm_up(app: web.Application):
    """Load vocabularies and Faker on worker threads, so first requests need not wait."""
    tokenizer.preload("o200k_base")  # most models' vocabulary
    # The older models' comes next, unless a request wants it first: loading it at once would
    # hold the GIL while the first requests are being answered.
    warmup.when_quiet(partial(tokenizer.preload, "cl100k_base"))
    warmup.when_quiet(generation.warm_up)  # Faker, for generated replies
    watcher = asyncio.create_task(warmup.tell_when_quiet())
    yield
    watcher.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await watcher


async def _watcher(app: web.Application):
    state = app[STATE]
    task = asyncio.create_task(watch(state.settings.scenario_paths(), state.names, state.engine))
    yield
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task


async def start(app: web.Application, host: str, port: int) -> tuple[web.AppRunner, int]:
    """Start serving; returns the runner and the bound port (useful with port 0)."""
    runner = web.AppRunner(
        app,
        handler_cancellation=True,
        access_log=None,
        shutdown_timeout=app[STATE].settings.shutdown_grace if STATE in app else 5.0,
    )
    await runner.setup()
    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        # A deep accept queue: load tests open thousands of connections at once, and the
        # default (128) drops the excess, which clients then see as second-long connect retries.
        site = web.SockSite(runner, sock, backlog=4096)
        await site.start()
    except BaseException:  # a busy port, a bad host: leave no socket or app start-up behind
        sock.close()
        await runner.cleanup()
        raise
    return runner, sock.getsockname()[1]


async def serve_until(
    app: web.Application, host: str, port: int, announce: Callable[[str], None], stop: asyncio.Event
) -> None:
    """Serve until `stop` is set, then stop gracefully."""
    runner, bound = await start(app, host, port)
    shown = f"[{host}]" if ":" in host else host
    announce(f"mockai listening on http://{shown}:{bound}")
    try:
        await stop.wait()
    finally:
        await runner.cleanup()
