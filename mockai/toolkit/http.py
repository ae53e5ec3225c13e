"""Reading requests and writing responses the way the real API formats them."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import Any, TypeVar

import orjson
from aiohttp import web
from pydantic import BaseModel

from mockai.errors import APIError
from mockai.journal import StreamTap
from mockai.openapi.operations import match
from mockai.ratelimits.headers import unloaded
from mockai.streaming.pacing import Pacing
from mockai.streaming.sse import DONE, SSEStream, play
from mockai.toolkit.parsed import PARSED_BODY_BYTES, Parsed
from mockai.toolkit.state import Exchange, exchange_of, state_of
from mockai.validation import validate, validated

M = TypeVar("M", bound=BaseModel)
JSON = "application/json"

MALFORMED_JSON = (
    "We could not parse the JSON body of your request. (HINT: This likely means you aren't using "
    "your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not "
    "valid JSON. If you have trouble figuring out how to fix this, please contact us through our "
    "help center at help.openai.com.)"
)


def json_response(
    data: Any, status: int = 200, headers: Mapping[str, str] | None = None
) -> web.Response:
    return web.Response(
        body=orjson.dumps(data), status=status, headers=headers, content_type="application/json"
    )


def error_response(error: APIError, exchange: Exchange) -> web.Response:
    """Error bodies are pretty-printed with a two-space indent, like the real API's."""
    exchange.headers.update(error.headers)
    body = orjson.dumps(error.body(exchange.request_id), option=orjson.OPT_INDENT_2) + b"\n"
    return web.Response(body=body, status=error.status, content_type="application/json")


def decode_json(raw: bytes | str) -> dict[str, Any]:
    """A JSON object, or the real API's 400 for anything else."""
    try:
        body = orjson.loads(raw)
    except orjson.JSONDecodeError:
        raise APIError(400, MALFORMED_JSON, code=None) from None
    if not isinstance(body, dict):
        raise APIError(400, MALFORMED_JSON, code=None)
    return body


def _journal_body(raw: bytes, body: dict[str, Any], limit: int) -> Any:
    return (
        body
        if len(raw) <= limit
        else {
            "_truncated": True,
            "_bytes": len(raw),
            "_preview": raw[:limit].decode("utf-8", errors="replace"),
        }
    )


async def read_json(request: web.Request) -> dict[str, Any]:
    """The JSON object body, or the real API's 400 for anything else."""
    raw = await request.read()
    body = decode_json(raw)
    exchange_of(request).body = _journal_body(
        raw, body, state_of(request).settings.journal_body_bytes
    )
    return body


async def read_body(request: web.Request, schema: type[M]) -> tuple[M, dict[str, Any]]:
    """The JSON object body's validated model, and the body as sent (what scenarios match),
    with the newer APIs' `Unknown parameter` wording and `--lenient`'s relaxations: how the
    routes around the model calls (stores, conversations, containers...) read theirs."""
    body = await read_json(request)
    model = validate(
        schema,
        body,
        unknown_parameter=True,
        lenient=state_of(request).settings.lenient,
        spec_check=lenient_check(request),
    )
    return model, body


# What every answer says the same way.
_FIXED_HEADERS = {
    "openai-version": "2020-10-01",
    "openai-organization": "user-mockai",
    "access-control-expose-headers": "X-Request-ID",
}


def standard_headers(request: web.Request) -> dict[str, str]:
    """The real API's standard headers: every response carries these, streams included."""
    exchange = exchange_of(request)
    headers = {
        "x-request-id": exchange.request_id,
        "openai-processing-ms": str(max(int(exchange.elapsed_ms()), 0)),
        **_FIXED_HEADERS,
        **(exchange.ratelimit or unloaded(exchange.tokens)),
    }
    if exchange.headers:
        headers.update(exchange.headers)
    return headers


def spec_check(request: web.Request) -> Callable[[dict[str, Any]], None]:
    """`--lenient`'s arbiter (see `mockai.validation.validated`): the check of a JSON body
    against the request schema of the description's operation for this route, raising its
    400 (nothing to check where the description has no JSON body for the route). The
    operation is looked up only when a body is checked: most bodies pass without."""

    def check(body: dict[str, Any]) -> None:
        # jsonschema costs ~30 ms to import: only a refused body under --lenient pays it.
        from mockai.openapi.check import check_body

        found = match(request.method, request.path, request.query)
        if found is not None and JSON in found.bodies:
            check_body(found, JSON, body)

    return check


def lenient_check(request: web.Request) -> Callable[[dict[str, Any]], None] | None:
    """`spec_check` under `--lenient`, else None (nothing is relaxed)."""
    return spec_check(request) if state_of(request).settings.lenient else None


async def read_request(
    request: web.Request,
    schema: type[M],
    *,
    missing_model: Callable[[], APIError],
    unknown_parameter: bool = False,
    lenient_model: str | None = None,
) -> Parsed[M]:
    """The JSON body and its validated model. Each API words a missing model its own way;
    `--lenient` answers one without a model with `lenient_model` (for the APIs whose
    description lets it be left out), drops the fields the model does not know, at any depth,
    instead of refusing them, and relaxes the rules stricter than the description's (see
    `mockai.validation.validated`). The result is shared by every request with the same
    bytes: nobody may change it."""
    raw = await request.read()
    state = state_of(request)
    exchange = exchange_of(request)
    parsed = state.parsed.get((schema, raw))
    if parsed is not None:
        exchange.body = parsed.journal
        return parsed
    body = decode_json(raw)
    exchange.body = journal = _journal_body(raw, body, state.settings.journal_body_bytes)
    if "model" not in body:
        if lenient_model is None or not state.settings.lenient:
            raise missing_model()
        body = {**body, "model": lenient_model}
    req, body = validated(
        schema,
        body,
        unknown_parameter=unknown_parameter,
        lenient=state.settings.lenient,
        spec_check=lenient_check(request),
    )
    parsed = Parsed(MappingProxyType(body), req, journal)
    if len(raw) <= PARSED_BODY_BYTES:
        state.parsed.put((schema, raw), parsed)
    return parsed


def sse_stream(request: web.Request) -> SSEStream:
    """An event stream with the standard headers, which the middleware sees as a stream and
    whose chunks the journal keeps."""
    exchange = exchange_of(request)
    tap = exchange.tap = StreamTap(exchange.start)
    stream = SSEStream(request, standard_headers(request), tap)
    exchange.stream = stream.response
    return stream


async def send_stream(
    request: web.Request,
    frames: Iterable[tuple[bytes, bool]],
    pacing: Pacing,
    rng: random.Random,
    *,
    done: bytes | None = DONE,
) -> web.StreamResponse:
    """Stream `(frame, paced)` pairs with the standard headers; the middleware sees it as a
    stream."""
    stream = sse_stream(request)
    await play(stream, frames, pacing, rng, state_of(request).drain, done=done)
    return stream.response
