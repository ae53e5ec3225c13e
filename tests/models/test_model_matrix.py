"""Every model id of the OpenAPI description and the SDK, on each text endpoint (and every
audio and moderation model on the audio and moderation routes), through the official SDK: the
endpoints its catalog entry says serve it answer (bodies validated against the description);
the others refuse with the real API's status, text and code."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import openai
import pytest
from media import wav
from model_ids import sdk_model_ids, spec_model_ids
from openapi import validate_response

from mockai.models import BUILTIN, Model

CATALOG = {m.id: m for m in BUILTIN}
IDS = sorted(spec_model_ids() | sdk_model_ids())
HI = [{"role": "user", "content": "hi"}]


def _chat(client: openai.OpenAI, model: Model):
    audio = (
        {"modalities": ["text", "audio"], "audio": {"voice": "alloy", "format": "wav"}}
        if model.audio_required
        else {}
    )
    return client.chat.completions.with_raw_response.create(model=model.id, messages=HI, **audio)


# endpoint name -> (path, one cheap request through the SDK)
CALLS: dict[str, tuple[str, Callable[[openai.OpenAI, Model], Any]]] = {
    "chat.completions": ("/v1/chat/completions", _chat),
    "responses": (
        "/v1/responses",
        lambda c, m: c.responses.with_raw_response.create(model=m.id, input="hi"),
    ),
    "completions": (
        "/v1/completions",
        lambda c, m: c.completions.with_raw_response.create(model=m.id, prompt="hi", max_tokens=1),
    ),
    "embeddings": (
        "/v1/embeddings",
        lambda c, m: c.embeddings.with_raw_response.create(
            model=m.id, input="hi", encoding_format="float"
        ),
    ),
}


def _refusal(model: Model, endpoint: str) -> tuple[type, str, str | None]:
    """The real API's refusal: exception class, message, code."""
    if endpoint == "chat.completions":
        if "responses" in model.served_by:
            return (
                openai.NotFoundError,
                "This model is only supported in v1/responses and not in v1/chat/completions.",
                None,
            )
        return (
            openai.NotFoundError,
            "This is not a chat model and thus not supported in the "
            "v1/chat/completions endpoint. Did you mean to use v1/completions?",
            None,
        )
    if endpoint == "responses":
        return (
            openai.BadRequestError,
            f"The requested model '{model.id}' is not supported with the Responses API.",
            "model_not_found",
        )
    if endpoint == "completions":
        text = (
            (
                "This is a chat model and not supported in the v1/completions endpoint. Did you "
                "mean to use v1/chat/completions?"
            )
            if model.kind == "chat"
            else "This model is not supported in the v1/completions endpoint."
        )
        return openai.NotFoundError, text, None
    return (
        openai.PermissionDeniedError,
        "You are not allowed to generate embeddings from this model",
        None,
    )


@pytest.mark.parametrize("model_id", IDS)
def test_every_model_answers_where_served_and_is_refused_elsewhere(mockai, model_id):
    model = CATALOG[model_id]
    client = mockai.client(max_retries=0)
    for endpoint, (path, call) in CALLS.items():
        if endpoint in model.served_by:
            raw = call(client, model)
            assert raw.status_code == 200, (endpoint, raw.text)
            body = raw.http_response.json()
            validate_response("POST", path, 200, body)
            assert body["model"].startswith(model.served_as), (endpoint, body["model"])
            continue
        exception, message, code = _refusal(model, endpoint)
        with pytest.raises(exception) as refused:
            call(client, model)
        error = refused.value
        validate_response("POST", path, error.status_code, error.response.json())
        assert (endpoint, error.body["message"], error.code) == (endpoint, message, code)
        if exception is not openai.PermissionDeniedError:
            assert error.param == "model"


@pytest.mark.parametrize(
    "model_id, endpoint, exception, served",
    [
        ("gpt-5.6-luna", "chat.completions", None, True),  # the Agents SDK's default model
        ("gpt-5.5", "responses", None, True),
        ("o3-pro", "chat.completions", openai.NotFoundError, False),  # ResponsesOnlyModel
        ("computer-use-preview", "chat.completions", openai.NotFoundError, False),
        ("gpt-4o-search-preview", "responses", openai.BadRequestError, False),  # Laisky/one-api#88
        ("o1-mini", "responses", openai.BadRequestError, False),  # CherryHQ/cherry-studio#6170
        ("gpt-4o", "completions", openai.NotFoundError, False),
        ("gpt-3.5-turbo-instruct", "chat.completions", openai.NotFoundError, False),
        ("text-embedding-3-small", "chat.completions", openai.NotFoundError, False),
        ("gpt-5.4", "embeddings", openai.PermissionDeniedError, False),
    ],
)
def test_reported_cases_of_the_real_api(mockai, model_id, endpoint, exception, served):
    """Cases clients reported against production, independent of the catalog's data."""
    call = CALLS[endpoint][1]
    client = mockai.client(max_retries=0)
    if served:
        assert call(client, CATALOG[model_id]).status_code == 200
        return
    with pytest.raises(exception):
        call(client, CATALOG[model_id])


