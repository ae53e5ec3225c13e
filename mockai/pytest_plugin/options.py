"""How a test session configures its server: one `--mockai-*` flag and one `mockai_*` ini key
per setting (the flag wins), read into the same `Settings` the CLI builds, with the same
coercion, the config file below both, and `./scenarios` (in the rootdir) as the default."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, fields, replace
from typing import Any, Literal

import pytest

from mockai.config import Settings, from_sources
from mockai.pytest_plugin.server import HOST

# What the fixtures always use, whatever the options say: a free loopback port, no access log
# in the test output, no watcher thread (tests add scenarios through the fixture instead).
FIXED: dict[str, Any] = {"host": HOST, "port": 0, "watch": False, "quiet": True}
# A marker or the factory may change any setting but these: the server always listens on
# loopback, and a config file is read once, into the session's settings.
NOT_OVERRIDABLE = {"host", "config"}


@dataclass(frozen=True)
class Option:
    """`--mockai-<name>` / `mockai_<name>` for the Settings field `name`."""

    name: str
    help: str
    type: Callable[[str], Any] | None = str  # None: a switch
    # pytest's ini type; strings are coerced by `from_sources`, as the CLI's are
    ini: Literal["string", "paths", "args", "bool"] = "string"
    repeat: bool = False
    path: bool = False  # a flag's value is relative to where pytest was invoked

    @property
    def flag(self) -> str:
        return "--mockai-" + self.name.replace("_", "-")

    @property
    def key(self) -> str:
        return "mockai_" + self.name


OPTIONS = (
    Option(
        "scenarios",
        "scenario files or folders (default: scenarios/ in the rootdir, if any)",
        ini="paths",
        repeat=True,
        path=True,
    ),
    Option(
        "config",
        "a mockai.yaml config file (the flags and ini keys win over it)",
        ini="paths",
        path=True,
    ),
    Option("seed", "seed for generated replies, jitter and chaos", int),
    Option("strict", "no matching scenario is a 404 no_scenario_matched", None, "bool"),
    Option("lenient", "accept unknown request fields and unknown models", None, "bool"),
    Option(
        "api_key",
        "accept only this key (repeatable; the fixture's clients send the first)",
        ini="args",
        repeat=True,
    ),
    Option("rpm", "requests per minute, per API key and model", int),
    Option("tpm", "tokens per minute, per API key and model", int),
    Option("rpd", "requests per day, per API key and model", int),
    Option("tpd", "tokens per day, per API key and model", int),
    Option("tier", "OpenAI's published limits: free, 1, 2, 3, 4 or 5"),
    Option("quota_requests", "insufficient_quota after N requests per key", int),
    Option("quota_usd", "insufficient_quota once a key has spent this much", float),
    Option("chaos_rate", "share of requests that get a random fault (0..1)", float),
    Option("chaos_kinds", "faults chaos draws from, comma-separated"),
)


def add_options(parser: pytest.Parser) -> None:
    group = parser.getgroup("mockai", "mockai server of the mockai_server/mockai fixtures")
    for option in OPTIONS:
        if option.type is None:
            group.addoption(
                option.flag, action="store_const", const=True, dest=option.key, help=option.help
            )
        else:
            group.addoption(
                option.flag,
                action="append" if option.repeat else "store",
                type=option.type,
                dest=option.key,
                help=option.help,
            )
        parser.addini(option.key, option.help, type=option.ini, default=None)


def _given(config: pytest.Config, option: Option) -> Any:
    """The flag's value, else the ini key's (`paths` ini values are relative to the ini file)."""
    value = config.getoption(option.key)
    if value is not None and option.path:
        here = config.invocation_params.dir
        value = [str(here / v) for v in value] if option.repeat else str(here / value)
    if value is not None:
        return value
    value = config.getini(option.key)
    if value is None or not option.path:
        return value
    if option.repeat:
        return [str(p) for p in value]
    if len(value) != 1:
        raise pytest.UsageError(f"{option.key}: expected one path, got {len(value)}")
    return str(value[0])


def settings_from(config: pytest.Config) -> Settings:
    """The session's settings. Environment variables are not read: a `MOCKAI_PORT` exported
    for a dev server must not change what the tests run against."""
    settings = from_sources({**{o.name: _given(config, o) for o in OPTIONS}, **FIXED}, env={})
    default = config.rootpath / "scenarios"
    if not settings.scenarios and default.is_dir():
        settings = replace(settings, scenarios=[str(default)])
    return settings


def overridden(base: Settings, overrides: Mapping[str, Any]) -> Settings:
    """`base` with `overrides` (Settings field names) coerced as flags are: `api_key="sk-a"`
    is a one-key list, `chaos_kinds="503,reset"` two kinds."""
    allowed = {f.name for f in fields(Settings)} - NOT_OVERRIDABLE
    unknown = sorted(set(overrides) - allowed)
    if unknown:
        raise TypeError(
            f"unknown mockai setting(s): {', '.join(unknown)}; known: {', '.join(sorted(allowed))}"
        )
    # `config` is dropped so the file is not read again: `base` already holds its values.
    merged = from_sources({**asdict(base), **overrides, "config": None}, env={})
    return replace(merged, config=base.config)


def marker_overrides(node: pytest.Item) -> dict[str, Any] | None:
    """The settings of `@pytest.mark.mockai(...)` marks on a test, its class and module (the
    closest wins), or None when it has none."""
    marks = list(node.iter_markers("mockai"))
    if not marks:
        return None
    merged: dict[str, Any] = {}
    for mark in reversed(marks):
        if mark.args:
            raise TypeError("@pytest.mark.mockai takes settings as keywords, e.g. strict=True")
        merged.update(mark.kwargs)
    return merged
