"""`POST /v1/audio/transcriptions` and `/translations`: every response format, the WAV
duration, timestamp granularities, gpt-4o usage, logprobs and streaming, scenario matching on
file name, model, prompt and language, and the multipart errors. JSON bodies are validated
against the spec (`api_json`, `validate_response`, `validate_schema`)."""

from __future__ import annotations

import io
import math
import re
import struct
import warnings
import wave

import aiohttp
import pytest
from helpers import AUTH, api_json
from openapi import parse_sse, validate_response, validate_schema

TEXT = "The beach was a popular spot on a hot summer day. People were swimming in the ocean."


def wav_file(seconds: float) -> bytes:
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as writer:
        writer.setnchannels(1)
        writer.setsampwidth(2)
        writer.setframerate(16000)
        writer.writeframes(b"\x00\x00" * int(seconds * 16000))
    return buffer.getvalue()


def form(file: bytes | None = None, name: str = "clip.wav", **fields) -> aiohttp.FormData:
    data = aiohttp.FormData()
    for key, value in {"model": "whisper-1", **fields}.items():
        if value is None:
            continue
        for item in value if isinstance(value, list) else [value]:
            data.add_field(key, str(item))
    if file is not None:
        data.add_field("file", file, filename=name, content_type="audio/wav")
    return data


async def transcribe(client, file: bytes | None = None, path: str = "transcriptions", **kw):
    return await client.post(f"/v1/audio/{path}", data=form(file, **kw), headers=AUTH)


SCRIPTED = [
    {
        "name": "beach",
        "match": {"endpoint": "audio.*", "file_name": "*.wav"},
        "reply": {"content": TEXT},
    }
]


async def test_json_with_duration_usage(serve):
    client = await serve(SCRIPTED)
    body = await api_json(await transcribe(client, wav_file(8.4)))
    assert body == {"text": TEXT, "usage": {"type": "duration", "seconds": 9}}


async def test_verbose_json_segments_and_words(serve):
    client = await serve(SCRIPTED)
    response = await transcribe(
        client,
        wav_file(8.47),
        response_format="verbose_json",
        **{"timestamp_granularities[]": ["word", "segment"]},
        language="en",
    )
    body = await response.json()
    validate_response("post", "/v1/audio/transcriptions", 200, body)
    validate_schema("CreateTranscriptionResponseVerboseJson", body)
    assert body["task"] == "transcribe" and body["language"] == "english"
    assert body["duration"] == pytest.approx(8.47, abs=1e-5)
    assert body["text"] == TEXT
    first, second = body["segments"]
    assert first["text"] == " The beach was a popular spot on a hot summer day."
    assert first["start"] == 0.0 and first["end"] == pytest.approx(second["start"], abs=0.03)
    assert second["end"] <= body["duration"]
    assert first["tokens"][0] == 50364 and first["tokens"][-1] == 50364 + round(first["end"] / 0.02)
    words = body["words"]
    assert [w["word"] for w in words][:3] == ["The", "beach", "was"]
    assert all(a["end"] <= b["start"] + 1e-6 for a, b in zip(words, words[1:], strict=False))
    assert body["usage"] == {"type": "duration", "seconds": 9}


async def test_verbose_json_words_only(serve):
    client = await serve(SCRIPTED)
    body = await (
        await transcribe(
            client,
            wav_file(3),
            response_format="verbose_json",
            **{"timestamp_granularities[]": "word"},
        )
    ).json()
    assert "words" in body and "segments" not in body


async def test_text_srt_vtt(serve):
    client = await serve(SCRIPTED)
    text = await transcribe(client, wav_file(8), response_format="text")
    assert text.headers["Content-Type"] == "text/plain; charset=utf-8"
    assert await text.text() == TEXT + "\n"
    srt = await (await transcribe(client, wav_file(8), response_format="srt")).text()
    blocks = srt.split("\n\n")
    assert blocks[0].startswith("1\n00:00:00,000 --> 00:00:0")
    assert re.fullmatch(
        r"2\n\d\d:\d\d:\d\d,\d{3} --> 00:00:08,000\nPeople were swimming in "
        r"the ocean\.",
        blocks[1],
    )
    assert srt.endswith("\n\n")
    vtt = await (await transcribe(client, wav_file(8), response_format="vtt")).text()
    assert vtt.startswith("WEBVTT\n\n00:00:00.000 --> ")
    assert "--> 00:00:08.000\nPeople were swimming in the ocean.\n\n" in vtt


