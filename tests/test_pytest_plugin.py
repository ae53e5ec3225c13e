"""The pytest plugin (SPEC §5), run the way users run it: an inner test session via `pytester`
using the `mockai` and `mockai_server` fixtures, with the plugin found through its entry point."""

from __future__ import annotations

import json

import pytest

pytest_plugins = ["pytester"]


INNER_TESTS = '''
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
    mockai.add_scenario([{"name": "a", "match": {"user": "a"}, "reply": {"content": "A"}}])
    assert ask(mockai, "a") == "A"
    with pytest.raises(ValueError, match=r"<request>:\\d+: "):
        mockai.add_scenario({"name": "bad", "reply": {"content": "x", "nope": 1}})


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
'''

FILE_SCENARIO_TESTS = '''
def ask(mockai, text):
    completion = mockai.client().chat.completions.create(
        model="gpt-4o", messages=[{"role": "user", "content": text}])
    return completion.choices[0].message.content


def test_first(mockai):
    assert [ask(mockai, "counting"), ask(mockai, "counting")] == ["first", "second"]


def test_second_starts_over(mockai):
    assert ask(mockai, "counting") == "first"
    assert [e["scenario"] for e in mockai.requests] == ["counter"]


def test_reset_inside_a_test(mockai):
    assert ask(mockai, "counting") == "first"
    mockai.reset()
    assert mockai.requests == []
    assert ask(mockai, "counting") == "first"
'''

TIMING_CONFTEST = '''
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
'''

COUNTER = "- name: counter\n  match: {user: counting}\n  replies: [{content: first}, {content: second}]\n"
QUIET = ("-p", "no:cacheprovider", "-o", "asyncio_default_fixture_loop_scope=function")


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


def test_invalid_scenario_file_fails_clearly(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_inner_scenario_files=FILE_SCENARIO_TESTS)
    (pytester.path / "bad.yaml").write_text("- name: x\n  reply: {content: y, oops: 1}\n")
    result = pytester.runpytest(*QUIET, "--mockai-scenarios", "bad.yaml")
    assert result.ret != 0
    result.stdout.fnmatch_lines(["*bad.yaml:2: reply.oops: unknown field*"])


def test_plugin_is_registered_by_entry_point(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_x="def test_x(mockai):\n    assert mockai.url.endswith('/v1')\n")
    result = pytester.runpytest_subprocess(*QUIET, "--help")
    result.stdout.fnmatch_lines(["*--mockai-scenarios*"])
    result = pytester.runpytest_subprocess(*QUIET)
    result.assert_outcomes(passed=1)
