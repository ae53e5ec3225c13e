"""The light default install: PyAV and Pillow are extras (`audio`, `images`, `video`, `all`),
and a server without them serves everything that needs no encoding, refusing the rest with a
400 that names the missing extra.

"Without them" is a real `mockai serve` whose interpreter cannot import `av` or `PIL`: a
`sitecustomize` put first on its PYTHONPATH sets both to None in `sys.modules`, which makes
any import of them fail as if they were not installed.
"""

from __future__ import annotations

import base64
import io
import json
import os
import re
import subprocess
import sys
import urllib.error
import urllib.request
import wave
from pathlib import Path

import pytest
from PIL import Image
from serve_process import AUTH, Served, chat, clean_env, http, mockai_serve

ROOT = Path(__file__).resolve().parent.parent
BLOCK = 'import sys\nsys.modules["av"] = None\nsys.modules["PIL"] = None\n'
JSON = {"Content-Type": "application/json", **AUTH}
SPEECH = {"model": "tts-1", "input": "Hello there, world.", "voice": "alloy"}


def _blocked_env(tmp: Path) -> dict[str, str]:
    (tmp / "sitecustomize.py").write_text(BLOCK)
    paths = [str(tmp), *filter(None, os.environ.get("PYTHONPATH", "").split(os.pathsep))]
    return clean_env(PYTHONPATH=os.pathsep.join(paths))


@pytest.fixture(scope="module")
def bare(tmp_path_factory) -> Served:
    """`mockai serve` as a plain `pip install mockai` runs it: no PyAV, no Pillow."""
    env = _blocked_env(tmp_path_factory.mktemp("no-extras"))
    with mockai_serve("--port", "0", env=env) as server:
        yield server


def _post(server: Served, path: str, body: dict) -> tuple[int, dict[str, str], object]:
    return http(f"{server.root}/v1{path}", "POST", body, JSON)


def _speech(server: Served, fmt: str) -> tuple[int, dict[str, str], object]:
    return _post(server, "/audio/speech", {**SPEECH, "response_format": fmt})


def _assert_extra_missing(answer: tuple[int, dict[str, str], object], extra: str, param: str):
    status, _, body = answer
    assert status == 400, body
    assert isinstance(body, dict)
    error = body["error"]
    assert error["type"] == "invalid_request_error"
    assert error["code"] == "mockai_extra_missing"
    assert error["param"] == param
    assert f"'{extra}' extra" in error["message"]
    assert f"pip install 'mockai[{extra}]'" in error["message"]


@pytest.mark.parametrize("module", ["av", "PIL"])
def test_the_blocking_works(tmp_path, module):
    """Else every test below could pass for the wrong reason."""
    done = subprocess.run(
        [sys.executable, "-c", f"import {module}"],
        env=_blocked_env(tmp_path),
        capture_output=True,
        text=True,
    )
    assert done.returncode != 0 and "ModuleNotFoundError" in done.stderr


def test_every_module_imports_without_the_extras(tmp_path):
    check = (
        "import importlib, pkgutil, mockai\n"
        "for m in pkgutil.walk_packages(mockai.__path__, 'mockai.'):\n"
        "    if not m.name.endswith('__main__'):\n"
        "        importlib.import_module(m.name)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", check], env=_blocked_env(tmp_path), capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr


def test_chat_works_without_the_extras(bare):
    status, _, body = chat(bare.root)
    assert status == 200, body
    assert body["choices"][0]["message"]["content"]


def test_wav_and_pcm_speech_work_without_the_extras(bare):
    status, headers, _ = _speech(bare, "wav")
    assert status == 200
    assert headers["content-type"] == "audio/wav"
    raw = _raw_speech(bare, "wav")
    with wave.open(io.BytesIO(raw)) as reader:
        assert (reader.getframerate(), reader.getnchannels(), reader.getsampwidth()) == (
            24000,
            1,
            2,
        )
        assert len(reader.readframes(reader.getnframes())) > 24000  # over half a second
    pcm = _raw_speech(bare, "pcm")
    assert pcm == raw[44:]  # the same samples, without the header


