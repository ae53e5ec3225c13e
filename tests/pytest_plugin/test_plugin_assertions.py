"""`mockai.assert_called` / `assert_not_called`: pass on what the journal holds, and on failure
list what it did record, readably, in the user's pytest output."""

from __future__ import annotations

import pytest
from plugin_support import QUIET

pytest_plugins = ["pytester"]

ASSERTING_TESTS = """
FLAKY = {"name": "flaky", "match": {"user": "flaky"}, "replies": [{"error": 503}, {"content": "ok"}]}


def ask(mockai, text="flaky"):
    completion = mockai.client(max_retries=1).chat.completions.create(
        model="gpt-4o", messages=[{"role": "user", "content": text}])
    return completion.choices[0].message.content


def test_passing_forms(mockai):
    mockai.add_scenario(FLAKY)
    assert ask(mockai) == "ok"
    ask(mockai, "something else")
    entries = mockai.assert_called(scenario="flaky", times=2)
    assert [(e["step"], e["status"]) for e in entries] == [(0, 503), (1, 200)]
    assert len(mockai.assert_called(path="*/chat/completions")) == 3
    [second] = mockai.assert_called(method="post", scenario="fl*", status=200, step=1, times=1)
    assert second["body"]["messages"][0]["content"] == "flaky"
    [unscripted] = mockai.assert_called(scenario=None)
    assert unscripted["body"]["messages"][0]["content"] == "something else"
    mockai.assert_not_called(path="/v1/embeddings")
    mockai.assert_not_called(scenario="flaky", status=500)


def test_too_few(mockai):
    mockai.add_scenario(FLAKY)
    ask(mockai)
    mockai.client().models.list()
    mockai.assert_called(scenario="flaky", times=3)


def test_nothing_recorded(mockai):
    mockai.assert_called(path="/v1/embeddings")


def test_not_called_but_was(mockai):
    mockai.add_scenario(FLAKY)
    ask(mockai)
    mockai.assert_not_called(scenario="flaky", status=503)
"""


def test_assertions_and_their_failure_messages(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_inner=ASSERTING_TESTS)
    result = pytester.runpytest(*QUIET)
    result.assert_outcomes(passed=1, failed=3)
    result.stdout.re_match_lines(
        [
            r"E +AssertionError: mockai: expected 3 request\(s\) matching scenario='flaky'; 2 matched\.$",
            r"E +The journal of session [0-9a-f]{32} \(3 request\(s\), '>' marks a match\):$",
            r"E +> POST /v1/chat/completions  scenario=flaky  step=0  status=503  fault=scripted:503$",
            r"E +> POST /v1/chat/completions  scenario=flaky  step=1  status=200$",
            r"E +GET /v1/models  scenario=-  step=-  status=200$",
        ]
    )
    result.stdout.re_match_lines(
        [
            r"E +AssertionError: mockai: expected at least 1 request\(s\) matching "
            r"path='/v1/embeddings'; 0 matched\.$",
            r"E +The journal of session [0-9a-f]{32} is empty: no request with its X-Mockai-Session "
            r"header \(mockai.client\(\) and mockai.headers carry it\) reached mockai\.$",
        ]
    )
    result.stdout.re_match_lines(
        [
            r"E +AssertionError: mockai: expected 0 request\(s\) matching scenario='flaky', "
            r"status=503; 1 matched\.$",
            r"E +> POST /v1/chat/completions  scenario=flaky  step=0  status=503  fault=scripted:503$",
            r"E +POST /v1/chat/completions  scenario=flaky  step=1  status=200$",
        ]
    )
    # The helpers' own frames are hidden: the traceback points at the test's line.
    result.stdout.no_fnmatch_line("*def assert_called*")
