"""Start-up: `mockai serve` from spawn to its first answered request, against the bare aiohttp
baseline's own start-up in the same run, and the pytest `mockai` fixture's set-up per test.

    python bench/startup.py [--quick] [--repeats N] [--as-is]

Spawn to first answer: the clock starts just before `Popen`; the client then tries to connect
every millisecond and, once a connection is accepted, sends the first request a user would send:
a chat completion (`gpt-4o`) whose answer carries usage counts, so it needs the o200k vocabulary
that mockai loads in a background thread at start (its ranks; tiktoken's Rust core is built
later, when the server is quiet); a request arriving before that load is done waits for it, and
that wait is part of the figure. The clock stops when the full 200 answer has
been read. The baseline (bench/baseline_app.py) gets the same POST. Three cases, interleaved
per round so drift hits them alike, median of the rounds:

- the baseline;
- `mockai serve` with the bundled `scenarios/` folder (the request matches `capital-of-france`);
- `mockai serve` with 1,000 generated scenarios in 20 files (substring and regex `user:`
  conditions, endpoint and model pins, sequences, templates); the request matches one of them.

Two informational cases: the bundled server sent a request no scenario matches, whose
generated default reply needs Faker (loaded in the background once the server is quiet, so
this first request imports it itself), and
sent `GET /_mockai/health`, which needs no vocabulary (when the app itself is up: the rest of
the chat completion's figure is the wait for o200k).

Bytecode: this sandbox sets PYTHONDONTWRITEBYTECODE=1 and mockai is an editable install, so
every start would recompile mockai's sources (an installed wheel ships compiled .pyc). The
servers are therefore spawned with a bytecode cache under the temp dir (PYTHONPYCACHEPREFIX)
warmed by one unmeasured start of each case; `--as-is` keeps the environment untouched.

The fixture: a throwaway test file of trivial tests that use the `mockai` fixture runs in a
pytest subprocess; a conftest hook records each test's set-up and teardown durations (pytest's
own `report.duration`) and the `mockai` fixture's own set-up time. Figures exclude the first
test, which starts the session server. Last, what loading the plugin adds to every pytest run
(pytest finds it through its entry point): one empty test with and without `-p no:mockai`.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

try:
    from bench.common import AUTH, ROOT, Row, baseline_command, free_port, mockai_command
except ImportError:  # run as `python bench/startup.py`
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from common import AUTH, ROOT, Row, baseline_command, free_port, mockai_command

PATH = "/v1/chat/completions"
HEALTH = "/_mockai/health"  # an answer that needs no vocabulary: when the app itself is up
MATCHED = {
    "model": "gpt-4o",
    "messages": [{"role": "user", "content": "What is the capital of France?"}],
}
UNMATCHED = {"model": "gpt-4o", "messages": [{"role": "user", "content": "Tell me about the sea."}]}
GENERATED_COUNT = 1000
GENERATED_FILES = 20
GENERATED_TARGET = 787  # the generated scenario the first request matches (a plain substring)
PYCACHE = Path(tempfile.gettempdir()) / "mockai-bench-pycache"


# ---------------------------------------------------------------- spawn to first answer


def bench_env(as_is: bool) -> dict[str, str]:
    env = dict(os.environ)
    if not as_is:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
    return env


def _answer(port: int, body: bytes | None, timeout: float) -> tuple[int, bytes] | None:
    """One attempt: None if nothing accepts the connection yet, else (status, body)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.connect()
    except (ConnectionRefusedError, ConnectionResetError):
        conn.close()
        return None
    try:
        if body is None:
            conn.request("GET", HEALTH, headers={"Connection": "close"})
        else:
            conn.request("POST", PATH, body=body, headers={**AUTH, "Connection": "close"})
        response = conn.getresponse()
        return response.status, response.read()
    except (ConnectionResetError, http.client.RemoteDisconnected, BrokenPipeError):
        return None  # accepted by a listening socket before the app was ready: try again
    finally:
        conn.close()


