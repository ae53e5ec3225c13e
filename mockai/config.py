"""Settings: one dataclass fed, in rising precedence, by defaults, `--config FILE`,
`MOCKAI_*` environment variables and command-line flags."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Mapping

import yaml


@dataclass
class Settings:
    host: str = "127.0.0.1"
    port: int = 8000
    scenarios: list[str] = field(default_factory=list)
    seed: int = 0
    strict: bool = False
    lenient: bool = False
    api_key: list[str] = field(default_factory=list)
    admin_token: str | None = None
    quiet: bool = False
    watch: bool = True
    journal_size: int = 1000
    journal_body_bytes: int = 16_384
    max_body_mb: int = 100
    config: str | None = None
    models: list[dict[str, Any]] = field(default_factory=list)  # config file only

    def scenario_paths(self) -> list[Path]:
        if self.scenarios:
            return [Path(p) for p in self.scenarios]
        default = Path("scenarios")
        return [default] if default.is_dir() else []


_LIST_FIELDS = {"scenarios", "api_key"}
_BOOL_TRUE = {"1", "true", "yes", "on"}


def _coerce(name: str, value: Any) -> Any:
    kind = {f.name: f.type for f in fields(Settings)}[name]
    if name in _LIST_FIELDS:
        if isinstance(value, str):
            return [part for part in value.replace(os.pathsep, ",").split(",") if part]
        return [str(v) for v in value]
    if kind == "bool" and isinstance(value, str):
        return value.strip().lower() in _BOOL_TRUE
    if kind == "int":
        return int(value)
    return value


def from_sources(cli: Mapping[str, Any], env: Mapping[str, str] | None = None) -> Settings:
    """Merge config file, environment and CLI values (None in `cli` means "not given")."""
    env = os.environ if env is None else env
    names = {f.name for f in fields(Settings)}
    merged: dict[str, Any] = {}
    config_path = cli.get("config") or env.get("MOCKAI_CONFIG")
    if config_path:
        loaded = yaml.safe_load(Path(config_path).read_text()) or {}
        unknown = set(loaded) - names
        if unknown:
            raise ValueError(f"{config_path}: unknown settings: {', '.join(sorted(unknown))}")
        merged.update({k.replace("-", "_"): v for k, v in loaded.items()})
        merged["config"] = config_path
    for name in names:
        raw = env.get(f"MOCKAI_{name.upper()}")
        if raw is not None and name != "models":
            merged[name] = raw
    merged.update({k: v for k, v in cli.items() if v is not None and k in names})
    return Settings(**{k: _coerce(k, v) for k, v in merged.items()})