async def test_gpt_4o_json_token_usage_and_logprobs(serve):
    client = await serve(SCRIPTED)
    body = await api_json(
        await transcribe(
            client,
            wav_file(6),
            model="gpt-4o-transcribe",
            prompt="Beach day",
            **{"include[]": "logprobs"},
        )
    )
    usage = body["usage"]
    assert usage["type"] == "tokens"
    assert usage["input_token_details"] == {"text_tokens": 2, "audio_tokens": 100}
    assert usage["input_tokens"] == 102
    assert usage["total_tokens"] == usage["input_tokens"] + usage["output_tokens"]
    assert "".join(p["token"] for p in body["logprobs"]) == TEXT
    assert all(
        p["logprob"] <= 0 and bytes(p["bytes"]).decode() == p["token"] for p in body["logprobs"]
    )


@pytest.mark.parametrize("fmt", ["verbose_json", "srt", "vtt"])
async def test_gpt_4o_refuses_timed_formats(serve, fmt):
    client = await serve()
    response = await transcribe(
        client, wav_file(1), model="gpt-4o-mini-transcribe", response_format=fmt
    )
    assert response.status == 400
    assert (await api_json(response))["error"] == {
        "message": f"response_format '{fmt}' is not compatible with model "
        "'gpt-4o-mini-transcribe'. Use 'json' or 'text' instead.",
        "type": "invalid_request_error",
        "param": "response_format",
        "code": "unsupported_value",
    }


async def test_streamed_transcription(serve):
    client = await serve(SCRIPTED)
    response = await transcribe(
        client, wav_file(5), model="gpt-4o-transcribe", stream="true", **{"include[]": "logprobs"}
    )
    assert response.status == 200
    assert response.headers["Content-Type"] == "text/event-stream; charset=utf-8"
    events = parse_sse(await response.text())
    for event in events:
        validate_schema("CreateTranscriptionResponseStreamEvent", event)
    *deltas, done = events
    assert "".join(e["delta"] for e in deltas) == TEXT and len(deltas) > 5
    assert done["type"] == "transcript.text.done" and done["text"] == TEXT
    assert done["usage"]["type"] == "tokens"
    assert len(done["logprobs"]) == sum(len(e["logprobs"]) for e in deltas)


async def test_whisper_ignores_stream(serve):
    client = await serve(SCRIPTED)
    response = await transcribe(client, wav_file(2), stream="true")
    assert response.headers["Content-Type"] == "application/json"
    assert (await api_json(response))["text"] == TEXT


async def test_scenarios_match_file_name_model_prompt_language(serve):
    client = await serve(
        [
            {
                "name": "french",
                "match": {
                    "endpoint": "audio.transcriptions",
                    "file_name": "*.mp3",
                    "model": "gpt-4o*",
                    "user": "meeting",
                    "language": "fr",
                },
                "reply": {"content": "Bonjour à tous."},
            },
            {"name": "fallback-error", "match": {"file_name": "broken.*"}, "reply": {"error": 500}},
        ]
    )
    matched = await transcribe(
        client,
        b"ID3fake",
        name="call.mp3",
        model="gpt-4o-transcribe",
        prompt="Weekly meeting notes",
        language="fr",
    )
    assert (await api_json(matched))["text"] == "Bonjour à tous."
    other = await transcribe(
        client,
        b"ID3fake",
        name="call.mp3",
        model="gpt-4o-transcribe",
        prompt="Weekly meeting notes",
        language="de",
    )
    assert (await api_json(other))["text"] != "Bonjour à tous."
    failed = await transcribe(client, wav_file(1), name="broken.wav")
    assert failed.status == 500
    await api_json(failed)


async def test_default_text_is_deterministic_and_sized_by_the_wav(serve):
    client = await serve()
    short = (await api_json(await transcribe(client, wav_file(2))))["text"]
    assert short == (await api_json(await transcribe(client, wav_file(2))))["text"]
    long = (await api_json(await transcribe(client, wav_file(40))))["text"]
    assert len(long.split()) > 5 * len(short.split())
    assert 80 <= len(long.split()) <= 130  # ~150 words a minute


