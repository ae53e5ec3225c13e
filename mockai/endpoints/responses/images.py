"""`input_image` parts of a Responses context: their data URLs checked, their token costs.

An image is a data URL, an http(s) URL or the `file_id` of a file uploaded to mockai, whose
bytes give its size; a `file_id` mockai does not hold counts as a remote image (the size
mockai.imagesize assumes). The cost rules themselves are mockai.imagecost's.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from mockai.imagecost import image_tokens
from mockai.imagesize import REMOTE_SIZE, image_size, unsupported_image, url_size
from mockai.toolkit.files import find_file
from mockai.toolkit.state import ServerState
from mockai.validation import validate_at


def image_parts(item: Mapping[str, Any]) -> list[tuple[int, Mapping[str, Any]]]:
    """The `input_image` parts of a message item, with their positions in its content."""
    content = item.get("content")
    if not isinstance(content, list):
        return []
    return [
        (number, part)
        for number, part in enumerate(content)
        if isinstance(part, dict) and part.get("type") == "input_image"
    ]


class InputImage(BaseModel):
    """The fields of an `input_image` part that its cost reads (others pass, as for every
    Responses input item: see request.py)."""

    model_config = ConfigDict(extra="allow", strict=True)
    type: Literal["input_image"]
    image_url: str | None = None
    file_id: str | None = None
    detail: Literal["auto", "low", "high", "original"] | None = None


def check_images(item: Mapping[str, Any], index: int) -> None:
    """A new input item's images: fields of the right types, data URLs that hold images, as
    on the real API (400 otherwise)."""
    for number, part in image_parts(item):
        where = f"input[{index}].content[{number}]"
        image = validate_at(InputImage, dict(part), where)
        if image.image_url is not None:
            url_size(image.image_url, f"{where}.image_url")


@dataclass(frozen=True)
class ImagePricing:
    """Prices the images of one request's context for `model`."""

    model: str
    file_bytes: Callable[[str], bytes | None]

    def tokens(self, part: Mapping[str, Any]) -> int:
        width, height = self._size(part)
        return image_tokens(self.model, width, height, part.get("detail") or "auto")

    def _size(self, part: Mapping[str, Any]) -> tuple[int, int]:
        file_id = part.get("file_id")
        if file_id:
            data = self.file_bytes(file_id)
            if data is None:
                return REMOTE_SIZE
            size = image_size(data)
            if size is None:
                raise unsupported_image()
            return size
        return url_size(part.get("image_url") or "", "input")


def pricing(state: ServerState, session: str | None, model: str) -> ImagePricing:
    def file_bytes(file_id: str) -> bytes | None:
        found = find_file(state, session, file_id)
        return found.data if found is not None else None

    return ImagePricing(model, file_bytes)
