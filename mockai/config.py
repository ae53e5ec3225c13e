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
    # Rate limits (mockai.ratelimits): every key and model, unless `limits:` says otherwise.
    rpm: int | None = None
    tpm: int | None = None
    rpd: int | None = None
    tpd: int | None = None
    tier: str | None = None  # free, 1..5: OpenAI's published limits per model
    quota_requests: int | None = None  # insufficient_quota after this many requests per key
    quota_usd: float | None = None  # ... or after this much spend per key
    limits: dict[str, Any] = field(default_factory=dict)  # config file only: models:, keys:
    # Chaos (mockai.faults): random faults, seeded by `seed` and the request's order.
    chaos_rate: float = 0.0
    chaos_kinds: list[str] = field(default_factory=list)

    def scenario_paths(self) -> list[Path]:
        if self.scenarios:
            return [Path(p) for p in self.scenarios]
        default = Path("scenarios")
        return [default] if default.is_dir() else []


_LIST_FIELDS = {"scenarios", "api_key", "chaos_kinds"}
_CONFIG_ONLY = {"models", "limits"}
_BOOL_TRUE = {"1", "true", "yes", "on"}
_TYPES = {f.name: str(f.type) for f in fields(Settings)}


def _coerce(name: str, value: Any) -> Any:
    kind = _TYPES[name].removesuffix(" | None")
    if value is None and _TYPES[name].endswith("| None"):
        return None
    if name in _LIST_FIELDS:
        if isinstance(value, str):
            return [part for part in value.replace(os.pathsep, ",").split(",") if part]
        return [str(v) for v in value]
    if kind == "bool" and isinstance(value, str):
        return value.strip().lower() in _BOOL_TRUE
    if kind == "int":
        if isinstance(value, float) and not value.is_integer():
            raise ValueError(value)
        return int(value)
    if kind == "float":
        return float(value)
    if kind == "str" and isinstance(value, (int, float)):
        return str(value)  # `tier: 1` in YAML
    return value


def _config_file(path: str, names: set[str]) -> dict[str, Any]:
    """A config file's settings. Keys may be spelled like the flags (`admin-token`); a broken
    file is a ValueError (a one-line message from the CLI), never a traceback."""
    try:
        loaded = yaml.safe_load(Path(path).read_text()) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        reason = getattr(exc, "problem", None) or exc
        raise ValueError(f"{path}:{mark.line + 1 if mark else 1}: invalid YAML: {reason}") from None
    if not isinstance(loaded, dict):
        raise ValueError(f"{path}: expected a mapping of settings")
    settings = {str(k).replace("-", "_"): v for k, v in loaded.items()}
    unknown = set(settings) - names
    if unknown:
        raise ValueError(f"{path}: unknown settings: {', '.join(sorted(unknown))}")
    return settings


def from_sources(cli: Mapping[str, Any], env: Mapping[str, str] | None = None) -> Settings:
    """Merge config file, environment and CLI values (None in `cli` means "not given")."""
    env = os.environ if env is None else env
    names = {f.name for f in fields(Settings)}
    merged: dict[str, Any] = {}
    config_path = cli.get("config") or env.get("MOCKAI_CONFIG")
    if config_path:
        merged.update(_config_file(config_path, names))
        merged["config"] = config_path
    for name in names:
        raw = env.get(f"MOCKAI_{name.upper()}")
        if raw is not None and name not in _CONFIG_ONLY:
            merged[name] = raw
    no_watch = env.get("MOCKAI_NO_WATCH")
    if no_watch is not None:  # the flag is `--no-watch`, so its variable is named after it too
        merged["watch"] = no_watch.strip().lower() not in _BOOL_TRUE
    merged.update({k: v for k, v in cli.items() if v is not None and k in names})
    values = {}
    for name, value in merged.items():
        try:
            values[name] = _coerce(name, value)
        except (TypeError, ValueError):  # a ValueError is one line from the CLI, not a traceback
            raise ValueError(f"setting {name}: cannot use {value!r}") from None
    return Settings(**values)