async def test_duration_estimated_for_other_formats(serve):
    client = await serve(SCRIPTED)
    body = await (
        await transcribe(client, b"fake mp3 bytes", name="clip.mp3", response_format="verbose_json")
    ).json()
    assert body["text"] != TEXT  # the scenario matches *.wav only
    assert body["duration"] == pytest.approx(len(body["text"].split()) / 2.5, abs=1e-4)


async def test_translations(serve):
    client = await serve(SCRIPTED)
    body = await api_json(await transcribe(client, wav_file(4), path="translations"))
    assert body == {"text": TEXT}
    verbose = await (
        await transcribe(client, wav_file(4), path="translations", response_format="verbose_json")
    ).json()
    validate_schema("CreateTranslationResponseVerboseJson", verbose)
    assert verbose["task"] == "translate" and verbose["language"] == "english"
    assert len(verbose["segments"]) == 2
    refused = await transcribe(client, wav_file(1), path="translations", model="gpt-4o-transcribe")
    assert refused.status == 404
    await api_json(refused)


async def test_bad_multipart(serve):
    client = await serve()
    missing = await transcribe(client, None)
    assert missing.status == 400
    assert (await api_json(missing))["error"]["message"].startswith(
        "[{'type': 'missing', 'loc': ('body', 'file'), 'msg': 'Field required'"
    )
    bad = await transcribe(client, b"hello", name="notes.txt")
    assert bad.status == 400
    assert (await api_json(bad))["error"] == {
        "message": "Invalid file format. Supported formats: ['flac', 'm4a', 'mp3', 'mp4', "
        "'mpeg', 'mpga', 'oga', 'ogg', 'wav', 'webm']",
        "type": "invalid_request_error",
        "param": None,
        "code": None,
    }
    no_model = await client.post(
        "/v1/audio/transcriptions", headers=AUTH, data=form(wav_file(1), model=None)
    )
    assert no_model.status == 400


async def test_file_too_large(serve):
    client = await serve()
    big = b"\x00" * (25 * 1024 * 1024 + 10)
    response = await transcribe(client, big, name="big.wav")
    assert response.status == 413
    error = (await api_json(response))["error"]
    assert re.fullmatch(
        r"Maximum content size limit \(26214400\) exceeded \(\d+ bytes read\)", error["message"]
    )
    assert error["type"] == "server_error"


async def test_journal_records_fields_not_bytes(serve):
    client = await serve()
    await transcribe(
        client,
        wav_file(1),
        prompt="hello",
        **{"timestamp_granularities[]": "word"},
        response_format="verbose_json",
    )
    entry = (await (await client.get("/_mockai/requests")).json())["data"][-1]
    assert entry["body"] == {
        "model": "whisper-1",
        "prompt": "hello",
        "response_format": "verbose_json",
        "timestamp_granularities": ["word"],
        "file": {"filename": "clip.wav", "bytes": len(wav_file(1)), "content_type": "audio/wav"},
    }


def test_sdk_every_format(mockai):
    mockai.add_scenario(SCRIPTED[0])
    client = mockai.client()
    upload = ("speech.wav", wav_file(8.5), "audio/wav")
    result = client.audio.transcriptions.create(model="whisper-1", file=upload)
    validate_response(
        "post", "/v1/audio/transcriptions", 200, result.model_dump(exclude_unset=True)
    )
    assert result.text == TEXT and result.usage.seconds == 9
    verbose = client.audio.transcriptions.create(
        model="whisper-1",
        file=upload,
        response_format="verbose_json",
        timestamp_granularities=["word", "segment"],
    )
    assert verbose.duration == pytest.approx(8.5) and len(verbose.segments) == 2
    assert verbose.words[0].word == "The"
    assert (
        client.audio.transcriptions.create(model="whisper-1", file=upload, response_format="text")
        == TEXT + "\n"
    )
    srt = client.audio.transcriptions.create(model="whisper-1", file=upload, response_format="srt")
    assert srt.startswith("1\n00:00:00,000 --> ")
    vtt = client.audio.transcriptions.create(model="whisper-1", file=upload, response_format="vtt")
    assert vtt.startswith("WEBVTT")
    with warnings.catch_warnings():  # some SDK versions flag translations as deprecated
        warnings.simplefilter("ignore", DeprecationWarning)
        translated = client.audio.translations.create(model="whisper-1", file=upload)
    assert translated.text == TEXT
    stream = client.audio.transcriptions.create(
        model="gpt-4o-mini-transcribe", file=upload, stream=True
    )
    events = list(stream)
    assert "".join(e.delta for e in events if e.type == "transcript.text.delta") == TEXT
    assert events[-1].type == "transcript.text.done"
    assert events[-1].usage.output_tokens > 0
    assert math.isclose(
        events[-1].usage.input_token_details.audio_tokens, math.ceil(8.5 * 1000 / 60)
    )
    assert [r["body"]["file"]["filename"] for r in mockai.requests][:1] == ["speech.wav"]


