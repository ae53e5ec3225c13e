"""Configuring the fixtures' server: `--mockai-*` flags and their `mockai_*` ini twins, a config
file below both, a conftest.py overriding `mockai_settings`, and per test a dedicated server
through `@pytest.mark.mockai(...)` or `mockai_factory`."""

from __future__ import annotations

import pytest
from plugin_support import INNER_HTTP, QUIET

pytest_plugins = ["pytester"]

CONFIGURED_TESTS = """
import openai
import pytest

from inner_http import chat


def test_the_server_has_the_settings(mockai_server, mockai_settings):
    assert mockai_server.settings is mockai_settings
    s = mockai_settings
    assert (s.strict, s.api_key, s.rpm, s.seed, s.lenient) == (True, ["sk-a", "sk-b"], 2, 7, True)
    assert (s.tpm, s.rpd, s.tpd, s.tier) == (90000, 500, 900000, "1")
    assert (s.quota_requests, s.quota_usd) == (100, 5.5)
    assert (s.host, s.port, s.watch, s.quiet) == ("127.0.0.1", 0, False, True)


def test_strict_no_scenario_is_a_404(mockai):
    status, body = chat(mockai.url, key="sk-b", session=mockai.session)
    assert (status, body["error"]["code"]) == (404, "no_scenario_matched")


def test_only_the_given_keys_are_accepted(mockai):
    status, body = chat(mockai.url, key="sk-other", session=mockai.session)
    assert (status, body["error"]["code"]) == (401, "invalid_api_key")


def test_the_fixture_client_sends_a_given_key_and_rpm_applies(mockai):
    mockai.add_scenario({"name": "ok", "reply": {"content": "ok"}})
    client = mockai.client(max_retries=0)

    def ask():
        return client.chat.completions.create(
            model="gpt-4o", messages=[{"role": "user", "content": "hi"}]).choices[0].message.content

    assert [ask(), ask()] == ["ok", "ok"]
    with pytest.raises(openai.RateLimitError):
        ask()
"""

CHAOS_TESTS = """
from inner_http import chat


def test_every_request_gets_the_named_fault(mockai, mockai_settings):
    assert (mockai_settings.chaos_rate, mockai_settings.chaos_kinds) == (1.0, ["503"])
    status, body = chat(mockai.url, session=mockai.session)
    assert (status, body["error"]["type"]) == (503, "server_error")
    [entry] = mockai.requests
    assert entry["fault"]["source"] == "chaos"
"""


@pytest.mark.parametrize("where", ["flags", "ini"])
def test_strict_keys_limits_seed(pytester: pytest.Pytester, where: str) -> None:
    pytester.makepyfile(inner_http=INNER_HTTP, test_inner=CONFIGURED_TESTS)
    if where == "flags":
        args = [
            "--mockai-strict",
            "--mockai-lenient",
            "--mockai-api-key",
            "sk-a",
            "--mockai-api-key",
            "sk-b",
            "--mockai-rpm",
            "2",
            "--mockai-seed",
            "7",
            "--mockai-tpm",
            "90000",
            "--mockai-rpd",
            "500",
            "--mockai-tpd",
            "900000",
            "--mockai-tier",
            "1",
            "--mockai-quota-requests",
            "100",
            "--mockai-quota-usd",
            "5.5",
        ]
    else:
        pytester.makeini(
            "[pytest]\nmockai_strict = true\nmockai_lenient = yes\n"
            "mockai_api_key = sk-a sk-b\nmockai_rpm = 2\nmockai_seed = 7\n"
            "mockai_tpm = 90000\nmockai_rpd = 500\nmockai_tpd = 900000\n"
            "mockai_tier = 1\nmockai_quota_requests = 100\nmockai_quota_usd = 5.5\n"
        )
        args = []
    result = pytester.runpytest(*QUIET, *args)
    result.assert_outcomes(passed=4)


@pytest.mark.parametrize("where", ["flags", "ini"])
def test_chaos(pytester: pytest.Pytester, where: str) -> None:
    pytester.makepyfile(inner_http=INNER_HTTP, test_inner=CHAOS_TESTS)
    if where == "flags":
        args = ["--mockai-chaos-rate", "1", "--mockai-chaos-kinds", "503"]
    else:
        pytester.makeini("[pytest]\nmockai_chaos_rate = 1\nmockai_chaos_kinds = 503\n")
        args = []
    result = pytester.runpytest(*QUIET, *args)
    result.assert_outcomes(passed=1)


