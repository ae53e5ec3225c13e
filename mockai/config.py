"""Settings: one dataclass fed, in rising precedence, by defaults, `--config FILE`,
`MOCKAI_*` environment variables and command-line flags.

Every value goes through the same conversion and range checks whoever gave it, and a bad one
is a SettingError that names what the user typed (`--port`, `MOCKAI_PORT`, `mockai.yaml: port`),
which the command line prints as one line. Checks that need a subsystem's vocabulary (chaos
kinds, tiers, rate limits, models) live in that subsystem and raise SettingError as well;
`Settings.sources` lets the command line name where the value came from.
"""

from __future__ import annotations

import math
import os
from collections.abc import Mapping
from dataclasses import Field, dataclass, field, fields
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from mockai.masking import shown


def _about(help: str, low: float | None = None, high: float | None = None) -> dict[str, Any]:
    """A setting's description (`mockai schema` writes it into mockai.yaml's JSON Schema) and,
    for a number, the range it must be in."""
    return {"help": help} if low is None else {"help": help, "range": (low, high)}


DEFAULT_JOB_CLOCK = "realtime"


@dataclass(repr=False)
class Settings:
    host: str = field(default="127.0.0.1", metadata=_about("Address to bind."))
    port: int = field(
        default=8000, metadata=_about("Port to listen on; 0 picks a free one.", 0, 65535)
    )
    scenarios: list[str] = field(
        default_factory=list,
        metadata=_about("Scenario files or folders; default ./scenarios when it exists."),
    )
    seed: int = field(default=0, metadata=_about("Seed for generated replies and jitter."))
    strict: bool = field(
        default=False, metadata=_about("No matching scenario is a 404 `no_scenario_matched`.")
    )
    lenient: bool = field(
        default=False,
        metadata=_about("Accept unknown request fields and models: a drop-in schema mock."),
    )
    api_key: list[str] = field(
        default_factory=list,
        metadata=_about("Accept only these API keys; default: any non-empty key."),
    )
    admin_token: str | None = field(
        default=None, metadata=_about("Token that opens /_mockai/ to non-loopback clients.")
    )
    quiet: bool = field(default=False, metadata=_about("No access log."))
    watch: bool = field(default=True, metadata=_about("Reload scenario files when they change."))
    journal_size: int = field(
        default=1000, metadata=_about("Requests kept in the request journal.", 0)
    )
    journal_body_bytes: int = field(
        default=16_384, metadata=_about("Bytes of each body kept in the request journal.", 0)
    )
    max_body_mb: int = field(
        default=100, metadata=_about("Largest request body accepted, in megabytes.", 1)
    )
    shutdown_grace: float = field(
        default=5.0,
        metadata=_about("Seconds in-flight requests may take to finish on SIGTERM or SIGINT.", 0),
    )
    realtime_audio_pace: float = field(
        default=1.0,
        metadata=_about(
            "Realtime output audio: 1 sends it as fast as it plays, 2 twice as fast, "
            "0 all at once.",
            0,
        ),
    )
    config: str | None = field(
        default=None, metadata=_about("A mockai.yaml to read (on the command line).")
    )
    models: list[dict[str, Any]] = field(
        default_factory=list, metadata=_about("Models to add to the catalog, or override.")
    )  # config file only
    # Rate limits (mockai.ratelimits): every key and model, unless `limits:` says otherwise.
    rpm: int | None = field(default=None, metadata=_about("Requests per minute."))
    tpm: int | None = field(default=None, metadata=_about("Tokens per minute."))
    rpd: int | None = field(default=None, metadata=_about("Requests per day."))
    tpd: int | None = field(default=None, metadata=_about("Tokens per day."))
    tier: str | None = field(
        default=None,
        metadata=_about("OpenAI's published limits per model: free, 1, 2, 3, 4 or 5."),
    )
    quota_requests: int | None = field(
        default=None, metadata=_about("`insufficient_quota` after this many requests per key.")
    )
    quota_usd: float | None = field(
        default=None,
        metadata=_about("`insufficient_quota` once a key has spent this many US dollars."),
    )
    limits: dict[str, Any] = field(
        default_factory=dict, metadata=_about("Rate limits per model and per API key.")
    )  # config file only
    # Chaos (mockai.faults): random faults, seeded by `seed` and the request's order.
    chaos_rate: float = field(
        default=0.0, metadata=_about("Share of requests that get a random fault (0..1).")
    )
    chaos_kinds: list[str] = field(
        default_factory=list,
        metadata=_about("Faults to draw from; default all but the stalls (see `mockai serve -h`)."),
    )
    # Recording and replay (mockai.recording): what no scenario answers goes to this upstream,
    # and with `record` is written down there as scenario files.
    proxy_unmatched: str | None = field(
        default=None, metadata=_about("Send what no scenario matches to this upstream URL.")
    )
    record: str | None = field(
        default=None,
        metadata=_about("With proxy_unmatched: write the upstream's answers to this folder."),
    )
    redact: list[str] = field(
        default_factory=list,
        metadata=_about("Regexes whose matches are recorded as `[redacted]`."),
    )
    keep_ids: bool = field(
        default=False, metadata=_about("Record ids and timestamps as they came.")
    )
    replay_speed: float = field(
        default=1.0,
        metadata=_about(
            "Recorded streams (`events:`) at this many times their speed; 0: no waiting.", 0
        ),
    )
    job_clock: str = field(
        default=DEFAULT_JOB_CLOCK,
        metadata=_about(
            "Pace of long-running jobs: instant, paused (advanced by POST "
            "/_mockai/jobs/advance), realtime or realtime:N (N times as fast)."
        ),
    )
    # Where each given value came from (`--port`, `MOCKAI_PORT`, `mockai.yaml: port`), for
    # messages about it; not a setting.
    sources: dict[str, str] = field(default_factory=dict, init=False, compare=False)

    def scenario_paths(self) -> list[Path]:
        if self.scenarios:
            return [Path(p) for p in self.scenarios]
        default = Path("scenarios")
        return [default] if default.is_dir() else []

    def __repr__(self) -> str:
        """Keys and the admin token masked: settings end up in logs and tracebacks."""
        shown_fields = (f"{f.name}={shown(f.name, getattr(self, f.name))!r}" for f in SETTINGS)
        return f"Settings({', '.join(shown_fields)})"


