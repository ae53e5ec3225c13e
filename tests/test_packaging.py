"""Static checks of the container packaging: Dockerfile, .dockerignore and docker-compose.yml.

No Docker engine is needed: `hadolint` (from the test extras, installed next to the running
interpreter) lints the Dockerfile and `docker-compose config -q` validates the compose file.
A missing tool skips its test, unless MOCKAI_REQUIRE_DOCKER_TOOLS=1 (as in CI) makes it fail.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
DOCKERFILE = ROOT / "Dockerfile"
COMPOSE = ROOT / "docker-compose.yml"
HEALTH_PATH = "/_mockai/health"


def _tools_required() -> bool:
    return os.environ.get("MOCKAI_REQUIRE_DOCKER_TOOLS", "").strip() == "1"


def _missing(tool: str) -> None:
    message = f"{tool} is not installed"
    if _tools_required():
        pytest.fail(f"{message} and MOCKAI_REQUIRE_DOCKER_TOOLS=1")
    pytest.skip(message)


def _hadolint() -> str:
    beside = Path(sys.executable).parent / "hadolint"
    if beside.is_file() and os.access(beside, os.X_OK):
        return str(beside)
    on_path = shutil.which("hadolint")
    if on_path is None:
        _missing("hadolint (pip install -e '.[test]')")
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
    proc = subprocess.run([_hadolint(), "Dockerfile"], cwd=ROOT, capture_output=True,
                          text=True, timeout=60)
    output = (proc.stdout + proc.stderr).strip()
    assert proc.returncode == 0, output
    assert output == ""


def test_compose_config_is_valid():
    if shutil.which("docker-compose") is None:
        _missing("docker-compose (apt-get install docker-compose)")
    proc = subprocess.run(["docker-compose", "-f", str(COMPOSE), "config", "-q"], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, (proc.stdout + proc.stderr).strip()


def test_dockerfile_healthcheck_uses_health_endpoint(dockerfile):
    healthchecks = [args for keyword, args in dockerfile if keyword == "HEALTHCHECK"]
    assert len(healthchecks) == 1
    assert HEALTH_PATH in healthchecks[0]
    assert "urllib" in healthchecks[0]  # slim images have no curl


def test_dockerfile_serves_scenarios_on_port_8000_as_non_root(dockerfile):
    keywords = dict(dockerfile)  # last one wins, as in Docker
    assert re.match(r"python:[\w.-]+$", keywords["FROM"]), keywords["FROM"]
    assert keywords["EXPOSE"] == "8000"
    assert keywords["USER"].split(":")[0] not in ("root", "0")
    assert any(keyword == "COPY" and args.split()[-1] == "/scenarios" for keyword, args in dockerfile)
    command = " ".join(
        yaml.safe_load(keywords["ENTRYPOINT"]) + yaml.safe_load(keywords["CMD"]))
    assert command == "mockai serve --host 0.0.0.0 --port 8000 --scenarios /scenarios"


def test_dockerignore_keeps_the_context_small():
    ignored = (ROOT / ".dockerignore").read_text().split()
    for entry in (".venv", ".git", ".pytest_cache", "bench/results"):
        assert entry in ignored or entry + "/" in ignored, entry


def test_compose_healthcheck_uses_health_endpoint(compose):
    test = compose["services"]["mockai"]["healthcheck"]["test"]
    assert HEALTH_PATH in (test if isinstance(test, str) else " ".join(test))


def test_compose_mounts_scenarios(compose):
    volumes = compose["services"]["mockai"]["volumes"]
    targets = [v.split(":")[1] if isinstance(v, str) else v["target"] for v in volumes]
    assert "/scenarios" in targets


def test_compose_app_waits_for_healthy_mockai(compose):
    app = compose["services"]["app"]
    assert app["depends_on"]["mockai"]["condition"] == "service_healthy"
    assert app["environment"]["OPENAI_BASE_URL"] == "http://mockai:8000/v1"
