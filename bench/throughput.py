"""Throughput of mockai against a bare aiohttp baseline, side by side, with wrk.

    python bench/throughput.py [--seconds 10] [--connections 50]

Each server runs alone (one process, one core's worth of event loop) while wrk loads it from
another process; the table shows requests/s and the ratio to the baseline, and the run is written
as JSON under bench/results/.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CHAT = {"model": "gpt-4o", "messages": [{"role": "user", "content": "benchmark: say something"}]}
DEFAULT = {"model": "gpt-4o", "messages": [{"role": "user", "content": "no scenario matches this"}]}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_ready(port: int, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise RuntimeError(f"nothing listening on {port}")


def wrk(port: int, body: dict, seconds: int, connections: int) -> float:
    env = {**os.environ, "BENCH_BODY": json.dumps(body)}
    url = f"http://127.0.0.1:{port}/v1/chat/completions"
    subprocess.run(["wrk", "-t1", "-c8", "-d1s", "-s", str(HERE / "post.lua"), url], env=env,
                   capture_output=True, check=True)  # warm-up
    out = subprocess.run(["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "-s", str(HERE / "post.lua"), url],
                         env=env, capture_output=True, text=True, check=True).stdout
    if "Non-2xx" in out:
        raise RuntimeError(f"non-2xx answers during the run:\n{out}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))


def run_server(command: list[str], port: int) -> subprocess.Popen:
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_ready(port)
    return proc


def measure(seconds: int, connections: int) -> dict:
    results = {}
    port = free_port()
    proc = run_server([sys.executable, str(HERE / "baseline_app.py"), str(port)], port)
    try:
        results["baseline (bare aiohttp)"] = wrk(port, CHAT, seconds, connections)
    finally:
        proc.terminate()
        proc.wait()
    port = free_port()
    proc = run_server([sys.executable, "-m", "mockai", "serve", "--quiet", "--no-watch", "--port", str(port),
                       "--scenarios", str(HERE / "scenarios.yaml")], port)
    try:
        time.sleep(2)  # let the vocabularies and Faker load in the background
        results["mockai scripted chat completion"] = wrk(port, CHAT, seconds, connections)
        results["mockai default (generated) reply"] = wrk(port, DEFAULT, seconds, connections)
    finally:
        proc.terminate()
        proc.wait()
    return results


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=50)
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk is needed: apt-get install wrk")
    results = measure(args.seconds, args.connections)
    baseline = results["baseline (bare aiohttp)"]
    print(f"{'case':40} {'req/s':>10} {'ratio':>7}")
    for name, rate in results.items():
        print(f"{name:40} {rate:10.0f} {rate / baseline:7.2f}")
    record = {"time": time.strftime("%Y-%m-%dT%H:%M:%S"), "machine": platform.platform(),
              "cpus": os.cpu_count(), "python": platform.python_version(),
              "seconds": args.seconds, "connections": args.connections,
              "requests_per_second": results,
              "ratios": {k: round(v / baseline, 3) for k, v in results.items()}}
    out = HERE / "results" / f"throughput-{time.strftime('%Y%m%d-%H%M%S')}.json"
    out.write_text(json.dumps(record, indent=2) + "\n")
    print(f"written {out.relative_to(HERE.parent)}")


if __name__ == "__main__":
    main()
