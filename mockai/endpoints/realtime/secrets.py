"""The handlers that mint ephemeral keys: `POST /v1/realtime/client_secrets` (and its
translation twin), and the beta routes `POST /v1/realtime/sessions` and
`/realtime/transcription_sessions`, whose answer carries its key as `client_secret`."""

from __future__ import annotations

import time
from typing import Any, TypeVar

from aiohttp import web
from pydantic import BaseModel

from mockai.endpoints.realtime import sessions
from mockai.endpoints.realtime.request import (
    BetaSession,
    BetaTranscriptionSession,
    CreateClientSecret,
    CreateTranslationClientSecret,
    ExpiresAfter,
    RealtimeSessionConfig,
    check_session_type,
)
from mockai.ephemeral import DEFAULT_TTL_S, ClientSecret
from mockai.errors import invalid_request
from mockai.models.capabilities import check_endpoint
from mockai.toolkit.http import json_response, lenient_check, read_json, spec_check
from mockai.toolkit.scripted import answer_if_targeted
from mockai.toolkit.state import exchange_of, state_of
from mockai.validation import validate

M = TypeVar("M", bound=BaseModel)
# The beta session tokens "expire after one minute" (the SDKs' `ClientSecret.expires_at`).
BETA_TTL_S = 60


async def read(request: web.Request, model: type[M], *, described: bool = True) -> M:
    """The body as `model`, then (`described`) checked against the description's schema for
    what the model leaves open (tools, tracing, turn detection...), in the default mode."""
    body = await read_json(request)
    lenient = state_of(request).settings.lenient
    req = validate(
        model, body, unknown_parameter=True, lenient=lenient, spec_check=lenient_check(request)
    )
    if described and not lenient:
        spec_check(request)(body)
    return req


def served_model(request: web.Request, name: str | None) -> str:
    """The Realtime model asked for (`gpt-realtime` by default), or the real API's refusal of
    an unknown model or one the Realtime API does not serve."""
    name = name or sessions.DEFAULT_MODEL
    state = state_of(request)
    check_endpoint(state.models.resolve(name, lenient=state.settings.lenient), "realtime")
    return name


def realtime_session(request: web.Request, config: RealtimeSessionConfig) -> dict[str, Any]:
    return sessions.realtime_session(config, served_model(request, config.model))


def _issue(request: web.Request, ttl: int, session: dict[str, Any]) -> ClientSecret:
    return state_of(request).ephemeral.issue(
        exchange_of(request).session, int(time.time()) + ttl, session
    )


def _answer(secret: ClientSecret) -> web.Response:
    return json_response(
        {"value": secret.value, "expires_at": secret.expires_at, "session": secret.config}
    )


def _ttl(expires_after: ExpiresAfter | None) -> int:
    if expires_after is None or expires_after.seconds is None:
        return DEFAULT_TTL_S
    return expires_after.seconds


async def create_client_secret(request: web.Request) -> web.Response:
    if not state_of(request).settings.lenient:
        check_session_type(await read_json(request))
    req = await read(request, CreateClientSecret)
    await answer_if_targeted(request, "realtime.client_secrets", req.model_dump())
    config = req.session or RealtimeSessionConfig(type="realtime")
    if isinstance(config, RealtimeSessionConfig):
        session = realtime_session(request, config)
    else:
        session = sessions.transcription_session(config)
    return _answer(_issue(request, _ttl(req.expires_after), session))


async def create_translation_client_secret(request: web.Request) -> web.Response:
    req = await read(request, CreateTranslationClientSecret)
    await answer_if_targeted(request, "realtime.client_secrets", req.model_dump())
    ttl = _ttl(req.expires_after)
    session = sessions.translation_session(req.session, int(time.time()) + ttl)
    return _answer(_issue(request, ttl, session))


def _beta_format(value: str | None, param: str) -> None:
    """The beta formats are plain strings in the description; the real API takes three."""
    if value is not None and value not in sessions.BETA_FORMATS:
        raise invalid_request(
            f"Invalid value: '{value}'. Supported values are: 'pcm16', 'g711_ulaw', and "
            "'g711_alaw'.",
            param,
            "invalid_value",
        )


async def create_session(request: web.Request) -> web.Response:
    # The description's schema for this body requires the answer's `client_secret` (see
    # request.BetaSession): it is not checked against the description.
    req = await read(request, BetaSession, described=False)
    if not state_of(request).settings.lenient:
        _beta_format(req.input_audio_format, "input_audio_format")
        _beta_format(req.output_audio_format, "output_audio_format")
    await answer_if_targeted(request, "realtime.sessions", req.model_dump())
    session = sessions.beta_session(req, served_model(request, req.model))
    secret = _issue(request, BETA_TTL_S, session)
    return json_response(
        {**session, "client_secret": {"value": secret.value, "expires_at": secret.expires_at}}
    )


async def create_transcription_session(request: web.Request) -> web.Response:
    req = await read(request, BetaTranscriptionSession)
    await answer_if_targeted(request, "realtime.transcription_sessions", req.model_dump())
    session = sessions.beta_transcription_session(req)
    secret = _issue(request, BETA_TTL_S, session)
    return json_response(
        {**session, "client_secret": {"value": secret.value, "expires_at": secret.expires_at}}
    )
