"""`/v1/videos` over raw HTTP: jobs on the job clock (paused, realtime, instant), the MP4 and
its thumbnail and spritesheet decoded, remix, edits, extensions, characters, the real errors,
scenarios (scripted errors, failures, literal bodies, the job clock) and `--lenient`. Every
JSON body is validated against the description."""

from __future__ import annotations

import asyncio
import io
import re

import av
from aiohttp import FormData
from helpers import AUTH, api_json
from PIL import Image

from mockai.endpoints.videos.footage import FPS

VIDEO_ID = re.compile(r"^video_[0-9a-f]{48}$")
PAUSED = {**AUTH, "X-Mockai-Job-Clock": "paused"}
INSTANT = {**AUTH, "X-Mockai-Job-Clock": "instant"}


async def ok(response) -> dict:
    assert response.status == 200, await response.text()
    return await api_json(response)


async def error_of(response, status: int) -> dict:
    assert response.status == status, await response.text()
    return (await api_json(response))["error"]


async def create(client, headers=INSTANT, **body) -> dict:
    return await ok(
        await client.post(
            "/v1/videos", json={"prompt": "A cat on a piano", **body}, headers=headers
        )
    )


async def retrieve(client, video_id: str, headers=AUTH) -> dict:
    return await ok(await client.get(f"/v1/videos/{video_id}", headers=headers))


async def advance(client, seconds: float | None = None) -> None:
    body = {} if seconds is None else {"seconds": seconds}
    response = await client.post("/_mockai/jobs/advance", json=body)
    assert response.status == 200, await response.text()


def png(width: int, height: int) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (10, 200, 30)).save(out, "PNG")
    return out.getvalue()


async def content(client, video_id: str, variant: str | None = None) -> tuple[str, bytes]:
    params = {} if variant is None else {"variant": variant}
    response = await client.get(f"/v1/videos/{video_id}/content", params=params, headers=AUTH)
    assert response.status == 200, await response.text()
    return response.content_type, await response.read()


async def test_paused_job_moves_only_when_advanced(serve):
    client = await serve()
    made = await create(client, PAUSED, model="sora-2-pro", size="1792x1024", seconds="8")
    assert VIDEO_ID.match(made["id"])
    assert (made["status"], made["progress"], made["completed_at"], made["error"]) == (
        "queued",
        0,
        None,
        None,
    )
    assert (made["model"], made["size"], made["seconds"], made["prompt"]) == (
        "sora-2-pro",
        "1792x1024",
        "8",
        "A cat on a piano",
    )
    assert (await retrieve(client, made["id"]))["status"] == "queued"
    await advance(client, 1.0)
    first = await retrieve(client, made["id"])
    await advance(client, 1.0)
    second = await retrieve(client, made["id"])
    assert first["status"] == second["status"] == "in_progress"
    assert 0 < first["progress"] < second["progress"] < 100
    await advance(client)
    done = await retrieve(client, made["id"])
    assert (done["status"], done["progress"]) == ("completed", 100)
    assert done["completed_at"] >= done["created_at"]
    assert done["expires_at"] == done["completed_at"] + 24 * 3600


async def test_realtime_job_completes_and_hints_polls(serve):
    client = await serve()
    made = await ok(await client.post("/v1/videos", json={"prompt": "Waves"}, headers=AUTH))
    response = await client.get(f"/v1/videos/{made['id']}", headers=AUTH)
    assert int(response.headers["openai-poll-after-ms"]) <= 1000
    seen = set()
    for _ in range(100):
        video = await retrieve(client, made["id"])
        seen.add(video["status"])
        if video["status"] == "completed":
            break
        await asyncio.sleep(0.1)
    assert video["status"] == "completed" and "in_progress" in seen
    response = await client.get(f"/v1/videos/{made['id']}", headers=AUTH)
    assert "openai-poll-after-ms" not in response.headers


