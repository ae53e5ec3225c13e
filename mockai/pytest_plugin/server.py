"""A mockai server inside the test process: no subprocess to spawn, and sync and async tests
alike can talk to it, because it runs on its own event loop in a daemon thread."""

from __future__ import annotations

import asyncio
import json
import threading
import urllib.request
from pathlib import Path
from typing import Any

from mockai.config import Settings

HOST = "127.0.0.1"
START_TIMEOUT_S = 30.0


class MockaiStartError(RuntimeError):
    """The server could not start. The cause is chained and its text repeated here, so the
    fixture's error names it (e.g. every `FILE:LINE: reason` of invalid scenarios)."""


async def _cancel_the_rest() -> None:
    """Cancel the loop's other tasks, as `asyncio.run` does before closing a loop: a start
    that failed half-way (the app's start-up done, the port busy) leaves its background
    tasks behind."""
    tasks = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)


class MockaiServer:
    """A mockai server on loopback (`settings.port`; 0 picks a free port), served from a
    daemon thread. Loads exactly `settings.scenarios`: the plugin resolves the `./scenarios`
    default when it builds the settings, so a conftest that clears them gets none.
    `record_group`: with `settings.record`, every recorded exchange goes to
    `<record>/<record_group>.yaml`, whatever group the request names (a test's recording)."""

    def __init__(self, settings: Settings | None = None, record_group: str | None = None) -> None:
        self.settings = settings or Settings(host=HOST, port=0, watch=False, quiet=True)
        self.record_group = record_group
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._run, name="mockai-server", daemon=True)
        self._thread.start()
        try:
            self._runner, self.port = self._start()
        except Exception as exc:
            self._close()
            raise MockaiStartError(f"mockai server did not start: {exc}") from exc
        self.root = f"http://{HOST}:{self.port}"
        self.url = f"{self.root}/v1"

    def _start(self) -> tuple[Any, int]:
        # Imported here, not at the top: every pytest run loads the plugin, most never serve.
        from mockai import warmup
        from mockai.endpoints import endpoint_names
        from mockai.scenarios import load
        from mockai.server.app import create_app, start

        # Tests run back to back and some measure time: the one-off loading that a server
        # otherwise saves for a quiet spell starts now, where it has always been, not at a
        # moment no test can predict.
        warmup.hurry()
        scenarios = load((Path(p) for p in self.settings.scenarios), endpoint_names())
        app = create_app(self.settings, scenarios)
        if self.record_group is not None:
            from mockai.recording.proxy import RECORDER

            app[RECORDER].group = self.record_group
        # Whatever `start` raises in the server's thread (a busy port...) is raised here at once.
        started = asyncio.run_coroutine_threadsafe(start(app, HOST, self.settings.port), self._loop)
        return started.result(START_TIMEOUT_S)

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        self._loop.run_forever()

    def _close(self) -> None:
        asyncio.run_coroutine_threadsafe(_cancel_the_rest(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)
        self._loop.close()

    def stop(self) -> None:
        asyncio.run_coroutine_threadsafe(self._runner.cleanup(), self._loop).result(10)
        self._close()

    def control(
        self, method: str, path: str, body: bytes | None = None, session: str | None = None
    ) -> Any:
        """Call the control API (`/_mockai/...`) and return its JSON; an error status raises
        `urllib.error.HTTPError`."""
        request = urllib.request.Request(self.root + path, data=body, method=method)
        if session is not None:
            request.add_header("X-Mockai-Session", session)
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.loads(response.read() or b"null")
