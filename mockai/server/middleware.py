"""One middleware for every request: auth, OpenAI-shaped errors, headers, journal, access log.

Whatever goes wrong below a handler (a scripted error, bad input, a route that does not exist,
an exception nobody expected) leaves as the real API's error JSON, never HTML or a traceback.
"""

from __future__ import annotations

import asyncio
import logging
import time

from aiohttp import web

from mockai import ids
from mockai.errors import APIError, invalid_api_key, missing_api_key
from mockai.server.http import error_response, standard_headers
from mockai.server.state import EXCHANGE, Exchange, state_of

API_PREFIXES = ("/v1/", "/api/openai/v1/")
CONTROL_PREFIX = "/_mockai/"
# The image URLs the Images API returns are fetched without a key, like the real API's signed
# URLs (a browser or an <img> tag follows them).
PUBLIC_PREFIXES = tuple(prefix + "images/files/" for prefix in API_PREFIXES)
access_log = logging.getLogger("mockai.access")
log = logging.getLogger("mockai")


def _api_key(request: web.Request) -> str | None:
    auth = request.headers.get("Authorization")
    if auth:
        scheme, _, key = auth.partition(" ")
        if scheme.lower() in ("bearer", "basic") and key.strip():
            return key.strip()
    return request.headers.get("x-api-key") or None


def _authenticate(request: web.Request) -> None:
    key = _api_key(request)
    if key is None:
        raise missing_api_key()
    allowed = state_of(request).settings.api_key
    if allowed and key not in allowed:
        raise invalid_api_key(key)


def _route_error(request: web.Request, exc: web.HTTPException) -> APIError:
    text = f"Invalid URL ({request.method} {request.path})"
    if exc.status == 405:
        return APIError(405, text, code=None)
    if exc.status == 413:
        return APIError(413)
    return APIError(exc.status, text if exc.status == 404 else exc.reason, code=None)


@web.middleware
async def mockai_middleware(request: web.Request, handler) -> web.StreamResponse:
    exchange = Exchange(ids.request_id(), time.perf_counter(),
                        request.headers.get("x-mockai-session"))
    request[EXCHANGE] = exchange
    is_api = request.path.startswith(API_PREFIXES)
    try:
        route_error = request.match_info.http_exception
        if route_error is not None:
            raise route_error
        if is_api and not request.path.startswith(PUBLIC_PREFIXES):
            _authenticate(request)
        response = await handler(request)
    except APIError as exc:
        response = error_response(exc, exchange)
    except web.HTTPException as exc:
        response = error_response(_route_error(request, exc), exchange)
    except asyncio.CancelledError:
        _finish(request, exchange, 499 if exchange.stream is None else exchange.stream.status)
        raise
    except Exception:  # noqa: BLE001 - a crash still answers in OpenAI's shape
        log.exception("handler crashed on %s %s", request.method, request.path)
        if exchange.stream is not None and exchange.stream.prepared:
            response = exchange.stream
        else:
            response = error_response(APIError(500), exchange)
    if not response.prepared:
        response.headers.update(standard_headers(request))
    _finish(request, exchange, response.status)
    return response


def _finish(request: web.Request, exchange: Exchange, status: int) -> None:
    elapsed = exchange.elapsed_ms()
    if request.path.startswith(API_PREFIXES):
        state_of(request).journal.record({
            "id": exchange.request_id,
            "timestamp": exchange.timestamp,
            "method": request.method,
            "path": request.path,
            "query": dict(request.query),
            "headers": {str(k): v for k, v in request.headers.items()},
            "body": exchange.body,
            "session": exchange.session,
            "scenario": exchange.scenario,
            "step": exchange.step,
            "status": status,
            "stream": exchange.stream is not None,
            "duration_ms": round(elapsed, 3),
        })
    if not state_of(request).settings.quiet and access_log.isEnabledFor(logging.INFO):
        access_log.info("%s %s %d scenario=%s %.1fms", request.method, request.path, status,
                        exchange.scenario or "-", elapsed)
