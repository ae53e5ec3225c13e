"""A server that cannot start fails its fixture at once, naming the cause: invalid scenarios
(every FILE:LINE), a setting that makes no sense, a port already taken."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator

import pytest
from plugin_support import FILE_SCENARIO_TESTS, QUIET

from mockai.config import Settings
from mockai.pytest_plugin import MockaiServer, MockaiStartError

pytest_plugins = ["pytester"]

# Well under the 30 s the fixture used to wait before failing with an AttributeError.
AT_ONCE_S = 15


@pytest.fixture
def busy_port() -> Iterator[int]:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        yield taken.getsockname()[1]


def run_timed(pytester: pytest.Pytester, *args: str) -> pytest.RunResult:
    start = time.perf_counter()
    result = pytester.runpytest(*QUIET, *args)
    assert time.perf_counter() - start < AT_ONCE_S
    return result


def test_invalid_scenario_files(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_inner_scenario_files=FILE_SCENARIO_TESTS)
    (pytester.path / "bad.yaml").write_text(
        "- name: x\n  reply: {content: y, oops: 1}\n- name: z\n  reply: {content: '{{ usr }}'}\n"
    )
    result = run_timed(pytester, "--mockai-scenarios", "bad.yaml")
    result.assert_outcomes(errors=3)
    result.stdout.fnmatch_lines(
        [
            "*ScenarioProblems: *bad.yaml:2: reply.oops: unknown field*",
            "*direct cause of the following exception*",
            "*MockaiStartError: mockai server did not start: *bad.yaml:2: reply.oops: unknown field*",
            "*bad.yaml:4: reply.content: template uses unknown variable(s) usr*",
        ]
    )


def test_impossible_setting(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_inner="def test_x(mockai):\n    pass\n")
    result = run_timed(pytester, "--mockai-chaos-rate", "2")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(
        ["*MockaiStartError: mockai server did not start: chaos_rate: 2.0 is not between 0 and 1"]
    )


def test_busy_port_in_the_session_settings(pytester: pytest.Pytester, busy_port: int) -> None:
    """The port is bound in the server's own thread: its failure is raised in the test's."""
    pytester.makeconftest(f"""
import dataclasses

import pytest


@pytest.fixture(scope="session")
def mockai_settings(mockai_settings):
    return dataclasses.replace(mockai_settings, port={busy_port})
""")
    pytester.makepyfile(
        test_inner="def test_x(mockai):\n    pass\n\n\ndef test_y(mockai_server):\n    pass\n"
    )
    result = run_timed(pytester)
    result.assert_outcomes(errors=2)
    result.stdout.fnmatch_lines(
        ["*OSError: *ddress already in use*", "*MockaiStartError: mockai server did not start: *"]
    )
    result.stdout.no_fnmatch_line("*AttributeError*")


def test_busy_port_through_the_factory_and_the_class(
    pytester: pytest.Pytester, busy_port: int
) -> None:
    pytester.makepyfile(
        test_inner=f"""
import pytest

from mockai.pytest_plugin import MockaiStartError


def test_factory(mockai_factory):
    with pytest.raises(MockaiStartError) as caught:
        mockai_factory(port={busy_port})
    assert isinstance(caught.value.__cause__, OSError)
"""
    )
    run_timed(pytester).assert_outcomes(passed=1)
    with pytest.raises(MockaiStartError) as caught:
        MockaiServer(Settings(port=busy_port, watch=False, quiet=True))
    assert isinstance(caught.value.__cause__, OSError)
