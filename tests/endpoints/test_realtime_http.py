"""The Realtime API's HTTP routes: client secrets and the beta sessions (ephemeral `ek_` keys
that expire and open only the Realtime socket and WebRTC call creation), and the calls'
lifecycle (SDP offer -> answer, accept, reject, refer, hang up), over raw HTTP and through the
official SDK with strict response validation. Every JSON body is checked against the
description (`helpers.api_json`).

The Realtime socket is not served on this branch: what an ephemeral key opens there is tested
through a route of the test's own at `GET /v1/realtime`, behind the real middleware.
"""

from __future__ import annotations

import json
import re
import time

import aiohttp
import openai
import pytest
from aiohttp.test_utils import TestClient
from helpers import AUTH, api_json
from openapi import validate_error, validate_schema

from mockai.config import Settings
from mockai.ephemeral import KEY_SUBPROTOCOL
from mockai.server.app import create_app
from mockai.toolkit.state import STATE

EK = re.compile(r"^ek_[0-9a-f]{32}$")
CALL = re.compile(r"^rtc_u1_[0-9a-f]{32}$")
OFFER = "\r\n".join(
    [
        "v=0",
        "o=- 4611731400430051336 2 IN IP4 127.0.0.1",
        "s=-",
        "t=0 0",
        "a=group:BUNDLE 0 1",
        "m=audio 9 UDP/TLS/RTP/SAVPF 111 0 8",
        "c=IN IP4 0.0.0.0",
        "a=mid:0",
        "a=ice-ufrag:abcd",
        "a=ice-pwd:abcdefghijklmnopqrstuvwx",
        "a=fingerprint:sha-256 AA:BB",
        "a=setup:actpass",
        "a=sendrecv",
        "a=rtpmap:111 opus/48000/2",
        "a=rtpmap:0 PCMU/8000",
        "m=application 9 UDP/DTLS/SCTP webrtc-datachannel",
        "c=IN IP4 0.0.0.0",
        "a=mid:1",
        "a=sctp-port:5000",
        "",
    ]
)


async def _error(response, status: int) -> dict:
    assert response.status == status, await response.text()
    body = await response.json()
    validate_error(body)
    return body["error"]


async def secret(client, body: dict | None = None, headers: dict | None = None) -> dict:
    response = await client.post(
        "/v1/realtime/client_secrets", json=body or {}, headers={**AUTH, **(headers or {})}
    )
    assert response.status == 200, await response.text()
    return await api_json(response)


# -- client secrets ------------------------------------------------------------------------------


async def test_a_client_secret_carries_its_session_and_expires_after_ten_minutes(serve):
    client = await serve()
    before = int(time.time())
    made = await secret(client, {"session": {"type": "realtime", "instructions": "Be brief."}})
    assert EK.match(made["value"])
    assert before + 600 <= made["expires_at"] <= int(time.time()) + 600
    session = made["session"]
    assert (session["type"], session["object"], session["model"]) == (
        "realtime",
        "realtime.session",
        "gpt-realtime",
    )
    assert session["instructions"] == "Be brief."
    assert session["audio"]["input"]["format"] == {"type": "audio/pcm", "rate": 24000}
    assert session["audio"]["output"]["voice"] == "alloy"
    assert session["id"].startswith("sess_")


async def test_expires_after_sets_the_lifetime_within_the_real_bounds(serve):
    client = await serve()
    made = await secret(client, {"expires_after": {"anchor": "created_at", "seconds": 10}})
    assert made["expires_at"] <= int(time.time()) + 10
    for seconds in (9, 7201):
        response = await client.post(
            "/v1/realtime/client_secrets",
            json={"expires_after": {"anchor": "created_at", "seconds": seconds}},
            headers=AUTH,
        )
        error = await _error(response, 400)
        assert error["param"] == "expires_after.seconds"


async def test_a_transcription_secret_and_its_formats(serve):
    client = await serve()
    config = {
        "type": "transcription",
        "audio": {"input": {"format": {"type": "audio/pcmu"}}},
    }
    session = (await secret(client, {"session": config}))["session"]
    assert session["object"] == "realtime.transcription_session"
    assert session["audio"]["input"]["format"] == {"type": "audio/pcmu"}
    assert session["audio"]["input"]["transcription"]["model"] == "gpt-4o-transcribe"


@pytest.mark.parametrize(
    ("session", "param"),
    [
        ({"type": "voice"}, "session.type"),
        ({"type": "realtime", "audio": {"input": {"format": {"type": "audio/mp3"}}}}, None),
        ({"type": "realtime", "audio": {"output": {"speed": 3}}}, "session.audio.output.speed"),
        ({"type": "realtime", "turn": 1}, "session.turn"),
    ],
)
async def test_a_session_the_real_api_refuses_is_a_400(serve, session, param):
    client = await serve()
    response = await client.post(
        "/v1/realtime/client_secrets", json={"session": session}, headers=AUTH
    )
    error = await _error(response, 400)
    if param is not None:
        assert error["param"] == param