def first_answer_ms(
    command: list[str],
    request: dict | None,
    env: dict[str, str],
    port: int,
    expect: str | None,
    timeout: float = 60,
) -> float:
    """Milliseconds from spawning `command` to the full 200 answer to `request`; a mockai
    answer must carry usage and, if `expect` is given, content starting with it."""
    body = None if request is None else json.dumps(request).encode()
    start = time.perf_counter()
    proc = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT, env=env
    )
    try:
        while True:
            result = _answer(port, body, timeout)
            if result is not None:
                elapsed = (time.perf_counter() - start) * 1000
                break
            if proc.poll() is not None:
                raise RuntimeError(f"{command} exited: {proc.stderr.read().decode()[-2000:]}")
            if time.perf_counter() - start > timeout:
                raise RuntimeError(f"{command}: no answer within {timeout}s")
            time.sleep(0.001)
        status, payload = result
        if status != 200:
            raise RuntimeError(f"{command}: first answer {status}: {payload[:500]!r}")
        if expect is not None:
            answer = json.loads(payload)
            content = answer["choices"][0]["message"]["content"]
            if not answer["usage"]["prompt_tokens"] > 0 or not content.startswith(expect):
                raise RuntimeError(f"{command}: unexpected answer {payload[:500]!r}")
        return elapsed
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        proc.stderr.close()


WORDS = (
    "invoice refund shipping password account order delivery warranty battery screen "
    "printer router subscription discount coupon receipt address payment upgrade "
    "downgrade cancel weather forecast recipe translate summary schedule meeting "
    "calendar reminder flight hotel booking ticket luggage passport visa insurance claim "
    "doctor appointment pharmacy prescription salary contract holiday overtime "
    "onboarding laptop keyboard monitor license backup restore migrate deploy"
).split()


def _phrase(rng: random.Random, index: int) -> str:
    return f"{rng.choice(WORDS)} {rng.choice(WORDS)} case {index}"


def generated_scenarios(
    folder: Path, count: int = GENERATED_COUNT, files: int = GENERATED_FILES, seed: int = 1
) -> dict:
    """`count` distinct scenarios over `files` YAML files; returns a request matching one."""
    rng = random.Random(seed)
    per_file = count // files
    target_request = None
    for f in range(files):
        lines = [f"# Generated for bench/startup.py: support bot scenarios, part {f + 1}."]
        for j in range(per_file):
            i = f * per_file + j
            phrase = _phrase(rng, i)
            kind = i % 10
            lines.append(f"- name: support-{i:04d}-{phrase.replace(' ', '-')}")
            lines.append(
                f"  description: Scripted answer number {i} for the {phrase.split()[0]} flow."
            )
            lines.append("  match:")
            if kind == 1:  # a regex
                word = phrase.split()[0]
                lines.append(
                    f'    user: {{regex: "(?i)^(please )?{word}\\\\b.*\\\\bcase {i}\\\\b"}}'
                )
            else:
                lines.append(f'    user: "{phrase}"')
            if kind in (2, 5):
                lines.append("    endpoint: chat.completions")
            if kind == 3:
                lines.append('    model: "gpt-4o*"')
            if kind == 4:  # a sequence
                lines.append("  replies:")
                lines.append("    - error: 503")
                lines.append(f'    - content: "Second try for {phrase}: here is the answer."')
            elif kind == 6:  # a template
                lines.append("  reply:")
                lines.append(
                    f'    content: "{{{{ model }}}} says: about {phrase}, '
                    '{{ last_user_message | length }} characters."'
                )
            else:
                sentence = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 30)))
                lines.append("  reply:")
                lines.append(f'    content: "Answer {i}: {sentence.capitalize()}."')
                if kind == 7:
                    lines.append("    latency_ms: 0")
            if i == GENERATED_TARGET:
                assert kind not in (1, 4, 6), "the target should be a plain scenario"
                target_request = {
                    "model": "gpt-4o",
                    "messages": [
                        {"role": "system", "content": "You are a support bot."},
                        {"role": "user", "content": f"Hello, I need help: {phrase}."},
                    ],
                }
        (folder / f"support-{f + 1:02d}.yaml").write_text("\n".join(lines) + "\n")
    assert target_request is not None
    return target_request


