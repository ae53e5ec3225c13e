"""The token costs of the `input_image` parts of a Responses context (their checks are
`mockai.inputitems.check_images`).

An image is a data URL, an http(s) URL or the `file_id` of a file uploaded to mockai, whose
bytes give its size; a `file_id` mockai does not hold counts as a remote image (the size
mockai.imagesize assumes). The cost rules themselves are mockai.imagecost's.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from mockai.imagecost import image_tokens
from mockai.imagesize import REMOTE_SIZE, image_size, unsupported_image, url_size
from mockai.toolkit.files import find_file
from mockai.toolkit.state import ServerState


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
