"""Custom voices and voice consents over raw HTTP and the official SDK: the consent's life
(upload, list, retrieve, rename, delete), a voice made from a sample and a consent, then
spoken by `/v1/audio/speech`; the upload checks (form, size, format, duration, language), the
voice limit, unknown ids, scenarios, sessions, reset and `--lenient`. Every body is validated
against the description."""

from __future__ import annotations

import io
import json
import re
import time

import openai
import pytest
from aiohttp import FormData
from files_support import session_headers
from helpers import AUTH, api_json
from media import wav
from openapi import validate_response
from responses_support import check_sdk

from mockai import speech
from mockai.endpoints.voices import handlers
from mockai.toolkit.voices import spoken_as

CONSENT_ID = re.compile(r"^cons_[0-9a-f]{32}$")
VOICE_ID = re.compile(r"^voice_[0-9a-f]{32}$")
CONSENTS = "/v1/audio/voice_consents"
VOICES = "/v1/audio/voices"


async def ok(response) -> dict:
    assert response.status == 200, await response.text()
    return await api_json(response)


async def error_of(response, status: int) -> dict:
    assert response.status == status, await response.text()
    return (await api_json(response))["error"]


def form(file: str | None, data: bytes = b"", filename: str = "rec.wav", **fields: str) -> FormData:
    sent = FormData(default_to_multipart=True)
    for key, value in fields.items():
        sent.add_field(key, value)
    if file is not None:
        sent.add_field(file, data, filename=filename, content_type="audio/wav")
    return sent


def upload_consent(client, headers=AUTH, data: bytes | None = None, **fields: str):
    fields = {"name": "John Doe", "language": "en-US", **fields}
    return client.post(
        CONSENTS,
        data=form("recording", wav(3) if data is None else data, **fields),
        headers=headers,
    )


def upload_voice(client, consent: str, headers=AUTH, data: bytes | None = None, **fields: str):
    fields = {"name": "My voice", "consent": consent, **fields}
    return client.post(
        VOICES,
        data=form("audio_sample", wav(5) if data is None else data, **fields),
        headers=headers,
    )


async def test_a_consents_life(serve):
    client = await serve()
    made = await ok(await upload_consent(client))
    assert CONSENT_ID.match(made["id"])
    assert (made["object"], made["name"], made["language"]) == (
        "audio.voice_consent",
        "John Doe",
        "en-US",
    )
    assert abs(made["created_at"] - time.time()) < 5
    other = await ok(await upload_consent(client, name="Jane Roe", language="fr"))
    listed = await ok(await client.get(CONSENTS, headers=AUTH))
    assert [c["id"] for c in listed["data"]] == [other["id"], made["id"]]
    assert (listed["first_id"], listed["last_id"], listed["has_more"]) == (
        other["id"],
        made["id"],
        False,
    )
    first = await ok(await client.get(CONSENTS, params={"limit": "1"}, headers=AUTH))
    assert [c["id"] for c in first["data"]] == [other["id"]] and first["has_more"]
    after = await ok(await client.get(CONSENTS, params={"after": other["id"]}, headers=AUTH))
    assert [c["id"] for c in after["data"]] == [made["id"]]
    path = f"{CONSENTS}/{made['id']}"
    assert await ok(await client.get(path, headers=AUTH)) == made
    renamed = await ok(await client.post(path, json={"name": "J. Doe"}, headers=AUTH))
    assert renamed == {**made, "name": "J. Doe"}
    assert (await ok(await client.get(path, headers=AUTH)))["name"] == "J. Doe"
    deleted = await ok(await client.delete(path, headers=AUTH))
    assert deleted == {"id": made["id"], "object": "audio.voice_consent", "deleted": True}
    for method in ("get", "delete"):
        error = await error_of(await getattr(client, method)(path, headers=AUTH), 404)
        assert error["message"] == f"Voice consent with id '{made['id']}' not found."
        assert (error["type"], error["param"]) == ("invalid_request_error", "consent_id")
    update = await client.post(path, json={"name": "x"}, headers=AUTH)
    assert (await error_of(update, 404))["param"] == "consent_id"


