"""The `mockai` and `mockai_server` fixtures in an inner test session, the way users run them:
per-test sessions on one server, scenarios added per test or loaded from files."""

from __future__ import annotations

import json

import pytest
from plugin_support import COUNTER, FILE_SCENARIO_TESTS, QUIET

from mockai.pytest_plugin import ScenarioError

pytest_plugins = ["pytester"]


INNER_TESTS = """
import json
import urllib.request

import pytest

SEQ = {"name": "seq", "match": {"user": "seq"},
       "replies": [{"content": "one"}, {"content": "two"}, {"content": "three"}]}


def ask(mockai, text="seq"):
    completion = mockai.client().chat.completions.create(
        model="gpt-4o-mini", messages=[{"role": "user", "content": text}])
    return completion.choices[0].message.content


def raw_chat(url, text, session=None):
    headers = {"Authorization": "Bearer sk-x", "Content-Type": "application/json"}
    if session:
        headers["X-Mockai-Session"] = session
    body = json.dumps({"model": "gpt-4o", "messages": [{"role": "user", "content": text}]})
    request = urllib.request.Request(url + "/chat/completions", data=body.encode(), headers=headers)
    with urllib.request.urlopen(request) as response:
        return json.loads(response.read())["choices"][0]["message"]["content"]


def test_url(mockai, mockai_server):
    assert mockai.url.endswith("/v1")
    assert mockai.url == mockai_server.url
    assert mockai.url.startswith("http://127.0.0.1:")


def test_client_sends_the_session_and_sequence_advances(mockai):
    mockai.add_scenario(SEQ)
    assert [ask(mockai), ask(mockai)] == ["one", "two"]
    entries = mockai.requests
    assert [e["session"] for e in entries] == [mockai.session] * 2
    assert [e["step"] for e in entries] == [0, 1]
    sent = {k.lower(): v for k, v in entries[0]["headers"].items()}
    assert sent["x-mockai-session"] == mockai.session


def test_state_is_clean_in_the_next_test(mockai):
    mockai.add_scenario(SEQ)
    assert ask(mockai) == "one"
    assert len(mockai.requests) == 1


def test_add_scenario_as_yaml_text(mockai):
    names = mockai.add_scenario("- name: from-yaml\\n  match: {user: yaml}\\n  reply: {content: yaml!}\\n"
                                "- name: second\\n  match: {user: other}\\n  reply: {content: other!}\\n")
    assert names == ["from-yaml", "second"]
    assert ask(mockai, "yaml please") == "yaml!"
    assert ask(mockai, "the other") == "other!"


def test_add_scenario_list_and_invalid(mockai):
    from mockai.pytest_plugin import ScenarioError

    mockai.add_scenario([{"name": "a", "match": {"user": "a"}, "reply": {"content": "A"}}])
    assert ask(mockai, "a") == "A"
    with pytest.raises(ScenarioError, match=r"<request>:\\d+: ") as caught:
        mockai.add_scenario({"name": "bad", "reply": {"content": "x", "nope": 1}})
    assert isinstance(caught.value, ValueError)
    assert caught.value.problems and all(p.startswith("<request>:") for p in caught.value.problems)


def test_added_scenarios_belong_to_this_test_only(mockai):
    mockai.add_scenario({"name": "private", "reply": {"content": "private"}})
    assert raw_chat(mockai.url, "hello", mockai.session) == "private"
    assert raw_chat(mockai.url, "hello", "someone-else") != "private"
    assert raw_chat(mockai.url, "hello") != "private"


def test_requests_show_only_this_test(mockai):
    raw_chat(mockai.url, "outside any session")
    assert mockai.requests == []
    ask(mockai, "inside")
    [entry] = mockai.requests
    assert entry["body"]["messages"][0]["content"] == "inside"


def test_async_client(mockai):
    import asyncio

    mockai.add_scenario({"name": "async", "reply": {"content": "async ok"}})

    async def go():
        client = mockai.async_client()
        completion = await client.chat.completions.create(
            model="gpt-4o", messages=[{"role": "user", "content": "x"}])
        await client.close()
        return completion.choices[0].message.content

    assert asyncio.run(go()) == "async ok"
"""

TIMING_CONFTEST = """
import json
import time

import pytest

TIMES = {}


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_setup(item):
    start = time.perf_counter()
    yield
    TIMES.setdefault(item.name, {})["setup"] = time.perf_counter() - start


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item):
    start = time.perf_counter()
    yield
    TIMES.setdefault(item.name, {})["teardown"] = time.perf_counter() - start


def pytest_sessionfinish(session):
    with open("fixture_times.json", "w") as out:
        json.dump(TIMES, out)
"""


