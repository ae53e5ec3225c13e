"""Reading upload forms (`multipart/form-data`): the one reader every upload route uses.

The body is streamed part by part, never read whole. Files have the real API's own limits
(512 MB per file, 50 MB per image, 25 MB of audio), far above the server's body limit, and a
part is refused as soon as it crosses its limit, so a huge upload costs no more memory than
the limit; text fields are held to the body limit (`--max-body-mb`), as JSON bodies are.
What aiohttp cannot parse (no boundary, a truncated body, a part header without a colon or
with control characters, a nested multipart) is the real API's 400, never a crash.

A route names its file fields and the fields that may repeat (`x` or `x[]`); a file sent
where text is expected, or a field sent twice, is a 400 naming the field in `param`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from aiohttp import BodyPartReader, hdrs, web
from aiohttp.http_exceptions import HttpProcessingError

from mockai.errors import APIError, invalid_request
from mockai.toolkit.state import exchange_of, state_of

CHUNK = 1 << 16
# The real API's answer to a body it cannot read as a form: quoted by spring-ai#1050 (a
# proxy appends " (request id: ...)"), and seen by clients whose form encoders were broken.
MALFORMED = "Could not parse multipart form"
NOT_MULTIPART = (
    "Invalid Content-Type header ({}), expected multipart/form-data. (HINT: If "
    "you're using curl, you can pass -H 'Content-Type: multipart/form-data')"
)
# aiohttp's complaints about a body it cannot parse: a missing or bad boundary, a truncated
# body (ValueError, AssertionError), a bad part header (InvalidHeader, LineTooLong), a bad
# `_charset_` part (RuntimeError), an unknown charset (LookupError) or bytes not in it.
_UNPARSABLE = (ValueError, AssertionError, RuntimeError, LookupError, HttpProcessingError)


@dataclass(frozen=True)
class Upload:
    """One file part; the journal records its name, size and type, never its bytes."""

    filename: str | None  # None: text sent where a file goes
    content_type: str | None
    data: bytes

    def describe(self) -> dict[str, Any]:
        return {
            "filename": self.filename,
            "bytes": len(self.data),
            "content_type": self.content_type,
        }


@dataclass
class Form:
    """The text fields (a list for a field that may repeat) and the file parts by name."""

    fields: dict[str, str | list[str]]
    files: dict[str, list[Upload]]

    def upload(self, name: str) -> Upload | None:
        found = self.files.get(name)
        return found[0] if found else None

    def uploads(self, name: str) -> list[Upload]:
        return self.files.get(name, [])


# A route's answer to a file part over its limit: given the form read so far (the model may
# decide the wording), the field's name and the bytes read when the limit was crossed.
TooLarge = Callable[[Form, str, int], APIError]


class _Overflow(Exception):
    def __init__(self, read: int) -> None:
        super().__init__(read)
        self.read = read


async def read_form(
    request: web.Request,
    *,
    files: frozenset[str],
    limit: int,
    too_large: TooLarge,
    lists: frozenset[str] = frozenset(),
    multipart_only: bool = False,
    unknown_files: bool = False,
    total: int | None = None,
) -> Form:
    """The form of `request`. `files` are the fields that carry files (text sent there is an
    Upload without a filename, for the route to refuse in its words); `lists` the fields that
    may repeat, also sent as `x[]`; `limit` the most bytes a file part may have, `total` the
    most all file parts together may have (crossing either is `too_large`). A file sent
    for another field is refused as the real API refuses it, or with `unknown_files`
    (`--lenient`, which drops unknown fields) left out.

    Another content type is refused when `multipart_only`, else read as a URL-encoded form
    or an empty one (the route then reports what is missing, as the real API does).
    """
    content_type = request.content_type
    if multipart_only and content_type != "multipart/form-data":
        raise invalid_request(NOT_MULTIPART.format(content_type))
    form = Form({}, {})
    try:
        if content_type == "multipart/form-data":
            await _read_multipart(
                request, form, files, lists, limit, too_large, unknown_files, total
            )
        elif content_type == "application/x-www-form-urlencoded":
            for key, value in (await request.post()).items():
                name = _field_name(key, lists)
                _once(form.fields, name, lists)
                _put_text(form, name, str(value), lists)
    except _UNPARSABLE:
        raise invalid_request(MALFORMED) from None
    finally:
        exchange_of(request).body = _journal(form, lists)
    return form


async def _read_multipart(
    request: web.Request,
    form: Form,
    files: frozenset[str],
    lists: frozenset[str],
    limit: int,
    too_large: TooLarge,
    unknown_files: bool,
    total: int | None,
) -> None:
    text_room = state_of(request).settings.max_body_mb * 1024 * 1024
    file_room = limit if total is None else total
    reader = await request.multipart()
    while (part := await reader.next()) is not None:
        if not isinstance(part, BodyPartReader) or not part.name:
            raise invalid_request(MALFORMED)
        name = _field_name(part.name, lists)
        many = name.endswith("[]") and name[:-2] in files  # an array of files: `files[]`
        name = name[:-2] if many else name
        if name in files:
            if not many:
                _once(form.files, name, lists)
            try:
                data = await _read(part, min(limit, file_room))
            except _Overflow as over:
                raise too_large(form, name, over.read) from None
            if total is not None:
                file_room -= len(data)
            form.files.setdefault(name, []).append(
                Upload(part.filename, part.headers.get(hdrs.CONTENT_TYPE), data)
            )
        elif part.filename is not None and unknown_files:
            await part.release()
        elif part.filename is not None:
            raise invalid_request(
                f"Invalid type for '{name}': expected a string, but got a file instead.",
                name,
                "invalid_type",
            )
        else:
            _once(form.fields, name, lists)
            try:
                data = await _read(part, text_room)
            except _Overflow:
                raise APIError(413) from None
            text_room -= len(data)
            _put_text(form, name, data.decode("utf-8", errors="replace"), lists)


async def _read(part: BodyPartReader, limit: int) -> bytes:
    """The part's bytes; past `limit` it stops reading (aiohttp drains the rest of the body
    after the answer is sent, so the client reads the error, not a reset connection)."""
    data = bytearray()
    while chunk := await part.read_chunk(CHUNK):
        data += chunk
        if len(data) > limit:
            raise _Overflow(len(data))
    return bytes(data)


def _field_name(name: str, lists: frozenset[str]) -> str:
    """`x[]` is how form encoders send a list: the field `x`, if `x` may repeat."""
    bare = name.removesuffix("[]")
    return bare if bare in lists else name


def _repeats(name: str, lists: frozenset[str]) -> bool:
    """Whether `name` may come more than once: a list field, or any `[]` in it (a form
    encoder's array, also inside an object or of objects: `session[tools][][type]`)."""
    return name in lists or "[]" in name


def _once(into: dict[str, Any], name: str, lists: frozenset[str]) -> None:
    """A field that may not repeat, sent twice, is refused (before its part is read) rather
    than silently picked from."""
    if name in into and not _repeats(name, lists):
        raise invalid_request(f"Duplicate parameter: '{name}'. Send each parameter once.", name)


def _put_text(form: Form, name: str, value: str, lists: frozenset[str]) -> None:
    if _repeats(name, lists):
        form.fields.setdefault(name, []).append(value)  # type: ignore[union-attr]
    else:
        form.fields[name] = value


def nested(fields: dict[str, Any]) -> dict[str, Any]:
    """The JSON value a form flattens, as the official SDKs flatten it into a multipart body:
    objects as `session[audio][voice]=x`, arrays as repeated `tags[]=a`, arrays of objects as
    repeated `tools[][type]=function` (the n-th of each key is the n-th object)."""
    out: dict[str, Any] = {}
    for key, value in fields.items():
        head, _, rest = key.partition("[")
        path = [head] + (rest[:-1].split("][") if rest.endswith("]") else [])
        if "" in path[:-1] and isinstance(value, list):  # an array of objects
            cut = path.index("")
            inner = [p for p in path[cut + 1 :] if p]  # deeper arrays: one element per object
            deeper = inner != path[cut + 1 :]
            items = _place(out, path[:cut], [])
            if isinstance(items, list):
                items.extend({} for _ in range(len(value) - len(items)))
                for item, one in zip(items, value, strict=False):  # as many as were sent
                    _place(item, inner, [one] if deeper else one)
            continue
        _place(out, [p for p in path if p], value)
    return out


def _place(into: Any, path: list[str], value: Any) -> Any:
    """Put `value` at `path` under `into` (making the objects on the way) unless something
    else is there already; what is at `path` afterwards."""
    node = into
    for part in path[:-1]:
        if not isinstance(node, dict):
            return None
        node = node.setdefault(part, {})
    if not isinstance(node, dict) or not path:
        return None
    return node.setdefault(path[-1], value)


def objects(fields: dict[str, Any], names: frozenset[str]) -> dict[str, Any]:
    """`fields` with the bracketed fields of the `names` that take an object gathered into
    that object (`chunking_strategy[type]=server_vad`), the other fields as they are; the
    object wins over a plain `name` sent too."""
    out = {k: v for k, v in fields.items() if "[" not in k or k.partition("[")[0] not in names}
    out.update(nested({k: v for k, v in fields.items() if k not in out}))
    return out


def _journal(form: Form, lists: frozenset[str]) -> dict[str, Any]:
    journal: dict[str, Any] = dict(form.fields)
    for name, uploads in form.files.items():
        described = [upload.describe() for upload in uploads]
        journal[name] = described if name in lists else described[0]
    return journal
