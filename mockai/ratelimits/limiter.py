"""The limiter: admits or refuses each model request, and says what the headers show.

Buckets are kept per (session, API key, model), and per scenario for scenarios with their own
`limits:`; sessions keep parallel tests apart, as they do for everything else. A request costs
1 request and its estimated tokens (prompt + output cap) in every bucket that applies, or is
refused with the real API's 429 for the bucket that would make it wait longest.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from mockai import ids
from mockai.errors import APIError
from mockai.ratelimits.buckets import RPM, Bucket, Dimension
from mockai.ratelimits.headers import UNLOADED, UNLOADED_RPM, format_duration, headers_for
from mockai.ratelimits.policy import LimitPolicy, QuotaSpec
from mockai.ratelimits.pricing import cost_usd
from mockai.sessions import forget
from mockai.vocabulary import RateLimits

LEARN_MORE = "Visit https://platform.openai.com/account/rate-limits to learn more."
Owner = tuple[str | None, str]  # (session, API key)


@dataclass
class Spend:
    requests: int = 0
    usd: float = 0.0


class RateLimited(APIError):
    """A 429 from the limiter; `reason` is what the journal and metrics call it."""

    def __init__(self, reason: str, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.reason = reason


class Limiter:
    def __init__(self, policy: LimitPolicy, clock: Callable[[], float] = time.monotonic) -> None:
        self.policy = policy
        self.clock = clock
        self._buckets: dict[tuple, dict[Dimension, Bucket]] = {}
        self._spend: dict[Owner, Spend] = {}

    def applies(self, scenario_limits: RateLimits | None) -> bool:
        return self.policy.active or scenario_limits is not None

    def admit(
        self,
        session: str | None,
        key: str,
        model: str,
        tokens: int,
        scenario: str | None = None,
        scenario_limits: RateLimits | None = None,
    ) -> dict[str, str]:
        """Take this request's cost and return its `x-ratelimit-*` headers, or raise the 429."""
        quota = self.policy.quota(key)
        if quota is not None:
            self._check_quota(quota, (session, key))
        rates = self.policy.rates(key, model, scenario_limits)
        now = self.clock()
        owner = (session, key, model, scenario if scenario_limits is not None else None)
        buckets = self._buckets.get(owner)
        if buckets is None:
            buckets = self._buckets[owner] = {d: Bucket(limit, d.period, now) for d, limit in rates}
        for bucket in buckets.values():
            bucket.refill(now)
        cost = {"requests": 1, "tokens": max(tokens, 0)}
        for dimension, bucket in buckets.items():
            if dimension.unit == "tokens" and cost["tokens"] > bucket.capacity:
                raise self._too_large(key, model, dimension, bucket, cost["tokens"], buckets)
        waits = [(bucket.wait_for(cost[d.unit]), d) for d, bucket in buckets.items()]
        wait, blocking = max(waits, key=lambda w: w[0], default=(0.0, None))
        if wait > 0 and blocking is not None:
            raise self._refusal(key, model, blocking, buckets, cost[blocking.unit], wait)
        for dimension, bucket in buckets.items():
            bucket.take(cost[dimension.unit])
        if quota is not None:
            self._spend.setdefault((session, key), Spend()).requests += 1
        return headers_for(buckets, cost["tokens"])

    def charge(
        self, session: str | None, key: str, model: str, input_tokens: int, output_tokens: int
    ) -> None:
        """Add a finished request's price to its key's spend (only tracked under a USD quota)."""
        quota = self.policy.quota(key)
        if quota is not None and quota.usd is not None:
            spend = self._spend.setdefault((session, key), Spend())
            spend.usd += cost_usd(model, input_tokens, output_tokens)

    def buckets(self, session: str | None = None) -> list[dict[str, object]]:
        """Every bucket (or one session's) as it stands now: its owner (the key unmasked: the
        caller masks it), capacity, what remains and seconds until it is full again."""
        now = self.clock()
        shown: list[dict[str, object]] = []
        for (owner_session, key, model, scenario), buckets in self._buckets.items():
            if session is not None and owner_session != session:
                continue
            for dimension, bucket in buckets.items():
                bucket.refill(now)
                shown.append(
                    {
                        "session": owner_session,
                        "key": key,
                        "model": model,
                        "scenario": scenario,
                        "dimension": dimension.name,
                        "unit": dimension.unit,
                        "capacity": bucket.capacity,
                        "remaining": bucket.remaining,
                        "seconds_to_full": round(bucket.until_full(), 3),
                    }
                )
        return shown

    def reset(self, session: str | None = None, everywhere: bool = False) -> None:
        forget(self._buckets, session, everywhere)
        forget(self._spend, session, everywhere)

    def _check_quota(self, quota: QuotaSpec, owner: Owner) -> None:
        spend = self._spend.get(owner, Spend())
        over = (quota.requests is not None and spend.requests >= quota.requests) or (
            quota.usd is not None and spend.usd >= quota.usd
        )
        if over:  # no retry-after: waiting does not help (the spec allows leaving it out)
            raise RateLimited(
                "insufficient_quota", 429, code="insufficient_quota", headers=dict(UNLOADED)
            )

    def _refusal(
        self,
        key: str,
        model: str,
        dimension: Dimension,
        buckets: dict[Dimension, Bucket],
        requested: int,
        wait: float,
    ) -> RateLimited:
        bucket = buckets[dimension]
        return rate_limit_reached(
            key,
            model,
            dimension,
            bucket.capacity,
            bucket.capacity - bucket.remaining,
            requested,
            wait,
            headers_for(buckets, 0),
        )

    def _too_large(
        self,
        key: str,
        model: str,
        dimension: Dimension,
        bucket: Bucket,
        requested: int,
        buckets: dict[Dimension, Bucket],
    ) -> RateLimited:
        return _refusal(
            f"Request too large for {_where(key, model, dimension)}: Limit {bucket.capacity}, "
            f"Requested {requested}. The input or output tokens must be reduced in order to "
            f"run successfully. {LEARN_MORE}",
            dimension,
            headers_for(buckets, 0),
        )


