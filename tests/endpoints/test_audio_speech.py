"""`POST /v1/audio/speech`: every format really decodes, duration follows the text, the
same request gives the same bytes, the gpt-4o-mini-tts SSE stream, and the validation errors
in the audio service's own pydantic wording. Error and event bodies are checked against the
spec (audio bodies are binary: they are checked by decoding them)."""

from __future__ import annotations

import base64
import io
import json
import wave

import av
import pytest
from helpers import AUTH, api_json
from openapi import parse_sse, validate_schema

SENTENCE = "The quick brown fox jumped over the lazy dog."


async def speak(client, **body):
    payload = {"model": "tts-1", "voice": "alloy", "input": SENTENCE, **body}
    return await client.post("/v1/audio/speech", data=json.dumps(payload), headers=AUTH)


def wav_seconds(data: bytes) -> float:
    with wave.open(io.BytesIO(data)) as reader:
        assert reader.getnchannels() == 1 and reader.getsampwidth() == 2
        assert reader.getframerate() == 24000
        return len(reader.readframes(reader.getnframes())) / 2 / 24000


def decoded_seconds(data: bytes) -> tuple[str, float]:
    with av.open(io.BytesIO(data)) as container:
        stream = container.streams.audio[0]
        samples = sum(frame.samples for frame in container.decode(audio=0))
        return stream.codec_context.name, samples / stream.codec_context.sample_rate


async def test_wav_is_24khz_mono_with_streamed_header(serve):
    client = await serve()
    response = await speak(client, response_format="wav")
    assert response.status == 200
    assert response.headers["Content-Type"] == "audio/wav"
    assert response.headers["Transfer-Encoding"] == "chunked"
    assert response.headers["x-request-id"].startswith("req_")
    data = await response.read()
    assert data[:4] == b"RIFF" and data[4:8] == b"\xff\xff\xff\xff" and data[8:12] == b"WAVE"
    assert 2.0 < wav_seconds(data) < 8.0


@pytest.mark.parametrize(
    "fmt, content_type, magic, codec",
    [
        ("mp3", "audio/mpeg", b"ID3", "mp3"),
        ("opus", "audio/opus", b"OggS", "opus"),
        ("aac", "audio/aac", b"\xff\xf1", "aac"),
        ("flac", "audio/flac", b"fLaC", "flac"),
    ],
)
async def test_compressed_formats_decode(serve, fmt, content_type, magic, codec):
    client = await serve()
    response = await speak(client, response_format=fmt)
    assert response.status == 200
    assert response.headers["Content-Type"] == content_type
    data = await response.read()
    assert data.startswith(magic)
    name, seconds = decoded_seconds(data)
    assert name.startswith(codec)
    reference = wav_seconds(await (await speak(client, response_format="wav")).read())
    assert abs(seconds - reference) < 0.15


async def test_default_is_mp3_and_pcm_is_raw(serve):
    client = await serve()
    mp3 = await speak(client)
    assert mp3.headers["Content-Type"] == "audio/mpeg"
    pcm = await speak(client, response_format="pcm")
    assert pcm.headers["Content-Type"] == "audio/pcm"
    raw = await pcm.read()
    wav = await (await speak(client, response_format="wav")).read()
    assert wav[44:] == raw  # the same samples, without the header


async def test_duration_grows_with_text_and_shrinks_with_speed(serve):
    client = await serve()

    async def seconds(**body) -> float:
        return wav_seconds(await (await speak(client, response_format="wav", **body)).read())

    short = await seconds()
    longer = await seconds(input=" ".join([SENTENCE] * 6))
    assert longer > 5 * short
    words = len(SENTENCE.split()) * 6
    assert words / 3.5 < longer < words / 2.0  # about 150 words a minute
    fast = await seconds(input=" ".join([SENTENCE] * 6), speed=2.0)
    assert abs(fast - longer / 2) < 0.5


async def test_deterministic_per_input_voice_and_seed(serve):
    client = await serve()
    first = await (await speak(client, response_format="pcm")).read()
    assert first == await (await speak(client, response_format="pcm")).read()
    assert first != await (await speak(client, response_format="pcm", voice="onyx")).read()
    other_seed = await serve(seed=7)
    assert first != await (await speak(other_seed, response_format="pcm")).read()


async def test_sse_stream_for_gpt_4o_mini_tts(serve):
    client = await serve()
    response = await speak(
        client,
        model="gpt-4o-mini-tts",
        voice="marin",
        response_format="pcm",
        stream_format="sse",
        instructions="Speak cheerfully.",
    )
    assert response.status == 200
    assert response.headers["Content-Type"] == "text/event-stream; charset=utf-8"
    events = parse_sse(await response.text())
    for event in events:
        validate_schema("CreateSpeechResponseStreamEvent", event)
    *deltas, done = events
    assert len(deltas) > 1 and all(e["type"] == "speech.audio.delta" for e in deltas)
    audio = b"".join(base64.b64decode(e["audio"]) for e in deltas)
    assert done["type"] == "speech.audio.done"
    usage = done["usage"]
    assert usage["input_tokens"] > 10  # input and instructions
    assert usage["output_tokens"] == pytest.approx(len(audio) / 2 / 24000 * 1250 / 60, abs=1)
    assert usage["total_tokens"] == usage["input_tokens"] + usage["output_tokens"]
    plain = await speak(
        client,
        model="gpt-4o-mini-tts",
        voice="marin",
        response_format="pcm",
        instructions="Speak cheerfully.",
    )
    assert await plain.read() == audio


