"""Fixtures for raw HTTP tests (SDK tests use the plugin's own `mockai` fixture)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest
import yaml

from mockai.config import Settings
from mockai.endpoints import endpoint_names
from mockai.openapi.operations import operations
from mockai.scenarios import load_text
from mockai.server.app import create_app


@pytest.fixture
def serve(aiohttp_client) -> Callable:
    """`client = await serve(scenarios, **settings)`: scenarios as YAML text or a list."""

    async def make(scenarios: str | list | None = None, **settings: Any):
        text = scenarios if isinstance(scenarios, str) else yaml.safe_dump(scenarios or [])
        compiled = load_text(text, "<test>", endpoint_names()) if scenarios else []
        app = create_app(
            Settings(**{"port": 0, "watch": False, "quiet": True, **settings}), compiled
        )
        return await aiohttp_client(app)

    return make


@pytest.fixture(scope="session")
def mockai_settings(mockai_settings: Settings) -> Settings:
    """The plugin would load ./scenarios (the bundled examples, tested on their own in
    test_bundled_scenarios.py): SDK tests add their own scenarios to a server without any."""
    return replace(mockai_settings, scenarios=[])


def pytest_terminal_summary(terminalreporter) -> None:
    """Lines the suites record for the summary, also under xdist, whose workers send an
    item's recorded properties with its report: the SDK resource tests' `N passed / M`
    (tests/test_sdk_resources.py), and `N/288 operations conformant` (tests/conformance/:
    an operation counts when every case of it passed, in both modes)."""
    outcomes: dict[str, set[str]] = {"passed": set(), "failed": set()}
    for reports in terminalreporter.stats.values():
        for report in reports:
            if getattr(report, "when", None) != "call":
                continue  # every phase's report carries the item's properties
            for name, value in getattr(report, "user_properties", ()):
                if name == "sdk_resources":
                    terminalreporter.write_line(value)
                elif name == "conformance":
                    outcomes.setdefault(report.outcome, set()).add(value)
    if outcomes["passed"] or outcomes["failed"]:
        total = [op.operation_id for op in operations().values()]
        conformant = [
            op
            for op in total
            if {f"{op} default", f"{op} lenient"} <= outcomes["passed"] - outcomes["failed"]
        ]
        terminalreporter.write_line(
            f"{len(conformant)}/{len(total)} operations conformant "
            "(every case passed, in the default mode and in --lenient)"
        )
