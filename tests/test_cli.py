"""The command line as a subprocess: help, every flag's MOCKAI_* variable, `--config`
with custom models, precedence CLI > environment > config file, and `--api-key`."""

from __future__ import annotations

import os
import re
import socket
import time
from pathlib import Path

import pytest
from helpers import api_json, post_chat
from serve_process import chat, clean_env, http, mockai_serve, reply_text, run_cli

# Every `serve` flag and the variable that sets the same thing (`--no-watch` -> MOCKAI_NO_WATCH).
ENV_FOR_FLAG = {
    "--host": "MOCKAI_HOST",
    "--port": "MOCKAI_PORT",
    "--scenarios": "MOCKAI_SCENARIOS",
    "--seed": "MOCKAI_SEED",
    "--strict": "MOCKAI_STRICT",
    "--lenient": "MOCKAI_LENIENT",
    "--api-key": "MOCKAI_API_KEY",
    "--admin-token": "MOCKAI_ADMIN_TOKEN",
    "--config": "MOCKAI_CONFIG",
    "--quiet": "MOCKAI_QUIET",
    "--no-watch": "MOCKAI_NO_WATCH",
    "--rpm": "MOCKAI_RPM",
    "--tpm": "MOCKAI_TPM",
    "--rpd": "MOCKAI_RPD",
    "--tpd": "MOCKAI_TPD",
    "--tier": "MOCKAI_TIER",
    "--quota-requests": "MOCKAI_QUOTA_REQUESTS",
    "--quota-usd": "MOCKAI_QUOTA_USD",
    "--chaos-rate": "MOCKAI_CHAOS_RATE",
    "--chaos-kinds": "MOCKAI_CHAOS_KINDS",
    "--shutdown-grace": "MOCKAI_SHUTDOWN_GRACE",
    "--job-clock": "MOCKAI_JOB_CLOCK",
    # Recording and replay: tested in tests/recording/.
    "--proxy-unmatched": "MOCKAI_PROXY_UNMATCHED",
    "--record": "MOCKAI_RECORD",
    "--replay-speed": "MOCKAI_REPLAY_SPEED",
    "--redact": "MOCKAI_REDACT",
    "--keep-ids": "MOCKAI_KEEP_IDS",
}
ACCESS_LOG = re.compile(r"^POST /v1/chat/completions \d{3} ", re.MULTILINE)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def non_loopback_address() -> str | None:
    for probe in ("192.0.2.1", "10.255.255.255"):
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp:
            try:
                udp.connect((probe, 9))
            except OSError:
                continue
            address = udp.getsockname()[0]
            if not address.startswith("127.") and address != "0.0.0.0":
                return address
    return None