def test_fixtures_in_an_inner_session(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_inner=INNER_TESTS)
    pytester.makeconftest(TIMING_CONFTEST)
    result = pytester.runpytest(*QUIET)
    result.assert_outcomes(passed=8)
    times = json.loads((pytester.path / "fixture_times.json").read_text())
    assert len(times) == 8
    # Reported, not asserted tightly: the first set-up starts the server, later ones are cheap.
    print("\nmockai fixture set-up / teardown per test (ms):")
    for name, phases in times.items():
        print(f"  {name}: {phases['setup'] * 1000:.1f} / {phases['teardown'] * 1000:.1f}")
    assert all(phases["setup"] < 30 for phases in times.values())


def test_mockai_scenarios_option_loads_files(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_inner_scenario_files=FILE_SCENARIO_TESTS)
    folder = pytester.path / "sc"
    folder.mkdir()
    (folder / "counter.yaml").write_text(COUNTER)
    result = pytester.runpytest(*QUIET, "--mockai-scenarios", str(folder))
    result.assert_outcomes(passed=3)


def test_mockai_scenarios_ini_option(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_inner_scenario_files=FILE_SCENARIO_TESTS)
    (pytester.path / "counter.yaml").write_text(COUNTER)
    pytester.makeini("[pytest]\nmockai_scenarios = counter.yaml\n")
    result = pytester.runpytest(*QUIET)
    result.assert_outcomes(passed=3)


def test_without_scenarios_the_file_tests_fail(pytester: pytest.Pytester) -> None:
    """The control for the two above: the inner tests do depend on the loaded file."""
    pytester.makepyfile(test_inner_scenario_files=FILE_SCENARIO_TESTS)
    result = pytester.runpytest(*QUIET)
    result.assert_outcomes(failed=3)


def test_scenarios_folder_in_the_rootdir_is_loaded_by_default(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As `mockai serve` loads ./scenarios; from the rootdir, so running pytest in a
    sub-folder (where there is no scenarios/) serves the same scenarios."""
    pytester.makeini("[pytest]\n")
    (pytester.path / "scenarios").mkdir()
    (pytester.path / "scenarios" / "counter.yaml").write_text(COUNTER)
    sub = pytester.mkpydir("sub")
    (sub / "test_inner_scenario_files.py").write_text(FILE_SCENARIO_TESTS)
    monkeypatch.chdir(sub)
    result = pytester.runpytest(*QUIET)
    result.assert_outcomes(passed=3)


def test_configured_scenarios_replace_the_default(pytester: pytest.Pytester) -> None:
    (pytester.path / "scenarios").mkdir()
    (pytester.path / "scenarios" / "counter.yaml").write_text(COUNTER)
    (pytester.path / "mock.yaml").write_text("scenarios: [elsewhere]\n")
    pytester.makepyfile(test_inner_scenario_files=FILE_SCENARIO_TESTS)
    pytester.mkdir("elsewhere")
    result = pytester.runpytest(*QUIET, "--mockai-config", "mock.yaml")
    result.assert_outcomes(failed=3)


def test_scenario_error_carries_the_servers_message_whatever_the_body() -> None:
    """`add_scenario`'s error for the control API's three possible answers: its `problems`,
    an error message without problems, and a body that is not JSON (a proxy's page)."""
    listed = ScenarioError.from_response(
        400,
        json.dumps(
            {"error": {"message": "a; b"}, "problems": ["<request>:1: a", "<request>:2: b"]}
        ).encode(),
    )
    assert listed.problems == ["<request>:1: a", "<request>:2: b"]
    assert str(listed) == "invalid scenario:\n<request>:1: a\n<request>:2: b"
    message_only = ScenarioError.from_response(
        400,
        json.dumps(
            {
                "error": {
                    "message": "Scenarios must be a mapping or a list.",
                    "type": "invalid_request_error",
                    "param": None,
                    "code": "invalid_scenario",
                },
                "problems": [],
            }
        ).encode(),
    )
    assert (message_only.problems, str(message_only)) == (
        [],
        "invalid scenario (HTTP 400): Scenarios must be a mapping or a list.",
    )
    not_json = ScenarioError.from_response(502, b"<html>Bad Gateway</html>")
    assert str(not_json) == "invalid scenario (HTTP 502): <html>Bad Gateway</html>"
    assert isinstance(not_json, ValueError)


def test_plugin_is_registered_by_entry_point(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_x="def test_x(mockai):\n    assert mockai.url.endswith('/v1')\n")
    result = pytester.runpytest_subprocess(*QUIET, "--help")
    result.stdout.fnmatch_lines(["*--mockai-scenarios*"])
    result = pytester.runpytest_subprocess(*QUIET)
    result.assert_outcomes(passed=1)
