"""The handlers of this family's `ROUTES` (see the package's docstring), imported on
its first request."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from aiohttp import web
from pydantic import BaseModel, ConfigDict

from mockai import ids
from mockai.endpoints.moderations.rules import (
    CATEGORIES,
    IMAGE_CATEGORIES,
    flagged_categories,
    score,
)
from mockai.errors import APIError, invalid_request, missing_parameter
from mockai.models import capabilities
from mockai.scenarios.call import Call
from mockai.toolkit.http import json_response, read_json
from mockai.toolkit.scripted import answer_step
from mockai.toolkit.state import exchange_of, state_of
from mockai.validation import validate, validate_at
from mockai.vocabulary import Step

DEFAULT_MODEL = "omni-moderation-latest"
# What the legacy text models report in `model` (a name of no catalog model of its own);
# the others report their own.
LEGACY_SERVED_AS = {
    "text-moderation-latest": "text-moderation-007",
    "text-moderation-stable": "text-moderation-007",
}
OMNI_ONLY = ("illicit", "illicit/violent")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class ImageURL(_Strict):
    url: str


class TextPart(_Strict):
    type: Literal["text"]
    text: str


class ImagePart(_Strict):
    type: Literal["image_url"]
    image_url: ImageURL


class ModerationRequest(_Strict):
    input: str | list[Any]
    model: str = DEFAULT_MODEL


@dataclass(frozen=True)
class Input:
    """One classified input: its text and whether it carried text and images."""

    text: str
    has_text: bool
    has_image: bool


def _part(index: int, part: Any) -> TextPart | ImagePart:
    """One multi-modal part, its problems reported at `input[index]...`."""
    if not isinstance(part, dict):
        raise invalid_request(
            f"Invalid type for 'input[{index}]': expected an object, but got "
            f"{_kind(part)} instead.",
            f"input[{index}]",
            "invalid_type",
        )
    kind = part.get("type")
    if kind not in ("text", "image_url"):
        if kind is None:
            raise missing_parameter(f"input[{index}].type")
        raise invalid_request(
            f"Invalid value: '{kind}'. Supported values are: 'text' and 'image_url'.",
            f"input[{index}].type",
            "invalid_value",
        )
    shape: type[TextPart] | type[ImagePart] = TextPart if kind == "text" else ImagePart
    return validate_at(shape, part, f"input[{index}]", unknown_parameter=True)


def _kind(value: Any) -> str:
    for kind, word in (
        (type(None), "null"),
        (bool, "a boolean"),
        (int, "an integer"),
        (float, "a decimal"),
        (str, "a string"),
        (list, "an array"),
    ):
        if isinstance(value, kind):
            return word
    return "an object"


def _inputs(value: str | list[Any]) -> list[Input]:
    """A string, or strings (one result each), or text and image parts (one result)."""
    if isinstance(value, str):
        return [Input(text=value, has_text=True, has_image=False)]
    if not value:
        raise invalid_request(
            "Invalid 'input': empty array. Expected an array with minimum "
            "length 1, but got an empty array instead.",
            "input",
            "empty_array",
        )
    if isinstance(value[0], str):
        for index, item in enumerate(value):
            if not isinstance(item, str):
                raise invalid_request(
                    f"Invalid type for 'input[{index}]': expected a string, but "
                    f"got {_kind(item)} instead.",
                    f"input[{index}]",
                    "invalid_type",
                )
        return [Input(text=item, has_text=True, has_image=False) for item in value]
    parts = [_part(index, part) for index, part in enumerate(value)]
    texts = [part.text for part in parts if isinstance(part, TextPart)]
    return [
        Input(
            text="\n".join(texts),
            has_text=bool(texts),
            has_image=any(isinstance(part, ImagePart) for part in parts),
        )
    ]


def _model(request: web.Request, name: str) -> str:
    """The name to report; a model the catalog does not serve here gets the real 404."""
    state = state_of(request)
    model = state.models.resolve(name, lenient=state.settings.lenient)
    capabilities.check_endpoint(model, "moderations")  # per-model capabilities (mockai.models)
    return LEGACY_SERVED_AS.get(model.id, model.served_as)


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


def _result(item: Input, step: Step | None, legacy: bool) -> dict[str, Any]:
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


async def create(request: web.Request) -> web.Response:
    body = await read_json(request)
    req = validate(ModerationRequest, body, lenient=state_of(request).settings.lenient)
    served = _model(request, req.model)
    legacy = served.startswith("text-moderation")
    items = _inputs(req.input)
    if legacy and any(item.has_image for item in items):
        raise invalid_request(f"Model '{req.model}' does not support image inputs.", "input")
    call = Call(
        endpoint="moderations",
        body=body,
        headers=request.headers,
        session=exchange_of(request).session,
        model=req.model,
        last_user_message="\n".join(item.text for item in items),
    )
    step = await answer_step(request, call, streaming=False)
    return json_response(
        {
            "id": ids.moderation_id(legacy),
            "model": served,
            "results": [_result(item, step, legacy) for item in items],
        }
    )
