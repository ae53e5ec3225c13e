"""Reading requests and writing responses the way the real API formats them."""

from __future__ import annotations

from typing import Any, Mapping

import orjson
from aiohttp import web

from mockai.errors import APIError
from mockai.server.state import Exchange, exchange_of, state_of

MALFORMED_JSON = (
    "We could not parse the JSON body of your request. (HINT: This likely means you aren't using "
    "your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not "
    "valid JSON. If you have trouble figuring out how to fix this, please contact us through our "
    "help center at help.openai.com.)"
)


def json_response(data: Any, status: int = 200, headers: Mapping[str, str] | None = None) -> web.Response:
    return web.Response(body=orjson.dumps(data), status=status, headers=headers,
                        content_type="application/json")


def error_response(error: APIError, exchange: Exchange) -> web.Response:
    """Error bodies are pretty-printed with a two-space indent, like the real API's."""
    exchange.headers.update(error.headers)
    body = orjson.dumps(error.body(exchange.request_id), option=orjson.OPT_INDENT_2) + b"\n"
    return web.Response(body=body, status=error.status, content_type="application/json")


async def read_json(request: web.Request) -> dict[str, Any]:
    """The JSON object body, or the real API's 400 for anything else."""
    raw = await request.read()
    try:
        body = orjson.loads(raw)
    except orjson.JSONDecodeError:
        raise APIError(400, MALFORMED_JSON, code=None) from None
    if not isinstance(body, dict):
        raise APIError(400, MALFORMED_JSON, code=None)
    exchange = exchange_of(request)
    limit = state_of(request).settings.journal_body_bytes
    exchange.body = body if len(raw) <= limit else {
        "_truncated": True,
        "_bytes": len(raw),
        "_preview": raw[:limit].decode("utf-8", errors="replace"),
    }
    return body


def standard_headers(request: web.Request) -> dict[str, str]:
    """SPEC §2 headers: every response carries these, streams included."""
    exchange = exchange_of(request)
    headers = {
        "x-request-id": exchange.request_id,
        "openai-processing-ms": str(max(int(exchange.elapsed_ms()), 0)),
        "openai-version": "2020-10-01",
        "openai-organization": "user-mockai",
        "access-control-expose-headers": "X-Request-ID",
    }
    headers.update(state_of(request).limits.headers(exchange.tokens))
    headers.update(exchange.headers)
    return headers