def write_scenarios(folder: Path, name: str, content: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.yaml"
    path.write_text(
        f'- name: {name}\n  match: {{user: {name}}}\n  reply: {{content: "{content}"}}\n'
    )
    return path


# -- help ----------------------------------------------------------------------------------------


def test_python_dash_m_help() -> None:
    result = run_cli("--help")
    assert result.returncode == 0
    assert "serve" in result.stdout and "validate" in result.stdout
    serve_help = run_cli("serve", "--help")
    assert serve_help.returncode == 0
    for flag in ENV_FOR_FLAG:
        assert flag in serve_help.stdout
    assert run_cli("--version").stdout.startswith("mockai ")


@pytest.mark.parametrize("args", [("--help",), ("serve", "--help")])
def test_help_lists_the_chaos_kinds_and_every_variable(args: tuple[str, ...]) -> None:
    """Both helps list every fault kind the server knows and every MOCKAI_* variable it reads,
    each next to its flag (`MOCKAI_WATCH=0` is `--no-watch` said the other way round)."""
    from mockai.config import ENVIRONMENT
    from mockai.faults.kinds import ALL

    text = run_cli(*args).stdout
    kinds = " ".join(text.split("chaos kinds")[1].split("environment variables")[0].split())
    assert all(f" {kind}," in kinds or f" {kind};" in kinds for kind in ALL), kinds
    assert "by default all but stall, stream_stall" in kinds
    listed = dict(re.findall(r"^  (MOCKAI_\w+) +(.+)$", text, re.MULTILINE))
    assert set(listed) == set(ENVIRONMENT)
    for flag, variable in ENV_FOR_FLAG.items():
        assert listed[variable] == flag
    assert listed["MOCKAI_WATCH"] == "0 is --no-watch"
    assert listed["MOCKAI_JOURNAL_SIZE"] == "no flag; default 1000"
    assert "SPEC" not in text and "§" not in text


def test_unknown_command_or_flag_fails() -> None:
    assert run_cli("bogus").returncode == 2
    assert run_cli("serve", "--no-such-flag").returncode == 2


def test_every_serve_flag_is_covered_here() -> None:
    """A new flag must get its MOCKAI_* variable and a check in this file."""
    flags = set(re.findall(r"(?<![\w-])(--[a-z][a-z-]+)", run_cli("serve", "--help").stdout))
    assert flags - {"--help"} == set(ENV_FOR_FLAG)


# -- each flag's environment variable -------------------------------------------------------------


def test_environment_variables_part_one(tmp_path: Path) -> None:
    """HOST, PORT, SCENARIOS (two paths), STRICT, API_KEY (two keys), ADMIN_TOKEN, QUIET, NO_WATCH."""
    first = write_scenarios(tmp_path / "one", "alpha", "from one")
    second = write_scenarios(tmp_path / "two", "beta", "from two")
    port = free_port()
    env = clean_env(
        MOCKAI_HOST="0.0.0.0",
        MOCKAI_PORT=str(port),
        MOCKAI_SCENARIOS=f"{first.parent}{os.pathsep}{second}",
        MOCKAI_STRICT="1",
        MOCKAI_API_KEY="k1,k2",
        MOCKAI_ADMIN_TOKEN="tok",
        MOCKAI_QUIET="true",
        MOCKAI_NO_WATCH="1",
    )
    with mockai_serve(env=env) as server:
        assert (server.host, server.port) == ("0.0.0.0", port)
        key1, key2 = {"Authorization": "Bearer k1"}, {"x-api-key": "k2"}
        assert reply_text(chat(server.root, "alpha", key1)[2]) == "from one"
        assert reply_text(chat(server.root, "beta", key2)[2]) == "from two"
        status, _, body = chat(server.root, "gamma", key1)
        assert (status, body["error"]["code"]) == (404, "no_scenario_matched")
        status, _, body = chat(server.root, "alpha", {"Authorization": "Bearer k3"})
        assert (status, body["error"]["code"]) == (401, "invalid_api_key")

        address = non_loopback_address()
        if address is not None:
            url = f"http://{address}:{port}/_mockai/requests"
            assert http(url)[0] == 403
            assert http(url, headers={"Authorization": "Bearer tok"})[0] == 200

        first.write_text(first.read_text().replace("from one", "edited"))
        time.sleep(2.5)  # the watcher would have reloaded by now
        assert reply_text(chat(server.root, "alpha", key1)[2]) == "from one"
        assert not ACCESS_LOG.search(server.stderr()), server.stderr()


async def test_environment_variables_part_two(tmp_path: Path, serve) -> None:
    """SEED, LENIENT, CONFIG; and without QUIET the access log is written."""
    config = tmp_path / "mockai.yaml"
    config.write_text("models:\n  - id: my-custom-model\n    base: gpt-4o-mini\n")
    env = clean_env(MOCKAI_SEED="7", MOCKAI_LENIENT="yes", MOCKAI_CONFIG=str(config))
    with mockai_serve("--port", "0", env=env, cwd=tmp_path) as server:
        status, _, seeded = chat(server.root, "say something")
        assert status == 200
        status, _, custom = chat(server.root, "hi", model="my-custom-model")
        assert (status, custom["model"]) == (200, "my-custom-model")
        status, _, unknown = chat(server.root, "hi", model="not-a-real-model-at-all")
        assert status == 200, unknown
        assert ACCESS_LOG.search(server.stderr()), server.stderr()

    expected = await api_json(
        await post_chat(
            await serve(seed=7),
            {"model": "gpt-4o", "messages": [{"role": "user", "content": "say something"}]},
        )
    )
    unseeded = await api_json(
        await post_chat(
            await serve(seed=0),
            {"model": "gpt-4o", "messages": [{"role": "user", "content": "say something"}]},
        )
    )
    assert reply_text(seeded) == reply_text(expected)
    assert reply_text(seeded) != reply_text(unseeded)


def test_defaults_without_environment(tmp_path: Path) -> None:
    """The contrast for the checks above: no variables, no flags."""
    write_scenarios(tmp_path / "scenarios", "delta", "default folder")  # ./scenarios is the default
    with mockai_serve("--port", "0", cwd=tmp_path) as server:
        assert server.host == "127.0.0.1"
        assert reply_text(chat(server.root, "delta")[2]) == "default folder"
        status, _, body = chat(server.root, "unmatched")
        assert status == 200 and reply_text(body)
        status, _, body = chat(server.root, "hi", model="not-a-real-model-at-all")
        assert (status, body["error"]["code"]) == (404, "model_not_found")
        status, _, body = chat(server.root, "hi", model="my-custom-model")
        assert status == 404
        assert chat(server.root, "hi", {"Authorization": "Bearer anything-goes"})[0] == 200


# -- config file and precedence -------------------------------------------------------------------


def write_config(tmp_path: Path) -> Path:
    config = tmp_path / "mockai.yaml"
    config.write_text(
        "strict: true\n"
        "api-key: [cfg-key]\n"  # flag spelling works as well as api_key
        "admin_token: cfg-token\n"
        "models:\n"
        "  - id: house-model\n"
        "    base: gpt-4o\n"
        "    context_window: 1000\n"
    )
    return config


def key(name: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {name}"}


def test_config_file_alone(tmp_path: Path) -> None:
    config = write_config(tmp_path)
    with mockai_serve("--port", "0", "--config", str(config), cwd=tmp_path) as server:
        status, _, body = chat(server.root, "hi", key("cfg-key"), model="house-model")
        assert (status, body["error"]["code"]) == (404, "no_scenario_matched")  # strict
        status, _, body = chat(server.root, "hi", key("other"))
        assert (status, body["error"]["code"]) == (401, "invalid_api_key")
        long = "word " * 2000  # over the custom model's 1000-token window
        status, _, body = chat(server.root, long, key("cfg-key"), model="house-model")
        assert (status, body["error"]["code"]) == (400, "context_length_exceeded")


def test_environment_beats_config(tmp_path: Path) -> None:
    config = write_config(tmp_path)
    env = clean_env(MOCKAI_CONFIG=str(config), MOCKAI_API_KEY="env-key", MOCKAI_STRICT="0")
    with mockai_serve("--port", "0", env=env, cwd=tmp_path) as server:
        status, _, body = chat(server.root, "hi", key("env-key"), model="house-model")
        assert status == 200, body  # not strict, and the config's model is still there
        assert chat(server.root, "hi", key("cfg-key"))[0] == 401


def test_command_line_beats_environment(tmp_path: Path) -> None:
    config = write_config(tmp_path)
    env = clean_env(MOCKAI_API_KEY="env-key", MOCKAI_STRICT="false", MOCKAI_PORT="1")
    with mockai_serve(
        "--config",
        str(config),
        "--port",
        "0",
        "--api-key",
        "cli-key",
        "--strict",
        env=env,
        cwd=tmp_path,
    ) as server:
        assert server.port != 1
        status, _, body = chat(server.root, "hi", key("cli-key"))
        assert (status, body["error"]["code"]) == (404, "no_scenario_matched")
        assert chat(server.root, "hi", key("env-key"))[0] == 401
        assert chat(server.root, "hi", key("cfg-key"))[0] == 401


@pytest.mark.parametrize(
    "text, fragment",
    [
        ("port: [\n", "invalid YAML"),
        ("- just\n- a list\n", "expected a mapping"),
        ("colour: blue\n", "unknown settings: colour"),
        ("seed: not-a-number\n", "seed"),
        ("api_key: 5\n", "api_key"),
        ("journal_size: [1, 2]\n", "journal_size"),
    ],
)
def test_bad_config_file_is_one_clear_line(tmp_path: Path, text: str, fragment: str) -> None:
    config = tmp_path / "mockai.yaml"
    config.write_text(text)
    result = run_cli("serve", "--port", "0", "--config", str(config), timeout=30)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert fragment in result.stderr
    assert "listening" not in result.stdout


def test_missing_config_file_and_bad_environment_value(tmp_path: Path) -> None:
    result = run_cli("serve", "--config", str(tmp_path / "absent.yaml"), timeout=30)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    result = run_cli("serve", env=clean_env(MOCKAI_PORT="eighty"), timeout=30)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr == "mockai: MOCKAI_PORT: 'eighty' is not a whole number\n"


def test_out_of_range_port_is_one_line_not_an_overflow_traceback() -> None:
    result = run_cli("serve", "--port", "99999", timeout=30)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == "mockai: --port: 99999 is out of range (must be between 0 and 65535)\n"


# Every flag that takes a value, each with values of the wrong type or out of range, and the
# words the one line must contain (the flag's own spelling first).
BAD_FLAGS = [
    (("--replay-speed", "-1"), "--replay-speed: -1.0 is out of range"),
    (("--proxy-unmatched", "ftp://x"), "--proxy-unmatched: 'ftp://x' is not an http:// or https"),
    (("--record", "out"), "--record: records what --proxy-unmatched forwards"),
    (("--proxy-unmatched", "http://x", "--redact", "["), "--redact: '[' is not a regex"),
    (("--port", "99999"), "--port: 99999 is out of range"),
    (("--port", "-1"), "--port: -1 is out of range"),
    (("--port", "eighty"), "--port: 'eighty' is not a whole number"),
    (("--port", "80.5"), "--port: '80.5' is not a whole number"),
    (("--seed", "x"), "--seed: 'x' is not a whole number"),
    (("--rpm", "0"), "--rpm: Input should be greater than or equal to 1"),
    (("--rpm", "-5"), "--rpm: Input should be greater than or equal to 1"),
    (("--tpm", "lots"), "--tpm: 'lots' is not a whole number"),
    (("--rpd", "0"), "--rpd: Input should be greater than or equal to 1"),
    (("--tpd", "1e3"), "--tpd: '1e3' is not a whole number"),
    (("--tier", "9"), "--tier: '9' is not one of free, 1, 2, 3, 4, 5"),
    (("--quota-requests", "-1"), "--quota-requests: Input should be greater than or equal to 0"),
    (("--quota-usd", "-1"), "--quota-usd: Input should be greater than or equal to 0"),
    (("--quota-usd", "nan"), "--quota-usd: 'nan' is not a number"),
    (("--chaos-rate", "2"), "--chaos-rate: 2.0 is not between 0 and 1"),
    (("--chaos-rate", "-0.1"), "--chaos-rate: -0.1 is not between 0 and 1"),
    (("--chaos-rate", "often"), "--chaos-rate: 'often' is not a number"),
    (("--chaos-kinds", "503,gremlins"), "--chaos-kinds: unknown kind 'gremlins' (known: 429,"),
    (("--config", "absent.yaml"), "--config: cannot read absent.yaml: No such file or directory"),
    (("--config", "."), "--config: cannot read .: Is a directory"),
    (("--shutdown-grace", "-1"), "--shutdown-grace: -1.0 is out of range (must be at least 0)"),
    (("--shutdown-grace", "soon"), "--shutdown-grace: 'soon' is not a number"),
    (("--job-clock", "warp"), "--job-clock: 'warp' is not a job clock: instant, paused"),
]
# The variables, including those of the flags that take no value, and the config-only ones.
BAD_VARIABLES = [
    ({"MOCKAI_PORT": "65536"}, "MOCKAI_PORT: 65536 is out of range"),
    ({"MOCKAI_PORT": "eighty"}, "MOCKAI_PORT: 'eighty' is not a whole number"),
    ({"MOCKAI_STRICT": "maybe"}, "MOCKAI_STRICT: 'maybe' is not a yes/no value"),
    ({"MOCKAI_LENIENT": "2"}, "MOCKAI_LENIENT: '2' is not a yes/no value"),
    ({"MOCKAI_QUIET": "loud"}, "MOCKAI_QUIET: 'loud' is not a yes/no value"),
    ({"MOCKAI_KEEP_IDS": "all"}, "MOCKAI_KEEP_IDS: 'all' is not a yes/no value"),
    ({"MOCKAI_NO_WATCH": "perhaps"}, "MOCKAI_NO_WATCH: 'perhaps' is not a yes/no value"),
    ({"MOCKAI_WATCH": "sometimes"}, "MOCKAI_WATCH: 'sometimes' is not a yes/no value"),
    ({"MOCKAI_SEED": ""}, "MOCKAI_SEED: '' is not a whole number"),
    ({"MOCKAI_JOURNAL_SIZE": "-1"}, "MOCKAI_JOURNAL_SIZE: -1 is out of range (must be at least 0)"),
    ({"MOCKAI_JOURNAL_BODY_BYTES": "big"}, "MOCKAI_JOURNAL_BODY_BYTES: 'big' is not a whole"),
    ({"MOCKAI_MAX_BODY_MB": "0"}, "MOCKAI_MAX_BODY_MB: 0 is out of range (must be at least 1)"),
    (
        {"MOCKAI_REALTIME_AUDIO_PACE": "-1"},
        "MOCKAI_REALTIME_AUDIO_PACE: -1.0 is out of range (must be at least 0)",
    ),
    ({"MOCKAI_RPM": "0"}, "MOCKAI_RPM: Input should be greater than or equal to 1"),
    ({"MOCKAI_CHAOS_RATE": "1.5"}, "MOCKAI_CHAOS_RATE: 1.5 is not between 0 and 1"),
    ({"MOCKAI_CHAOS_KINDS": "reste"}, "MOCKAI_CHAOS_KINDS: unknown kind 'reste'"),
    ({"MOCKAI_TIER": "gold"}, "MOCKAI_TIER: 'gold' is not one of"),
    ({"MOCKAI_CONFIG": "absent.yaml"}, "MOCKAI_CONFIG: cannot read absent.yaml"),
    ({"MOCKAI_SHUTDOWN_GRACE": "inf"}, "MOCKAI_SHUTDOWN_GRACE: 'inf' is not a number"),
    ({"MOCKAI_JOB_CLOCK": "realtime:0"}, "MOCKAI_JOB_CLOCK: 'realtime:0': realtime:N needs"),
]
# Config-file values, including the settings only a config file can give.
BAD_CONFIG = [
    ("port: 70000\n", "mockai.yaml: port: 70000 is out of range"),
    ("host: [a, b]\n", "mockai.yaml: host: ['a', 'b'] is not text"),
    ("strict: 5\n", "mockai.yaml: strict: 5 is not a yes/no value"),
    ("admin-token: {a: 1}\n", "mockai.yaml: admin-token: {'*': 1} is not text"),
    (
        "api-key: {sk-team-b-0123456789abcd: 1}\n",  # the key masked even here
        "mockai.yaml: api-key: {'sk-team-************abcd': 1} is not a list",
    ),
    ("quota_usd: .inf\n", "mockai.yaml: quota_usd: inf is not a number"),
    ("chaos_kinds: 7\n", "mockai.yaml: chaos_kinds: 7 is not a list"),
    ("models: 5\n", "mockai.yaml: models: expected a list of models"),
    ("models: [{base: gpt-4o}]\n", "mockai.yaml: models.0: expected a mapping with an `id`"),
    ("models: [{id: m, context_window: big}]\n", "models.0.context_window: 'big' is not a valid"),
    ("models: [{id: m, encoding: p50k}]\n", "models.0.encoding: 'p50k' is not a valid encoding"),
    ("models: [{id: m, kind: robot}]\n", "models.0.kind: 'robot' is not a valid kind"),
    ("limits: [1]\n", "mockai.yaml: limits: Input should be a valid dictionary"),
]


def run_main(argv: list[str], capsys) -> tuple[object, str, str]:
    """`mockai ARGV` in this process: what `python -m mockai` exits with and prints."""
    from mockai.cli import main

    try:
        code: object = main(argv)
    except SystemExit as exc:
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def no_mockai_environment(monkeypatch, tmp_path: Path) -> Path:
    """No MOCKAI_* variables, no ./scenarios, and a server that must never start listening."""
    import mockai.server.app

    async def refuse(*args, **kwargs):
        raise AssertionError("mockai started serving")

    for name in [n for n in os.environ if n.startswith("MOCKAI_")]:
        monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(mockai.server.app, "start", refuse)
    return tmp_path


def assert_one_line(code: object, out: str, err: str, fragment: str) -> None:
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and err.startswith("mockai: "), err
    assert fragment in err


def _label(value: object) -> str:
    """A readable test id: the flag and value, the variables, or the config text."""
    if isinstance(value, tuple):
        return " ".join(value)
    if isinstance(value, dict):
        return ",".join(f"{k}={v}" for k, v in value.items())
    return value.strip() if isinstance(value, str) and value.endswith("\n") else ""


@pytest.mark.parametrize("args, fragment", BAD_FLAGS, ids=_label)
def test_every_bad_flag_value_is_one_line_and_status_2(
    args, fragment, capsys, no_mockai_environment
) -> None:
    assert_one_line(*run_main(["serve", *args], capsys), fragment)


@pytest.mark.parametrize("env, fragment", BAD_VARIABLES, ids=_label)
def test_every_bad_variable_is_one_line_and_status_2(
    env, fragment, capsys, monkeypatch, no_mockai_environment
) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert_one_line(*run_main(["serve"], capsys), fragment)


@pytest.mark.parametrize("text, fragment", BAD_CONFIG, ids=_label)
def test_every_bad_config_value_is_one_line_and_status_2(
    text, fragment, capsys, no_mockai_environment
) -> None:
    (no_mockai_environment / "mockai.yaml").write_text(text)
    assert_one_line(*run_main(["serve", "--config", "mockai.yaml"], capsys), fragment)


def test_the_tables_cover_every_setting() -> None:
    """Each setting a flag or variable gives is refused in one of the tables above, under the
    name the user typed (scenario paths excepted: the loader refuses them, FILE: reason)."""
    from mockai.config import ENVIRONMENT, flag

    named = " ".join(fragment for _, fragment in BAD_FLAGS + BAD_VARIABLES + BAD_CONFIG)
    for variable, (setting, _) in ENVIRONMENT.items():
        spellings = (
            f"{flag(setting)}:",
            f"{variable}:",
            f"mockai.yaml: {setting}:",
            f"mockai.yaml: {setting.replace('_', '-')}:",
        )
        assert setting == "scenarios" or any(s in named for s in spellings), setting


def test_command_line_mistakes_are_one_line_too(capsys) -> None:
    for argv, fragment in (
        (["serve", "--port"], "argument --port: expected one argument"),
        (["serve", "--no-such-flag"], "unrecognized arguments: --no-such-flag"),
        ([], "the following arguments are required: command"),
    ):
        assert_one_line(*run_main(argv, capsys), fragment)


# -- API keys ------------------------------------------------------------------------------------


def test_api_key_flag(tmp_path: Path) -> None:
    with mockai_serve("--port", "0", "--api-key", "K1", "--api-key", "K2", cwd=tmp_path) as server:
        assert chat(server.root, "hi", key("K1"))[0] == 200
        assert chat(server.root, "hi", {"x-api-key": "K2"})[0] == 200
        status, headers, body = chat(server.root, "hi", key("sk-wrong-key-123456"))
        assert status == 401
        assert body["error"]["code"] == "invalid_api_key"
        assert body["error"]["type"] == "invalid_request_error"
        assert "sk-wrong-key-123456" not in body["error"]["message"]  # masked, as the real API
        assert headers["x-request-id"].startswith("req_")
        status, _, body = chat(server.root, "hi", {"Authorization": ""})
        assert status == 401


def test_settings_never_show_keys_or_the_admin_token_in_full() -> None:
    """Settings end up in logs and tracebacks (`--showlocals`): their repr masks secrets."""
    from mockai.config import from_sources

    settings = from_sources(
        {"api_key": ["sk-proj-0123456789abcdefWXYZ"], "port": "0"},
        env={"MOCKAI_ADMIN_TOKEN": "admin-0123456789abcdef-TOKEN"},
    )
    shown = repr(settings)
    assert "sk-proj-0123456789abcdefWXYZ" not in shown and "0123456789abcdef" not in shown
    assert "api_key=['sk-proj-****************WXYZ']" in shown
    assert "admin_token='admin-01****************OKEN'" in shown
    assert "port=0" in shown


def test_listening_line_is_a_url_for_ipv6_hosts() -> None:
    if not socket.has_ipv6:
        pytest.skip("no IPv6")
    with mockai_serve("--host", "::1", "--port", "0") as server:
        assert re.fullmatch(r"mockai listening on http://\[::1\]:\d+", server.line.strip())


# -- rate limits and chaos ------------------------------------------------------------------------


def test_limit_and_chaos_variables_reach_the_settings() -> None:
    from mockai.config import from_sources

    settings = from_sources(
        {},
        env={
            "MOCKAI_RPM": "2",
            "MOCKAI_TPM": "1000",
            "MOCKAI_RPD": "100",
            "MOCKAI_TPD": "5000",
            "MOCKAI_TIER": "3",
            "MOCKAI_QUOTA_REQUESTS": "7",
            "MOCKAI_QUOTA_USD": "1.5",
            "MOCKAI_CHAOS_RATE": "0.25",
            "MOCKAI_CHAOS_KINDS": "503,reset",
        },
    )
    assert (settings.rpm, settings.tpm, settings.rpd, settings.tpd) == (2, 1000, 100, 5000)
    assert (settings.tier, settings.quota_requests, settings.quota_usd) == ("3", 7, 1.5)
    assert (settings.chaos_rate, settings.chaos_kinds) == (0.25, ["503", "reset"])


def test_limits_and_chaos_from_flags_and_config_file(tmp_path: Path) -> None:
    config = tmp_path / "mockai.yaml"
    config.write_text("tier: 1\nlimits:\n  keys:\n    sk-slow: {rpm: 1}\n")
    with mockai_serve(
        "--port",
        "0",
        "--config",
        str(config),
        "--rpm",
        "2",
        "--chaos-rate",
        "1",
        "--chaos-kinds",
        "503",
    ) as server:
        status, headers, _ = chat(server.root, "hi", key("sk-slow"))
        assert (status, headers["x-ratelimit-limit-requests"]) == (503, "1")  # admitted, spoiled
        status, _, body = chat(server.root, "hi", key("sk-slow"))
        assert (status, body["error"]["type"]) == (429, "requests")
        status, headers, _ = chat(server.root, "hi", key("sk-other"))
        assert (status, headers["x-ratelimit-limit-requests"]) == (503, "2")  # --rpm over tier
        assert headers["x-ratelimit-limit-tokens"] == "30000"  # tier 1 gpt-4o TPM


def test_bad_limits_in_config_file_name_the_setting(tmp_path: Path) -> None:
    config = tmp_path / "mockai.yaml"
    config.write_text("limits:\n  keys:\n    sk-team-a-0123456789abcdef: {rpm: 0}\n")
    result = run_cli("serve", "--port", "0", "--config", str(config), timeout=30)
    assert result.returncode == 2
    assert result.stderr == (
        f"mockai: {config}: limits.keys.sk-team-{'*' * 14}cdef.rpm: "
        "Input should be greater than or equal to 1\n"
    )  # the key masked