def _raw_speech(server: Served, fmt: str) -> bytes:
    """The audio bytes themselves (`http` decodes text; audio wants bytes)."""
    body = {**SPEECH, "response_format": fmt}
    request = urllib.request.Request(
        f"{server.root}/v1/audio/speech", json.dumps(body).encode(), JSON, method="POST"
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.read()


@pytest.mark.parametrize("fmt", ["mp3", "opus", "aac", "flac"])
def test_compressed_speech_names_the_audio_extra(bare, fmt):
    _assert_extra_missing(_speech(bare, fmt), "audio", "response_format")


def test_a_missing_extra_is_logged_once(bare):
    for _ in range(2):
        _speech(bare, "mp3")
    lines = [line for line in bare.stderr().splitlines() if "mockai[audio]" in line]
    assert len(lines) == 1, bare.stderr()
    assert "PyAV is not installed" in lines[0]


def test_png_images_work_without_the_extras(bare):
    body = {"model": "gpt-image-1", "prompt": "a lighthouse", "size": "1024x1536"}
    status, _, answer = _post(bare, "/images/generations", body)
    assert status == 200, answer
    data = base64.b64decode(answer["data"][0]["b64_json"])
    with Image.open(io.BytesIO(data)) as picture:  # Pillow here, in the test process
        assert (picture.format, picture.size) == ("PNG", (1024, 1536))


@pytest.mark.parametrize("fmt", ["jpeg", "webp"])
def test_jpeg_and_webp_images_name_the_images_extra(bare, fmt):
    body = {"model": "gpt-image-1", "prompt": "a lighthouse", "output_format": fmt}
    _assert_extra_missing(_post(bare, "/images/generations", body), "images", "output_format")


def test_a_video_names_the_video_extra(bare):
    body = {"model": "sora-2", "prompt": "waves on a beach"}
    _assert_extra_missing(_post(bare, "/videos", body), "video", "model")


def _image_bytes(fmt: str, size: tuple[int, int], **options) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (200, 30, 90)).save(out, fmt, **options)
    return out.getvalue()


def test_vision_inputs_are_sized_without_pillow(bare):
    """An input image's token cost depends on its size, read from its header: a JPEG costs
    more when it is larger, with no Pillow in the server."""

    def prompt_tokens(size: tuple[int, int]) -> int:
        url = "data:image/jpeg;base64," + base64.b64encode(_image_bytes("JPEG", size)).decode()
        content = [
            {"type": "text", "text": "What is this?"},
            {"type": "image_url", "image_url": {"url": url, "detail": "high"}},
        ]
        body = {"model": "gpt-4o", "messages": [{"role": "user", "content": content}]}
        status, _, answer = _post(bare, "/chat/completions", body)
        assert status == 200, answer
        return answer["usage"]["prompt_tokens"]

    assert prompt_tokens((2048, 2048)) > prompt_tokens((64, 64))


def test_the_media_libraries_are_extras_not_defaults():
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    names = {_name(requirement) for requirement in project["dependencies"]}
    assert not names & {"av", "pillow"}
    extras = {
        extra: {_name(requirement) for requirement in requirements}
        for extra, requirements in project["optional-dependencies"].items()
    }
    assert extras["audio"] == {"av"}
    assert extras["images"] == {"pillow"}
    assert extras["video"] == {"av", "pillow"}
    # `all` names the others (`mockai[audio,images,video]`): one list of each extra's libraries
    assert project["optional-dependencies"]["all"] == ["mockai[audio,images,video]"]


def _name(requirement: str) -> str:
    """The distribution a requirement names, normalised (`Pillow>=10` -> `pillow`)."""
    found = re.match(r"[A-Za-z0-9_.-]+", requirement)
    assert found is not None, requirement
    return found.group().lower()


def _consent(server: Served, recording: bytes) -> tuple[int, dict[str, str], object]:
    """`POST /v1/audio/voice_consents`, a multipart form (built by hand: urllib has none)."""
    boundary = "mockai-test-boundary"
    parts = [
        f'Content-Disposition: form-data; name="{name}"\r\n\r\n{value}'.encode()
        for name, value in (("name", "Ada"), ("language", "en"))
    ]
    parts.append(
        b'Content-Disposition: form-data; name="recording"; filename="consent.audio"\r\n'
        b"Content-Type: application/octet-stream\r\n\r\n" + recording
    )
    body = b"".join(f"--{boundary}\r\n".encode() + part + b"\r\n" for part in parts)
    body += f"--{boundary}--\r\n".encode()
    headers = {**AUTH, "Content-Type": f"multipart/form-data; boundary={boundary}"}
    request = urllib.request.Request(
        f"{server.root}/v1/audio/voice_consents", body, headers, method="POST"
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, {}, json.loads(response.read())
    except urllib.error.HTTPError as exc:
        return exc.code, {}, json.loads(exc.read())


def test_a_wav_recording_is_read_without_the_extras(bare):
    out = io.BytesIO()
    with wave.open(out, "wb") as writer:
        writer.setnchannels(1)
        writer.setsampwidth(2)
        writer.setframerate(24000)
        writer.writeframes(bytes(2 * 24000 * 2))  # two seconds
    status, _, body = _consent(bare, out.getvalue())
    assert status == 200, body


def test_another_recording_names_the_audio_extra(bare):
    mp3ish = b"ID3\x04\x00\x00\x00\x00\x00\x00" + bytes(4000)
    _assert_extra_missing(_consent(bare, mp3ish), "audio", "recording")