async def test_a_model_the_realtime_api_does_not_serve_is_refused(serve):
    client = await serve()
    response = await client.post(
        "/v1/realtime/client_secrets",
        json={"session": {"type": "realtime", "model": "gpt-4o-mini"}},
        headers=AUTH,
    )
    assert response.status in (400, 404), await response.text()
    validate_error(await response.json())


async def test_translation_client_secret(serve):
    client = await serve()
    body = {"session": {"model": "gpt-realtime-translate", "audio": {"output": {"language": "es"}}}}
    response = await client.post(
        "/v1/realtime/translations/client_secrets", json=body, headers=AUTH
    )
    made = await api_json(response)
    assert EK.match(made["value"])
    assert made["session"]["type"] == "translation"
    assert made["session"]["audio"]["output"] == {"language": "es"}


# -- the beta session routes ---------------------------------------------------------------------


async def test_a_beta_session_answers_its_object_with_a_client_secret(serve):
    client = await serve()
    body = {"model": "gpt-realtime", "modalities": ["audio", "text"], "voice": "marin"}
    response = await client.post("/v1/realtime/sessions", json=body, headers=AUTH)
    made = await api_json(response)
    assert made["object"] == "realtime.session"
    assert made["output_modalities"] == ["audio", "text"]
    assert made["audio"]["output"]["voice"] == "marin"
    assert EK.match(made["client_secret"]["value"])
    assert made["client_secret"]["expires_at"] <= int(time.time()) + 60


async def test_a_beta_session_refuses_an_unknown_audio_format(serve):
    client = await serve()
    response = await client.post(
        "/v1/realtime/sessions", json={"input_audio_format": "mp3"}, headers=AUTH
    )
    error = await _error(response, 400)
    assert (error["param"], error["code"]) == ("input_audio_format", "invalid_value")


async def test_a_transcription_session(serve):
    client = await serve()
    body = {"input_audio_format": "g711_ulaw", "input_audio_transcription": {"model": "whisper-1"}}
    response = await client.post("/v1/realtime/transcription_sessions", json=body, headers=AUTH)
    made = await api_json(response)
    assert made["input_audio_format"] == "g711_ulaw"
    assert made["input_audio_transcription"] == {"model": "whisper-1"}
    assert EK.match(made["client_secret"]["value"])
    bad = await client.post(
        "/v1/realtime/transcription_sessions", json={"input_audio_format": "mp3"}, headers=AUTH
    )
    assert (await _error(bad, 400))["param"] == "input_audio_format"


# -- what an ephemeral key opens -----------------------------------------------------------------


@pytest.fixture
async def with_socket(aiohttp_client):
    async def make(**settings) -> TestClient:
        app = create_app(Settings(**{"port": 0, "watch": False, "quiet": True, **settings}), [])
        return await aiohttp_client(app)

    return make


async def _opened(ws) -> dict:
    """The first event of an opened Realtime socket: its `session.created`."""
    message = await ws.receive(timeout=10)
    assert message.type == aiohttp.WSMsgType.TEXT, message
    event = json.loads(message.data)
    assert event["type"] == "session.created", event
    return event["session"]


async def test_an_ephemeral_key_opens_the_socket_as_bearer_or_subprotocol(with_socket):
    client = await with_socket(api_key=["sk-only"])
    made = await secret(
        client,
        {"session": {"type": "realtime", "model": "gpt-realtime", "instructions": "Hi"}},
        {"Authorization": "Bearer sk-only"},
    )
    key = made["value"]
    by_header = await client.ws_connect("/v1/realtime", headers={"Authorization": f"Bearer {key}"})
    session = await _opened(by_header)
    assert (session["instructions"], session["model"]) == ("Hi", "gpt-realtime")
    # A browser: no header, the key offered as a subprotocol beside `realtime`.
    by_protocol = await client.ws_connect(
        "/v1/realtime?model=gpt-realtime", protocols=("realtime", f"{KEY_SUBPROTOCOL}{key}")
    )
    assert by_protocol.protocol == "realtime"
    assert (await _opened(by_protocol))["instructions"] == "Hi"


async def test_an_ephemeral_key_opens_no_other_route(with_socket):
    client = await with_socket()
    key = (await secret(client))["value"]
    for method, path in [
        ("POST", "/v1/chat/completions"),
        ("GET", "/v1/models"),
        ("POST", "/v1/realtime/client_secrets"),
    ]:
        response = await client.request(method, path, headers={"Authorization": f"Bearer {key}"})
        error = await _error(response, 401)
        assert error["code"] == "invalid_api_key"
        assert key not in error["message"]  # masked