def measure_startup(repeats: int, as_is: bool = False) -> dict[str, list[float]]:
    env = bench_env(as_is)
    with tempfile.TemporaryDirectory(prefix="mockai-bench-scenarios-") as tmp:
        folder = Path(tmp)
        generated_request = generated_scenarios(folder)
        check = subprocess.run(
            [sys.executable, "-m", "mockai", "validate", str(folder)],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env=env,
        )
        if check.returncode != 0 or f"ok: {GENERATED_COUNT} scenario" not in check.stdout:
            raise RuntimeError(f"generated scenarios invalid: {check.stdout}{check.stderr}")
        cases = {
            "baseline": (lambda port: baseline_command(port), MATCHED, None),
            "bundled": (
                lambda port: mockai_command(port, "--scenarios", str(ROOT / "scenarios")),
                MATCHED,
                "The capital of France is Paris.",
            ),
            "generated": (
                lambda port: mockai_command(port, "--scenarios", str(folder)),
                generated_request,
                f"Answer {GENERATED_TARGET}:",
            ),
            "unmatched": (
                lambda port: mockai_command(port, "--scenarios", str(ROOT / "scenarios")),
                UNMATCHED,
                "",
            ),
            "health": (
                lambda port: mockai_command(port, "--scenarios", str(ROOT / "scenarios")),
                None,
                None,
            ),
        }
        for make, request, expect in cases.values():  # warm the bytecode and file caches
            port = free_port()
            first_answer_ms(make(port), request, env, port, expect)
        times: dict[str, list[float]] = {name: [] for name in cases}
        for _ in range(repeats):
            for name, (make, request, expect) in cases.items():
                port = free_port()
                times[name].append(first_answer_ms(make(port), request, env, port, expect))
    return times


# ---------------------------------------------------------------- the pytest fixture

CONFTEST = """
import json
import os
import time

import pytest

RECORDS = []


@pytest.hookimpl(hookwrapper=True)
def pytest_fixture_setup(fixturedef, request):
    start = time.perf_counter()
    yield
    if fixturedef.argname in ("mockai", "mockai_server"):
        RECORDS.append({"test": request.node.nodeid, "fixture": fixturedef.argname,
                        "ms": (time.perf_counter() - start) * 1000})


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if call.when in ("setup", "teardown"):
        RECORDS.append({"test": item.nodeid, "phase": call.when, "ok": report.passed,
                        "ms": report.duration * 1000})


def pytest_sessionfinish(session):
    with open(os.environ["BENCH_FIXTURE_OUT"], "w") as out:
        json.dump(RECORDS, out)
"""


def _test_file(count: int, fixture: bool) -> str:
    arg = "mockai" if fixture else ""
    body = "assert mockai.session" if fixture else "assert True"
    return "\n\n".join(f"def test_{i:04d}({arg}):\n    {body}\n" for i in range(count))


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def measure_fixture(tests: int, as_is: bool = False) -> dict:
    """Per-test set-up/teardown (ms) with the `mockai` fixture, and of a plain test for scale."""
    results = {}
    with tempfile.TemporaryDirectory(prefix="mockai-bench-fixture-") as tmp:
        folder = Path(tmp)
        (folder / "conftest.py").write_text(textwrap.dedent(CONFTEST))
        (folder / "pytest.ini").write_text("[pytest]\n")  # its own rootdir, not mockai's settings
        for name, fixture in (("plain", False), ("mockai", True)):
            test_file = folder / f"test_{name}.py"
            test_file.write_text(_test_file(tests, fixture))
            out = folder / f"{name}.json"
            env = {**bench_env(as_is), "BENCH_FIXTURE_OUT": str(out)}
            done = subprocess.run(
                [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(test_file)],
                cwd=folder,
                env=env,
                capture_output=True,
                text=True,
                timeout=600,
            )
            if done.returncode != 0:
                raise RuntimeError(f"pytest failed:\n{done.stdout[-3000:]}{done.stderr[-2000:]}")
            records = json.loads(out.read_text())
            results[name] = {
                "setup": [r["ms"] for r in records if r.get("phase") == "setup"],
                "teardown": [r["ms"] for r in records if r.get("phase") == "teardown"],
                "fixture": [r["ms"] for r in records if r.get("fixture") == "mockai"],
                "server": [r["ms"] for r in records if r.get("fixture") == "mockai_server"],
            }
            test_file.unlink()
    return results


def measure_plugin_import(repeats: int, as_is: bool = False) -> tuple[list[float], list[float]]:
    """Wall ms of a pytest run of one empty test, with and without the mockai plugin loaded
    (pytest loads it through its entry point in every run, whether a test uses it or not)."""
    with_plugin, without = [], []
    with tempfile.TemporaryDirectory(prefix="mockai-bench-plugin-") as tmp:
        folder = Path(tmp)
        (folder / "pytest.ini").write_text("[pytest]\n")
        (folder / "test_empty.py").write_text("def test_empty():\n    pass\n")
        env = bench_env(as_is)
        base = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "test_empty.py"]
        for i in range(repeats + 1):
            for extra, into in (([], with_plugin), (["-p", "no:mockai"], without)):
                start = time.perf_counter()
                subprocess.run(base + extra, cwd=folder, env=env, capture_output=True, check=True)
                if i:  # the first round only warms the caches
                    into.append((time.perf_counter() - start) * 1000)
    return with_plugin, without


