"""`mockai init`: a starter project that `mockai validate` passes and `mockai serve` answers from,
with each YAML file pointing editors at its schema; `mockai serve` reads ./mockai.yaml."""

from __future__ import annotations

import json
from pathlib import Path

import tomllib
import yaml
from jsonschema import Draft202012Validator
from serve_process import AUTH, chat, clean_env, http, mockai_serve, reply_text, run_cli

from mockai.cli import main

MODELINE = "# yaml-language-server: $schema="


def _written(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()}


def test_init_writes_a_project_that_validates_and_serves(tmp_path: Path) -> None:
    project = tmp_path / "project"
    result = run_cli("init", str(project))
    assert result.returncode == 0, result.stderr
    assert _written(project) == {
        "mockai.yaml",
        "scenarios/chat.yaml",
        "scenarios/tool-call.yaml",
        "scenarios/rate-limited.yaml",
        ".mockai/scenario.schema.json",
        ".mockai/mockai.schema.json",
    }
    assert "mockai validate" in result.stdout and "mockai serve" in result.stdout

    validated = run_cli("validate", cwd=project)
    assert validated.returncode == 0, validated.stdout + validated.stderr
    assert validated.stdout.strip() == "ok: 4 scenario(s) and mockai.yaml"

    with mockai_serve("--port", "0", cwd=project) as served:
        status, _, body = chat(served.root, "Hello there")
        assert status == 200 and "scenarios/chat.yaml" in reply_text(body)
        first, _, error = chat(served.root, "please retry me")
        second, _, fine = chat(served.root, "please retry me")
        assert (first, error["error"]["code"]) == (429, "rate_limit_exceeded")
        assert (second, reply_text(fine)) == (200, "Fine now, thanks for waiting.")


def test_each_yaml_file_names_its_schema_and_follows_it(tmp_path: Path) -> None:
    assert main(["init", str(tmp_path)]) == 0
    for path in [tmp_path / "mockai.yaml", *(tmp_path / "scenarios").glob("*.yaml")]:
        first_line = path.read_text(encoding="utf-8").splitlines()[0]
        assert first_line.startswith(MODELINE), path
        schema_path = (path.parent / first_line.removeprefix(MODELINE)).resolve()
        assert schema_path.parent == (tmp_path / ".mockai").resolve()
        schema = json.loads(schema_path.read_text(encoding="utf-8"))
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert not list(Draft202012Validator(schema).iter_errors(document)), path


def test_init_refuses_to_overwrite_unless_forced(tmp_path: Path, capsys) -> None:
    (tmp_path / "scenarios").mkdir()
    mine = tmp_path / "scenarios" / "chat.yaml"
    mine.write_text("- {name: mine, reply: {content: mine}}\n")
    assert main(["init", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(mine) in err and "--force" in err
    assert _written(tmp_path) == {"scenarios/chat.yaml"}  # nothing written
    assert main(["init", "--force", str(tmp_path)]) == 0
    assert "mine" not in mine.read_text()


def test_validate_without_arguments_reports_config_problems(tmp_path: Path) -> None:
    assert main(["init", str(tmp_path)]) == 0
    config = tmp_path / "mockai.yaml"
    config.write_text(config.read_text() + "rpm: 0\n")
    scenario = tmp_path / "scenarios" / "chat.yaml"
    scenario.write_text(scenario.read_text().replace("  reply:", "  replay:"))
    result = run_cli("validate", cwd=tmp_path)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"mockai.yaml:{len(config.read_text().splitlines())}: rpm: ")
    assert any(line.startswith("scenarios/chat.yaml:") for line in lines[1:]), lines


def test_serve_reads_mockai_yaml_unless_told_otherwise(tmp_path: Path) -> None:
    (tmp_path / "mockai.yaml").write_text("api-key: [sk-from-config]\n")
    with mockai_serve("--port", "0", cwd=tmp_path) as served:
        assert chat(served.root, headers=AUTH)[0] == 401
        assert chat(served.root, headers={"Authorization": "Bearer sk-from-config"})[0] == 200
    # An empty MOCKAI_CONFIG names no file: the default is not read.
    with mockai_serve("--port", "0", cwd=tmp_path, env=clean_env(MOCKAI_CONFIG="")) as served:
        assert http(f"{served.root}/v1/models", headers=AUTH)[0] == 200


def test_what_init_copies_is_package_data() -> None:
    """`pip install mockai` has to bring what init copies: the files under mockai/starter and
    mockai/schemas are all matched by the package data pyproject.toml declares (read as
    setuptools reads it, instead of building a wheel)."""
    root = Path(__file__).resolve().parents[1]
    setuptools = tomllib.loads((root / "pyproject.toml").read_text())["tool"]["setuptools"]
    declared = {
        path
        for pattern in setuptools["package-data"]["mockai"]
        for path in (root / "mockai").glob(pattern)
    }
    copied = [p for folder in ("starter", "schemas") for p in (root / "mockai" / folder).rglob("*")]
    assert len(copied) >= 6 and {p for p in copied if p.is_file()} <= declared


def test_validate_with_nothing_to_check_is_a_usage_error(tmp_path: Path) -> None:
    result = run_cli("validate", cwd=tmp_path)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "nothing to validate" in result.stderr