async def test_update_checks_its_body(serve):
    client = await serve()
    path = f"{CONSENTS}/{(await ok(await upload_consent(client)))['id']}"
    missing = await error_of(await client.post(path, json={}, headers=AUTH), 400)
    assert (missing["message"], missing["param"]) == ("Missing required parameter: 'name'.", "name")
    typed = await error_of(await client.post(path, json={"name": 3}, headers=AUTH), 400)
    assert (typed["param"], typed["code"]) == ("name", "invalid_type")
    extra = await client.post(path, json={"name": "x", "language": "de"}, headers=AUTH)
    assert (await error_of(extra, 400))["code"] == "unknown_parameter"


async def test_a_voice_from_a_consent_is_spoken_by_the_speech_route(serve):
    client = await serve()
    consent = await ok(await upload_consent(client))
    voice = await ok(await upload_voice(client, consent["id"], type="audio_sample"))
    assert VOICE_ID.match(voice["id"])
    assert (voice["object"], voice["name"], voice["type"]) == (
        "audio.voice",
        "My voice",
        "audio_sample",
    )
    body = {"model": "gpt-4o-mini-tts", "input": "Hello there.", "response_format": "wav"}
    spoken = await client.post(
        "/v1/audio/speech", json={**body, "voice": {"id": voice["id"]}}, headers=AUTH
    )
    assert spoken.status == 200 and spoken.content_type == "audio/wav"
    data = await spoken.read()
    built_in = await client.post(
        "/v1/audio/speech", json={**body, "voice": spoken_as(voice["id"])}, headers=AUTH
    )
    assert data == await built_in.read()  # spoken with the built-in voice its id picks
    again = await client.post(
        "/v1/audio/speech", json={**body, "voice": {"id": voice["id"]}}, headers=AUTH
    )
    assert await again.read() == data


async def test_speech_refuses_a_voice_never_made(serve):
    client = await serve()
    body = {"model": "gpt-4o-mini-tts", "input": "Hi.", "voice": {"id": "voice_nope"}}
    error = await error_of(await client.post("/v1/audio/speech", json=body, headers=AUTH), 404)
    assert (error["message"], error["param"]) == ("Voice with id 'voice_nope' not found.", "voice")


async def test_a_voice_needs_a_consent_of_the_session(serve):
    client = await serve()
    error = await error_of(await upload_voice(client, "cons_never"), 404)
    assert (error["message"], error["param"]) == (
        "Voice consent with id 'cons_never' not found.",
        "consent",
    )
    mine, theirs = session_headers(), session_headers()
    consent = await ok(await upload_consent(client, mine))
    assert (await error_of(await upload_voice(client, consent["id"], theirs), 404))[
        "param"
    ] == "consent"
    await ok(await upload_voice(client, consent["id"], mine))


@pytest.mark.parametrize(
    "send, param, code, words",
    [
        (
            {"name": None},
            "name",
            "missing_required_parameter",
            "Missing required parameter: 'name'.",
        ),
        ({"language": None}, "language", "missing_required_parameter", "'language'"),
        ({"recording": None}, "recording", "missing_required_parameter", "'recording'"),
        ({"extra": "1"}, "extra", "unknown_parameter", "Unknown parameter"),
        ({"language": "english!"}, "language", "invalid_value", "BCP 47"),
        ({"data": b"not audio at all"}, "recording", "invalid_value", "Invalid file format"),
        ({"data": wav(0.4)}, "recording", "invalid_value", "too short (0.4 seconds)"),
    ],
)
async def test_consent_upload_checks(serve, send, param, code, words):
    client = await serve()
    fields = {"name": "John", "language": "en-US", "extra": None, **send}
    sent = FormData(default_to_multipart=True)
    for key in ("name", "language", "extra"):
        if fields[key] is not None:
            sent.add_field(key, fields[key])
    if "recording" not in send:
        sent.add_field("recording", send.get("data", wav(2)), filename="r.wav")
    error = await error_of(await client.post(CONSENTS, data=sent, headers=AUTH), 400)
    assert (error["param"], error["code"]) == (param, code) and words in error["message"]