async def test_instant_job_is_done_at_first_read_and_the_mp4_plays(serve):
    client = await serve(job_clock="instant")
    made = await ok(
        await client.post(
            "/v1/videos",
            json={"prompt": "A red kite", "size": "1280x720", "seconds": "4"},
            headers=AUTH,
        )
    )
    assert made["status"] == "completed" and made["progress"] == 100
    kind, data = await content(client, made["id"])
    assert kind == "video/mp4"
    with av.open(io.BytesIO(data)) as container:
        stream = container.streams.video[0]
        frames = list(container.decode(video=0))
        assert (stream.width, stream.height) == (1280, 720)
        assert len(frames) == 4 * FPS
        assert abs(container.duration / 1_000_000 - 4) < 0.1
    assert len(data) < 1_000_000
    again = await content(client, made["id"])
    assert again[1] == data  # drawn once, and deterministic
    kind, thumbnail = await content(client, made["id"], "thumbnail")
    assert kind == "image/webp"
    picture = Image.open(io.BytesIO(thumbnail))
    assert (picture.format, picture.size) == ("WEBP", (1280, 720))
    kind, sheet = await content(client, made["id"], "spritesheet")
    picture = Image.open(io.BytesIO(sheet))
    assert (kind, picture.format) == ("image/jpeg", "JPEG")
    assert picture.size == (4 * 256, 144)


async def test_same_prompt_same_footage_different_prompt_different(serve):
    client = await serve(job_clock="instant")
    one = await create(client, prompt="Snow")
    two = await create(client, prompt="Snow")
    three = await create(client, prompt="Rain")
    first = (await content(client, one["id"], "thumbnail"))[1]
    assert (await content(client, two["id"], "thumbnail"))[1] == first
    assert (await content(client, three["id"], "thumbnail"))[1] != first


async def test_list_and_delete(serve):
    client = await serve()
    one = await create(client)
    two = await create(client)
    listed = await ok(await client.get("/v1/videos", headers=AUTH))
    assert [v["id"] for v in listed["data"]] == [two["id"], one["id"]]
    asc = await ok(
        await client.get("/v1/videos", params={"order": "asc", "limit": "1"}, headers=AUTH)
    )
    assert [v["id"] for v in asc["data"]] == [one["id"]] and asc["has_more"]
    gone = await ok(await client.delete(f"/v1/videos/{one['id']}", headers=AUTH))
    assert gone == {"id": one["id"], "object": "video.deleted", "deleted": True}
    error = await error_of(await client.get(f"/v1/videos/{one['id']}", headers=AUTH), 404)
    assert error["message"] == f"No video found with id '{one['id']}'."


async def test_content_before_completion_and_bad_variant(serve):
    client = await serve()
    made = await create(client, PAUSED)
    error = await error_of(await client.get(f"/v1/videos/{made['id']}/content", headers=AUTH), 400)
    assert "not ready" in error["message"]
    error = await error_of(
        await client.get(
            f"/v1/videos/{made['id']}/content", params={"variant": "gif"}, headers=AUTH
        ),
        400,
    )
    assert (error["param"], error["code"]) == ("variant", "invalid_value")


async def test_request_errors(serve):
    client = await serve()
    error = await error_of(await client.post("/v1/videos", json={}, headers=AUTH), 400)
    assert (error["param"], error["code"]) == ("prompt", "missing_required_parameter")
    error = await error_of(
        await client.post("/v1/videos", json={"prompt": "x", "seconds": 4}, headers=AUTH), 400
    )
    assert (error["param"], error["code"]) == ("seconds", "invalid_value")
    error = await error_of(
        await client.post("/v1/videos", json={"prompt": "x", "seconds": "5"}, headers=AUTH), 400
    )
    assert (error["param"], error["code"]) == ("seconds", "invalid_value")
    error = await error_of(
        await client.post("/v1/videos", json={"prompt": "x", "size": "1792x1024"}, headers=AUTH),
        400,
    )
    assert (error["param"], error["code"]) == ("size", "invalid_value")
    assert error["message"] == (
        "Invalid value: '1792x1024'. Supported values for model 'sora-2' are: "
        "'720x1280' and '1280x720'."
    )
    error = await error_of(
        await client.post("/v1/videos", json={"prompt": "x", "model": "gpt-4o"}, headers=AUTH),
        400,
    )
    assert error["param"] == "model"
    error = await error_of(
        await client.post("/v1/videos", json={"prompt": "x", "duration": 4}, headers=AUTH), 400
    )
    assert error["code"] == "unknown_parameter"


