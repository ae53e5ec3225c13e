"""The Usage and Costs APIs' pages (`object: "page"` of `object: "bucket"` time buckets) and
their result objects, from the figures `mockai.usage` summed.

A result carries every field its schema lists: the figures (0 where mockai has none to count),
and the `group_by` fields, each the group's value when grouped by it and null otherwise.
Completions' derived figures follow the description's definitions: uncached input is input
less cached input; all input counts as text (mockai reports no audio or image input tokens
separately), and nothing is written to the prompt cache.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from mockai.endpoints.organization_usage.kinds import COSTS_GROUP_BY, Kind
from mockai.endpoints.organization_usage.request import Window


def _completions(counts: Counter[str]) -> dict[str, int]:
    cached = counts["input_cached_tokens"]
    uncached = counts["input_tokens"] - cached
    audio_in, audio_out = counts["input_audio_tokens"], counts["output_audio_tokens"]
    return {
        "input_cached_tokens": cached,
        "input_cache_write_tokens": 0,
        "input_uncached_tokens": uncached,
        "input_text_tokens": uncached - audio_in,
        "output_text_tokens": counts["output_tokens"] - audio_out,
        "input_cached_text_tokens": cached,
        "input_cached_audio_tokens": 0,
        "input_image_tokens": 0,
        "input_cached_image_tokens": 0,
        "output_image_tokens": 0,
    }


def result(kind: Kind, group: dict[str, Any], counts: Counter[str]) -> dict[str, Any]:
    derived = _completions(counts) if kind.name == "completions" else {}
    out: dict[str, Any] = {"object": kind.object}
    out.update((name, derived.get(name, counts[name])) for name in kind.figures)
    out.update((field, group.get(field)) for field in kind.group_by)
    return out


def cost_result(group: dict[str, Any], usd: float, tokens: int) -> dict[str, Any]:
    by_line_item = "line_item" in group
    return {
        "object": "organization.costs.result",
        # The real API sends the value as a decimal string; the description says number.
        "amount": {"value": round(usd, 12), "currency": "usd"},
        **{field: group.get(field) for field in COSTS_GROUP_BY},
        "quantity": tokens if by_line_item else None,
        "quantity_unit": "tokens" if by_line_item else None,
    }


def page(window: Window, results: list[list[dict[str, Any]]]) -> dict[str, Any]:
    return {
        "object": "page",
        "data": [
            {
                "object": "bucket",
                "start_time": start,
                "end_time": start + window.width,
                "results": bucket,
            }
            for start, bucket in zip(window.starts, results, strict=True)
        ],
        "has_more": window.next_page is not None,
        "next_page": window.next_page,
    }