SETTINGS: tuple[Field, ...] = tuple(f for f in fields(Settings) if f.init)
_BY_NAME = {f.name: f for f in SETTINGS}
_CONFIG_ONLY = {"models", "limits"}
_NEGATED = {"watch": "no_watch"}  # `--no-watch`, MOCKAI_NO_WATCH
_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def flag(name: str) -> str:
    return "--" + _NEGATED.get(name, name).replace("_", "-")


def _environment() -> dict[str, tuple[str, bool]]:
    """Each variable and the setting it sets (True: it says the opposite, as `--no-watch`)."""
    found = {
        f"MOCKAI_{f.name.upper()}": (f.name, False) for f in SETTINGS if f.name not in _CONFIG_ONLY
    }
    found.update({f"MOCKAI_{negated.upper()}": (name, True) for name, negated in _NEGATED.items()})
    return found


ENVIRONMENT = _environment()


class SettingError(ValueError):
    """A value that makes no sense for setting `name`; `within` points inside a structured one
    (`keys.sk-….rpm` in `limits`), `where` is what the user typed to give it."""

    def __init__(self, name: str, reason: str, *, within: str = "", where: str | None = None):
        self.name, self.reason, self.within = name, reason, within
        self.where = where or name
        super().__init__(f"{self.where}{'.' + within if within else ''}: {reason}")

    def located(self, settings: Settings) -> SettingError:
        """The same error naming the flag, variable or config-file key that gave the value."""
        return SettingError(
            self.name, self.reason, within=self.within, where=settings.sources.get(self.name)
        )


class _Given(NamedTuple):
    value: Any
    where: str
    negated: bool = False


# -- conversion ------------------------------------------------------------------------------------
def _integer(value: Any) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        try:
            return int(value.strip())
        except ValueError:
            pass
    raise ValueError("is not a whole number")


def _number(value: Any) -> float:
    number = math.nan
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        number = float(value)
    elif isinstance(value, str):
        try:
            number = float(value.strip())
        except ValueError:
            pass
    if not math.isfinite(number):
        raise ValueError("is not a number")
    return number


def yes_no(value: Any) -> bool:
    """A yes/no setting's value (1, true, yes, on / 0, false, no, off)."""
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower() if isinstance(value, (str, int)) else None
    if text in _TRUE or text in _FALSE:
        return text in _TRUE
    raise ValueError("is not a yes/no value (1, true, yes, on or 0, false, no, off)")