# ---------------------------------------------------------------- rows


def _ms(values: list[float]) -> str:
    return f"{statistics.median(values):.0f} ms (runs {', '.join(f'{v:.0f}' for v in values)})"


def run(quick: bool = False, repeats: int | None = None, as_is: bool = False) -> list[Row]:
    repeats = repeats or (3 if quick else 5)
    times = measure_startup(repeats, as_is)
    base = statistics.median(times["baseline"])
    rows = [
        Row(
            "start-up: baseline spawn to first answer",
            round(base, 1),
            "ms",
            better="lower",
            note=_ms(times["baseline"]),
        )
    ]
    for key, label, target in (
        ("bundled", "start-up: mockai, bundled scenarios", 1.2),
        ("generated", f"start-up: mockai, {GENERATED_COUNT:,} scenarios", 1.5),
        ("unmatched", "start-up: mockai, bundled, first reply generated (Faker)", None),
        ("health", "start-up: mockai, bundled, first GET /_mockai/health", None),
    ):
        median = statistics.median(times[key])
        ratio = round(median / base, 2)
        rows.append(
            Row(
                label,
                ratio,
                "× baseline",
                target=target,
                better="lower",
                ratio=ratio,
                note=_ms(times[key]),
            )
        )

    fixture = measure_fixture(50 if quick else 200, as_is)
    mock = fixture["mockai"]
    setup, teardown, own = mock["setup"][1:], mock["teardown"][1:], mock["fixture"][1:]
    plain = fixture["plain"]["setup"][1:]
    rows.append(
        Row(
            "pytest `mockai` fixture set-up per test (median)",
            round(statistics.median(setup), 2),
            "ms",
            target=5,
            better="lower",
            note=f"p95 {_pct(setup, 0.95):.2f} ms, max {max(setup):.2f} ms over "
            f"{len(setup)} tests after the first (first: {mock['setup'][0]:.0f} ms, "
            f"session server {mock['server'][0]:.0f} ms); fixture function alone "
            f"median {statistics.median(own):.3f} ms; a test without it "
            f"{statistics.median(plain):.2f} ms",
        )
    )
    rows.append(
        Row(
            "pytest `mockai` fixture set-up per test (p95)",
            round(_pct(setup, 0.95), 2),
            "ms",
            target=5,
            better="lower",
        )
    )
    loaded, unloaded = measure_plugin_import(3 if quick else 5, as_is)
    rows.append(
        Row(
            "pytest start-up: cost of loading the mockai plugin",
            round(min(loaded) - min(unloaded)),
            "ms",
            better="lower",
            note=f"best of each, as other load only adds; pytest on one empty test: "
            f"{_ms(loaded)} with the plugin, "
            f"{_ms(unloaded)} with -p no:mockai; paid by every pytest run in an "
            f"environment where mockai is installed",
        )
    )
    rows.append(
        Row(
            "pytest `mockai` fixture teardown per test (median)",
            round(statistics.median(teardown), 2),
            "ms",
            better="lower",
            note=f"p95 {_pct(teardown, 0.95):.2f} ms (session reset over HTTP); a test "
            f"without the fixture {statistics.median(fixture['plain']['teardown'][1:]):.2f} ms",
        )
    )
    return rows


def print_rows(rows: list[Row]) -> None:
    for row in rows:
        target = (
            ""
            if row.target is None
            else f"  target {'<=' if row.better == 'lower' else '>='} {row.target:g}"
        )
        met = {True: "  met", False: "  MISSED", None: ""}[row.met]
        print(f"{row.name:58} {row.value:>9g} {row.unit:11}{target}{met}")
        if row.note:
            print(f"{'':60}{row.note}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--repeats", type=int)
    parser.add_argument(
        "--as-is",
        action="store_true",
        help="spawn with this environment's bytecode settings untouched",
    )
    args = parser.parse_args()
    print_rows(run(args.quick, args.repeats, args.as_is))


if __name__ == "__main__":
    main()
