"""The handlers of the Realtime calls: create one from a WebRTC SDP offer (`201`, the SDP
answer, `Location: /v1/realtime/calls/rtc_...`), then accept, reject, refer or hang it up
(`200`, no body, as the description declares and the SDKs expect)."""

from __future__ import annotations

from typing import Any

from aiohttp import web

from mockai import ids
from mockai.endpoints.realtime import sdp
from mockai.endpoints.realtime.calls_state import KIND, StoredCall
from mockai.endpoints.realtime.request import CallForm, RealtimeSessionConfig, ReferCall, RejectCall
from mockai.endpoints.realtime.secrets import read, realtime_session
from mockai.errors import APIError, invalid_request
from mockai.openapi.check import check_form
from mockai.openapi.operations import match
from mockai.toolkit.http import decode_json
from mockai.toolkit.multipart import nested, read_form
from mockai.toolkit.scripted import answer_if_targeted
from mockai.toolkit.state import exchange_of, state_of, stored
from mockai.validation import validate

SDP = "application/sdp"
MAX_OFFER_BYTES = 1024 * 1024


def _too_large(*_: Any) -> APIError:
    return APIError(413)


async def _offer(request: web.Request) -> tuple[str, dict[str, Any] | None]:
    """The SDP offer and the session configuration sent with it: an `application/sdp` body
    alone (the session then comes from the ephemeral key it was sent with), or a form with
    `sdp` and `session` (a JSON part, as the SDKs send it, or bracketed fields)."""
    if request.content_type != "multipart/form-data":
        offer = (await request.read()).decode("utf-8", errors="replace")
        exchange_of(request).body = {"sdp": offer}
        secret = exchange_of(request).client_secret
        return offer, secret.config if secret is not None else None
    form = await read_form(
        request,
        files=frozenset({"sdp"}),  # a text part, or a file (`curl -F sdp=@offer.sdp`)
        limit=MAX_OFFER_BYTES,
        too_large=_too_large,
        unknown_files=state_of(request).settings.lenient,
    )
    fields: dict[str, Any] = nested(dict(form.fields))
    part = form.upload("sdp")
    if part is not None:
        fields["sdp"] = part.data.decode("utf-8", errors="replace")
    if isinstance(fields.get("session"), str):
        fields["session"] = decode_json(fields["session"])
    found = match(request.method, request.path, request.query)
    if found is not None:  # text fields typed as the form's schema says ("24000" is 24000)
        fields = check_form(found, fields)
    lenient = state_of(request).settings.lenient
    req = validate(CallForm, fields, unknown_parameter=True, lenient=lenient)
    session = req.session
    return req.sdp, realtime_session(request, session) if session is not None else None


async def create(request: web.Request) -> web.Response:
    offer, session = await _offer(request)
    lenient = state_of(request).settings.lenient
    media = sdp.read_offer(offer, lenient)
    await answer_if_targeted(request, "realtime.calls", {"sdp": offer, "session": session})
    call = StoredCall(ids.realtime_call_id(), session)
    state_of(request).store.put(exchange_of(request).session, KIND, call.id, call)
    prefix = request.path.removesuffix("/").removesuffix("/realtime/calls")
    return web.Response(
        status=201,
        body=sdp.answer(offer, media).encode(),
        content_type=SDP,
        headers={"Location": f"{prefix}/realtime/calls/{call.id}"},
    )


def _stand_in(request: web.Request, call_id: str) -> StoredCall:
    """`--lenient`: a call never made, as an incoming call that rings."""
    return StoredCall(call_id, None)


def _call(request: web.Request) -> StoredCall:
    return stored(request, KIND, "call_id", _stand_in)


def _done() -> web.Response:
    return web.Response(status=200)


async def accept(request: web.Request) -> web.Response:
    call = _call(request)
    config = await read(request, RealtimeSessionConfig)
    session = realtime_session(request, config)
    call.move("accept", state_of(request).settings.lenient)
    call.session = session
    return _done()


async def reject(request: web.Request) -> web.Response:
    call = _call(request)
    raw = await request.read()
    # The body is optional: none rejects with SIP's `603 Decline`.
    req = await read(request, RejectCall) if raw.strip() else RejectCall()
    call.move("reject", state_of(request).settings.lenient)
    call.rejected_with = req.status_code if req.status_code is not None else 603
    return _done()


async def refer(request: web.Request) -> web.Response:
    call = _call(request)
    req = await read(request, ReferCall)
    if not req.target_uri.strip():
        raise invalid_request("Invalid 'target_uri': empty string.", "target_uri", "empty_string")
    call.move("refer", state_of(request).settings.lenient)
    call.referred_to.append(req.target_uri)
    return _done()


async def hangup(request: web.Request) -> web.Response:
    call = _call(request)
    call.move("hang up", state_of(request).settings.lenient)
    return _done()
