"""The six `x-ratelimit-*` headers, in the real API's formats.

Until a real limiter is configured each response reports a full bucket minus its own cost,
with reset times computed from the refill rate, as an unloaded real account would show.
"""

from __future__ import annotations

from dataclasses import dataclass


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


@dataclass(frozen=True)
class Limits:
    requests_per_min: int = 10_000
    tokens_per_min: int = 30_000_000

    def headers(self, tokens: int) -> dict[str, str]:
        tokens = min(max(tokens, 0), self.tokens_per_min)
        return {
            "x-ratelimit-limit-requests": str(self.requests_per_min),
            "x-ratelimit-limit-tokens": str(self.tokens_per_min),
            "x-ratelimit-remaining-requests": str(self.requests_per_min - 1),
            "x-ratelimit-remaining-tokens": str(self.tokens_per_min - tokens),
            "x-ratelimit-reset-requests": format_duration(60 / self.requests_per_min),
            "x-ratelimit-reset-tokens": format_duration(60 * tokens / self.tokens_per_min),
        }