async def test_form_with_a_reference_image(serve):
    client = await serve(job_clock="instant")
    form = FormData()
    form.add_field("prompt", "A bird")
    form.add_field("size", "1280x720")
    form.add_field("input_reference", png(1280, 720), filename="ref.png", content_type="image/png")
    made = await ok(await client.post("/v1/videos", data=form, headers=AUTH))
    assert made["size"] == "1280x720" and made["status"] == "completed"
    form = FormData()
    form.add_field("prompt", "A bird")
    form.add_field("input_reference", png(64, 64), filename="ref.png", content_type="image/png")
    error = await error_of(await client.post("/v1/videos", data=form, headers=AUTH), 400)
    assert error["message"] == "Inpaint image must match the requested width and height"


async def test_reference_by_file_id(serve):
    client = await serve(job_clock="instant")
    form = FormData()
    form.add_field("purpose", "vision")
    form.add_field("file", png(720, 1280), filename="ref.png", content_type="image/png")
    uploaded = await (await client.post("/v1/files", data=form, headers=AUTH)).json()
    made = await create(client, input_reference={"file_id": uploaded["id"]})
    assert made["status"] == "completed"
    error = await error_of(
        await client.post(
            "/v1/videos",
            json={"prompt": "x", "input_reference": {"file_id": "file-nope"}},
            headers=AUTH,
        ),
        404,
    )
    assert error["param"] == "input_reference.file_id"


async def test_remix_edit_extend(serve):
    client = await serve(job_clock="instant")
    source = await create(client, size="1280x720", seconds="8")
    remixed = await ok(
        await client.post(
            f"/v1/videos/{source['id']}/remix", json={"prompt": "Now at night"}, headers=AUTH
        )
    )
    assert remixed["remixed_from_video_id"] == source["id"]
    assert (remixed["prompt"], remixed["size"], remixed["seconds"]) == (
        "Now at night",
        "1280x720",
        "8",
    )
    assert remixed["id"] != source["id"]
    edited = await ok(
        await client.post(
            "/v1/videos/edits",
            json={"video": {"id": source["id"]}, "prompt": "Make it blue"},
            headers=AUTH,
        )
    )
    assert (edited["size"], edited["seconds"], edited["remixed_from_video_id"]) == (
        "1280x720",
        "8",
        None,
    )
    extended = await ok(
        await client.post(
            "/v1/videos/extensions",
            json={"video": {"id": source["id"]}, "prompt": "And on", "seconds": "4"},
            headers=AUTH,
        )
    )
    assert extended["seconds"] == "12"
    _, data = await content(client, extended["id"])
    with av.open(io.BytesIO(data)) as container:
        assert sum(1 for _ in container.decode(video=0)) == 12 * FPS
    # an uploaded video (the form the SDK sends)
    _, mp4 = await content(client, source["id"])
    form = FormData()
    form.add_field("prompt", "Edit the upload")
    form.add_field("video", mp4, filename="clip.mp4", content_type="video/mp4")
    from_upload = await ok(await client.post("/v1/videos/edits", data=form, headers=AUTH))
    assert (from_upload["size"], from_upload["seconds"]) == ("1280x720", "8")


async def test_remix_needs_a_finished_video(serve):
    client = await serve()
    running = await create(client, PAUSED)
    error = await error_of(
        await client.post(f"/v1/videos/{running['id']}/remix", json={"prompt": "x"}, headers=AUTH),
        400,
    )
    assert "not completed" in error["message"]
    error = await error_of(
        await client.post(
            "/v1/videos/edits", json={"video": {"id": "video_nope"}, "prompt": "x"}, headers=AUTH
        ),
        404,
    )
    assert error["param"] == "video.id"
    error = await error_of(
        await client.post("/v1/videos/edits", json={"prompt": "x"}, headers=AUTH), 400
    )
    assert (error["param"], error["code"]) == ("video", "missing_required_parameter")


