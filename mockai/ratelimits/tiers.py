"""OpenAI's published usage tiers (`--tier free|1|2|3|4|5`): (RPM, TPM, RPD) per model.

From the model pages' rate-limit tables (2025-26 copies) and the 2024 per-tier tables in
openai-cookbook; research notes in the issue 5 closing note. Models of one class share a
ladder. The model pages say "Free: Not supported" for the larger models; free organisations
still get a small allowance on some of them (3 RPM, 10,000 TPM, 200 RPD in a 2025 dump), which
is what `free` gives here. Images are limited per image; mockai counts requests against it.
"""

from __future__ import annotations

from collections.abc import Iterable

from mockai.vocabulary import RateLimits

TIERS = ("free", "1", "2", "3", "4", "5")
Ladder = dict[str, tuple[int | None, int | None, int | None]]


def _ladder(*rows: tuple[int | None, int | None, int | None]) -> Ladder:
    return dict(zip(TIERS, rows, strict=False))


_BIG = _ladder(
    (3, 10_000, 200),
    (500, 30_000, None),
    (5_000, 450_000, None),
    (5_000, 800_000, None),
    (10_000, 2_000_000, None),
    (10_000, 30_000_000, None),
)
_MINI = _ladder(
    (3, 40_000, 200),
    (500, 200_000, 10_000),
    (5_000, 2_000_000, None),
    (5_000, 4_000_000, None),
    (10_000, 10_000_000, None),
    (30_000, 150_000_000, None),
)
_GPT5 = _ladder(
    (3, 10_000, 200),
    (500, 500_000, None),
    (5_000, 1_000_000, None),
    (5_000, 2_000_000, None),
    (10_000, 4_000_000, None),
    (15_000, 40_000_000, None),
)
_GPT5_SMALL = _ladder(
    (3, 40_000, 200),
    (500, 500_000, None),
    (5_000, 2_000_000, None),
    (5_000, 4_000_000, None),
    (10_000, 10_000_000, None),
    (30_000, 180_000_000, None),
)
_O_MINI = _ladder(
    (3, 40_000, 200),
    (1_000, 100_000, None),
    (2_000, 2_000_000, None),
    (5_000, 4_000_000, None),
    (10_000, 10_000_000, None),
    (30_000, 150_000_000, None),
)
_EMBEDDINGS = _ladder(
    (100, 40_000, 2_000),
    (3_000, 1_000_000, None),
    (5_000, 1_000_000, None),
    (5_000, 5_000_000, None),
    (10_000, 5_000_000, None),
    (10_000, 10_000_000, None),
)
_AUDIO = _ladder(
    (3, None, 200),
    (500, None, None),
    (2_500, None, None),
    (5_000, None, None),
    (7_500, None, None),
    (10_000, None, None),
)

LADDERS: dict[str, Ladder] = {
    **dict.fromkeys(("gpt-4o", "gpt-4.1", "o1", "o3"), _BIG),
    **dict.fromkeys(("gpt-4o-mini", "gpt-4.1-mini", "gpt-4.1-nano"), _MINI),
    "gpt-5": _GPT5,
    **dict.fromkeys(("gpt-5-mini", "gpt-5-nano"), _GPT5_SMALL),
    **dict.fromkeys(("o3-mini", "o4-mini"), _O_MINI),
    "gpt-4-turbo": _ladder(
        (3, 10_000, 200),
        (500, 30_000, None),
        (5_000, 450_000, None),
        (5_000, 600_000, None),
        (10_000, 800_000, None),
        (10_000, 2_000_000, None),
    ),
    "gpt-4": _ladder(
        (3, 10_000, 200),
        (500, 10_000, 10_000),
        (5_000, 40_000, None),
        (5_000, 80_000, None),
        (10_000, 300_000, None),
        (10_000, 300_000, None),
    ),
    "gpt-3.5-turbo": _ladder(
        (3, 40_000, 200),
        (500, 200_000, 10_000),
        (5_000, 2_000_000, None),
        (5_000, 4_000_000, None),
        (10_000, 10_000_000, None),
        (10_000, 50_000_000, None),
    ),
    "gpt-3.5-turbo-instruct": _ladder(
        (3, 90_000, 200),
        (3_500, 90_000, 10_000),
        (3_500, 2_000_000, None),
        (3_500, 2_000_000, None),
        (10_000, 10_000_000, None),
        (10_000, 50_000_000, None),
    ),
    **dict.fromkeys(
        ("text-embedding-3-small", "text-embedding-3-large", "text-embedding-ada-002"), _EMBEDDINGS
    ),
    "omni-moderation-latest": _ladder(
        (250, 10_000, 5_000),
        (500, 10_000, 10_000),
        (500, 20_000, None),
        (1_000, 50_000, None),
        (2_000, 250_000, None),
        (5_000, 500_000, None),
    ),
    **dict.fromkeys(
        (
            "tts-1",
            "tts-1-hd",
            "gpt-4o-mini-tts",
            "whisper-1",
            "gpt-4o-transcribe",
            "gpt-4o-mini-transcribe",
        ),
        _AUDIO,
    ),
    "dall-e-3": _ladder(
        (1, None, None),
        (500, None, None),
        (2_500, None, None),
        (5_000, None, None),
        (7_500, None, None),
        (10_000, None, None),
    ),
    "gpt-image-1": _ladder(
        (1, None, None),
        (5, 100_000, None),
        (20, 250_000, None),
        (50, 800_000, None),
        (150, 3_000_000, None),
        (250, 8_000_000, None),
    ),
}
# A model with no ladder of its own (a config-defined one, dall-e-2...) gets the issue's
# general figures: 3 / 500 / 5,000 / 5,000 / 10,000 / 10,000 RPM with the big models' TPM.
DEFAULT_LADDER = _BIG


def tier_limits(tier: str, names: Iterable[str]) -> RateLimits:
    ladder = next((LADDERS[n] for n in names if n in LADDERS), DEFAULT_LADDER)
    rpm, tpm, rpd = ladder[tier]
    return RateLimits(rpm=rpm, tpm=tpm, rpd=rpd)
