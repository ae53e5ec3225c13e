"""Which limits apply to a request: the configuration, resolved per API key and model.

Most specific first, field by field: the answering scenario's `limits:`, the key's limits for
that model, the key's own, the model's (`limits.models` in mockai.yaml), the server-wide flags
(`--rpm` ...), then the `--tier` preset for the model. Resolved once per (key, model, scenario)
and cached, so a request only reads a dict.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from mockai.config import SettingError, Settings
from mockai.masking import mask_key
from mockai.ratelimits.buckets import DIMENSIONS, Dimension
from mockai.ratelimits.tiers import TIERS, tier_limits
from mockai.vocabulary import RateLimits

# A snapshot's date: `-2024-08-06`, or the older `-0613` (month and day).
_DATED = re.compile(r"-(\d{4}-\d{2}-\d{2}|\d{4})$")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class QuotaSpec(_Strict):
    """When a key runs out of quota (`insufficient_quota`, 429)."""

    requests: int | None = Field(None, ge=0, description="After this many requests.")
    usd: float | None = Field(
        None,
        ge=0,
        description="Once the key has spent this many US dollars (at the models' list prices).",
    )


class KeyLimits(RateLimits):
    """One API key's limits (its rpm, tpm, rpd, tpd), per model, and its quota."""

    models: dict[str, RateLimits] = Field(
        default_factory=dict,
        description=(
            "This key's limits for each model (by id; a dated snapshot is limited as its alias)."
        ),
    )
    quota: QuotaSpec | None = Field(None, description="This key's quota.")


class LimitsFile(_Strict):
    """`limits:` in mockai.yaml: rate limits per model and per API key."""

    models: dict[str, RateLimits] = Field(
        default_factory=dict,
        description=(
            "Each model's limits (by id; a dated snapshot is limited as its alias), for every key."
        ),
    )
    keys: dict[str, KeyLimits] = Field(default_factory=dict, description="Each API key's limits.")


Rates = tuple[tuple[Dimension, int], ...]


def model_names(model: str) -> tuple[str, ...]:
    """`gpt-4o-2024-08-06` (or `gpt-4-0613`) is limited as `gpt-4o` (`gpt-4`),
    `ft:gpt-4o-mini:org::x` as its base."""
    names = [model]
    if model.startswith("ft:"):
        names.append(model.split(":")[1])
    undated = [_DATED.sub("", n) for n in names]
    return tuple(dict.fromkeys(names + undated))


def _first_problem(exc: ValidationError) -> tuple[list[str], str]:
    first = exc.errors()[0]
    return [str(p) for p in first["loc"]], first["msg"]


def _limits_error(exc: ValidationError) -> SettingError:
    """Where in `limits:` the problem is; an API key in that path is masked."""
    path, reason = _first_problem(exc)
    if path[:1] == ["keys"] and len(path) > 1:
        path[1] = mask_key(path[1])
    return SettingError("limits", reason, within=".".join(path))


def _flag_error(exc: ValidationError, prefix: str = "") -> SettingError:
    """The flag's setting: `rpm` checked as RateLimits.rpm, `quota_usd` as QuotaSpec.usd."""
    path, reason = _first_problem(exc)
    return SettingError(prefix + path[0], reason)


class LimitPolicy:
    def __init__(self, settings: Settings) -> None:
        try:
            self.file = LimitsFile.model_validate(settings.limits or {})
        except ValidationError as exc:
            raise _limits_error(exc) from None
        try:
            self.server = RateLimits(
                rpm=settings.rpm, tpm=settings.tpm, rpd=settings.rpd, tpd=settings.tpd
            )
        except ValidationError as exc:
            raise _flag_error(exc) from None
        try:
            self.server_quota = QuotaSpec(requests=settings.quota_requests, usd=settings.quota_usd)
        except ValidationError as exc:
            raise _flag_error(exc, "quota_") from None
        if settings.tier is not None and settings.tier not in TIERS:
            raise SettingError("tier", f"{settings.tier!r} is not one of {', '.join(TIERS)}")
        self.tier = settings.tier
        self.active = bool(
            self.file.models
            or self.file.keys
            or self.tier is not None
            or any(v is not None for v in self.server.model_dump().values())
            or any(v is not None for v in self.server_quota.model_dump().values())
        )
        self._cache: dict[tuple[str, str, RateLimits | None], Rates] = {}

    def rates(self, key: str, model: str, scenario: RateLimits | None = None) -> Rates:
        cache_key = (key, model, scenario)
        found = self._cache.get(cache_key)
        if found is None:
            found = self._cache[cache_key] = self._resolve(key, model, scenario)
        return found

    def _resolve(self, key: str, model: str, scenario: RateLimits | None) -> Rates:
        names = model_names(model)
        for_key = self.file.keys.get(key)
        layers: list[Any] = [scenario]
        if for_key is not None:
            layers += [for_key.models.get(n) for n in names] + [for_key]
        layers += [self.file.models.get(n) for n in names] + [self.server]
        if self.tier is not None:
            layers.append(tier_limits(self.tier, names))
        resolved = []
        for dimension in DIMENSIONS:
            value = next(
                (
                    getattr(layer, dimension.name)
                    for layer in layers
                    if layer is not None and getattr(layer, dimension.name) is not None
                ),
                None,
            )
            if value is not None:
                resolved.append((dimension, value))
        return tuple(resolved)

    def quota(self, key: str) -> QuotaSpec | None:
        """The key's budget, else the server's; None when neither sets one."""
        for_key = self.file.keys.get(key)
        spec = (
            for_key.quota
            if for_key is not None and for_key.quota is not None
            else self.server_quota
        )
        return None if spec.requests is None and spec.usd is None else spec
