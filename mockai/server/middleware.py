"""One middleware for every request: auth, OpenAI-shaped errors, headers, journal, usage,
access log.

Whatever goes wrong below a handler (a scripted error, bad input, a route that does not exist,
an exception nobody expected) leaves as the real API's error JSON, never HTML or a traceback.
"""

from __future__ import annotations

import asyncio
import logging
import random
import time

from aiohttp import web

from mockai import ids, warmup
from mockai.ephemeral import is_ephemeral, offered_key
from mockai.errors import APIError, insufficient_permissions, invalid_api_key, missing_api_key
from mockai.faults.inject import ConnectionDropped, broken_body
from mockai.faults.kinds import BODY, label
from mockai.recording.facts import from_call
from mockai.recording.proxy import FORWARDER, RECORDER, forward_and_record
from mockai.recording.replay import event_frames, refreshed_body
from mockai.streaming.sse import drop_connection
from mockai.toolkit.http import error_response, send_stream, standard_headers
from mockai.toolkit.loopback import BATCH_HEADER
from mockai.toolkit.scripted import ScriptedBody, ScriptedEvents, Unmatched
from mockai.toolkit.state import EXCHANGE, Exchange, state_of

API_PREFIXES = ("/v1/", "/api/openai/v1/")
CONTROL_PREFIX = "/_mockai/"
# The image URLs the Images API returns are fetched without a key, like the real API's signed
# URLs (a browser or an <img> tag follows them).
PUBLIC_PREFIXES = tuple(prefix + "images/files/" for prefix in API_PREFIXES)
# The Admin API: every `/organization/...` route, served by a family or not, takes admin keys
# only (`sk-admin-...`, made on the platform's Admin keys page), as the real API does; so do a
# fine-tuned checkpoint's permissions (the API reference: "requires an admin API key").
ADMIN_PREFIXES = tuple(
    prefix + route
    for prefix in API_PREFIXES
    for route in ("organization/", "fine_tuning/checkpoints/")
)
ADMIN_KEY_PREFIX = "sk-admin-"
# The scope an Admin API route needs, as the real refusal names it: `api.usage.read` is quoted
# for the usage and costs routes, `api.management.read` for reading projects and service
# accounts; that every other read (the audit log included) takes the latter, and that changes
# take `api.management.write`, is inferred.
USAGE_PATHS = ("usage/", "costs")
# What a Realtime ephemeral key (`ek_...`) opens: the Realtime socket, and creating a WebRTC
# call (the description's `application/sdp` body of `POST /realtime/calls` is "authenticated
# with" an ephemeral session token, and the WebRTC guide posts the offer with one).
EPHEMERAL_ROUTES = frozenset(
    (method, prefix + route)
    for prefix in API_PREFIXES
    for method, route in (("GET", "realtime"), ("POST", "realtime/calls"))
)
access_log = logging.getLogger("mockai.access")
log = logging.getLogger("mockai")


def _api_key(request: web.Request) -> str | None:
    auth = request.headers.get("Authorization")
    if auth:
        scheme, _, key = auth.partition(" ")
        if scheme.lower() in ("bearer", "basic") and key.strip():
            return key.strip()
    # A browser's WebSocket offers the key as a subprotocol (see mockai.ephemeral).
    return request.headers.get("x-api-key") or offered_key(
        request.headers.get("Sec-WebSocket-Protocol", "")
    )


def _authenticate(request: web.Request, exchange: Exchange) -> None:
    key = _api_key(request)
    if key is None:
        raise missing_api_key()
    if is_ephemeral(key):
        _ephemeral(request, exchange, key)
        return
    settings = state_of(request).settings
    if settings.api_key and key not in settings.api_key:
        raise invalid_api_key(key)
    exchange.api_key = key
    if (
        request.path.startswith(ADMIN_PREFIXES)
        and not key.startswith(ADMIN_KEY_PREFIX)
        and not settings.lenient  # a schema mock takes any key for the Admin API
    ):
        raise insufficient_permissions(_admin_scope(request))


def _ephemeral(request: web.Request, exchange: Exchange, key: str) -> None:
    """An ephemeral key opens only `EPHEMERAL_ROUTES`, while it lives; one never issued
    opens them only under `--lenient`. Every refusal is the real API's 401 for a wrong key:
    how it words an expired ephemeral key, or one sent to another route, is not known, and
    this is the wording it uses for every key it does not take."""
    state = state_of(request)
    secret = state.ephemeral.get(key)
    if (
        (request.method, request.path.rstrip("/")) not in EPHEMERAL_ROUTES
        or (secret is None and not state.settings.lenient)
        or (secret is not None and secret.expired())
    ):
        raise invalid_api_key(key)
    exchange.api_key = key
    exchange.client_secret = secret


def _admin_scope(request: web.Request) -> str:
    below = request.path.partition("/organization/")[2]
    if below.startswith(USAGE_PATHS):
        return "api.usage.read"
    return "api.management.read" if request.method in ("GET", "HEAD") else "api.management.write"


def _route_error(request: web.Request, exc: web.HTTPException) -> APIError:
    text = f"Invalid URL ({request.method} {request.path})"
    if exc.status == 405:
        return APIError(405, text, code=None)
    if exc.status == 413:
        return APIError(413)
    return APIError(exc.status, text if exc.status == 404 else exc.reason, code=None)


@web.middleware
async def mockai_middleware(request: web.Request, handler) -> web.StreamResponse:
    warmup.request_started()  # one-off loading holds the GIL long: it waits for a quiet spell
    try:
        return await _handle(request, handler)
    finally:
        warmup.request_ended()


