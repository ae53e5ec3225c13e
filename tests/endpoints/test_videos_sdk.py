"""Videos through the official SDK: a job polled to completion whose MP4 decodes to the
frames and length asked, its previews, remix, an extension and a character from a file, the
paused and instant job clocks, and a scripted moderation failure. Every parsed model is
validated against the description as the JSON it came from."""

from __future__ import annotations

import io

import av
import openai
import pytest
from PIL import Image
from responses_support import check_sdk

from mockai.endpoints.videos.footage import FPS


def test_create_and_poll_then_download(mockai):
    client = mockai.client()
    video = client.videos.create_and_poll(
        prompt="A paper boat on a stream", model="sora-2", size="1280x720", seconds="8"
    )
    check_sdk(video, "VideoResource")
    assert (video.status, video.progress, video.size, video.seconds) == (
        "completed",
        100,
        "1280x720",
        "8",
    )
    data = client.videos.download_content(video.id).read()
    with av.open(io.BytesIO(data)) as container:
        stream = container.streams.video[0]
        assert (stream.width, stream.height) == (1280, 720)
        assert sum(1 for _ in container.decode(video=0)) == 8 * FPS
        assert abs(container.duration / 1_000_000 - 8) < 0.1
    thumbnail = client.videos.download_content(video.id, variant="thumbnail").read()
    assert Image.open(io.BytesIO(thumbnail)).size == (1280, 720)
    sheet = client.videos.download_content(video.id, variant="spritesheet").read()
    assert Image.open(io.BytesIO(sheet)).format == "JPEG"


def test_paused_then_advanced_then_remix_and_extend(mockai):
    client = mockai.client(default_headers={"X-Mockai-Job-Clock": "paused"})
    video = client.videos.create(prompt="A quiet harbour")
    assert client.videos.retrieve(video.id).status == "queued"
    mockai.advance_jobs(1.5)
    running = client.videos.retrieve(video.id)
    assert running.status == "in_progress" and 0 < running.progress < 100
    mockai.advance_jobs()
    assert client.videos.retrieve(video.id).status == "completed"
    instant = mockai.client(default_headers={"X-Mockai-Job-Clock": "instant"})
    remix = instant.videos.remix(video.id, prompt="The harbour at night")
    check_sdk(remix, "VideoResource")
    assert remix.remixed_from_video_id == video.id and remix.status == "completed"
    # (the SDK sends `video` as a file: its encoder refuses a `{"id": ...}` object in a form)
    mp4 = instant.videos.download_content(video.id).read()
    extended = instant.videos.extend(
        video=("harbour.mp4", mp4, "video/mp4"), prompt="Boats leave", seconds="8"
    )
    assert (extended.seconds, extended.status) == ("12", "completed")
    listed = [v.id for v in client.videos.list()]
    assert listed[-1] == video.id and remix.id in listed
    assert client.videos.delete(video.id).deleted is True
    with pytest.raises(openai.NotFoundError):
        client.videos.retrieve(video.id)


def test_characters_and_edits_from_files(mockai):
    client = mockai.client(default_headers={"X-Mockai-Job-Clock": "instant"})
    source = client.videos.create(prompt="A fox", size="720x1280")
    mp4 = client.videos.download_content(source.id).read()
    character = client.videos.create_character(name="Fox", video=("fox.mp4", mp4, "video/mp4"))
    assert character.id.startswith("char_") and character.name == "Fox"
    assert client.videos.get_character(character.id).name == "Fox"
    edited = client.videos.edit(video=("fox.mp4", mp4, "video/mp4"), prompt="Snowfall")
    assert (edited.size, edited.seconds) == ("720x1280", "4")


def test_scripted_moderation_failure(mockai):
    mockai.add_scenario(
        {
            "name": "blocked",
            "match": {"endpoint": "videos", "user": "harbour"},
            "replies": [
                {
                    "error": {"status": 400, "code": "moderation_blocked"},
                    "stream": {"error_after_chunks": 30},
                }
            ],
        }
    )
    client = mockai.client(default_headers={"X-Mockai-Job-Clock": "instant"})
    video = client.videos.create_and_poll(prompt="A harbour")
    check_sdk(video, "VideoResource")
    assert video.status == "failed" and video.error is not None
    assert video.error.code == "moderation_blocked"
    with pytest.raises(openai.BadRequestError):
        client.videos.download_content(video.id)