async def test_an_expired_or_unknown_ephemeral_key_is_refused(with_socket):
    client = await with_socket()
    key = (await secret(client))["value"]
    state = client.server.app[STATE]
    old = state.ephemeral.get(key)
    state.ephemeral._keys[key] = type(old)(old.value, int(time.time()) - 1, old.session, old.config)
    expired = await client.get("/v1/realtime", headers={"Authorization": f"Bearer {key}"})
    assert (await _error(expired, 401))["code"] == "invalid_api_key"
    unknown = await client.get("/v1/realtime", headers={"Authorization": f"Bearer ek_{'0' * 32}"})
    assert (await _error(unknown, 401))["code"] == "invalid_api_key"


async def test_the_beta_sessions_client_secret_is_an_ephemeral_key(with_socket):
    client = await with_socket()
    response = await client.post("/v1/realtime/sessions", json={}, headers=AUTH)
    key = (await api_json(response))["client_secret"]["value"]
    opened = await client.ws_connect(
        "/v1/realtime?model=gpt-realtime", headers={"Authorization": f"Bearer {key}"}
    )
    assert (await _opened(opened))["type"] == "realtime"


async def test_a_reset_forgets_the_sessions_keys(with_socket):
    client = await with_socket()
    key = (await secret(client, headers={"X-Mockai-Session": "a"}))["value"]
    other = (await secret(client, headers={"X-Mockai-Session": "b"}))["value"]
    reset = await client.post("/_mockai/reset", headers={"X-Mockai-Session": "a"})
    assert reset.status == 200
    assert state_of_app(client).ephemeral.get(key) is None
    assert state_of_app(client).ephemeral.get(other) is not None


def state_of_app(client: TestClient):
    return client.server.app[STATE]


# -- calls ---------------------------------------------------------------------------------------


async def create_call(client, headers: dict | None = None, **form_fields: str) -> str:
    form = aiohttp.FormData(default_to_multipart=True)
    form.add_field("sdp", OFFER, content_type="application/sdp")
    for name, value in form_fields.items():
        form.add_field(name, value, content_type="application/json")
    response = await client.post(
        "/v1/realtime/calls", data=form, headers={**AUTH, **(headers or {})}
    )
    assert response.status == 201, await response.text()
    assert response.content_type == "application/sdp"
    location = response.headers["Location"]
    call_id = location.rpartition("/")[2]
    assert location == f"/v1/realtime/calls/{call_id}" and CALL.match(call_id)
    return call_id


async def test_an_offer_is_answered_with_the_same_media_sections(serve):
    client = await serve()
    form = aiohttp.FormData(default_to_multipart=True)
    form.add_field("sdp", OFFER, content_type="application/sdp")
    form.add_field(
        "session", '{"type": "realtime", "model": "gpt-realtime"}', content_type="application/json"
    )
    first = await client.post("/v1/realtime/calls", data=form, headers=AUTH)
    answer = await first.text()
    assert first.status == 201, answer
    lines = answer.split("\r\n")
    assert lines[0] == "v=0"
    assert [line for line in lines if line.startswith("m=")] == [
        "m=audio 9 UDP/TLS/RTP/SAVPF 111",
        "m=application 9 UDP/DTLS/SCTP webrtc-datachannel",
    ]
    assert "a=group:BUNDLE 0 1" in lines and "a=rtpmap:111 opus/48000/2" in lines
    assert any(
        re.fullmatch(r"a=fingerprint:sha-256 ([0-9A-F]{2}:){31}[0-9A-F]{2}", x) for x in lines
    )
    assert sum(x.startswith("a=ice-ufrag:") for x in lines) == 2
    again = await client.post(
        "/v1/realtime/calls", data=OFFER, headers={**AUTH, "Content-Type": "application/sdp"}
    )
    assert again.status == 201
    assert await again.text() == answer  # deterministic for the offer


async def test_an_ephemeral_key_creates_a_call_from_a_bare_offer(serve):
    client = await serve()
    key = (await secret(client))["value"]
    response = await client.post(
        "/v1/realtime/calls",
        data=OFFER,
        headers={"Authorization": f"Bearer {key}", "Content-Type": "application/sdp"},
    )
    assert response.status == 201, await response.text()


async def test_what_is_not_an_offer_is_refused(serve):
    client = await serve()
    response = await client.post(
        "/v1/realtime/calls", data="hello", headers={**AUTH, "Content-Type": "application/sdp"}
    )
    assert (await _error(response, 400))["param"] == "sdp"


