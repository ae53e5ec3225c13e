"""The six `x-ratelimit-*` headers, in the real API's formats."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from mockai.caches import memoized
from mockai.ratelimits.buckets import Bucket, Dimension

# What an unloaded account with generous limits shows; used when no limit is configured.
UNLOADED_RPM = 10_000
UNLOADED_TPM = 30_000_000


def format_duration(seconds: float) -> str:
    """Go-style durations as the real API writes them: `0s`, `6ms`, `8.64s`, `6m0s`, `1h2m3.5s`."""
    ms = round(seconds * 1000)
    if ms <= 0:
        return "0s"
    if ms < 1000:
        return f"{ms}ms"
    hours, rest = divmod(ms, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    secs = f"{rest / 1000:.3f}".rstrip("0").rstrip(".")
    out = f"{hours}h" if hours else ""
    if hours or minutes:
        out += f"{minutes}m"
    return out + f"{secs}s"


def _unloaded(unit: str, limit: int, cost: int) -> dict[str, str]:
    cost = min(max(cost, 0), limit)
    return {
        f"x-ratelimit-limit-{unit}": str(limit),
        f"x-ratelimit-remaining-{unit}": str(limit - cost),
        f"x-ratelimit-reset-{unit}": format_duration(60 * cost / limit),
    }


@memoized(limit=4096)  # most requests cost one of a few sizes
def unloaded(tokens: int) -> Mapping[str, str]:
    """A full bucket less this request's own cost, reset times from the refill rate."""
    return MappingProxyType(
        {**_unloaded("requests", UNLOADED_RPM, 1), **_unloaded("tokens", UNLOADED_TPM, tokens)}
    )


UNLOADED = unloaded(0)


def _shown(buckets: Mapping[Dimension, Bucket], unit: str) -> Bucket | None:
    """The bucket the headers report for a unit: the daily one when there is one (a tier-1
    account with 500 RPM and 10,000 RPD reports `limit-requests: 10000`, `reset: 8.64s`)."""
    found = [(d, b) for d, b in buckets.items() if d.unit == unit]
    return max(found, key=lambda pair: pair[0].daily)[1] if found else None


def headers_for(buckets: Mapping[Dimension, Bucket], tokens: int) -> dict[str, str]:
    """Headers from live buckets; a unit with no configured limit shows the unloaded default."""
    headers: dict[str, str] = {}
    for unit, default, cost in (("requests", UNLOADED_RPM, 1), ("tokens", UNLOADED_TPM, tokens)):
        bucket = _shown(buckets, unit)
        if bucket is None:
            headers.update(_unloaded(unit, default, cost))
            continue
        headers[f"x-ratelimit-limit-{unit}"] = str(bucket.capacity)
        headers[f"x-ratelimit-remaining-{unit}"] = str(bucket.remaining)
        headers[f"x-ratelimit-reset-{unit}"] = format_duration(bucket.until_full())
    return headers
