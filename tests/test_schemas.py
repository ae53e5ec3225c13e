"""`mockai schema`: the shipped JSON Schemas are current, accept what mockai accepts and reject
what it rejects (scenario files through the loader, mockai.yaml through `mockai validate`)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator
from serve_process import run_cli

from mockai.cli import main
from mockai.config import SETTINGS
from mockai.endpoints import endpoint_names
from mockai.scenarios.loader import SUFFIXES, parse

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = (ROOT / "schemas", ROOT / "mockai" / "schemas")
# Every scenario file in the repository: the bundled examples, the recipes' and `mockai init`'s
# starters (npm's manifests next to the Node recipe are not scenarios).
NOT_SCENARIOS = {"package.json", "package-lock.json"}
SCENARIO_FILES = sorted(
    p
    for folder in ("scenarios", "examples", "mockai/starter/scenarios")
    for p in (ROOT / folder).rglob("*")
    if p.suffix in SUFFIXES and p.name not in NOT_SCENARIOS and "node_modules" not in p.parts
)


def _schema(name: str) -> Draft202012Validator:
    schema = json.loads((ROOT / "schemas" / name).read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


SCENARIO = _schema("scenario.schema.json")
CONFIG = _schema("mockai.schema.json")


def _errors(validator: Draft202012Validator, document: Any) -> list[str]:
    return [error.message for error in validator.iter_errors(document)]


@pytest.mark.parametrize("folder", SHIPPED, ids=lambda p: str(p.relative_to(ROOT)))
def test_shipped_schemas_are_current(folder: Path, tmp_path: Path, capsys) -> None:
    assert main(["schema", "--out", str(tmp_path)]) == 0
    for fresh in sorted(tmp_path.iterdir()):
        shipped = folder / fresh.name
        assert shipped.is_file() and shipped.read_text(encoding="utf-8") == fresh.read_text(
            encoding="utf-8"
        ), (
            f"{shipped.relative_to(ROOT)} is stale; run: mockai schema --out schemas "
            "and mockai schema --out mockai/schemas"
        )


def test_schema_command_prints_each_schema() -> None:
    scenario = run_cli("schema")
    config = run_cli("schema", "--config")
    assert scenario.returncode == config.returncode == 0
    assert json.loads(scenario.stdout)["title"] == "mockai scenario file"
    assert json.loads(config.stdout)["title"] == "mockai.yaml"
    assert scenario.stdout == (ROOT / "schemas" / "scenario.schema.json").read_text()
    assert config.stdout == (ROOT / "schemas" / "mockai.schema.json").read_text()


def _properties(node: Any) -> list[tuple[str, dict[str, Any]]]:
    found = []
    if isinstance(node, dict):
        found += list(node.get("properties", {}).items())
        for value in node.values():
            found += _properties(value)
    elif isinstance(node, list):
        for value in node:
            found += _properties(value)
    return found


@pytest.mark.parametrize("validator", [SCENARIO, CONFIG], ids=["scenario", "config"])
def test_every_property_is_described(validator: Draft202012Validator) -> None:
    undescribed = [
        name for name, spec in _properties(validator.schema) if not spec.get("description")
    ]
    assert not undescribed


def test_endpoint_offers_the_family_names() -> None:
    endpoint = SCENARIO.schema["$defs"]["Match"]["properties"]["endpoint"]
    families = set(endpoint_names().families)
    assert families <= set(endpoint["examples"]) and "chat.completions" in families


def test_the_repository_has_scenario_files() -> None:
    assert len(SCENARIO_FILES) >= 12


@pytest.mark.parametrize("path", SCENARIO_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_bundled_scenario_files_validate(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    document = json.loads(text) if path.suffix == ".json" else yaml.safe_load(text)
    assert parse(text, str(path), as_json=path.suffix == ".json")[1] == []  # mockai loads it
    assert _errors(SCENARIO, document) == []


GOOD = [
    {"name": "status-alone", "reply": {"error": 503}},
    {"name": "numbers-as-kinds", "chaos": {"rate": 0.5, "kinds": [429, "reset"]}, "reply": {}},
    {"name": "by-operation", "match": {"endpoint": "createVectorStore"}, "reply": {}},
    {"name": "by-route", "match": {"endpoint": "POST /vector_stores"}, "reply": {}},
    {"name": "regex", "match": {"user": {"regex": "^hi"}}, "replies": [{"content": "a"}]},
]
BAD = {
    "unknown key": {"name": "x", "match": {"endpont": "responses"}, "reply": {"content": "a"}},
    "unknown step key": {"name": "x", "reply": {"contents": "a"}},
    "wrong type": {"name": "x", "latency_ms": "slow", "reply": {"content": "a"}},
    "status below 400": {"name": "x", "reply": {"error": 200}},
    "no reply": {"name": "x"},
    "reply and replies": {"name": "x", "reply": {}, "replies": [{}]},
    "empty replies": {"name": "x", "replies": []},
    "unknown chaos kind": {"name": "x", "chaos": {"rate": 1, "kinds": ["boom"]}, "reply": {}},
    "no name": {"reply": {"content": "a"}},
}


@pytest.mark.parametrize("scenario", GOOD, ids=[s["name"] for s in GOOD])
def test_shorthands_mockai_accepts_validate(scenario: dict[str, Any]) -> None:
    assert parse(json.dumps(scenario), "good.json", as_json=True)[1] == []
    assert _errors(SCENARIO, [scenario]) == []


@pytest.mark.parametrize("scenario", BAD.values(), ids=BAD.keys())
def test_what_the_loader_rejects_the_schema_rejects(scenario: dict[str, Any]) -> None:
    assert parse(json.dumps(scenario), "bad.json", as_json=True)[1]  # the loader's verdict
    assert _errors(SCENARIO, scenario)
    assert _errors(SCENARIO, [scenario])


# A mockai.yaml giving every setting a config file may hold (dashed keys as the flags are).
EVERY_SETTING = """\
host: 127.0.0.1
port: 0
scenarios: [scenarios]
seed: 7
strict: true
lenient: false
api-key: [sk-one, sk-two]
admin-token: secret
quiet: yes
watch: false
journal_size: 50
journal-body-bytes: 1024
max_body_mb: 5
shutdown-grace: 0.5
realtime_audio_pace: 0
models:
  - {id: my-model, base: gpt-4o-mini, context_window: 4096, kind: chat, dimensions: 8}
