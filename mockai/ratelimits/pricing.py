"""List prices per 1M tokens (input, output; USD), for `quota_usd` spend budgets and the Costs
API.

Standard-tier prices from the model pages (2025-26); a model without a price (a
config-defined one) is charged as gpt-4o. Images and audio are charged by their token counts
at these rates too: a budget is a test knob, not an invoice.
"""

from __future__ import annotations

from mockai.ratelimits.policy import model_names

_PER_1M: dict[str, tuple[float, float]] = {
    "gpt-4o": (2.50, 10.00),
    "gpt-4o-mini": (0.15, 0.60),
    "gpt-4.1": (2.00, 8.00),
    "gpt-4.1-mini": (0.40, 1.60),
    "gpt-4.1-nano": (0.10, 0.40),
    "gpt-5": (1.25, 10.00),
    "gpt-5-mini": (0.25, 2.00),
    "gpt-5-nano": (0.05, 0.40),
    "o1": (15.00, 60.00),
    "o3": (2.00, 8.00),
    "o3-mini": (1.10, 4.40),
    "o4-mini": (1.10, 4.40),
    "gpt-4-turbo": (10.00, 30.00),
    "gpt-4": (30.00, 60.00),
    "gpt-3.5-turbo": (0.50, 1.50),
    "gpt-3.5-turbo-instruct": (1.50, 2.00),
    "text-embedding-3-small": (0.02, 0.0),
    "text-embedding-3-large": (0.13, 0.0),
    "text-embedding-ada-002": (0.10, 0.0),
    "text-embedding-ada-002-v2": (0.10, 0.0),  # what ada-002 answers report as their model
    "omni-moderation-latest": (0.0, 0.0),
    "text-moderation-latest": (0.0, 0.0),
    "gpt-image-1": (5.00, 40.00),
}


def cost_usd(model: str, input_tokens: int, output_tokens: int) -> float:
    price_in, price_out = next(
        (_PER_1M[n] for n in model_names(model) if n in _PER_1M), _PER_1M["gpt-4o"]
    )
    return (input_tokens * price_in + output_tokens * price_out) / 1_000_000