async def test_tts_1_ignores_sse(serve):
    client = await serve()
    response = await speak(client, stream_format="sse", response_format="wav")
    assert response.status == 200
    assert response.headers["Content-Type"] == "audio/wav"


async def test_custom_voice_object(serve):
    """A custom voice must be one the session made (tests/endpoints/test_voices.py makes
    some); `--lenient` takes any id."""
    client = await serve()
    body = {"model": "gpt-4o-mini-tts", "voice": {"id": "voice_1234"}, "response_format": "wav"}
    unknown = await speak(client, **body)
    assert unknown.status == 404
    assert (await unknown.json())["error"]["param"] == "voice"
    lenient = await serve(lenient=True)
    response = await speak(lenient, **body)
    assert response.status == 200
    assert wav_seconds(await response.read()) > 1


@pytest.mark.parametrize(
    "body, message",
    [
        (
            {"voice": "ballad"},
            "[{'type': 'enum', 'loc': ('body', 'voice'), 'msg': \"Input should be 'nova', 'shimmer', "
            "'echo', 'onyx', 'fable', 'alloy', 'ash', 'sage' or 'coral'\", 'input': 'ballad', 'ctx': "
            "{'expected': \"'nova', 'shimmer', 'echo', 'onyx', 'fable', 'alloy', 'ash', 'sage' or "
            "'coral'\"}}]",
        ),
        (
            {"input": None, "voice": None},
            "[{'type': 'string_type', 'loc': ('body', 'input'), 'msg': 'Input should be a valid "
            "string', 'input': None}, {'type': 'enum', 'loc': ('body', 'voice'), 'msg': \"Input should "
            "be 'nova', 'shimmer', 'echo', 'onyx', 'fable', 'alloy', 'ash', 'sage' or 'coral'\", "
            "'input': None, 'ctx': {'expected': \"'nova', 'shimmer', 'echo', 'onyx', 'fable', 'alloy', "
            "'ash', 'sage' or 'coral'\"}}]",
        ),
    ],
)
async def test_validation_errors_in_pydantic_words(serve, body, message):
    client = await serve()
    response = await speak(client, **body)
    assert response.status == 400
    error = (await api_json(response))["error"]
    assert error == {
        "message": message,
        "type": "invalid_request_error",
        "param": None,
        "code": None,
    }


async def test_missing_input_and_voice(serve):
    """openai/openai-node#1140: absent fields are empty strings that fail their checks."""
    client = await serve()
    response = await client.post(
        "/v1/audio/speech", data=json.dumps({"model": "tts-1"}), headers=AUTH
    )
    assert response.status == 400
    message = (await api_json(response))["error"]["message"]
    assert message.startswith(
        "[{'type': 'string_too_short', 'loc': ('body', 'input'), 'msg': "
        "'String should have at least 1 character', 'input': ''"
    )
    assert "'loc': ('body', 'voice')" in message


@pytest.mark.parametrize(
    "body, fragment",
    [
        ({"input": "x" * 4097}, "'type': 'string_too_long', 'loc': ('body', 'input')"),
        ({"speed": 4.5}, "'type': 'less_than_equal', 'loc': ('body', 'speed')"),
        ({"speed": 0.1}, "'type': 'greater_than_equal', 'loc': ('body', 'speed')"),
        ({"response_format": "ogg"}, "'type': 'enum', 'loc': ('body', 'response_format')"),
        ({"model": "gpt-4o-mini-tts", "voice": "nope"}, "'ballad', 'verse', 'marin' or 'cedar'"),
    ],
)
async def test_field_limits(serve, body, fragment):
    client = await serve()
    response = await speak(client, **body)
    assert response.status == 400
    assert fragment in (await api_json(response))["error"]["message"]


async def test_unknown_model(serve):
    client = await serve()
    response = await speak(client, model="gpt-4o")
    assert response.status == 404
    assert (await api_json(response))["error"]["code"] == "model_not_found"


async def test_scenario_error_and_journal(serve):
    client = await serve(
        [
            {
                "name": "tts-down",
                "match": {"endpoint": "audio.speech", "user": "fox"},
                "replies": [{"error": 503}, {"latency_ms": 1}],
            }
        ]
    )
    failed = await speak(client)
    assert failed.status == 503
    await api_json(failed)
    assert (await speak(client)).status == 200
    journal = await (await client.get("/_mockai/requests")).json()
    assert [e["scenario"] for e in journal["data"]] == ["tts-down", "tts-down"]
    assert journal["data"][0]["body"]["input"] == SENTENCE


def test_sdk_create_and_streaming_response(mockai, tmp_path):
    client = mockai.client()
    audio = client.audio.speech.create(
        model="tts-1-hd", voice="coral", input=SENTENCE, response_format="flac"
    )
    assert audio.content.startswith(b"fLaC")
    target = tmp_path / "speech.wav"
    with client.audio.speech.with_streaming_response.create(
        model="gpt-4o-mini-tts", voice="alloy", input=SENTENCE, response_format="wav"
    ) as response:
        assert response.headers["content-type"] == "audio/wav"
        response.stream_to_file(target)
    assert wav_seconds(target.read_bytes()) > 2