@pytest.mark.parametrize("fmt", ["mp3", "opus", "aac", "flac", "wav"])
async def test_compressed_recordings_are_measured(serve, fmt):
    client = await serve()
    data = speech.encode(speech.speak("One two three four five six seven.", "alloy", 1), fmt)
    consent = await ok(await upload_consent(client, data=data))
    await ok(await upload_voice(client, consent["id"], data=data))


async def test_voice_upload_checks(serve):
    client = await serve()
    consent = (await ok(await upload_consent(client)))["id"]
    long = await error_of(await upload_voice(client, consent, data=wav(31, rate=8000)), 400)
    assert long["param"] == "audio_sample"
    assert long["message"] == (
        "The audio in 'audio_sample' is too long (31.0 seconds). It must be at most 30 seconds long."
    )
    await ok(await upload_voice(client, consent, data=wav(29, rate=8000)))
    wrong = await error_of(await upload_voice(client, consent, data=b"%PDF-1.4"), 400)
    assert (wrong["param"], wrong["code"]) == ("audio_sample", "invalid_value")
    as_text = FormData(default_to_multipart=True)
    for key, value in (("name", "v"), ("consent", consent), ("audio_sample", "words")):
        as_text.add_field(key, value)
    error = await error_of(await client.post(VOICES, data=as_text, headers=AUTH), 400)
    assert (error["param"], error["code"]) == ("audio_sample", "invalid_type")
    no_consent = await error_of(
        await client.post(VOICES, data=form("audio_sample", wav(2), name="v"), headers=AUTH), 400
    )
    assert no_consent["message"] == "Missing required parameter: 'consent'."
    prompt = await error_of(await upload_voice(client, consent, type="prompt"), 400)
    assert prompt["param"] == "type"
    as_json = await client.post(VOICES, json={"name": "v", "type": "prompt"}, headers=AUTH)
    assert "expected multipart/form-data" in (await error_of(as_json, 400))["message"]
    huge = bytes(10 * 1024 * 1024 + 1)
    error = await error_of(await upload_voice(client, consent, data=huge), 400)
    assert error["param"] == "audio_sample" and "10 MiB" in error["message"]


async def test_a_session_makes_at_most_the_voice_limit(serve, monkeypatch):
    monkeypatch.setattr(handlers, "MAX_VOICES", 2)
    client = await serve()
    consent = (await ok(await upload_consent(client)))["id"]
    for _ in range(2):
        await ok(await upload_voice(client, consent))
    error = await error_of(await upload_voice(client, consent), 400)
    assert "maximum number of custom voices" in error["message"]
    other = session_headers()
    await ok(
        await upload_voice(client, (await ok(await upload_consent(client, other)))["id"], other)
    )


async def test_consents_and_voices_are_per_session_and_gone_after_reset(serve):
    client = await serve()
    mine, theirs = session_headers(), session_headers()
    consent = await ok(await upload_consent(client, mine))
    voice = await ok(await upload_voice(client, consent["id"], mine))
    path = f"{CONSENTS}/{consent['id']}"
    assert await error_of(await client.get(path, headers=theirs), 404)
    assert (await ok(await client.get(CONSENTS, headers=theirs)))["data"] == []
    speak = {"model": "gpt-4o-mini-tts", "input": "Hi.", "voice": {"id": voice["id"]}}
    assert (await client.post("/v1/audio/speech", json=speak, headers=theirs)).status == 404
    reset = await client.post(f"/_mockai/reset?session={mine['X-Mockai-Session']}")
    assert reset.status == 200
    assert await error_of(await client.get(path, headers=mine), 404)
    assert (await client.post("/v1/audio/speech", json=speak, headers=mine)).status == 404


