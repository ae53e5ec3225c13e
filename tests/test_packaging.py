"""Static checks of the packaging: Dockerfile, .dockerignore, docker-compose.yml, the GitHub
Actions workflow, the licence; and the container health check run against a live server.

No Docker engine is needed: `hadolint` and `actionlint` (from the test extras, installed next
to the running interpreter) lint the Dockerfile and the workflows, and `docker-compose config -q`
validates the compose file. A missing tool skips its test, unless MOCKAI_REQUIRE_DOCKER_TOOLS=1
(as in CI) makes it fail.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
from fnmatch import fnmatch
from pathlib import Path

import pytest
import yaml
from serve_process import clean_env

from mockai.config import from_sources

ROOT = Path(__file__).resolve().parent.parent
DOCKERFILE = ROOT / "Dockerfile"
COMPOSE = ROOT / "docker-compose.yml"
WORKFLOWS = ROOT / ".github" / "workflows"
DOCS = ROOT / "docs"
HEALTH_PATH = "/_mockai/health"
HEALTHCHECK = ["python", "-m", "mockai.healthcheck"]


def _tools_required() -> bool:
    return os.environ.get("MOCKAI_REQUIRE_DOCKER_TOOLS", "").strip() == "1"


def _missing(tool: str) -> None:
    message = f"{tool} is not installed"
    if _tools_required():
        pytest.fail(f"{message} and MOCKAI_REQUIRE_DOCKER_TOOLS=1")
    pytest.skip(message)


def _tool(name: str) -> str:
    """A linter from the test extras: beside this interpreter first (a venv not activated)."""
    beside = Path(sys.executable).parent / name
    if beside.is_file() and os.access(beside, os.X_OK):
        return str(beside)
    on_path = shutil.which(name)
    if on_path is None:
        _missing(f"{name} (pip install -e '.[test]')")
    return on_path


def _instructions(text: str) -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, with backslash continuations and comments removed."""
    result: list[tuple[str, str]] = []
    pending = ""
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if stripped.endswith("\\"):
            pending += stripped[:-1] + " "
            continue
        keyword, _, rest = (pending + stripped).partition(" ")
        result.append((keyword.upper(), rest.strip()))
        pending = ""
    return result


@pytest.fixture(scope="module")
def dockerfile() -> list[tuple[str, str]]:
    return _instructions(DOCKERFILE.read_text())


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load(COMPOSE.read_text())