async def test_characters(serve):
    client = await serve(job_clock="instant")
    source = await create(client)
    _, mp4 = await content(client, source["id"])
    form = FormData()
    form.add_field("name", "Captain Whiskers")
    form.add_field("video", mp4, filename="cat.mp4", content_type="video/mp4")
    made = await ok(await client.post("/v1/videos/characters", data=form, headers=AUTH))
    assert made["id"].startswith("char_") and made["name"] == "Captain Whiskers"
    again = await ok(await client.get(f"/v1/videos/characters/{made['id']}", headers=AUTH))
    assert again == made
    form = FormData()
    form.add_field("name", "Nobody")
    form.add_field("video", b"not a video", filename="x.mp4", content_type="video/mp4")
    error = await error_of(await client.post("/v1/videos/characters", data=form, headers=AUTH), 400)
    assert error["param"] == "video"
    error = await error_of(await client.get("/v1/videos/characters/char_x", headers=AUTH), 404)
    assert error["message"] == "No character found with id 'char_x'."


SCENARIOS = """
- name: blocked
  match: {endpoint: videos, user: forbidden}
  replies:
    - error: {status: 400, code: moderation_blocked}
      stream: {error_after_chunks: 40}
- name: refused-at-create
  match: {endpoint: videos, user: refuse}
  replies:
    - error: {status: 400, message: "Your request was blocked by our moderation system.",
              code: moderation_blocked}
- name: literal
  match: {endpoint: videos, user: literal}
  replies:
    - body: {id: video_literal, object: video, status: queued}
- name: slow-clock
  match: {endpoint: videos, user: paused}
  replies:
    - job_clock: paused
"""


async def test_scripted_failure_ends_the_job_failed(serve):
    client = await serve(SCENARIOS)
    made = await create(client, AUTH, prompt="something forbidden")
    assert made["status"] == "queued"
    await advance(client)
    failed = await retrieve(client, made["id"])
    assert (failed["status"], failed["progress"]) == ("failed", 40)
    assert failed["error"] == {
        "code": "moderation_blocked",
        "message": "Your request was blocked by our moderation system.",
    }
    error = await error_of(await client.get(f"/v1/videos/{made['id']}/content", headers=AUTH), 400)
    assert "not ready" in error["message"]


async def test_scripted_error_at_create_literal_body_and_job_clock(serve):
    client = await serve(SCENARIOS)
    error = await error_of(
        await client.post("/v1/videos", json={"prompt": "please refuse"}, headers=AUTH), 400
    )
    assert error["code"] == "moderation_blocked"
    response = await client.post("/v1/videos", json={"prompt": "a literal one"}, headers=AUTH)
    assert (await response.json())["id"] == "video_literal"
    made = await create(client, AUTH, prompt="stay paused")
    await asyncio.sleep(0.6)
    assert (await retrieve(client, made["id"]))["status"] == "queued"


async def test_sessions_and_reset(serve):
    client = await serve()
    mine = {**INSTANT, "X-Mockai-Session": "a"}
    made = await create(client, mine)
    error = await error_of(
        await client.get(f"/v1/videos/{made['id']}", headers={**AUTH, "X-Mockai-Session": "b"}),
        404,
    )
    assert error["message"].startswith("No video found")
    await retrieve(client, made["id"], {**AUTH, "X-Mockai-Session": "a"})
    await client.post("/_mockai/reset")
    await error_of(
        await client.get(f"/v1/videos/{made['id']}", headers={**AUTH, "X-Mockai-Session": "a"}),
        404,
    )


async def test_lenient_any_id(serve):
    client = await serve(lenient=True)
    video = await retrieve(client, "video_never")
    assert video["status"] == "completed"
    kind, data = await content(client, "video_never", "thumbnail")
    assert kind == "image/webp" and data
    character = await ok(await client.get("/v1/videos/characters/char_never", headers=AUTH))
    assert character["id"] == "char_never"
