"""What every benchmark shares: spawning servers, ports, memory readings, result rows.

Each benchmark module has `run(quick: bool) -> list[Row]`; `bench/run.py` (`make bench`) runs
them all, prints one table and writes it as JSON under bench/results/.
"""

from __future__ import annotations

import contextlib
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
AUTH = {"Authorization": "Bearer sk-bench", "Content-Type": "application/json"}


@dataclass
class Row:
    """One figure: `value` in `unit`; `target` is the bound to meet (`<=` or `>=` per `better`);
    `ratio` is the figure against the bare aiohttp baseline measured in the same run, if any."""

    name: str
    value: float
    unit: str
    target: float | None = None
    better: str = "higher"  # higher | lower
    ratio: float | None = None
    note: str = ""

    @property
    def met(self) -> bool | None:
        measured = self.ratio if self.ratio is not None and self.unit == "req/s" else self.value
        if self.target is None:
            return None
        return measured >= self.target if self.better == "higher" else measured <= self.target

    def as_dict(self) -> dict:
        return {**asdict(self), "met": self.met}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_listening(port: int, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.01)
    raise RuntimeError(f"nothing listening on {port}")


def mockai_command(port: int, *args: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "mockai",
        "serve",
        "--quiet",
        "--no-watch",
        "--port",
        str(port),
        *args,
    ]


def baseline_command(port: int, *args: str) -> list[str]:
    return [sys.executable, str(HERE / "baseline_app.py"), str(port), *args]


@contextlib.contextmanager
def server(command: list[str], port: int, warm: bool = False) -> Iterator[subprocess.Popen]:
    """A server process listening on `port` for the block; `warm`: a mockai server that has
    also finished its one-off loading (vocabularies, Faker), which runs in the background at
    start and would otherwise be measured as part of the first figures."""
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    try:
        wait_listening(port)
        if warm:
            wait_warm(port)
        yield proc
    finally:
        proc.terminate()
        proc.wait(10)


def wait_warm(port: int, timeout: float = 60) -> None:
    """Until mockai's `mockai_warmup_pending` gauge reads 0."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/_mockai/metrics") as response:
            if re.search(r"^mockai_warmup_pending 0$", response.read().decode(), re.M):
                return
        time.sleep(0.05)
    raise RuntimeError(f"mockai on {port} still warming up after {timeout} s")


def rss_mb(pid: int) -> float:
    """Resident memory of a process now (Linux /proc)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


def peak_rss_mb(pid: int) -> float:
    """Peak resident memory of a process so far (VmHWM)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmHWM")