def test_hadolint_is_clean():
    proc = subprocess.run(
        [_tool("hadolint"), "Dockerfile"], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    output = (proc.stdout + proc.stderr).strip()
    assert proc.returncode == 0, output
    assert output == ""


def test_compose_config_is_valid():
    if shutil.which("docker-compose") is None:
        _missing("docker-compose (apt-get install docker-compose)")
    proc = subprocess.run(
        ["docker-compose", "-f", str(COMPOSE), "config", "-q"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, (proc.stdout + proc.stderr).strip()


def test_dockerfile_healthcheck_follows_the_configured_port(dockerfile):
    """The health check asks mockai.healthcheck, which reads MOCKAI_PORT like the server does;
    a hard-coded :8000 reported a server moved with MOCKAI_PORT as unhealthy."""
    healthchecks = [args for keyword, args in dockerfile if keyword == "HEALTHCHECK"]
    assert len(healthchecks) == 1
    command = yaml.safe_load(healthchecks[0].partition("CMD")[2])
    assert command == HEALTHCHECK
    assert "8000" not in healthchecks[0]


def test_dockerfile_serves_scenarios_from_the_environment_as_non_root(dockerfile):
    """Host, port and scenarios come from MOCKAI_* alone: a CMD with `--port 8000` would win
    over `-e MOCKAI_PORT=...` and leave the health check probing another port."""
    keywords = dict(dockerfile)  # last one wins, as in Docker
    # The base is a build argument (a local stand-in where no registry answers) whose default
    # stays the official Python image.
    assert keywords["FROM"] == "${BASE}"
    assert re.match(r"BASE=python:[\w.-]+$", keywords["ARG"]), keywords["ARG"]
    assert keywords["EXPOSE"] == "8000"
    assert keywords["USER"].split(":")[0] not in ("root", "0")
    assert any(
        keyword == "COPY" and args.split()[-1] == "/scenarios" for keyword, args in dockerfile
    )
    assert yaml.safe_load(keywords["ENTRYPOINT"]) == ["mockai", "serve"]
    assert "CMD" not in keywords
    env = dict(re.findall(r"(MOCKAI_\w+)=(\S+)", keywords["ENV"]))
    settings = from_sources({}, env=env)
    assert (settings.host, settings.port, settings.scenarios) == ("0.0.0.0", 8000, ["/scenarios"])


def test_dockerfile_installs_the_fast_and_media_extras(dockerfile):
    """The benchmarks call uvloop the deployment setting; the image is a deployment, and a
    one-stop server: every media extra (`all`) too."""
    runs = " ".join(args for keyword, args in dockerfile if keyword == "RUN")
    assert re.search(r"pip install [^&]*'\./\[all,fast\]'", runs), runs


@pytest.mark.parametrize("host", ["0.0.0.0", "127.0.0.1"])
def test_healthcheck_probes_the_port_mockai_port_names(mockai_server, host):
    env = clean_env(MOCKAI_PORT=str(mockai_server.port), MOCKAI_HOST=host)
    proc = subprocess.run(
        [sys.executable, "-m", "mockai.healthcheck"],
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert (proc.returncode, proc.stderr) == (0, "")


def test_healthcheck_fails_when_nothing_listens_there():
    with socket.socket() as sock:  # a port that was just free: nothing listens on it now
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = clean_env(MOCKAI_PORT=str(port))
    proc = subprocess.run(
        [sys.executable, "-m", "mockai.healthcheck"],
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert proc.returncode == 1
    assert proc.stderr.startswith("mockai: unhealthy:"), proc.stderr


def test_dockerignore_keeps_the_context_small():
    ignored = (ROOT / ".dockerignore").read_text().split()
    for entry in (".venv", ".git", ".pytest_cache", "bench/results"):
        assert entry in ignored or entry + "/" in ignored, entry


def test_compose_healthcheck_follows_the_configured_port(compose):
    assert compose["services"]["mockai"]["healthcheck"]["test"] == ["CMD", *HEALTHCHECK]


def _docs_section(page: str, title: str) -> str:
    """A section of a documentation page: from its heading to the next one of its level or above."""
    text = "\n" + (DOCS / page).read_text(encoding="utf-8")
    start = text.index(f"\n{title}\n")
    level = title.split(" ", 1)[0]
    ends = [text.find(f"\n{'#' * n} ", start + 1) for n in range(1, len(level) + 1)]
    end = min((e for e in ends if e != -1), default=len(text))
    return text[start:end]


def test_compose_opens_the_control_api_to_the_host_with_the_documented_token(compose):
    """From the host, requests reach the container through Docker's network, so the control
    API answers only with an admin token: the compose file sets one, and the Docker page's curl
    line sends that very token."""
    env = {str(k): str(v) for k, v in compose["services"]["mockai"]["environment"].items()}
    token = from_sources({}, env=env).admin_token
    assert token
    docker = _docs_section("docker.md", "# Docker")
    assert (
        f'curl -H "Authorization: Bearer {token}" http://127.0.0.1:8000/_mockai/requests' in docker
    )
    assert f"Authorization: Bearer {token}" in COMPOSE.read_text()


def test_compose_mounts_scenarios(compose):
    volumes = compose["services"]["mockai"]["volumes"]
    targets = [v.split(":")[1] if isinstance(v, str) else v["target"] for v in volumes]
    assert "/scenarios" in targets


def test_compose_app_waits_for_healthy_mockai(compose):
    app = compose["services"]["app"]
    assert app["depends_on"]["mockai"]["condition"] == "service_healthy"
    assert app["environment"]["OPENAI_BASE_URL"] == "http://mockai:8000/v1"


def _actionlint(path: Path) -> None:
    proc = subprocess.run(
        [_tool("actionlint"), "-no-color", str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, (proc.stdout + proc.stderr).strip()


def test_workflows_pass_actionlint():
    workflows = sorted(WORKFLOWS.glob("*.yml"))
    assert workflows, "the repository keeps its GitHub Actions job in .github/workflows/"
    for workflow in workflows:
        _actionlint(workflow)


def test_documented_github_actions_job_passes_actionlint(tmp_path):
    """The job users copy from the CI page is linted like the repository's own."""
    section = _docs_section("ci.md", "## GitHub Actions")
    blocks = re.findall(r"```yaml\n(.*?)```", section, re.S)
    assert len(blocks) == 1
    job = yaml.safe_load(blocks[0])
    steps = " ".join(str(step) for step in job["jobs"]["test"]["steps"])
    assert "docker run -d" in steps and HEALTH_PATH in steps
    workflow = tmp_path / ".github" / "workflows" / "documented.yml"
    workflow.parent.mkdir(parents=True)
    workflow.write_text(blocks[0])
    _actionlint(workflow)


def test_workflow_waits_on_health_before_the_client_runs():
    job = yaml.safe_load((WORKFLOWS / "client-tests.yml").read_text())["jobs"]["client-tests"]
    runs = [step.get("run", "") for step in job["steps"]]
    started = next(i for i, run in enumerate(runs) if "docker run -d" in run)
    healthy = next(i for i, run in enumerate(runs) if HEALTH_PATH in run)
    client = next(i for i, run in enumerate(runs) if "examples/compose_app.py" in run)
    assert started < healthy < client


def test_the_declared_licence_ships():
    declared = re.search(r'^license = "(.+)"$', (ROOT / "pyproject.toml").read_text(), re.M)
    assert declared and declared.group(1) == "MIT"
    licence = (ROOT / "LICENSE").read_text()
    assert licence.startswith("MIT License") and "Permission is hereby granted" in licence


def test_the_package_ships_py_typed():
    """PEP 561: type checkers use mockai's annotations only if `mockai/py.typed` is in the
    wheel, which takes the package data pyproject.toml declares (read here, as setuptools
    reads it, instead of building a wheel: fast, and with no build backend to fetch)."""
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    setuptools = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    assert any(fnmatch("mockai", pattern) for pattern in setuptools["packages"]["find"]["include"])
    shipped = {
        path
        for package, patterns in setuptools["package-data"].items()
        for pattern in patterns
        for path in (ROOT / package.replace(".", "/")).glob(pattern)
    }
    assert ROOT / "mockai" / "py.typed" in shipped
