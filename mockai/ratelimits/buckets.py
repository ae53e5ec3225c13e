"""Token buckets that refill continuously, as the real API's limits do: a 3 RPM limit gives
back one request every 20 s, not three at the top of each minute."""

from __future__ import annotations

from dataclasses import dataclass

MINUTE = 60.0
DAY = 86_400.0


@dataclass(frozen=True)
class Dimension:
    """One kind of limit: `rpm` counts requests per minute, `tpd` tokens per day..."""

    name: str
    unit: str  # requests | tokens: the 429's `type`, and which headers show it
    period: float
    label: str  # how the real 429 message names it

    @property
    def daily(self) -> bool:
        return self.period == DAY


RPM = Dimension("rpm", "requests", MINUTE, "requests per min (RPM)")
TPM = Dimension("tpm", "tokens", MINUTE, "tokens per min (TPM)")
RPD = Dimension("rpd", "requests", DAY, "requests per day (RPD)")
TPD = Dimension("tpd", "tokens", DAY, "tokens per day (TPD)")
DIMENSIONS = (RPM, TPM, RPD, TPD)


class Bucket:
    """`capacity` units per period; starts full; `level` may be fractional between refills."""

    __slots__ = ("capacity", "rate", "level", "stamp")

    def __init__(self, capacity: int, period: float, now: float) -> None:
        self.capacity = capacity
        self.rate = capacity / period
        self.level = float(capacity)
        self.stamp = now

    def refill(self, now: float) -> None:
        if now > self.stamp:
            self.level = min(self.capacity, self.level + (now - self.stamp) * self.rate)
            self.stamp = now

    def take(self, cost: float) -> None:
        self.level -= cost

    def wait_for(self, cost: float) -> float:
        """Seconds until `cost` units are available (0 when they are now)."""
        return max(cost - self.level, 0.0) / self.rate

    def until_full(self) -> float:
        return max(self.capacity - self.level, 0.0) / self.rate

    @property
    def remaining(self) -> int:
        return max(int(self.level), 0)
