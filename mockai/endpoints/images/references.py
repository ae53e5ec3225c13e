"""The pictures of a JSON image edit, which names them (`{image_url}` or `{file_id}`) rather
than uploading them: each becomes the Upload a multipart form would have carried, so one edit
pipeline serves both.

mockai fetches nothing: a data URL is decoded, a `file_id` reads a file uploaded to mockai in
the same session (the Files API's 404 otherwise), and any other URL stands for one fixed
placeholder picture of mockai.imagesize.REMOTE_SIZE, the size every offline image cost
assumes for a URL it cannot fetch (the URL itself, part of the request, still seeds the
result).
"""

from __future__ import annotations

from typing import Any

from aiohttp import web

from mockai.caches import memoized
from mockai.endpoints.images.picture import Picture
from mockai.endpoints.images.request import Form, ImageRef, JsonEditRequest
from mockai.imagesize import REMOTE_SIZE, data_url_bytes
from mockai.toolkit.files import KIND as FILES
from mockai.toolkit.files import find_file
from mockai.toolkit.multipart import Upload
from mockai.toolkit.state import exchange_of, state_of


def form(request: web.Request, req: JsonEditRequest, fields: dict[str, Any]) -> Form:
    """The edit's fields and its pictures, read as the multipart form's would be."""
    images = [_upload(request, ref, f"images[{i}]") for i, ref in enumerate(req.images)]
    mask = _upload(request, req.mask, "mask") if req.mask is not None else None
    return Form(fields, images, mask)


def _upload(request: web.Request, ref: ImageRef, param: str) -> Upload:
    if ref.file_id is not None:
        state = state_of(request)
        found = find_file(state, exchange_of(request).session, ref.file_id)
        if found is None and state.settings.lenient:
            return Upload(None, None, _remote_picture())  # any id exists: a picture stands in
        if found is None:
            raise FILES.not_found(ref.file_id, f"{param}.file_id")
        return Upload(found.body["filename"], None, found.data)
    url = ref.image_url or ""
    if url.startswith("data:"):
        return Upload(None, None, data_url_bytes(url, f"{param}.image_url"))
    return Upload(None, None, _remote_picture())


@memoized(limit=1)
def _remote_picture() -> bytes:
    return Picture("remote image", *REMOTE_SIZE).encode()