rpm: 100
tpm: 10000
rpd: 1000
tpd: 1000000
tier: 1
quota_requests: 50
quota-usd: 1.5
limits:
  models: {gpt-4o: {rpm: 10}}
  keys: {sk-one: {rpm: 5, models: {gpt-4o-mini: {tpm: 100}}, quota: {requests: 3, usd: 0.1}}}
chaos-rate: 0.1
chaos_kinds: [429, reset]
proxy-unmatched: http://127.0.0.1:9
record: recordings
redact: ["sk-[a-z]+"]
keep-ids: true
replay_speed: 2
job-clock: realtime:10
"""


def test_every_setting_is_in_the_example() -> None:
    given = {str(k).replace("-", "_") for k in yaml.safe_load(EVERY_SETTING)}
    assert given == {spec.name for spec in SETTINGS} - {"config"}


def test_a_config_with_every_setting_validates(tmp_path: Path) -> None:
    (tmp_path / "scenarios").mkdir()
    (tmp_path / "mockai.yaml").write_text(EVERY_SETTING)
    assert _errors(CONFIG, yaml.safe_load(EVERY_SETTING)) == []
    result = run_cli("validate", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


# Each mistake after a first good line, the line `mockai validate` names, and what it names.
CONFIG_BAD = {
    "unknown setting": ("prot: 8000\n", 2, "prot"),
    "wrong type": ("port: eighty\n", 2, "port"),
    "out of range": ("port: 70000\n", 2, "port"),
    "unknown tier": ("tier: 9\n", 2, "tier"),
    "unknown chaos kind": ("chaos-kinds: [boom]\n", 2, "chaos-kinds"),
    "model without id": ("models:\n  - {base: gpt-4o}\n", 3, "models.0"),
    "model of no kind": ("models:\n  - id: m\n    kind: robot\n", 4, "models.0.kind"),
    "limits typo": ("limits:\n  modles: {gpt-4o: {rpm: 1}}\n", 3, "limits.modles"),
    "limits below 1": ("limits:\n  models: {gpt-4o: {rpm: 0}}\n", 3, "limits.models.gpt-4o.rpm"),
}


@pytest.mark.parametrize(("text", "line", "named"), CONFIG_BAD.values(), ids=CONFIG_BAD.keys())
def test_a_bad_config_fails_both(text: str, line: int, named: str, tmp_path: Path, capsys) -> None:
    config = tmp_path / "mockai.yaml"
    config.write_text("seed: 1\n" + text)
    assert _errors(CONFIG, yaml.safe_load(config.read_text()))
    assert main(["validate", "--config", str(config), str(ROOT / "scenarios")]) == 1
    out = capsys.readouterr().out
    assert out.startswith(f"{config}:{line}: ") and named in out, out
