"""What an input image costs in prompt tokens, by model, size and `detail`.

The rules are the vision guide's "Calculating costs" section
(https://platform.openai.com/docs/guides/images-vision#calculating-costs), two of them:

- tile models (gpt-4o, gpt-4.1, gpt-5, o1/o3, computer-use, GPT Image 1): `detail: low` costs
  a base number of tokens; `high` scales the image to fit 2048x2048, then so its shortest side
  is 768 px (512 px for GPT Image 1), and adds a per-tile cost for every 512 px square covering
  it. Scaling only ever shrinks: a 512x512 image is one tile (the guide's examples, and the
  billed usage, never enlarge).
- patch models (gpt-4.1-mini/nano, gpt-5-mini/nano, o4-mini): the number of 32 px patches
  covering the image, shrunk to at most 1536 patches, times a per-model multiplier; `detail`
  changes nothing for them.

`auto` (the default) costs what `high` does, as billed usage shows (the guide only says the
model decides); `original` (accepted by the Responses API, its cost not documented) too.
The per-model numbers live in one table below, keyed by model id prefix (the longest
matching prefix wins, so "gpt-4o-mini-2024-07-18" is gpt-4o-mini and "gpt-5-chat-latest" is
gpt-5); a model the table does not know costs what gpt-4o does, the guide's worked examples.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from mockai.caches import memoized


@dataclass(frozen=True)
class Tiles:
    base: int
    tile: int
    short_side: int = 768


@dataclass(frozen=True)
class Patches:
    multiplier: float


Rule = Tiles | Patches

# The guide's tables: "Base tokens / Tile tokens" per model and "Multiplier" per patch model.
RULES: dict[str, Rule] = {
    "gpt-4o": Tiles(85, 170),
    "chatgpt-4o": Tiles(85, 170),
    "gpt-4.1": Tiles(85, 170),
    "gpt-4.5": Tiles(85, 170),
    "gpt-4-turbo": Tiles(85, 170),
    "gpt-4o-mini": Tiles(2833, 5667),
    "gpt-5": Tiles(70, 140),
    "o1": Tiles(75, 150),
    "o3": Tiles(75, 150),
    "computer-use-preview": Tiles(65, 129),
    "gpt-image-1": Tiles(65, 129, short_side=512),
    "gpt-4.1-mini": Patches(1.62),
    "gpt-4.1-nano": Patches(2.46),
    "gpt-5-mini": Patches(1.62),
    "gpt-5-nano": Patches(2.46),
    "o4-mini": Patches(1.72),
}
DEFAULT = RULES["gpt-4o"]

TILE = 512
FIT = 2048
PATCH = 32
PATCH_BUDGET = 1536


@memoized(limit=256)
def rule(model: str) -> Rule:
    """The rule of the longest table prefix of `model` (looked up once per model id); a
    fine-tuned model (`ft:gpt-4o-mini-2024-07-18:org::id`) sees as its base model does."""
    model = model.removeprefix("ft:")
    matches = [prefix for prefix in RULES if model.startswith(prefix)]
    return RULES[max(matches, key=len)] if matches else DEFAULT


def image_tokens(model: str, width: int, height: int, detail: str = "auto") -> int:
    """The prompt tokens of one width x height image sent to `model` with this `detail`."""
    found = rule(model)
    if isinstance(found, Patches):
        return math.ceil(patches(width, height) * found.multiplier)
    if detail == "low":
        return found.base
    return found.base + found.tile * tiles(width, height, found.short_side)


def tiles(width: int, height: int, short_side: int = 768) -> int:
    """512 px squares covering the image once shrunk to fit 2048x2048, then to `short_side`;
    scaled sizes are whole pixels (at least one), rounded down as the real resize does."""
    width, height = _shrunk(width, height, FIT / max(width, height))
    width, height = _shrunk(width, height, short_side / min(width, height))
    return math.ceil(width / TILE) * math.ceil(height / TILE)


def _shrunk(width: int, height: int, scale: float) -> tuple[int, int]:
    if scale >= 1:
        return width, height
    return max(1, math.floor(width * scale)), max(1, math.floor(height * scale))


def patches(width: int, height: int) -> int:
    """32 px patches covering the image; past 1536, the guide's shrink: scale by
    sqrt(32²·1536 / (w·h)), then a little more so one side fits a whole number of patches."""
    covered = _ceil(width / PATCH) * _ceil(height / PATCH)
    if covered <= PATCH_BUDGET:
        return covered
    r = math.sqrt(PATCH * PATCH * PATCH_BUDGET / (width * height))
    across, down = width * r / PATCH, height * r / PATCH
    r *= min(math.floor(across) / across, math.floor(down) / down)
    return min(_ceil(width * r / PATCH) * _ceil(height * r / PATCH), PATCH_BUDGET)


def _ceil(value: float) -> int:
    """Ceiling that ignores float error: a side scaled to exactly 33 patches is 33, not 34."""
    return math.ceil(value - 1e-9)
