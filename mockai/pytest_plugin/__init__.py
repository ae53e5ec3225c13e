"""mockai's pytest plugin, registered by installing mockai (entry point `pytest11`).

Fixtures: `mockai_settings` (session; the `Settings` built from `--mockai-*` flags and
`mockai_*` ini keys, overridable in a conftest.py), `mockai_server` (session; one in-process
server, `.url` ends in /v1), `mockai` (function; a fresh `X-Mockai-Session` on it, so each test
has clean state) and `mockai_factory` (function; dedicated servers with other settings). The
marker `@pytest.mark.mockai(**settings)` gives a test's `mockai` a dedicated server.
`@pytest.mark.mockai_recording(name)` and `--mockai-record=none|new|all` replay or record a
test's traffic (see `recordings`). `--mockai-tiktoken-cache` makes the session's own tiktoken
calls offline (see `offline_tiktoken`).
"""

from __future__ import annotations

import pytest

from mockai.pytest_plugin import offline_tiktoken, recordings
from mockai.pytest_plugin.fixtures import (
    MockaiFactory,
    mockai,
    mockai_factory,
    mockai_server,
    mockai_settings,
)
from mockai.pytest_plugin.options import add_options
from mockai.pytest_plugin.server import MockaiServer, MockaiStartError
from mockai.pytest_plugin.session import (
    TEST_ADMIN_KEY,
    TEST_API_KEY,
    MockaiSession,
    ScenarioError,
)

__all__ = [
    "TEST_ADMIN_KEY",
    "TEST_API_KEY",
    "MockaiFactory",
    "MockaiServer",
    "MockaiSession",
    "MockaiStartError",
    "ScenarioError",
    "mockai",
    "mockai_factory",
    "mockai_server",
    "mockai_settings",
]


def pytest_addoption(parser: pytest.Parser) -> None:
    add_options(parser)
    offline_tiktoken.add_option(parser)
    recordings.add_options(parser)


def pytest_configure(config: pytest.Config) -> None:
    offline_tiktoken.configure(config)
    config.addinivalue_line(
        "markers",
        "mockai(**settings): run the test's `mockai` fixture on a dedicated server "
        "with these settings (mockai.config.Settings field names, e.g. strict=True, rpm=3)",
    )
    config.addinivalue_line("markers", recordings.MARKER_HELP)