async def test_a_call_lifecycle_and_the_transitions_it_refuses(serve):
    client = await serve()
    headers = {**AUTH, "X-Mockai-Session": "calls"}
    call_id = await create_call(client, headers)
    base = f"/v1/realtime/calls/{call_id}"
    accepted = await client.post(
        f"{base}/accept", json={"type": "realtime", "model": "gpt-realtime"}, headers=headers
    )
    assert accepted.status == 200 and await accepted.read() == b""
    again = await client.post(f"{base}/accept", json={"type": "realtime"}, headers=headers)
    assert "status 'active'" in (await _error(again, 409))["message"]
    referred = await client.post(
        f"{base}/refer", json={"target_uri": "tel:+14155550123"}, headers=headers
    )
    assert referred.status == 200
    assert (await client.post(f"{base}/hangup", headers=headers)).status == 200
    late = await client.post(f"{base}/accept", json={"type": "realtime"}, headers=headers)
    assert "status 'ended'" in (await _error(late, 409))["message"]
    for action in ("hangup", "reject"):
        refused = await client.post(f"{base}/{action}", headers=headers)
        await _error(refused, 409)
    # Another session does not see the call.
    elsewhere = await client.post(f"{base}/hangup", headers=AUTH)
    assert (await _error(elsewhere, 404))["param"] == "call_id"


async def test_reject_with_a_status_code_then_nothing_more(serve):
    client = await serve()
    call_id = await create_call(client)
    base = f"/v1/realtime/calls/{call_id}"
    rejected = await client.post(f"{base}/reject", json={"status_code": 486}, headers=AUTH)
    assert rejected.status == 200
    await _error(
        await client.post(f"{base}/refer", json={"target_uri": "tel:1"}, headers=AUTH), 409
    )


async def test_bad_bodies_are_the_real_400s(serve):
    client = await serve()
    base = f"/v1/realtime/calls/{await create_call(client)}"
    missing = await client.post(f"{base}/refer", json={}, headers=AUTH)
    assert (await _error(missing, 400))["param"] == "target_uri"
    wrong = await client.post(f"{base}/reject", json={"status_code": "busy"}, headers=AUTH)
    assert (await _error(wrong, 400))["param"] == "status_code"
    untyped = await client.post(f"{base}/accept", json={"model": "gpt-realtime"}, headers=AUTH)
    assert (await _error(untyped, 400))["param"] == "type"


async def test_an_unknown_call_is_a_404_but_lenient_answers_it(serve):
    strict = await serve()
    response = await strict.post("/v1/realtime/calls/rtc_u1_nope/hangup", headers=AUTH)
    assert (await _error(response, 404))["param"] == "call_id"
    lenient = await serve(lenient=True)
    accepted = await lenient.post(
        "/v1/realtime/calls/rtc_u1_nope/accept", json={"type": "realtime"}, headers=AUTH
    )
    assert accepted.status == 200


# -- the official SDK ----------------------------------------------------------------------------


@pytest.fixture
def sdk(mockai):
    return mockai.client(max_retries=0, _strict_response_validation=True)


def test_the_sdk_creates_client_secrets(sdk):
    made = sdk.realtime.client_secrets.create(
        expires_after={"anchor": "created_at", "seconds": 120},
        session={"type": "realtime", "model": "gpt-realtime", "output_modalities": ["text"]},
    )
    assert EK.match(made.value)
    assert made.session.type == "realtime"
    assert made.session.output_modalities == ["text"]
    validate_schema(
        "RealtimeCreateClientSecretResponse", made.model_dump(mode="json", exclude_unset=True)
    )
    transcription = sdk.realtime.client_secrets.create(session={"type": "transcription"})
    assert transcription.session.type == "transcription"


def test_the_sdk_runs_a_calls_lifecycle(sdk):
    answer = sdk.realtime.calls.with_raw_response.create(
        sdp=OFFER, session={"type": "realtime", "model": "gpt-realtime"}
    )
    assert answer.status_code == 201
    call_id = answer.headers["location"].rpartition("/")[2]
    assert answer.http_response.content.startswith(b"v=0")
    sdk.realtime.calls.accept(call_id, type="realtime", model="gpt-realtime", instructions="Hi")
    sdk.realtime.calls.refer(call_id, target_uri="tel:+14155550123")
    sdk.realtime.calls.hangup(call_id)
    with pytest.raises(openai.ConflictError):
        sdk.realtime.calls.accept(call_id, type="realtime")
    with pytest.raises(openai.NotFoundError):
        sdk.realtime.calls.hangup("rtc_u1_never")


def test_the_sdk_rejects_a_call(sdk):
    answer = sdk.realtime.calls.with_raw_response.create(sdp=OFFER)
    call_id = answer.headers["location"].rpartition("/")[2]
    sdk.realtime.calls.reject(call_id, status_code=486)
    with pytest.raises(openai.ConflictError):
        sdk.realtime.calls.hangup(call_id)
