"""pytest fixtures (SPEC §5): `mockai_server` (one in-process server per test session) and
`mockai` (the same server seen through a fresh `X-Mockai-Session`, so each test has clean state).

The server runs in a background thread with its own event loop: no subprocess to spawn, and
sync and async tests alike can talk to it.
"""

from __future__ import annotations

import asyncio
import json
import threading
import urllib.error
import urllib.request
import uuid
from pathlib import Path
from typing import Any, Iterator

import pytest

from mockai.config import Settings

TEST_API_KEY = "sk-mockai-test"


class MockaiServer:
    """A mockai server on a free loopback port, served from a daemon thread."""

    def __init__(self, settings: Settings | None = None) -> None:
        # Imported here, not at the top: every pytest run loads the plugin, most never serve.
        from mockai import warmup
        from mockai.scenarios import load
        from mockai.server.app import create_app

        # Tests run back to back and some measure time: the one-off loading that a server
        # otherwise saves for a quiet spell starts now, where it has always been, not at a
        # moment no test can predict.
        warmup.hurry()
        self.settings = settings or Settings(port=0, watch=False, quiet=True)
        scenarios = load(self.settings.scenario_paths()) if self.settings.scenarios else []
        self._app = create_app(self.settings, scenarios)
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, name="mockai-server", daemon=True)
        self._thread.start()
        self._ready.wait(30)
        self.root = f"http://127.0.0.1:{self.port}"
        self.url = f"{self.root}/v1"

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        from mockai.server.app import start

        self._runner, self.port = self._loop.run_until_complete(start(self._app, "127.0.0.1", 0))
        self._ready.set()
        self._loop.run_forever()
        self._loop.run_until_complete(self._runner.cleanup())
        self._loop.close()

    def stop(self) -> None:
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)

    def control(self, method: str, path: str, body: bytes | None = None,
                session: str | None = None) -> Any:
        """Call the control API (`/_mockai/...`) and return its JSON."""
        request = urllib.request.Request(self.root + path, data=body, method=method)
        if session is not None:
            request.add_header("X-Mockai-Session", session)
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.loads(response.read() or b"null")


class MockaiSession:
    """One test's view of the server: its own session id, scenarios, counters and journal."""

    def __init__(self, server: MockaiServer, session: str | None = None) -> None:
        self.server = server
        self.session = session or uuid.uuid4().hex
        self.url = server.url
        self.headers = {"X-Mockai-Session": self.session}

    def client(self, **kwargs: Any):
        """An `openai.OpenAI` bound to this session (kwargs go to the constructor)."""
        import openai

        return openai.OpenAI(**self._client_args(kwargs))

    def async_client(self, **kwargs: Any):
        import openai

        return openai.AsyncOpenAI(**self._client_args(kwargs))

    def _client_args(self, kwargs: dict[str, Any]) -> dict[str, Any]:
        headers = {**self.headers, **kwargs.pop("default_headers", {})}
        return {"base_url": self.url, "api_key": TEST_API_KEY, "default_headers": headers, **kwargs}

    def add_scenario(self, scenario: dict[str, Any] | list[Any] | str) -> list[str]:
        """Add scenarios (a dict, a list, or YAML text) for this test only; returns their names."""
        text = scenario if isinstance(scenario, str) else json.dumps(scenario)
        try:
            return self.server.control("POST", "/_mockai/scenarios", text.encode(), self.session)["data"]
        except urllib.error.HTTPError as exc:
            problems = json.loads(exc.read()).get("problems", [])
            raise ValueError("invalid scenario:\n" + "\n".join(problems)) from None

    @property
    def requests(self) -> list[dict[str, Any]]:
        return self.server.control("GET", f"/_mockai/requests?session={self.session}")["data"]

    def reset(self) -> None:
        self.server.control("POST", f"/_mockai/reset?session={self.session}")


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("mockai")
    group.addoption("--mockai-scenarios", action="append", default=None, metavar="PATH",
                    help="scenario files or folders for the mockai_server fixture")
    group.addoption("--mockai-seed", type=int, default=None, help="seed for mockai_server")
    parser.addini("mockai_scenarios", "scenario files or folders for mockai_server", type="paths")


@pytest.fixture(scope="session")
def mockai_server(pytestconfig: pytest.Config) -> Iterator[MockaiServer]:
    paths = pytestconfig.getoption("mockai_scenarios") or [
        str(p) for p in pytestconfig.getini("mockai_scenarios")]
    settings = Settings(port=0, watch=False, quiet=True, scenarios=[str(Path(p)) for p in paths],
                        seed=pytestconfig.getoption("mockai_seed") or 0)
    server = MockaiServer(settings)
    yield server
    server.stop()


@pytest.fixture
def mockai(mockai_server: MockaiServer) -> Iterator[MockaiSession]:
    session = MockaiSession(mockai_server)
    yield session
    session.reset()
