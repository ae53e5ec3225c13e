"""Build the image, run it, and check it from the host as users run it; then run the compose
example to completion. `make container-test` runs this; `.ci/run` runs that.

Docker is used when its engine answers, else podman. Where no image registry can be reached
(podman here), the base image is a stand-in built from Debian's packages (`debootstrap` of a
minimal bookworm with python3), given to the Dockerfile as `--build-arg BASE=...`; set
MOCKAI_SMOKE_BASE to use another. Every check prints one line; the first failure prints the
container's log and exits 1.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
IMAGE = "mockai:local"  # the name docker-compose.yml gives the image, so compose reuses it
LOCAL_BASE = "localhost/mockai-base:bookworm"
TOKEN = "mockai-admin"  # the admin token docker-compose.yml sets
AUTH = {"Authorization": "Bearer sk-smoke", "Content-Type": "application/json"}
STOP_S = 2.0


class Failed(Exception):
    pass


def run(*args: str, check: bool = True, **kwargs: Any) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(args, capture_output=True, text=True, **kwargs)
    if check and done.returncode != 0:
        raise Failed(f"{' '.join(args)} exited {done.returncode}:\n{done.stdout}{done.stderr}")
    return done


class Engine:
    """docker or podman, with what this machine needs of each."""

    def __init__(self) -> None:
        docker = shutil.which("docker")
        if docker and run(docker, "info", check=False).returncode == 0:
            self.name, self.build_flags = docker, []
            self.compose = ["docker", "compose"]
        elif shutil.which("podman"):
            # runc and cgroupfs (hybrid cgroups), no default ulimits: .ci/containers.conf.
            os.environ.setdefault("CONTAINERS_CONF", str(ROOT / ".ci" / "containers.conf"))
            # Builds reach the package index with the host's network and CA bundle (a proxy
            # whose authority only the host's bundle has); `docker` format keeps HEALTHCHECK.
            self.name = "podman"
            self.build_flags = [
                "--format",
                "docker",
                "--network",
                "host",
                "-v",
                "/etc/ssl/certs:/etc/ssl/certs:ro",
            ]
            self.compose = ["podman-compose"]
        else:
            raise Failed("neither a docker engine nor podman is available")

    @property
    def podman(self) -> bool:
        return self.name == "podman"

    def __call__(
        self, *args: str, check: bool = True, timeout: float = 300
    ) -> subprocess.CompletedProcess[str]:
        return run(self.name, *args, check=check, timeout=timeout)


def local_base(engine: Engine) -> str:
    """A minimal Debian bookworm with python3 and venv, imported as an image (once)."""
    if engine("image", "exists", LOCAL_BASE, check=False).returncode == 0:
        return LOCAL_BASE
    with tempfile.TemporaryDirectory(prefix="mockai-base-") as rootfs:
        run(
            "debootstrap",
            "--variant=minbase",
            "--include=python3,python3-venv,ca-certificates",
            "bookworm",
            rootfs,
            "http://deb.debian.org/debian",
        )
        tar = subprocess.Popen(["tar", "-C", rootfs, "-c", "."], stdout=subprocess.PIPE)
        run(engine.name, "import", "-", LOCAL_BASE, stdin=tar.stdout)
        tar.wait()
    return LOCAL_BASE


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def http(url: str, body: Any = None, headers: dict[str, str] | None = None) -> tuple[int, str]:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


def until(what: str, probe: Callable[[], bool], seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if probe():
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise Failed(f"timed out waiting for {what}")


def chat(root: str, question: str, **extra: Any) -> tuple[int, str]:
    return http(
        f"{root}/v1/chat/completions",
        {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": question}], **extra},
        AUTH,
    )


PASSED: list[str] = []


def ok(message: str) -> None:
    PASSED.append(message)
    print(f"ok: {message}", flush=True)


def check_running_image(engine: Engine, scenarios: Path) -> None:
    port, name = free_port(), f"mockai-smoke-{os.getpid()}"
    engine(
        "run",
        "-d",
        "--name",
        name,
        "-p",
        f"127.0.0.1:{port}:8000",
        "-e",
        f"MOCKAI_ADMIN_TOKEN={TOKEN}",
        "-v",
        f"{scenarios}:/scenarios:ro",
        IMAGE,
    )
    root = f"http://127.0.0.1:{port}"
    try:
        until("the health endpoint", lambda: http(f"{root}/_mockai/health")[0] == 200)
        ok("GET /_mockai/health answers from the host")
        if engine.podman:  # no systemd to run it on a timer: run it once by hand
            engine("healthcheck", "run", name)
        else:
            until(
                "HEALTHCHECK to report healthy",
                lambda: (
                    engine("inspect", "--format", "{{.State.Health.Status}}", name).stdout.strip()
                    == "healthy"
                ),
                60,
            )
        ok("the image's HEALTHCHECK passes")

        status, body = chat(root, "What is the capital of France?")
        if status != 200 or "Paris" not in json.loads(body)["choices"][0]["message"]["content"]:
            raise Failed(f"chat completion: {status} {body[:300]}")
        ok("a scripted chat completion answers")
        status, body = chat(root, "Tell me a story", stream=True, max_tokens=20)
        if status != 200 or not body.rstrip().endswith("data: [DONE]"):
            raise Failed(f"stream: {status} {body[-300:]}")
        ok("a stream answers and ends with [DONE]")

        (scenarios / "smoke.yaml").write_text(
            "- name: smoke\n  match: {user: container smoke}\n  reply: {content: hot reloaded}\n"
        )
        until(
            "the new scenario file to be served",
            lambda: "hot reloaded" in chat(root, "a container smoke test")[1],
            15,
        )
        ok("a scenario file added to the mounted folder is picked up")

        status, body = http(
            f"{root}/_mockai/requests", headers={"Authorization": f"Bearer {TOKEN}"}
        )
        if status != 200 or not json.loads(body)["data"]:
            raise Failed(f"control API with the admin token: {status} {body[:300]}")
        if http(f"{root}/_mockai/requests")[0] != 403:
            raise Failed("the control API answered the host without the admin token")
        ok("the control API answers the host with the admin token, 403 without")

        uid = engine("exec", name, "id", "-u").stdout.strip()
        if uid in ("", "0"):
            raise Failed(f"the server runs as uid {uid!r}")
        ok(f"the server runs as uid {uid}, not root")

        started = time.monotonic()
        engine("stop", "-t", "10", name)
        took = time.monotonic() - started
        code = engine("inspect", "--format", "{{.State.ExitCode}}", name).stdout.strip()
        if took > STOP_S or code != "0":
            raise Failed(f"stop took {took:.1f} s and exited {code} (want < {STOP_S} s, 0)")
        ok(f"stop returns in {took:.1f} s with exit status 0")
    except Failed:
        print(engine("logs", name, check=False).stdout + engine("logs", name, check=False).stderr)
        raise
    finally:
        engine("rm", "-f", name, check=False)


def check_bad_scenarios_refused(engine: Engine, scenarios: Path) -> None:
    (scenarios / "bad.yaml").write_text("- name: bad\n  mtach: {user: x}\n  reply: {content: y}\n")
    done = engine("run", "--rm", "-v", f"{scenarios}:/scenarios:ro", IMAGE, check=False)
    log = done.stdout + done.stderr
    if done.returncode == 0 or "/scenarios/bad.yaml:2: mtach: unknown field" not in log:
        raise Failed(f"a bad scenario file: exit {done.returncode}, log:\n{log}")
    ok(f"a bad scenario file stops the container (exit {done.returncode}) with its problem")


def check_compose(engine: Engine, base: str | None) -> None:
    """`compose up` in the background, then the app's exit status: podman-compose (1.0) does
    not stop at `--abort-on-container-exit`, so waiting on the app itself works for both."""
    files = ["-f", str(ROOT / "docker-compose.yml")]
    if engine.podman:  # the app's package downloads need the host's CA bundle, as builds do
        files += ["-f", str(ROOT / ".ci" / "compose.podman.yml")]
    env = {**os.environ, **({"MOCKAI_BASE_IMAGE": base} if base else {})}
    project = f"mockai-smoke-{os.getpid()}"
    compose = [*engine.compose, "-p", project, *files]
    app = f"{project}_app_1" if engine.podman else f"{project}-app-1"
    try:
        run(*compose, "up", "-d", "--no-build", env=env, cwd=ROOT, timeout=300)
        code = engine("wait", app).stdout.strip()
        log = engine("logs", app, check=False)
        output = log.stdout + log.stderr
        if code != "0" or "app: got 'The capital of France is Paris.'" not in output:
            raise Failed(f"the compose example's app exited {code}:\n{output[-3000:]}")
    finally:
        run(*compose, "down", check=False, env=env, cwd=ROOT, timeout=120)
    ok("the compose example's app ran against the mockai service and exited 0")


def main() -> int:
    try:
        engine = Engine()
        base = os.environ.get("MOCKAI_SMOKE_BASE") or (
            local_base(engine) if engine.podman else None
        )
        build = [
            *engine.build_flags,
            "-t",
            IMAGE,
            *(["--build-arg", f"BASE={base}"] if base else []),
        ]
        engine("build", *build, str(ROOT))
        ok(f"built {IMAGE} with {engine.name}" + (f" on {base}" if base else ""))
        with tempfile.TemporaryDirectory(prefix="mockai-scenarios-") as folder:
            scenarios = Path(folder)
            shutil.copytree(ROOT / "scenarios", scenarios, dirs_exist_ok=True)
            scenarios.chmod(0o755)
            check_running_image(engine, scenarios)
            check_bad_scenarios_refused(engine, scenarios)
        check_compose(engine, base)
    except (Failed, subprocess.TimeoutExpired) as exc:
        print(f"container smoke test FAILED: {exc}", file=sys.stderr)
        print(f"smoke: {len(PASSED)} passed, 1 failed")
        return 1
    print(f"smoke: {len(PASSED)} passed, 0 failed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