@pytest.mark.parametrize("where", ["flags", "ini"])
def test_config_file_under_flags_and_ini_and_no_environment(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    """The file's settings apply (not its port: the fixture picks a free one), an ini key wins
    over the file, and MOCKAI_* variables (a developer's shell) are not read."""
    pytester.mkdir("conf")
    config = pytester.path / "conf" / "mock.yaml"
    config.write_text("port: 9\nstrict: true\nrpm: 1\ntpm: 5000\n")
    monkeypatch.setenv("MOCKAI_LENIENT", "1")
    monkeypatch.setenv("MOCKAI_TPM", "1")
    pytester.makepyfile(
        inner_http=INNER_HTTP,
        test_inner=f"""
from inner_http import chat


def test_settings(mockai_settings):
    s = mockai_settings
    assert (s.strict, s.rpm, s.tpm, s.port, s.lenient) == (True, 3, 5000, 0, False)
    assert s.config == {str(config)!r}


def test_strict_applies(mockai):
    assert chat(mockai.url, session=mockai.session)[0] == 404
""",
    )
    if where == "flags":
        pytester.makeini("[pytest]\nmockai_rpm = 3\n")
        args = ["--mockai-config", "conf/mock.yaml"]
    else:
        pytester.makeini("[pytest]\nmockai_rpm = 3\nmockai_config = conf/mock.yaml\n")
        args = []
    result = pytester.runpytest(*QUIET, *args)
    result.assert_outcomes(passed=2)


def test_conftest_overrides_the_settings(pytester: pytest.Pytester) -> None:
    pytester.makeconftest("""
import dataclasses

import pytest


@pytest.fixture(scope="session")
def mockai_settings(mockai_settings):
    return dataclasses.replace(mockai_settings, strict=True)
""")
    pytester.makepyfile(
        inner_http=INNER_HTTP,
        test_inner="""
from inner_http import chat


def test_strict(mockai):
    assert chat(mockai.url, session=mockai.session)[0] == 404
""",
    )
    result = pytester.runpytest(*QUIET)
    result.assert_outcomes(passed=1)


PER_TEST = """
import urllib.error

import pytest

from inner_http import chat

SEEN = {}


@pytest.mark.mockai(strict=True, api_key="sk-a")
def test_marked_test_gets_its_own_server(mockai, mockai_server):
    assert mockai.url != mockai_server.url
    assert mockai.server.settings.api_key == ["sk-a"]
    assert chat(mockai.url, key="sk-a", session=mockai.session)[0] == 404
    assert chat(mockai.url, key="sk-b", session=mockai.session)[0] == 401
    assert chat(mockai_server.url, key="sk-b")[0] == 200
    SEEN["url"] = mockai.url


def test_its_server_stopped_after_it(mockai):
    with pytest.raises(urllib.error.URLError):
        chat(SEEN["url"], key="sk-a")
    assert chat(mockai.url, session=mockai.session)[0] == 200


@pytest.mark.mockai(rpm=1, seed=3)
class TestMarkedClass:
    @pytest.mark.mockai(strict=True, seed=4)
    def test_marks_add_up_the_closest_wins(self, mockai):
        settings = mockai.server.settings
        assert (settings.rpm, settings.strict, settings.seed) == (1, True, 4)


def test_factory(mockai_factory, mockai):
    chaotic = mockai_factory(chaos_rate=1, chaos_kinds="503")
    assert chaotic.server.settings.chaos_kinds == ["503"]
    assert chat(chaotic.url, session=chaotic.session)[0] == 503
    assert chat(mockai.url, session=mockai.session)[0] == 200


@pytest.mark.mockai(strikt=True)
def test_unknown_setting(mockai):
    pass
"""


def test_marker_and_factory_start_dedicated_servers(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(inner_http=INNER_HTTP, test_inner=PER_TEST)
    result = pytester.runpytest(*QUIET)
    result.assert_outcomes(passed=4, errors=1)
    result.stdout.fnmatch_lines(["*TypeError: unknown mockai setting(s): strikt; known: *strict*"])
