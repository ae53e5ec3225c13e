"""The fixtures. `mockai_settings` is the one place a test suite configures the session's
server (options, or a conftest.py overriding it); a marked test gets a server of its own."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from mockai.config import Settings
from mockai.pytest_plugin.options import marker_overrides, overridden, settings_from
from mockai.pytest_plugin.recordings import record, recording_of, replay
from mockai.pytest_plugin.server import MockaiServer
from mockai.pytest_plugin.session import MockaiSession


class MockaiFactory:
    """Starts dedicated servers: the session's settings with some changed. Each is stopped
    when the test that asked for it ends."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._servers: list[MockaiServer] = []

    def __call__(self, **overrides: Any) -> MockaiSession:
        """A fresh session on a new server with these settings (Settings field names, e.g.
        `strict=True, rpm=3, api_key="sk-a"`); raises MockaiStartError if it cannot start."""
        __tracebackhide__ = True
        server = MockaiServer(overridden(self.settings, overrides))
        self._servers.append(server)
        return MockaiSession(server)

    def stop_all(self) -> None:
        while self._servers:
            self._servers.pop().stop()


@pytest.fixture(scope="session")
def mockai_settings(pytestconfig: pytest.Config) -> Settings:
    """The session server's settings, from the `--mockai-*` flags and `mockai_*` ini keys.
    Override it in a conftest.py to configure the server in code."""
    return settings_from(pytestconfig)


@pytest.fixture(scope="session")
def mockai_server(mockai_settings: Settings) -> Iterator[MockaiServer]:
    """One server for the whole test session; raises MockaiStartError at once if it cannot start."""
    server = MockaiServer(mockai_settings)
    yield server
    server.stop()


@pytest.fixture
def mockai_factory(mockai_settings: Settings) -> Iterator[MockaiFactory]:
    """`mockai_factory(strict=True)`: a session on a dedicated server, stopped after the test."""
    factory = MockaiFactory(mockai_settings)
    yield factory
    factory.stop_all()


@pytest.fixture
def mockai(request: pytest.FixtureRequest) -> Iterator[MockaiSession]:
    """This test's session on the shared server, or, under `@pytest.mark.mockai(**settings)`,
    on a dedicated server with those settings. Under `@pytest.mark.mockai_recording`, the
    session replays the test's recording, or runs on a recording server (see `recordings`)."""
    overrides = marker_overrides(request.node)
    recording = recording_of(request.node)
    if recording is not None and recording.records:
        settings = request.getfixturevalue("mockai_settings")
        yield from record(settings, overrides or {}, recording)
        return
    if overrides is not None:
        session = request.getfixturevalue("mockai_factory")(**overrides)
    else:
        session = MockaiSession(request.getfixturevalue("mockai_server"))
    if recording is not None:
        replay(session, recording, request.node.nodeid)
    yield session
    if overrides is None:
        session.reset()
