"""`mockai schema`: JSON Schemas (draft 2020-12) of scenario files and of mockai.yaml, for
editors to complete and check them.

Both are generated from the code that checks those files: the scenario models
(`mockai.scenarios.schema`), the settings (`mockai.config.SETTINGS` and their descriptions),
the `models:` entries (`mockai.models.registry`) and `limits:` (`mockai.ratelimits.policy`).
The copies shipped in `schemas/` and in the package (`mockai/schemas/`, which `mockai init`
copies) are this command's output; a test regenerates them and compares.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping
from importlib.resources import files
from pathlib import Path
from typing import Any

from mockai.config import SETTINGS
from mockai.endpoints import endpoint_names
from mockai.faults.kinds import ALL
from mockai.scenarios.schema import Scenario
from mockai.vocabulary import JOB_CLOCK

NAME = "schema"
SCENARIO_FILE = "scenario.schema.json"
CONFIG_FILE = "mockai.schema.json"
DRAFT = "https://json-schema.org/draft/2020-12/schema"
# The ones `pip install mockai` ships, which `mockai init` copies.
SHIPPED = files("mockai") / "schemas"


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        NAME,
        help="print the JSON Schema of scenario files (or of mockai.yaml)",
        description="Print the JSON Schema (draft 2020-12) of scenario files, or with --config "
        "of mockai.yaml; with --out write both into a folder.",
    )
    parser.add_argument(
        "--config", action="store_true", help="mockai.yaml's schema instead of a scenario file's"
    )
    parser.add_argument(
        "--out", metavar="DIR", help=f"write {SCENARIO_FILE} and {CONFIG_FILE} into DIR"
    )


def run(args: argparse.Namespace) -> int:
    if args.out is None:
        print(rendered(config_schema() if args.config else scenario_schema()), end="")
        return 0
    out = Path(args.out)
    try:
        for name, text in schema_files().items():
            out.mkdir(parents=True, exist_ok=True)
            (out / name).write_text(text, encoding="utf-8")
    except OSError as exc:
        print(f"mockai: cannot write {out}: {exc.strerror}", file=sys.stderr)
        return 1
    print(f"wrote {out / SCENARIO_FILE} and {out / CONFIG_FILE}")
    return 0


def rendered(schema: dict[str, Any]) -> str:
    """Deterministic text: sorted keys, 2-space indent, a trailing newline."""
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def schema_files() -> dict[str, str]:
    """Each schema file's name and text."""
    return {SCENARIO_FILE: rendered(scenario_schema()), CONFIG_FILE: rendered(config_schema())}


# -- scenario files --------------------------------------------------------------------------------
def scenario_schema() -> dict[str, Any]:
    """A scenario file: one scenario, or a list of them."""
    scenario = Scenario.model_json_schema()
    defs = scenario.pop("$defs")
    # `replies` or `reply`, exactly one (Scenario's own check).
    scenario["oneOf"] = [{"required": ["replies"]}, {"required": ["reply"]}]
    defs["Scenario"] = scenario
    endpoint = defs["Match"]["properties"]["endpoint"]
    families = sorted(endpoint_names().families)
    # The family names for editors to offer; operation ids and `METHOD /path` stay allowed.
    endpoint["anyOf"] = [{"enum": families}, {"type": "string"}, {"type": "null"}]
    endpoint["examples"] = families
    return {
        "$schema": DRAFT,
        "$id": "urn:mockai:schema:scenario",
        "title": "mockai scenario file",
        "description": "One scenario or a list of them: which requests each answers (`match`) "
        "and how (`replies` or `reply`).",
        "anyOf": [
            {"$ref": "#/$defs/Scenario"},
            {"type": "array", "items": {"$ref": "#/$defs/Scenario"}},
        ],
        "$defs": defs,
    }


# -- mockai.yaml -----------------------------------------------------------------------------------
_TYPES: dict[str, dict[str, Any]] = {
    "int": {"type": "integer"},
    "float": {"type": "number"},
    "bool": {"type": "boolean"},
    "str": {"type": ["string", "number"]},  # `tier: 1` is text to mockai
    "list[str]": {
        "anyOf": [
            {"type": "array", "items": {"type": "string"}},
            {"type": "string", "description": "Several separated by commas."},
        ]
    },
}
# What a setting's own subsystem checks beyond its type (`tier`: see config_schema).
_CHECKED_ELSEWHERE: dict[str, dict[str, Any]] = {
    "chaos_kinds": {
        "anyOf": [
            # `[429, reset]` in YAML gives a number, which is the kind's name as text
            {"type": "array", "items": {"enum": [*ALL, *(int(k) for k in ALL if k.isdigit())]}},
            {"type": "string", "description": "Several separated by commas."},
        ]
    },
    "job_clock": {"type": "string", "pattern": JOB_CLOCK},
    "chaos_rate": {"type": "number", "minimum": 0, "maximum": 1},
}
_ON_COMMAND_LINE_ONLY = {"config"}


def _setting(name: str, kind: str, metadata: Mapping[str, Any]) -> dict[str, Any]:
    optional = kind.endswith(" | None")
    kind = kind.removesuffix(" | None")
    schema = dict(_CHECKED_ELSEWHERE.get(name) or _TYPES[kind])
    low, high = metadata.get("range", (None, None))
    if low is not None:
        schema["minimum"] = low
    if high is not None:
        schema["maximum"] = high
    return {"anyOf": [schema, {"type": "null"}]} if optional else schema


def config_schema() -> dict[str, Any]:
    """mockai.yaml: the settings (keys spelled as the settings or as the flags), `models:`
    and `limits:`."""
    # Imported when used: the model catalog is read on import, and `mockai` starts faster.
    from mockai.models.registry import entry_schema
    from mockai.ratelimits.policy import LimitsFile
    from mockai.ratelimits.tiers import TIERS

    tiers = {"enum": [*TIERS, *(int(t) for t in TIERS if t.isdigit())]}
    limits = LimitsFile.model_json_schema()
    defs = limits.pop("$defs")
    defs["LimitsFile"] = limits
    properties: dict[str, Any] = {}
    for spec in SETTINGS:
        if spec.name in _ON_COMMAND_LINE_ONLY:
            continue
        if spec.name == "models":
            schema: dict[str, Any] = {"type": "array", "items": entry_schema()}
        elif spec.name == "limits":
            schema = {"$ref": "#/$defs/LimitsFile"}
        elif spec.name == "tier":
            schema = {"anyOf": [tiers, {"type": "null"}]}
        else:
            schema = _setting(spec.name, str(spec.type), spec.metadata)
        properties[spec.name] = {**schema, "description": spec.metadata["help"]}
        dashed = spec.name.replace("_", "-")
        if dashed != spec.name:
            properties[dashed] = {**schema, "description": f"Same as `{spec.name}`."}
    return {
        "$schema": DRAFT,
        "$id": "urn:mockai:schema:config",
        "title": "mockai.yaml",
        "description": "mockai's settings (as `mockai serve --config FILE` reads them; flags "
        "and MOCKAI_* variables win over them), plus `models:` and `limits:`.",
        "type": "object",
        "properties": properties,
        "additionalProperties": False,
        "$defs": defs,
    }