def _text(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)  # `tier: 1` in YAML
    raise ValueError("is not text")


def texts(value: Any) -> list[str]:
    """A list setting's value: a list, or text separated by commas (or the path separator)."""
    if isinstance(value, str):
        return [part for part in value.replace(os.pathsep, ",").split(",") if part]
    if isinstance(value, (list, tuple)):
        return [_text(v) for v in value]
    raise ValueError("is not a list")


_CONVERT = {"int": _integer, "float": _number, "bool": yes_no, "str": _text, "list[str]": texts}


def _checked(name: str, given: _Given) -> Any:
    """The value converted to the setting's type and within its range."""
    spec = _BY_NAME[name]
    kind = str(spec.type)
    if given.value is None and kind.endswith(" | None"):
        return None
    convert = _CONVERT.get(kind.removesuffix(" | None"))
    if convert is None:  # `models:` and `limits:`, checked where they are used
        return given.value
    try:
        value = convert(given.value)
    except ValueError as exc:
        raise SettingError(name, f"{shown(name, given.value)!r} {exc}", where=given.where) from None
    low, high = spec.metadata.get("range", (None, None))
    if low is not None and value < low or high is not None and value > high:
        bounds = f"between {low} and {high}" if high is not None else f"at least {low}"
        raise SettingError(name, f"{value} is out of range (must be {bounds})", where=given.where)
    return not value if given.negated else value


# -- sources ---------------------------------------------------------------------------------------
def _config_file(path: str, where: str) -> dict[str, _Given]:
    """A config file's settings. Keys may be spelled like the flags (`admin-token`)."""
    try:
        loaded = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        reason = getattr(exc, "problem", None) or exc
        raise SettingError(
            "config", f"invalid YAML: {reason}", where=f"{path}:{mark.line + 1 if mark else 1}"
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else "not UTF-8 text"
        raise SettingError("config", f"cannot read {path}: {reason}", where=where) from None
    if not isinstance(loaded, dict):
        raise SettingError("config", "expected a mapping of settings", where=path)
    given = {str(k).replace("-", "_"): _Given(v, f"{path}: {k}") for k, v in loaded.items()}
    unknown = [k for k in given if k not in _BY_NAME]
    if unknown:
        raise SettingError("config", f"unknown settings: {', '.join(sorted(unknown))}", where=path)
    return given


DEFAULT_CONFIG = Path("mockai.yaml")  # read when no --config or MOCKAI_CONFIG names one
_WILDCARDS = {"", "0.0.0.0", "::"}


def with_default_config(cli: Mapping[str, Any], env: Mapping[str, str]) -> Mapping[str, Any]:
    """`cli` naming `./mockai.yaml` when it exists and neither `--config` nor `MOCKAI_CONFIG`
    names a file (an empty `MOCKAI_CONFIG=` turns it off): how `mockai serve` finds its
    settings, and so how the tools that talk to that server find it."""
    if cli.get("config") or "MOCKAI_CONFIG" in env or not DEFAULT_CONFIG.is_file():
        return cli
    return {**cli, "config": str(DEFAULT_CONFIG)}


def local_url(settings: Settings) -> str:
    """Where a client on this machine reaches the server these settings start
    (`http://127.0.0.1:8000` for one listening on every address)."""
    host = "127.0.0.1" if settings.host in _WILDCARDS else settings.host
    shown_host = f"[{host}]" if ":" in host else host
    return f"http://{shown_host}:{settings.port}"


def from_sources(cli: Mapping[str, Any], env: Mapping[str, str] | None = None) -> Settings:
    """Merge config file, environment and CLI values (None in `cli` means "not given");
    a bad value is a SettingError naming where it came from."""
    env = os.environ if env is None else env
    given: dict[str, _Given] = {}
    config_path, where = cli.get("config"), flag("config")
    if not config_path:
        config_path, where = env.get("MOCKAI_CONFIG"), "MOCKAI_CONFIG"
    if config_path:
        given.update(_config_file(config_path, where))
    for variable, (name, negated) in ENVIRONMENT.items():
        raw = env.get(variable)
        if raw is not None:
            given[name] = _Given(raw, variable, negated)
    given.update(
        {
            name: _Given(value, flag(name))
            for name, value in cli.items()
            if value is not None and name in _BY_NAME
        }
    )
    settings = Settings(**{name: _checked(name, g) for name, g in given.items()})
    settings.sources = {name: g.where for name, g in given.items()}
    return settings
