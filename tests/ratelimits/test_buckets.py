"""The limiter on a fake clock: continuous refill, reset durations, waits, and which limit
applies when several layers configure one."""

from __future__ import annotations

import re

import pytest

from mockai.config import Settings
from mockai.errors import APIError
from mockai.ratelimits.headers import format_duration
from mockai.ratelimits.limiter import Limiter
from mockai.ratelimits.policy import LimitPolicy
from mockai.vocabulary import RateLimits


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def limiter(**settings) -> tuple[Limiter, Clock]:
    clock = Clock()
    return Limiter(LimitPolicy(Settings(**settings)), clock), clock


@pytest.mark.parametrize(
    "seconds, text",
    [
        (0, "0s"),
        (0.0004, "0s"),
        (0.006, "6ms"),
        (0.12, "120ms"),
        (1, "1s"),
        (8.64, "8.64s"),
        (59.5, "59.5s"),
        (60, "1m0s"),
        (135.5, "2m15.5s"),
        (360, "6m0s"),
        (432, "7m12s"),
        (86_400, "24h0m0s"),
    ],
)
def test_durations_in_the_real_format(seconds, text):
    assert format_duration(seconds) == text


def test_requests_refill_continuously():
    limits, clock = limiter(rpm=3)
    shown = [limits.admit(None, "k", "gpt-4o", 0) for _ in range(3)]
    assert [h["x-ratelimit-remaining-requests"] for h in shown] == ["2", "1", "0"]
    assert [h["x-ratelimit-reset-requests"] for h in shown] == ["20s", "40s", "1m0s"]

    clock.now += 10
    with pytest.raises(APIError) as refused:
        limits.admit(None, "k", "gpt-4o", 0)
    assert "Please try again in 10s." in refused.value.message
    assert (refused.value.headers["retry-after"], refused.value.headers["retry-after-ms"]) == (
        "10",
        "10000",
    )

    clock.now += 10  # 20 s after the last one: exactly one request is back
    assert limits.admit(None, "k", "gpt-4o", 0)["x-ratelimit-remaining-requests"] == "0"
    clock.now += 600  # a long pause never fills past the limit
    assert limits.admit(None, "k", "gpt-4o", 0)["x-ratelimit-remaining-requests"] == "2"


def test_the_longest_wait_decides_the_refusal():
    limits, clock = limiter(rpm=100, tpm=1000)
    limits.admit(None, "k", "gpt-4o", 900)
    with pytest.raises(APIError) as refused:
        limits.admit(None, "k", "gpt-4o", 500)  # 400 tokens short: 24 s at 1000/min
    assert refused.value.type == "tokens"
    assert "Limit 1000, Used 900, Requested 500. Please try again in 24s." in refused.value.message


def test_resolution_order_most_specific_first():
    policy = LimitPolicy(
        Settings(
            rpm=10,
            tier="1",
            limits={
                "models": {"gpt-4o": {"rpm": 20, "tpm": 2000}},
                "keys": {"vip": {"rpm": 30, "models": {"gpt-4o": {"rpm": 40}}}},
            },
        )
    )

    def rates(key, model, scenario=None):
        return {d.name: v for d, v in policy.rates(key, model, scenario)}

    assert rates("vip", "gpt-4o", RateLimits(rpm=50)) == {"rpm": 50, "tpm": 2000}
    assert rates("vip", "gpt-4o") == {"rpm": 40, "tpm": 2000}
    assert rates("vip", "gpt-4o-mini")["rpm"] == 30
    assert rates("anyone", "gpt-4o") == {"rpm": 20, "tpm": 2000}
    assert rates("anyone", "gpt-4o-mini") == {"rpm": 10, "tpm": 200_000, "rpd": 10_000}
    assert rates("anyone", "ft:gpt-4o:acme::abc123")["rpm"] == 20


@pytest.mark.parametrize(
    "settings, message",
    [
        ({"limits": {"keys": {"k": {"rpm": 0}}}}, "limits.keys.*.rpm"),  # the key masked
        ({"limits": {"modles": {}}}, "limits.modles"),
        ({"rpm": -1}, "rpm: Input should be greater than or equal to 1"),
        ({"tier": "6"}, "tier: '6' is not one of free, 1, 2, 3, 4, 5"),
        ({"limits": {"keys": {"k": {"quota": {"usd": -1}}}}}, "limits.keys.*.quota.usd"),
        ({"quota_requests": -1}, "quota_requests: Input should be greater than or equal to 0"),
    ],
)
def test_nonsense_limits_are_one_clear_error(settings, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        LimitPolicy(Settings(**settings))


def test_no_limits_configured_means_no_limiter():
    assert not LimitPolicy(Settings()).active
    assert LimitPolicy(Settings(quota_requests=5)).active


def test_snapshots_are_limited_and_priced_as_their_alias():
    from mockai.ratelimits.policy import model_names
    from mockai.ratelimits.pricing import cost_usd

    assert model_names("gpt-4o-2024-08-06") == ("gpt-4o-2024-08-06", "gpt-4o")
    assert model_names("gpt-4-0613") == ("gpt-4-0613", "gpt-4")  # the older month-day dates
    assert model_names("ft:gpt-4o-mini:org::x") == ("ft:gpt-4o-mini:org::x", "gpt-4o-mini")
    assert cost_usd("gpt-3.5-turbo-0125", 10**6, 10**6) == cost_usd("gpt-3.5-turbo", 10**6, 10**6)
    # what ada-002 answers name as their model is priced as ada-002, not as the gpt-4o fallback
    assert cost_usd("text-embedding-ada-002-v2", 10**6, 0) == cost_usd(
        "text-embedding-ada-002", 10**6, 0
    )
