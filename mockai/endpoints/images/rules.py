"""Each image model's rules, and the errors the real API gives when a request breaks them.

Since the GPT image models arrived, the Images API refuses a parameter a model does not take
as an unknown one (`quality` or `style` on dall-e-2, `response_format` on gpt-image-1), and
names the model's own choices when a value is wrong.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from mockai.errors import APIError, choices, invalid_request

GPT_SIZES = ("1024x1024", "1536x1024", "1024x1536", "auto")
GPT_ONLY = (
    "output_format",
    "output_compression",
    "background",
    "moderation",
    "stream",
    "partial_images",
    "input_fidelity",
)


@dataclass(frozen=True)
class ImageModel:
    id: str
    sizes: tuple[str, ...]
    default_size: str
    qualities: tuple[str, ...] | None  # None: the model refuses `quality` altogether
    prompt_limit: int
    gpt_image: bool = False  # b64 only, token usage, output_format / background / streaming
    single_image: bool = False  # dall-e-3: n must be 1
    styles: bool = False
    revises_prompt: bool = False
    edits: bool = False
    variations: bool = False

    def refused(self) -> tuple[str, ...]:
        """Parameters this model answers with "Unknown parameter"."""
        if self.gpt_image:
            return ("response_format", "style")
        refused = GPT_ONLY + (() if self.styles else ("style",))
        return refused + (("quality",) if self.qualities is None else ())


def _gpt_image(model_id: str) -> ImageModel:
    return ImageModel(
        model_id,
        GPT_SIZES,
        "auto",
        ("low", "medium", "high", "auto"),
        32_000,
        gpt_image=True,
        edits=True,
    )


MODELS: dict[str, ImageModel] = {
    m.id: m
    for m in (
        ImageModel(
            "dall-e-2",
            ("256x256", "512x512", "1024x1024"),
            "1024x1024",
            None,
            1_000,
            edits=True,
            variations=True,
        ),
        ImageModel(
            "dall-e-3",
            ("1024x1024", "1792x1024", "1024x1792"),
            "1024x1024",
            ("standard", "hd", "auto"),
            4_000,
            single_image=True,
            styles=True,
            revises_prompt=True,
        ),
        _gpt_image("gpt-image-1"),
        _gpt_image("gpt-image-1-mini"),
        _gpt_image("gpt-image-1.5"),
        # Later GPT image models of the description and the SDK: gpt-image-1.5's rules until
        # their own are known.
        *(
            _gpt_image(i)
            for i in (
                "gpt-image-2",
                "gpt-image-2-2026-04-21",
                "chatgpt-image-latest",
                "gpt-image-2.5-flare",
                "gpt-image-2.5-flare-2026-09-08",
                "gpt-image-2.5-sunburst",
                "gpt-image-2.5-sunburst-2026-09-08",
                "gpt-image-2.6-flare",
                "gpt-image-2.6-sunburst",
            )
        ),
    )
}

# Output tokens per image, by quality and size: the gpt-image-1 pricing table.
OUTPUT_TOKENS = {
    "low": {"1024x1024": 272, "1024x1536": 408, "1536x1024": 400},
    "medium": {"1024x1024": 1056, "1024x1536": 1584, "1536x1024": 1568},
    "high": {"1024x1024": 4160, "1024x1536": 6240, "1536x1024": 6208},
}


def invalid_value(value: Any, allowed: Iterable[str], param: str) -> APIError:
    return invalid_request(
        f"Invalid value: '{value}'. Supported values are: {choices(allowed)}.",
        param,
        "invalid_value",
    )


def invalid_model(model: str) -> APIError:
    return invalid_request(f"Invalid model {model}. The model argument should be left blank.")


def resolve(model_id: str | None, default: str, *, lenient: bool) -> ImageModel:
    """The model's rules; an id the Images API does not serve is its 400 (not chat's 404),
    unless `--lenient`, which serves it by the endpoint's default model's rules."""
    if model_id is None:
        return MODELS[default]
    found = MODELS.get(model_id)
    if found is None:
        if not lenient:
            raise invalid_model(model_id)
        found = MODELS[default]
    return found


def check(
    model: ImageModel,
    body: dict[str, Any],
    *,
    prompt: str | None,
    n: int,
    size: str | None,
    quality: str | None,
) -> None:
    """Cross-field rules, in the order the real API reports them: parameters the model does not
    take, the prompt's length, `n`, `size`, `quality`."""
    for name in model.refused():
        if body.get(name) is not None:
            raise invalid_request(f"Unknown parameter: '{name}'.", name, "unknown_parameter")
    if prompt is not None and len(prompt) > model.prompt_limit:
        raise invalid_request(
            f"Invalid 'prompt': string too long. Expected a string with maximum length "
            f"{model.prompt_limit}, but got a string with length {len(prompt)} instead.",
            "prompt",
            "string_above_max_length",
        )
    if model.single_image and n != 1:
        raise invalid_request("You must provide n=1 for this model.")
    if size is not None and size not in model.sizes:
        if model.single_image:  # dall-e-3 still words it the old way
            raise invalid_request("The size is not supported by this model.", code="invalid_size")
        raise invalid_value(size, model.sizes, "size")
    if quality is not None and model.qualities is not None and quality not in model.qualities:
        raise invalid_value(quality, model.qualities, "quality")
    if body.get("background") == "transparent" and body.get("output_format") == "jpeg":
        raise invalid_request(
            "Transparent background is not supported for JPEG output format",
            "background",
            "invalid_value",
        )


def _orientation(size: str) -> int:
    """1 for a landscape `WxH`, -1 for a portrait one, 0 for a square (or not a size)."""
    width, _, height = size.partition("x")
    if not (width.isdigit() and height.isdigit()):
        return 0
    return (int(width) > int(height)) - (int(height) > int(width))


def served_size(model: ImageModel, size: str) -> str:
    """The size the picture is made at: the one asked for, or, where the model has no such
    size (only `--lenient` lets one through), its size of the same orientation, or its
    default for text that is no `WxH` at all."""
    if size in model.sizes or size == "auto":
        return size
    same = (s for s in model.sizes if "x" in s and _orientation(s) == _orientation(size))
    return next(same, model.default_size)