async def test_scenarios_script_errors_latency_and_literal_bodies(serve):
    literal = {
        "object": "list",
        "data": [
            {
                "object": "audio.voice_consent",
                "id": "cons_scripted",
                "name": "Scripted",
                "language": "en-US",
                "created_at": 1,
            }
        ],
        "first_id": "cons_scripted",
        "last_id": "cons_scripted",
        "has_more": False,
    }
    client = await serve(
        [
            {
                "name": "literal-list",
                "match": {"endpoint": "audio.voice_consents", "headers": {"x-test": "literal"}},
                "replies": [{"latency_ms": 150, "body": literal}],
            },
            {
                "name": "refuse-samples",
                "match": {"endpoint": "audio.voices", "file_name": "*.wav"},
                "reply": {"error": 503},
            },
        ]
    )
    started = time.monotonic()
    listed = await ok(await client.get(CONSENTS, headers={**AUTH, "x-test": "literal"}))
    assert listed == literal and time.monotonic() - started >= 0.15
    consent = await ok(await upload_consent(client))  # no scenario names this call
    assert (await ok(await client.get(CONSENTS, headers=AUTH)))["data"] == [consent]
    refused = await error_of(await upload_voice(client, consent["id"]), 503)
    assert refused["type"] == "server_error"
    sample = form("audio_sample", wav(2), filename="sample.mp3", name="v", consent=consent["id"])
    await ok(await client.post(VOICES, data=sample, headers=AUTH))


async def test_lenient_takes_any_file_language_and_id(serve):
    client = await serve(lenient=True)
    junk = await ok(await upload_consent(client, data=b"Example data", language="language"))
    assert junk["language"] == "language"
    stand_in = await ok(await client.get(f"{CONSENTS}/cons_never", headers=AUTH))
    assert (stand_in["id"], stand_in["object"]) == ("cons_never", "audio.voice_consent")
    voice = await ok(await upload_voice(client, "cons_other", data=b"Example data"))
    assert voice["type"] == "audio_sample"
    body = {"model": "gpt-4o-mini-tts", "input": "Hi.", "voice": {"id": "voice_any"}}
    assert (await client.post("/v1/audio/speech", json=body, headers=AUTH)).status == 200


def test_the_sdk_manages_consents_and_voices_and_speaks_with_one(mockai):
    client = mockai.client()
    raw = client.audio.voice_consents.with_raw_response.create(
        name="John Doe", language="en-US", recording=("consent.wav", wav(3), "audio/wav")
    )
    validate_response("POST", CONSENTS, 200, raw.http_response.json())
    consent = raw.parse()
    assert CONSENT_ID.match(consent.id) and consent.object == "audio.voice_consent"
    check_sdk(client.audio.voice_consents.retrieve(consent.id), "VoiceConsentResource")
    assert [c.id for c in client.audio.voice_consents.list()] == [consent.id]
    renamed = client.audio.voice_consents.update(consent.id, name="J. Doe")
    assert check_sdk(renamed, "VoiceConsentResource")["name"] == "J. Doe"
    voice = client.audio.voices.create(
        name="Narrator", consent=consent.id, audio_sample=io.BytesIO(wav(5))
    )
    assert check_sdk(voice, "VoiceResource")["type"] == "audio_sample"
    audio = client.audio.speech.create(
        model="gpt-4o-mini-tts", input="Hello there.", voice={"id": voice.id}, response_format="wav"
    )
    assert audio.content[:4] == b"RIFF" and len(audio.content) > 24_000
    deleted = client.audio.voice_consents.delete(consent.id)
    assert (deleted.id, deleted.deleted) == (consent.id, True)
    with pytest.raises(openai.NotFoundError) as caught:
        client.audio.voice_consents.retrieve(consent.id)
    assert caught.value.body["param"] == "consent_id"
    with pytest.raises(openai.NotFoundError):
        client.audio.speech.create(model="gpt-4o-mini-tts", input="Hi.", voice={"id": "voice_x"})
    assert json.loads(json.dumps(deleted.model_dump())) == {
        "id": consent.id,
        "object": "audio.voice_consent",
        "deleted": True,
    }
