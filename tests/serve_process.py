"""`mockai serve` as a real subprocess, for tests of the CLI, environment and file reloading.

The port is read from the `mockai listening on http://HOST:PORT` line it prints; stderr goes to
a file so a chatty server can never block on a full pipe, and the process is always killed.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import selectors
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

LISTENING = re.compile(r"^mockai listening on http://(?P<host>.+):(?P<port>\d+)$")
AUTH = {"Authorization": "Bearer sk-test"}


def clean_env(**extra: str) -> dict[str, str]:
    """The current environment without any MOCKAI_* variable, plus `extra`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("MOCKAI_")}
    env.update(extra)
    return env


def run_cli(
    *args: str, env: dict[str, str] | None = None, cwd: Path | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mockai", *args],
        capture_output=True,
        text=True,
        env=env or clean_env(),
        cwd=cwd,
        timeout=timeout,
    )


@dataclass
class Served:
    process: subprocess.Popen[str]
    host: str
    port: int
    line: str
    stderr_path: Path

    @property
    def root(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stderr(self) -> str:
        return self.stderr_path.read_text(errors="replace")


@contextlib.contextmanager
def mockai_serve(
    *args: str,
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
    startup_timeout: float = 30,
    command: str = "serve",
) -> Iterator[Served]:
    """Run `mockai serve ARGS` (or another `command` that announces its port, such as
    `record`) until the block ends; fails if it never announces its port."""
    with tempfile.TemporaryDirectory() as tmp:
        stderr_path = Path(tmp) / "stderr.log"
        with open(stderr_path, "w") as stderr:
            process = subprocess.Popen(
                [sys.executable, "-m", "mockai", command, *args],
                stdout=subprocess.PIPE,
                stderr=stderr,
                text=True,
                env=env or clean_env(),
                cwd=cwd,
            )
        try:
            line = _read_line(process, startup_timeout)
            match = LISTENING.match(line.rstrip("\n"))
            if match is None:
                raise AssertionError(
                    f"no listening line; stdout {line!r}, stderr:\n{stderr_path.read_text()}"
                )
            yield Served(process, match["host"], int(match["port"]), line, stderr_path)
        finally:
            process.kill()
            process.wait(10)
            assert process.stdout is not None
            process.stdout.close()


def _read_line(process: subprocess.Popen[str], timeout: float) -> str:
    assert process.stdout is not None
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        if not selector.select(timeout):
            raise AssertionError(f"mockai serve printed nothing within {timeout}s")
    return process.stdout.readline()


def http(
    url: str,
    method: str = "GET",
    body: Any = None,
    headers: dict[str, str] | None = None,
    timeout: float = 30,
) -> tuple[int, dict[str, str], Any]:
    """(status, lower-cased headers, parsed JSON or text) for one request, errors included."""
    data = None
    if body is not None:
        data = body.encode() if isinstance(body, str) else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            status, raw, got = response.status, response.read(), response.headers
    except urllib.error.HTTPError as exc:
        status, raw, got = exc.code, exc.read(), exc.headers
    text = raw.decode(errors="replace")
    try:
        parsed: Any = json.loads(text)
    except ValueError:
        parsed = text
    return status, {k.lower(): v for k, v in got.items()}, parsed


def chat(
    root: str, content: str = "Hello", headers: dict[str, str] | None = None, model: str = "gpt-4o"
) -> tuple[int, dict[str, str], Any]:
    """One chat request; `headers` with their own Authorization or x-api-key replace AUTH."""
    headers = headers or {}
    own_key = any(k.lower() in ("authorization", "x-api-key") for k in headers)
    body = {"model": model, "messages": [{"role": "user", "content": content}]}
    return http(
        f"{root}/v1/chat/completions",
        "POST",
        body,
        {"Content-Type": "application/json", **({} if own_key else AUTH), **headers},
    )


def reply_text(body: Any) -> str | None:
    return body["choices"][0]["message"]["content"]


def wait_until(predicate, timeout: float, interval: float = 0.1) -> bool:
    """Poll `predicate` until it is true or `timeout` seconds pass; returns its last verdict."""
    deadline = time.monotonic() + timeout
    while True:
        if predicate():
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(interval)
