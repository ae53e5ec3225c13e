"""One moderation result per input: the verdict from the scenario step or, when the step does
not decide, from the keyword `rules`, with every category, its score and the input types it
applied to."""

from __future__ import annotations

from typing import Any

from mockai.endpoints.moderations.request import Input
from mockai.endpoints.moderations.rules import (
    CATEGORIES,
    IMAGE_CATEGORIES,
    flagged_categories,
    score,
)
from mockai.errors import APIError
from mockai.vocabulary import Step

OMNI_ONLY = ("illicit", "illicit/violent")


def _verdict(item: Input, step: Step | None) -> tuple[bool, set[str], dict[str, float]]:
    """(flagged, flagged categories, explicit scores) from the step, else from the rules."""
    if step is None or (step.flagged is None and step.categories is None):
        found = flagged_categories(item.text)
        return bool(found), found, {}
    given = step.categories
    explicit: dict[str, float] = dict(given) if isinstance(given, dict) else {}
    unknown = set(explicit if isinstance(given, dict) else given or ()) - set(CATEGORIES)
    if unknown:
        raise APIError(
            500,
            f"mockai scenario: unknown moderation categories {sorted(unknown)}; "
            f"known: {', '.join(CATEGORIES)}",
            type="server_error",
            code=None,
        )
    if isinstance(given, dict):
        found = {c for c, s in given.items() if s >= 0.5}
    elif given is not None:
        found = set(given)
    else:
        found = flagged_categories(item.text) if step.flagged else set()
    if step.flagged is False:
        found = set()
    flagged = step.flagged if step.flagged is not None else bool(found)
    return flagged, found, explicit


def result(item: Input, step: Step | None, legacy: bool) -> dict[str, Any]:
    flagged, found, explicit = _verdict(item, step)
    categories: dict[str, Any] = {}
    scores: dict[str, float] = {}
    applied: dict[str, list[str]] = {}
    for category in CATEGORIES:
        if legacy and category in OMNI_ONLY:
            categories[category], scores[category], applied[category] = None, 0.0, []
            continue
        categories[category] = category in found
        scores[category] = explicit.get(category, score(item.text, category, category in found))
        applied[category] = (["text"] if item.has_text else []) + (
            ["image"] if item.has_image and category in IMAGE_CATEGORIES else []
        )
    return {
        "flagged": flagged,
        "categories": categories,
        "category_scores": scores,
        "category_applied_input_types": applied,
    }