# endpoint name -> one cheap request through the SDK (media and moderation endpoints)
MEDIA: dict[str, Callable[[openai.OpenAI, str], Any]] = {
    "images": lambda c, m: c.images.with_raw_response.generate(model=m, prompt="a cat"),
    "audio.speech": lambda c, m: c.audio.speech.with_raw_response.create(
        model=m, voice="alloy", input="hi"
    ),
    "audio.transcriptions": lambda c, m: c.audio.transcriptions.with_raw_response.create(
        model=m, file=("a.wav", wav(0.1, rate=8000))
    ),
    "audio.translations": lambda c, m: c.audio.translations.with_raw_response.create(
        model=m, file=("a.wav", wav(0.1, rate=8000))
    ),
    "moderations": lambda c, m: c.moderations.with_raw_response.create(model=m, input="hi"),
}
MEDIA_MODELS = [(m.id, e) for m in BUILTIN for e in MEDIA if e in m.served_by]
# The audio and moderation services' routes, and every model id of those kinds.
SERVICE_PATHS = {
    "audio.speech": "/v1/audio/speech",
    "audio.transcriptions": "/v1/audio/transcriptions",
    "audio.translations": "/v1/audio/translations",
    "moderations": "/v1/moderations",
}
SERVICE_MODELS = sorted(m.id for m in BUILTIN if m.kind in ("audio", "moderation"))


@pytest.mark.filterwarnings("ignore:deprecated:DeprecationWarning")  # translations
@pytest.mark.parametrize("model_id, endpoint", MEDIA_MODELS)
def test_media_and_moderation_models_answer_on_their_endpoint(mockai, model_id, endpoint):
    assert MEDIA[endpoint](mockai.client(max_retries=0), model_id).status_code == 200


@pytest.mark.parametrize(
    "endpoint, exception",
    [
        ("images", openai.BadRequestError),
        ("audio.speech", openai.NotFoundError),
        ("audio.transcriptions", openai.NotFoundError),
        ("moderations", openai.NotFoundError),
    ],
)
def test_a_chat_model_is_refused_on_media_and_moderation_endpoints(mockai, endpoint, exception):
    with pytest.raises(exception):
        MEDIA[endpoint](mockai.client(max_retries=0), "gpt-5.5")


@pytest.mark.filterwarnings("ignore:deprecated:DeprecationWarning")  # translations
@pytest.mark.parametrize("model_id", SERVICE_MODELS)
def test_every_audio_and_moderation_model_on_each_service_route(mockai, model_id):
    """Served where the catalog says (JSON bodies validated), else the services' 404: they
    answer a model they do not serve as one that does not exist (a realtime-only transcription
    model such as gpt-live-transcribe included)."""
    model = CATALOG[model_id]
    client = mockai.client(max_retries=0)
    for endpoint, path in SERVICE_PATHS.items():
        if endpoint in model.served_by:
            raw = MEDIA[endpoint](client, model_id)
            assert raw.status_code == 200, (endpoint, raw.text)
            if raw.headers["content-type"].startswith("application/json"):
                validate_response("POST", path, 200, raw.http_response.json())
            continue
        with pytest.raises(openai.NotFoundError) as refused:
            MEDIA[endpoint](client, model_id)
        validate_response("POST", path, 404, refused.value.response.json())
        assert (endpoint, refused.value.body) == (
            endpoint,
            {
                "message": f"The model `{model_id}` does not exist or you do not have access to it.",
                "type": "invalid_request_error",
                "param": None,
                "code": "model_not_found",
            },
        )


@pytest.mark.filterwarnings("ignore:deprecated:DeprecationWarning")  # translations
def test_a_configured_model_based_on_whisper_transcribes_in_every_format(mockai_factory):
    """The services read the catalog's facts, not a list of names: a config model based on
    whisper-1 is served where whisper-1 is, with whisper-1's formats."""
    session = mockai_factory(models=[{"id": "house-stt", "base": "whisper-1"}])
    client = session.client(max_retries=0)
    srt = client.audio.transcriptions.create(
        model="house-stt", file=("a.wav", wav(0.1, rate=8000)), response_format="srt"
    )
    assert "-->" in srt
    assert (
        client.audio.translations.with_raw_response.create(
            model="house-stt", file=("a.wav", wav(0.1, rate=8000))
        ).status_code
        == 200
    )
    with pytest.raises(openai.NotFoundError):
        client.audio.speech.create(model="house-stt", voice="alloy", input="hi")