def test_sdk_errors(mockai):
    import openai

    client = mockai.client(max_retries=0)
    with pytest.raises(openai.BadRequestError) as caught:
        client.audio.transcriptions.create(
            model="gpt-4o-transcribe", file=("a.wav", wav_file(1)), response_format="srt"
        )
    assert caught.value.code == "unsupported_value"


def test_times_are_float32_values():
    """Whisper prints float32 values as doubles (the spec example's 3.319999933242798)."""
    from mockai.endpoints.audio.render import f32

    assert f32(3.32) == struct.unpack("f", struct.pack("f", 3.32))[0] == 3.319999933242798


async def test_known_speakers_are_checked_like_the_description_says(serve):
    """Diarization's speaker hints (at most 4 each) are accepted and their count checked."""
    client = await serve()
    names = [f"speaker{n}" for n in range(5)]
    refs = ["data:audio/wav;base64,AAA="] * 4
    fields = {"model": "gpt-4o-transcribe", "known_speaker_references[]": refs}
    ok = await transcribe(client, wav_file(1), **fields, **{"known_speaker_names[]": names[:4]})
    assert ok.status == 200, await ok.text()
    await api_json(ok)
    refused = await transcribe(client, wav_file(1), **fields, **{"known_speaker_names[]": names})
    assert refused.status == 400
    message = (await api_json(refused))["error"]["message"]
    assert message.startswith("[{'type': 'too_long', 'loc': ('body', 'known_speaker_names')")


def test_sdk_chunking_strategy_auto_or_a_server_vad_object(mockai):
    """The SDK flattens the object form into `chunking_strategy[type]` and so on; both forms
    are taken and the object's fields type-checked, in the audio service's words."""
    import openai

    client = mockai.client(max_retries=0)
    upload = ("speech.wav", wav_file(2), "audio/wav")
    vad = {
        "type": "server_vad",
        "prefix_padding_ms": 300,
        "silence_duration_ms": 200,
        "threshold": 0.5,
    }
    for strategy in ("auto", vad):
        raw = client.audio.transcriptions.with_raw_response.create(
            model="gpt-4o-transcribe", file=upload, chunking_strategy=strategy
        )
        validate_response("post", "/v1/audio/transcriptions", 200, raw.http_response.json())
    with pytest.raises(openai.BadRequestError) as caught:
        client.audio.transcriptions.create(
            model="gpt-4o-transcribe", file=upload, chunking_strategy={**vad, "threshold": "loud"}
        )
    assert "('body', 'chunking_strategy', 'VadConfig', 'threshold')" in caught.value.message
    validate_response("post", "/v1/audio/transcriptions", 400, caught.value.response.json())


@pytest.mark.parametrize(
    ("fields", "fragment"),
    [
        (
            {"chunking_strategy": "manual"},
            "'loc': ('body', 'chunking_strategy', \"literal['auto']\")",
        ),
        (
            {"chunking_strategy[type]": "client_vad"},
            "'loc': ('body', 'chunking_strategy', 'VadConfig', 'type')",
        ),
        (
            {
                "chunking_strategy[type]": "server_vad",
                "chunking_strategy[silence_duration_ms]": "1.5",
            },
            "'loc': ('body', 'chunking_strategy', 'VadConfig', 'silence_duration_ms')",
        ),
        (
            {"chunking_strategy[type]": "server_vad", "chunking_strategy[window]": "3"},
            "'type': 'extra_forbidden', 'loc': ('body', 'chunking_strategy', 'VadConfig', 'window')",
        ),
        (
            {"chunking_strategy[threshold]": "0.5"},
            "'type': 'missing', 'loc': ('body', 'chunking_strategy', 'VadConfig', 'type')",
        ),
    ],
)
async def test_chunking_strategy_is_type_checked(serve, fields, fragment):
    client = await serve()
    response = await transcribe(client, wav_file(1), model="gpt-4o-transcribe", **fields)
    assert response.status == 400, await response.text()
    assert fragment in (await api_json(response))["error"]["message"]