async def _handle(request: web.Request, handler) -> web.StreamResponse:
    exchange = Exchange(
        ids.request_id(), time.perf_counter(), request.headers.get("x-mockai-session")
    )
    request[EXCHANGE] = exchange
    is_api = request.path.startswith(API_PREFIXES)
    try:
        route_error = request.match_info.http_exception
        if route_error is not None:
            raise route_error
        if is_api and not request.path.startswith(PUBLIC_PREFIXES):
            _authenticate(request, exchange)
        response = await handler(request)
    except ConnectionDropped:
        drop_connection(request)
        _finish(request, exchange, None, None)
        return web.Response()  # never sent: aiohttp meets the closed transport and moves on
    except ScriptedBody as exc:
        response = _literal(exc)
    except ScriptedEvents as exc:
        frames, pacing = event_frames(exc.events, state_of(request).settings.replay_speed)
        response = await send_stream(request, frames, pacing, random.Random(), done=None)
    except Unmatched as exc:
        recorder = request.app.get(RECORDER)
        response = await forward_and_record(
            request, request.app[FORWARDER], recorder, from_call(exc.call)
        )
    except APIError as exc:
        response = error_response(exc, exchange)
    except web.HTTPException as exc:
        response = error_response(_route_error(request, exc), exchange)
    except asyncio.CancelledError:
        stream = exchange.stream
        _finish(request, exchange, 499 if stream is None else stream.status, stream)
        raise
    except Exception:  # noqa: BLE001 - a crash still answers in OpenAI's shape
        log.exception("handler crashed on %s %s", request.method, request.path)
        if exchange.stream is not None and exchange.stream.prepared:
            response = exchange.stream
        else:
            response = error_response(APIError(500), exchange)
    fault = exchange.fault
    if fault is not None and fault.kind in BODY:
        if response.prepared or response.status != 200 or not isinstance(response, web.Response):
            exchange.fault = None  # an audio file or an error: nothing to spoil, nothing to record
        else:
            response = broken_body(response, fault)
    if not response.prepared:
        response.headers.update(standard_headers(request))
    _finish(request, exchange, response.status, response)
    return response


def _literal(scripted: ScriptedBody) -> web.Response:
    """A step's literal answer: bytes as they are (the step's headers give the content type),
    JSON with fresh ids where a recording wrote placeholders."""
    if isinstance(scripted.body, bytes):
        return web.Response(body=scripted.body, status=scripted.status)
    return web.Response(
        body=refreshed_body(scripted.body), status=scripted.status, content_type="application/json"
    )


def _body_bytes(response: web.StreamResponse | None) -> bytes | None:
    """A finished answer's body (a stream's is in its tap)."""
    if isinstance(response, web.Response) and isinstance(response.body, bytes):
        return response.body
    return None


def _endpoint(request: web.Request) -> str:
    """The route template (`/v1/responses/{response_id}`): a bounded label for metrics."""
    resource = request.match_info.route.resource
    return resource.canonical if resource is not None else "unmatched"


def _finish(
    request: web.Request,
    exchange: Exchange,
    status: int | None,
    response: web.StreamResponse | None,
) -> None:
    """Record the request: journal (with references to the answer's headers and body bytes,
    read only when the journal is), metrics, spend quota, usage, access log."""
    elapsed = exchange.elapsed_ms()
    state = state_of(request)
    if request.path.startswith(API_PREFIXES):
        fault = exchange.fault
        billed = exchange.billed
        if billed is not None and status == 200:
            key = exchange.api_key or ""
            state.limiter.charge(exchange.session, key, billed.model, *billed.priced_tokens)
            state.usage.record(
                exchange.session,
                exchange.timestamp,
                billed,
                key,
                request.headers.get("OpenAI-Project"),
                batch=BATCH_HEADER in request.headers,
            )
        state.metrics.observe(
            _endpoint(request),
            request.method,
            status,
            exchange.scenario,
            (fault.kind, fault.source) if fault is not None else None,
            exchange.limited,
            elapsed / 1000 if exchange.stream is not None else None,
        )
        state.journal.record(
            {
                "id": exchange.request_id,
                "timestamp": exchange.timestamp,
                "method": request.method,
                "path": request.path,
                "query": request.query,  # read-only views, made plain when the journal is read
                "headers": request.headers,
                "body": exchange.body,
                "session": exchange.session,
                "scenario": exchange.scenario,
                "step": exchange.step,
                "status": status,
                "stream": exchange.stream is not None,
                "duration_ms": round(elapsed, 3),
                "fault": fault.describe() if fault is not None else None,
                "rate_limited": exchange.limited,
                "answer_headers": response.headers if response is not None else None,
                "answer_body": _body_bytes(response),
                "tap": exchange.tap,
            }
        )
    if not state.settings.quiet and access_log.isEnabledFor(logging.INFO):
        access_log.info(
            "%s %s %s scenario=%s %.1fms%s",
            request.method,
            request.path,
            "-" if status is None else status,
            exchange.scenario or "-",
            elapsed,
            _trouble(exchange),
        )


def _trouble(exchange: Exchange) -> str:
    """The access log's tail: ` fault=SOURCE:KIND[@AFTER_CHUNKS]` and ` rate_limited=REASON`
    when they apply, else nothing."""
    tail = "" if exchange.fault is None else f" fault={label(exchange.fault.describe())}"
    if exchange.limited is not None:
        tail += f" rate_limited={exchange.limited}"
    return tail
