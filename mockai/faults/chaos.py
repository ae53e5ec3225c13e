"""Random faults that are reproducible: every draw comes from a generator seeded by `--seed`
and the request's order within its session, so the same seed and the same requests give the
same faults, run after run, whatever else the server is doing."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, replace

from mockai.config import SettingError, Settings
from mockai.errors import APIError
from mockai.faults.kinds import ALL, DEFAULT_KINDS, STREAM, Fault, applies
from mockai.sessions import forget
from mockai.vocabulary import Chaos

HEADER = "x-mockai-chaos"
AFTER_CHUNKS_RANGE = (1, 3)  # within every stream but the shortest (an image, no partials)


@dataclass(frozen=True)
class ChaosPolicy:
    rate: float = 0.0
    kinds: tuple[str, ...] = DEFAULT_KINDS
    weights: tuple[float, ...] = (1.0,) * len(DEFAULT_KINDS)
    after_chunks: int | None = None
    stall_ms: float | None = None

    @classmethod
    def from_spec(cls, spec: Chaos) -> ChaosPolicy:
        kinds: dict[str, float]
        if spec.kinds is None:
            kinds = dict.fromkeys(DEFAULT_KINDS, 1.0)
        elif isinstance(spec.kinds, dict):
            kinds = dict(spec.kinds.items())
        else:
            kinds = dict.fromkeys(spec.kinds, 1.0)
        return cls(spec.rate, tuple(kinds), tuple(kinds.values()), spec.after_chunks, spec.stall_ms)

    @classmethod
    def from_settings(cls, settings: Settings) -> ChaosPolicy:
        return cls.checked(settings.chaos_rate, settings.chaos_kinds)

    @classmethod
    def checked(cls, rate: float, kinds: Sequence[str]) -> ChaosPolicy:
        """The server-wide policy `--chaos-rate` and `--chaos-kinds` give (none: the default
        kinds); a SettingError names the one that makes no sense."""
        if not 0 <= rate <= 1:
            raise SettingError("chaos_rate", f"{rate} is not between 0 and 1")
        unknown = [k for k in kinds if k not in ALL]
        if unknown:
            raise SettingError(
                "chaos_kinds", f"unknown kind {unknown[0]!r} (known: {', '.join(ALL)})"
            )
        chosen = tuple(kinds) or DEFAULT_KINDS
        return cls(rate, chosen, (1.0,) * len(chosen))

    def describe(self) -> dict[str, object]:
        return {"rate": self.rate, "kinds": list(self.kinds)}

    def draw(self, rng: random.Random, streaming: bool, background: bool = False) -> Fault | None:
        if self.rate <= 0 or rng.random() >= self.rate:
            return None
        pool = [
            (k, w)
            for k, w in zip(self.kinds, self.weights, strict=False)
            if applies(k, streaming, background) and w > 0
        ]
        if not pool:
            return None
        kind = rng.choices([k for k, _ in pool], [w for _, w in pool])[0]
        return self.fault(kind, rng)

    def fault(self, kind: str, rng: random.Random) -> Fault:
        after = None
        if kind in STREAM:
            after = (
                self.after_chunks
                if self.after_chunks is not None
                else rng.randint(*AFTER_CHUNKS_RANGE)
            )
        return Fault(kind, "chaos", after, self.stall_ms)


def chaos_for(
    server: ChaosPolicy, scenario: ChaosPolicy | None, header: str | None
) -> tuple[ChaosPolicy, str | None]:
    """The policy for one request (the scenario's over the server's) and the kind asked for
    outright: `X-Mockai-Chaos: P` changes the rate, `X-Mockai-Chaos: KIND` forces that fault."""
    policy = scenario or server
    if header is None:
        return policy, None
    value = header.strip()
    if value in ALL:
        return policy, value
    try:
        rate = float(value)
    except ValueError:
        rate = -1.0
    if not 0 <= rate <= 1:
        raise APIError(
            400,
            f"Invalid X-Mockai-Chaos header {header!r}: give a probability "
            f"between 0 and 1 or one of {', '.join(ALL)}.",
            type="invalid_request_error",
            param="X-Mockai-Chaos",
            code="invalid_chaos",
        )
    return replace(policy, rate=rate), None


def draw_fault(
    policy: ChaosPolicy,
    forced: str | None,
    seed: int,
    order: int,
    streaming: bool,
    background: bool = False,
) -> Fault | None:
    """This request's fault, if any. A forced kind is not drawn, but a stream fault's chunk
    count still is, from the same seeded generator; a kind that cannot apply (a stream fault
    on a non-streamed request) is skipped."""
    if forced is None and policy.rate <= 0:
        return None
    rng = random.Random(f"mockai-chaos:{seed}:{order}")
    if forced is not None:
        return policy.fault(forced, rng) if applies(forced, streaming, background) else None
    return policy.draw(rng, streaming, background)


class ChaosDice:
    """The server's chaos policy and each session's request count, which seeds every draw."""

    def __init__(self, policy: ChaosPolicy, seed: int) -> None:
        self.policy = policy
        self.seed = seed
        self._order: dict[str | None, int] = {}

    def roll(
        self,
        session: str | None,
        scenario: ChaosPolicy | None,
        header: str | None,
        streaming: bool,
        background: bool = False,
    ) -> Fault | None:
        policy, forced = chaos_for(self.policy, scenario, header)  # a bad header draws nothing
        order = self._order.get(session, 0)
        self._order[session] = order + 1
        return draw_fault(policy, forced, self.seed, order, streaming, background)

    def reset(self, session: str | None = None, everywhere: bool = False) -> None:
        forget(self._order, session, everywhere)
