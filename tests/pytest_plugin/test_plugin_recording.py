"""`@pytest.mark.mockai_recording` and `--mockai-record`, in inner test sessions, against a second
mockai acting as the upstream (MOCKAI_RECORD_UPSTREAM): `new` records a missing file, `none`
replays it with the upstream stopped and fails on a missing one, `all` records again; the key
is in no written file."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from plugin_support import QUIET

# The chat handlers are imported on the first chat request; imported here, at collection,
# they are not dropped when an inner run restores sys.modules (and registered again after).
import mockai.endpoints.chat.handlers  # noqa: F401
from mockai.config import Settings
from mockai.pytest_plugin import MockaiServer

pytest_plugins = ["pytester"]

KEY = "sk-recording-secret-0123456789abcdef"
UPSTREAM = [
    {"name": "weather", "match": {"user": "weather"}, "reply": {"content": "Sunny upstream."}},
    {
        "name": "twice",
        "match": {"user": "again"},
        "replies": [{"content": "first upstream"}, {"content": "second upstream"}],
    },
]

INNER = """
import pytest


def ask(mockai, text):
    completion = mockai.client(max_retries=0).chat.completions.create(
        model="gpt-4o", messages=[{"role": "user", "content": text}])
    return completion.choices[0].message.content


@pytest.mark.mockai_recording
def test_weather(mockai):
    assert ask(mockai, "weather in Boston?") == "Sunny upstream."
    assert [ask(mockai, "again"), ask(mockai, "again")] == ["first upstream", "second upstream"]


@pytest.mark.mockai_recording("named")
def test_named(mockai):
    mockai.add_scenario({"name": "local", "match": {"user": "local"}, "reply": {"content": "here"}})
    assert ask(mockai, "local") == "here"
    assert ask(mockai, "weather?") == "Sunny upstream."


def test_unmarked(mockai):
    assert ask(mockai, "weather?") != "Sunny upstream."
"""


@pytest.fixture
def upstream(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    scenarios = tmp_path / "upstream.yaml"
    scenarios.write_text(yaml.safe_dump(UPSTREAM))
    server = MockaiServer(
        Settings(host="127.0.0.1", port=0, watch=False, quiet=True, scenarios=[str(scenarios)])
    )
    monkeypatch.setenv("MOCKAI_RECORD_UPSTREAM", server.url)
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    stopped: list[bool] = []

    def stop_once() -> None:
        if not stopped:
            stopped.append(True)
            server.stop()

    server.stop_once = stop_once  # type: ignore[attr-defined]
    yield server
    stop_once()


@pytest.fixture
def inner(pytester: pytest.Pytester) -> pytest.Pytester:
    pytester.makepyfile(test_inner=INNER)
    return pytester


def run(pytester: pytest.Pytester, *args: str) -> pytest.RunResult:
    return pytester.runpytest(*QUIET, *args)


def recorded(pytester: pytest.Pytester) -> dict[str, str]:
    folder = pytester.path / "recordings"
    return {p.name: p.read_text() for p in sorted(folder.glob("*"))}


def test_new_records_then_none_replays_offline(inner: pytest.Pytester, upstream) -> None:
    run(inner, "--mockai-record=new").assert_outcomes(passed=3)
    files = recorded(inner)
    assert sorted(files) == ["named.yaml", "test_inner-test_weather.yaml"]
    for text in files.values():
        assert KEY not in text and "Bearer" not in text
    weather = yaml.safe_load(files["test_inner-test_weather.yaml"])
    assert [len(s["replies"]) for s in weather] == [1, 2]
    named = yaml.safe_load(files["named.yaml"])
    assert [s["match"]["user"] for s in named] == ["weather?"]  # the local scenario answered

    upstream.stop_once()
    run(inner).assert_outcomes(passed=3)  # default none: replay, the upstream is gone
    run(inner, "--mockai-record=new").assert_outcomes(passed=3)  # present: replayed too
    assert recorded(inner) == files


def test_missing_recording_under_none_fails_with_the_command(
    inner: pytest.Pytester, upstream
) -> None:
    result = run(inner, "-k", "weather")
    result.assert_outcomes(errors=1, deselected=2)
    result.stdout.fnmatch_lines(
        [
            "mockai: no recording *recordings/test_inner-test_weather.yaml for "
            "test_inner.py::test_weather *record it with: "
            "*pytest --mockai-record=new 'test_inner.py::test_weather'",
        ]
    )
    assert not (inner.path / "recordings").exists()


def test_all_records_again(inner: pytest.Pytester, upstream) -> None:
    folder = inner.path / "recordings"
    folder.mkdir()
    stale = "- name: stale\n  match: {user: weather}\n  reply: {content: stale}\n"
    (folder / "named.yaml").write_text(stale)
    run(inner, "-k", "named").assert_outcomes(passed=0, failed=1, deselected=2)  # replays stale
    inner.makeini("[pytest]\nmockai_record = all\n")
    run(inner, "-k", "named").assert_outcomes(passed=1, deselected=2)
    text = (folder / "named.yaml").read_text()
    assert "stale" not in text and "Sunny upstream." in text and KEY not in text


def test_recording_needs_a_key(inner: pytest.Pytester, upstream, monkeypatch) -> None:
    monkeypatch.delenv("OPENAI_API_KEY")
    result = run(inner, "--mockai-record=new", "-k", "named")
    result.assert_outcomes(errors=1, deselected=2)
    result.stdout.fnmatch_lines(["*needs the upstream's key in OPENAI_API_KEY*"])


def test_a_client_of_its_own_is_recorded_into_the_test_file(
    pytester: pytest.Pytester, upstream
) -> None:
    """Any client: raw HTTP with its own key and no mockai header lands in the test's file."""
    pytester.makepyfile(
        test_raw=f"""
import json, urllib.request
import pytest


@pytest.mark.mockai_recording
def test_raw(mockai):
    body = json.dumps({{"model": "gpt-4o", "messages": [{{"role": "user", "content": "weather"}}]}})
    request = urllib.request.Request(mockai.url + "/chat/completions", data=body.encode(),
        headers={{"Authorization": "Bearer {KEY}", "Content-Type": "application/json",
                 "X-Mockai-Record-Group": "elsewhere"}})
    with urllib.request.urlopen(request) as response:
        assert json.loads(response.read())["choices"][0]["message"]["content"] == "Sunny upstream."
"""
    )
    run(pytester, "--mockai-record=new").assert_outcomes(passed=1)
    assert sorted(recorded(pytester)) == ["test_raw-test_raw.yaml"]
