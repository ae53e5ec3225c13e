"""Throughput against a bare aiohttp baseline, side by side in the same run, with wrk; how it
scales with the number of loaded scenarios; and memory after 100,000 requests.

    python bench/throughput.py [--quick]

Each server runs alone (one process) while wrk loads it from another process. Ratios are to
the baseline measured in the same run, so machines and runs can be compared.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import tempfile
from pathlib import Path

from common import HERE, Row, baseline_command, free_port, mockai_command, rss_mb, server

CHAT = (
    "/v1/chat/completions",
    {"model": "gpt-4o", "messages": [{"role": "user", "content": "benchmark: say something"}]},
)
DEFAULT = (
    "/v1/chat/completions",
    {"model": "gpt-4o", "messages": [{"role": "user", "content": "no scenario matches"}]},
)
EMBEDDING = ("/v1/embeddings", {"model": "text-embedding-3-small", "input": "benchmark text"})
RESPONSES = ("/v1/responses", {"model": "gpt-4o", "input": "benchmark: say something"})
SCENARIO_COUNTS = (10, 1_000, 10_000)
TARGET_RATIO = 0.75


def wrk(
    port: int, case: tuple[str, dict], seconds: int, connections: int = 50
) -> tuple[float, int]:
    """Requests/s and requests answered during a run (after a 1 s warm-up)."""
    path, body = case
    env = {**os.environ, "BENCH_BODY": json.dumps(body)}
    url = f"http://127.0.0.1:{port}{path}"
    script = str(HERE / "post.lua")
    subprocess.run(
        ["wrk", "-t1", "-c8", "-d1s", "-s", script, url], env=env, capture_output=True, check=True
    )
    out = subprocess.run(
        ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "-s", script, url],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    if "Non-2xx" in out:
        raise RuntimeError(f"non-2xx answers during the run:\n{out}")
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    count = int(re.search(r"(\d+) requests in", out).group(1))
    return rate, count


def generated_scenarios(folder: Path, count: int) -> Path:
    """`count` scenarios that a request has to look past: the benchmark's own comes last."""
    path = folder / f"many-{count}.yaml"
    lines = []
    for i in range(count - 1):
        condition = f'{{regex: "^topic-{i}\\\\b"}}' if i % 10 == 0 else f'"phrase number {i} here"'
        lines.append(
            f'- name: s{i}\n  match: {{user: {condition}}}\n  reply: {{content: "Answer {i}."}}\n'
        )
    lines.append(
        "- name: bench-scripted\n  match: {user: benchmark}\n"
        '  reply: {content: "This is a scripted benchmark answer."}\n'
    )
    path.write_text("".join(lines))
    return path


def run(quick: bool = False) -> list[Row]:
    seconds = 3 if quick else 10
    rows: list[Row] = []
    port = free_port()
    with server(baseline_command(port), port):
        baseline, _ = wrk(port, CHAT, seconds)
    rows.append(Row("throughput: bare aiohttp baseline", baseline, "req/s", ratio=1.0))

    def against(name: str, rate: float, target: float | None = None) -> Row:
        return Row(name, rate, "req/s", target, ratio=round(rate / baseline, 3))

    port = free_port()
    with server(baseline_command(port, "--real-shape"), port):
        rows.append(
            against(
                "throughput: bare aiohttp, fixed answer of the real API's shape",
                wrk(port, CHAT, seconds)[0],
            )
        )

    port = free_port()
    with server(mockai_command(port, "--scenarios", str(HERE / "scenarios.yaml")), port, warm=True):
        rows.append(
            against(
                "throughput: scripted chat completion", wrk(port, CHAT, seconds)[0], TARGET_RATIO
            )
        )
        rows.append(
            against("throughput: default (generated) reply", wrk(port, DEFAULT, seconds)[0])
        )
        rows.append(against("throughput: embedding", wrk(port, EMBEDDING, seconds)[0]))
        rows.append(against("throughput: Responses call", wrk(port, RESPONSES, seconds)[0]))

    with tempfile.TemporaryDirectory() as tmp:
        for count in SCENARIO_COUNTS:
            path = generated_scenarios(Path(tmp), count)
            port = free_port()
            with server(mockai_command(port, "--scenarios", str(path)), port, warm=True):
                rate, _ = wrk(port, CHAT, max(seconds // 2, 2))
            rows.append(against(f"scaling: scripted chat, {count:,} scenarios loaded", rate))

    port = free_port()
    total = 10_000 if quick else 100_000
    with server(
        mockai_command(port, "--scenarios", str(HERE / "scenarios.yaml")), port, warm=True
    ) as proc:
        wrk(port, CHAT, 2)
        before = rss_mb(proc.pid)
        answered = 0
        while answered < total:
            answered += wrk(port, CHAT, 5)[1]
        after = rss_mb(proc.pid)
    rows.append(
        Row(
            f"memory: RSS growth after {answered:,} more requests",
            round(after - before, 1),
            "MB",
            20,
            "lower",
            note=f"{before:.0f} MB -> {after:.0f} MB",
        )
    )
    return rows


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    for row in run(parser.parse_args().quick):
        print(row)
