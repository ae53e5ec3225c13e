"""The moderations request, checked like the real API: a string, a list of strings, or a list
of text and image parts (each part's problems reported at `input[i]...`), read into the inputs
that get one result each."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from mockai.errors import invalid_request, missing_parameter
from mockai.validation import validate_at

DEFAULT_MODEL = "omni-moderation-latest"


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


def inputs(value: str | list[Any]) -> list[Input]:
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
