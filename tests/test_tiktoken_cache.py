"""Client-side token counting offline: `mockai tiktoken-cache DIR` and the plugin's
`--mockai-tiktoken-cache` fill tiktoken's cache from mockai's vocabularies, and tiktoken then
works in a process whose every download fails at once (HTTPS_PROXY to a closed port)."""

from __future__ import annotations

import json
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from serve_process import clean_env, run_cli

from mockai.tokenizer import encoding_sync

pytest_plugins = ["pytester"]

QUIET = ("-p", "no:cacheprovider", "-o", "asyncio_default_fixture_loop_scope=function")
TEXT = "Offline token counting: héllo wörld, 12345 🙂"
OFFLINE = {
    "HTTPS_PROXY": "http://127.0.0.1:9",
    "HTTP_PROXY": "http://127.0.0.1:9",
    "https_proxy": "http://127.0.0.1:9",
    "http_proxy": "http://127.0.0.1:9",
}
# What a client does: tiktoken's registry, by encoding name and by model name.
CLIENT = f"""
import json, tiktoken
print(json.dumps({{
    "o200k": tiktoken.get_encoding("o200k_base").encode({TEXT!r}),
    "gpt-4o": [tiktoken.encoding_for_model("gpt-4o").name,
               tiktoken.encoding_for_model("gpt-4o").encode({TEXT!r})],
    "gpt-4": tiktoken.encoding_for_model("gpt-4").encode({TEXT!r}),
}}))
"""


def offline_env(**extra: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in clean_env(**OFFLINE, **extra).items()
        if k.lower() != "no_proxy" and k not in ("TIKTOKEN_CACHE_DIR", "DATA_GYM_CACHE_DIR")
    }
    return {**env, **extra}


def expected() -> dict:
    o200k = encoding_sync("o200k_base").encode_ordinary(TEXT)
    return {
        "o200k": o200k,
        "gpt-4o": ["o200k_base", o200k],
        "gpt-4": encoding_sync("cl100k_base").encode_ordinary(TEXT),
    }


def run_client(cache: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", CLIENT],
        capture_output=True,
        text=True,
        env=offline_env(TIKTOKEN_CACHE_DIR=str(cache)),
        timeout=120,
    )


# -- the command -------------------------------------------------------------------------------
def test_the_command_fills_a_cache_that_tiktoken_uses_offline(tmp_path):
    cache = tmp_path / "tiktoken"
    done = run_cli("tiktoken-cache", str(cache))
    assert done.returncode == 0, done.stderr
    assert shlex.split(done.stdout) == ["export", f"TIKTOKEN_CACHE_DIR={cache}"]
    client = run_client(cache)
    assert client.returncode == 0, client.stderr
    assert json.loads(client.stdout) == expected()


def test_without_the_cache_the_same_client_fails(tmp_path):
    """The control: offline means offline, so the cache above is what made tiktoken work."""
    (tmp_path / "empty").mkdir()
    assert run_client(tmp_path / "empty").returncode != 0


def test_a_corrupt_cached_file_is_rewritten(tmp_path):
    assert run_cli("tiktoken-cache", str(tmp_path)).returncode == 0
    files = sorted(tmp_path.iterdir())
    assert len(files) == 2
    files[0].write_bytes(b"corrupt")
    assert run_cli("tiktoken-cache", str(tmp_path)).returncode == 0
    assert files[0].stat().st_size > 1_000_000
    assert json.loads(run_client(tmp_path).stdout) == expected()


def test_the_default_folder_is_in_mockai_cache(tmp_path):
    done = run_cli("tiktoken-cache", env=clean_env(XDG_CACHE_HOME=str(tmp_path)))
    assert done.returncode == 0, done.stderr
    cache = tmp_path / "mockai" / "tiktoken"
    assert done.stdout == f"export TIKTOKEN_CACHE_DIR={cache}\n"
    assert len(list(cache.iterdir())) == 2


def test_a_folder_that_cannot_be_written_is_exit_1(tmp_path):
    (tmp_path / "file").write_text("not a folder")
    done = run_cli("tiktoken-cache", str(tmp_path / "file" / "cache"))
    assert done.returncode == 1
    assert done.stderr.startswith(f"mockai: cannot fill {tmp_path / 'file' / 'cache'}: ")


# -- the pytest plugin ----------------------------------------------------------------------------
INNER = f"""
import json, os, subprocess, sys, tiktoken


def test_tiktoken_works_offline():
    assert os.environ["HTTPS_PROXY"] == "http://127.0.0.1:9"
    print("CACHE=" + os.environ["TIKTOKEN_CACHE_DIR"])
    assert tiktoken.get_encoding("o200k_base").encode({TEXT!r}) == {expected()["o200k"]!r}
    assert tiktoken.encoding_for_model("gpt-4").encode({TEXT!r}) == {expected()["gpt-4"]!r}
"""


@pytest.fixture
def offline(monkeypatch, tmp_path):
    """The inner session's environment: no network, mockai's cache folder under tmp_path."""
    for name, value in offline_env(XDG_CACHE_HOME=str(tmp_path / "xdg")).items():
        monkeypatch.setenv(name, value)
    for name in ("NO_PROXY", "no_proxy", "TIKTOKEN_CACHE_DIR", "DATA_GYM_CACHE_DIR"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path


def test_the_flag_sets_the_cache_for_the_session(pytester, offline):
    pytester.makepyfile(test_inner=INNER)
    result = pytester.runpytest_subprocess(*QUIET, "-s", "--mockai-tiktoken-cache")
    result.assert_outcomes(passed=1)
    result.stdout.fnmatch_lines([f"*CACHE={offline / 'xdg' / 'mockai' / 'tiktoken'}*"])


def test_the_ini_key_names_the_folder(pytester, offline):
    pytester.makeini("[pytest]\nmockai_tiktoken_cache = vocab\n")
    pytester.makepyfile(test_inner=INNER)
    result = pytester.runpytest_subprocess(*QUIET, "-s")
    result.assert_outcomes(passed=1)
    result.stdout.fnmatch_lines([f"*CACHE={pytester.path / 'vocab'}*"])


def test_without_the_option_the_plugin_leaves_tiktoken_alone(pytester, offline):
    pytester.makepyfile(test_inner=INNER)
    result = pytester.runpytest_subprocess(*QUIET)
    result.assert_outcomes(failed=1)
    assert not (offline / "xdg" / "mockai" / "tiktoken").exists()