def _where(key: str, model: str, dimension: Dimension) -> str:
    return f"{model} in organization {ids.organization_id(key)} on {dimension.label}"


def _refusal(message: str, dimension: Dimension, headers: Mapping[str, str]) -> RateLimited:
    return RateLimited(
        dimension.unit,
        429,
        message,
        type=dimension.unit,
        code="rate_limit_exceeded",
        headers=dict(headers),
    )


def rate_limit_reached(
    key: str,
    model: str,
    dimension: Dimension,
    limit: int,
    used: int,
    requested: int,
    wait: float,
    headers: dict[str, str],
) -> RateLimited:
    """The real API's 429 for a bucket that cannot pay for this request yet."""
    retry = {
        "retry-after": str(max(math.ceil(wait), 1)),
        "retry-after-ms": str(max(math.ceil(wait * 1000), 1)),
    }
    return _refusal(
        f"Rate limit reached for {_where(key, model, dimension)}: Limit {limit}, Used {used}, "
        f"Requested {requested}. Please try again in {format_duration(max(wait, 0.001))}. "
        f"{LEARN_MORE}",
        dimension,
        {**headers, **retry},
    )


def simulated_refusal(key: str, model: str, headers: Mapping[str, str]) -> RateLimited:
    """Chaos's 429: what this key would get had it just used up its requests for the minute."""
    limit = int(headers.get("x-ratelimit-limit-requests", UNLOADED_RPM))
    shown = {
        **headers,
        "x-ratelimit-remaining-requests": "0",
        "x-ratelimit-reset-requests": format_duration(60.0),
    }
    return rate_limit_reached(key, model, RPM, limit, limit, 1, 60.0 / limit, shown)
