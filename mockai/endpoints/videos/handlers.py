"""The handlers of the video jobs (see the package's docstring): create, remix, edit, extend,
retrieve, list, delete and download; imported on the family's first request."""

from __future__ import annotations

import asyncio

from aiohttp import web

from mockai import ids
from mockai.endpoints.videos import footage, render
from mockai.endpoints.videos.request import (
    DEFAULT_SECONDS,
    DEFAULT_SIZE,
    SIZES,
    CreateVideo,
    EditVideo,
    ExtendVideo,
    Read,
    RemixVideo,
    check_reference,
    check_reference_bytes,
    check_size,
    model_of,
    read,
)
from mockai.endpoints.videos.state import KIND, StoredVideo
from mockai.errors import invalid_request, missing_parameter
from mockai.jobclock import JobTime, Pace
from mockai.scenarios.call import Call
from mockai.toolkit import files, jobs
from mockai.toolkit.http import json_response
from mockai.toolkit.pagination import page
from mockai.toolkit.scripted import answer_step, scripted_error
from mockai.toolkit.state import exchange_of, state_of, stored
from mockai.vocabulary import ErrorSpec

ENDPOINT = "videos"
MODERATED = "Your request was blocked by our moderation system."
VARIANTS = ("video", "thumbnail", "spritesheet")
POLL_AFTER_MS = (50, 1000)  # the hint's bounds: short polls while a realtime job runs


def _stand_in(request: web.Request, video_id: str) -> StoredVideo:
    """`--lenient`: a video never made, as if it had been: a finished 4-second sora-2 clip."""
    material = footage.digest(state_of(request).settings.seed, video_id)
    return StoredVideo(
        video_id, "sora-2", "A video.", DEFAULT_SIZE, 4, material, JobTime(Pace("instant"))
    )


def _named(request: web.Request) -> StoredVideo:
    return stored(request, KIND, "video_id", _stand_in)


def _source(request: web.Request, video_id: str, verb: str) -> StoredVideo:
    """The finished video a remix, edit or extension starts from (`video_id` from the path
    or the body), or the real 404; one still running is a 400 (its wording is not known)."""
    state = state_of(request)
    found = state.store.get(exchange_of(request).session, KIND, video_id)
    if found is None and not state.settings.lenient:
        raise KIND.not_found(video_id, None if verb == "remix" else "video.id")
    if found is None:
        found = _stand_in(request, video_id)
        state.store.put(exchange_of(request).session, KIND, video_id, found)
    if found.phase().status != "completed" and not state.settings.lenient:
        raise invalid_request(f"Cannot {verb} a video that is not completed.")
    return found


def _failure(spec: ErrorSpec) -> dict[str, str]:
    """The `error` a scripted failure leaves on the video: by default the moderation block
    the real API reports (`moderation_blocked`)."""
    code = spec.code or "moderation_blocked"
    message = spec.message or (
        MODERATED if code == "moderation_blocked" else scripted_error(spec).message
    )
    return {"code": code, "message": message}


def _answer(video: StoredVideo, status: int = 200) -> web.Response:
    """The video, with `openai-poll-after-ms` (the SDK's `poll` waits that long) while it runs:
    the time left at a realtime pace, kept between `POLL_AFTER_MS`."""
    body = render.video(video)
    headers = {}
    if body["status"] in ("queued", "in_progress"):
        low, high = POLL_AFTER_MS
        left = video.job.wall_seconds_until(video.timeline.length)
        wait = high if left is None else min(max(int(left * 1000) + 1, low), high)
        headers["openai-poll-after-ms"] = str(wait)
    return json_response(body, status, headers)


async def _start(
    request: web.Request,
    read_: Read,
    *,
    model: str,
    prompt: str,
    size: str,
    seconds: int,
    material: tuple[object, ...],
    remixed_from: str | None = None,
) -> web.Response:
    """A new video job: the scenario step answers first (an error, a literal body, a pace; an
    error with `stream.error_after_chunks: N` fails the job at N% instead), then the job
    starts on the job clock."""
    footage.require_extra("model")
    state = state_of(request)
    session = exchange_of(request).session
    call = Call(
        ENDPOINT, read_.body, request.headers, session, model=model, last_user_message=prompt
    )
    step = await answer_step(request, call, streaming=False, background=True)
    video_id = ids.video_id()
    video = StoredVideo(
        video_id,
        model,
        prompt,
        size,
        seconds,
        footage.digest(state.settings.seed, *material),
        jobs.start_job(request, video_id, step),
        remixed_from,
    )
    if step is not None and step.error is not None and step.fails_mid_stream:
        assert step.stream is not None and step.stream.error_after_chunks is not None
        video.failure = _failure(step.error)
        video.fails_at = min(step.stream.error_after_chunks, 99)
    state.store.put(session, KIND, video_id, video)
    return _answer(video)


async def create(request: web.Request) -> web.Response:
    sent = await read(request, CreateVideo, "input_reference")
    req: CreateVideo = sent.model
    model = model_of(request, req.model)
    size = req.size or DEFAULT_SIZE
    check_size(request, model, size)
    reference = check_reference(request, size, sent.upload, req.input_reference)
    file_id = req.input_reference.file_id if req.input_reference is not None else None
    if file_id is not None:
        found = files.named_file(request, file_id)
        if found is None:
            raise files.KIND.not_found(file_id, "input_reference.file_id")
        if not state_of(request).settings.lenient:
            check_reference_bytes(found.data, size)
        reference = found.data
    seconds = int(req.seconds or DEFAULT_SECONDS)
    drawn_from = (model, req.prompt, size, seconds, footage.digest(reference))
    return await _start(
        request,
        sent,
        model=model,
        prompt=req.prompt,
        size=size,
        seconds=seconds,
        material=drawn_from,
    )


async def remix(request: web.Request) -> web.Response:
    sent = await read(request, RemixVideo)
    source = _source(request, request.match_info["video_id"], "remix")
    return await _start(
        request,
        sent,
        model=source.model,
        prompt=sent.model.prompt,
        size=source.size,
        seconds=source.seconds,
        material=(source.material, "remix", sent.model.prompt),
        remixed_from=source.id,
    )


async def _uploaded(request: web.Request, data: bytes) -> tuple[str, int]:
    """The size and length of an uploaded video: its own when it is one of the sizes the
    models make, else the 720p one of its orientation; a file that is no video is a 400
    (its wording is not known)."""
    probed = await asyncio.to_thread(footage.probe, data, "video")
    if probed is None:
        if not state_of(request).settings.lenient:
            raise invalid_request("Invalid video file.", "video", "invalid_value")
        probed = (720, 1280, 4.0)
    width, height, seconds = probed
    size = f"{width}x{height}"
    if size not in SIZES["sora-2-pro"]:
        size = "1280x720" if width > height else "720x1280"
    return size, max(round(seconds), 1)


async def _edited(
    request: web.Request, schema: type[EditVideo], verb: str
) -> tuple[Read, str, str, int, str]:
    """An edit's or extension's request and where it starts: (request, model, size,
    seconds, material)."""
    sent = await read(request, schema, "video")
    req: EditVideo = sent.model
    if sent.upload is not None:
        size, seconds = await _uploaded(request, sent.upload.data)
        return sent, "sora-2", size, seconds, footage.digest(sent.upload.data)
    if req.video is None:
        raise missing_parameter("video")
    source = _source(request, req.video.id, verb)
    return sent, source.model, source.size, source.seconds, source.material


async def edit(request: web.Request) -> web.Response:
    sent, model, size, seconds, material = await _edited(request, EditVideo, "edit")
    prompt = sent.model.prompt
    return await _start(
        request,
        sent,
        model=model,
        prompt=prompt,
        size=size,
        seconds=seconds,
        material=(material, "edit", prompt),
    )


async def extend(request: web.Request) -> web.Response:
    """An extension: the source and the new segment stitched (`seconds` is the total)."""
    sent, model, size, seconds, material = await _edited(request, ExtendVideo, "extend")
    req: ExtendVideo = sent.model
    return await _start(
        request,
        sent,
        model=model,
        prompt=req.prompt,
        size=size,
        seconds=seconds + int(req.seconds),
        material=(material, "extend", req.prompt, req.seconds),
    )


async def retrieve(request: web.Request) -> web.Response:
    return _answer(_named(request))


async def list_videos(request: web.Request) -> web.Response:
    videos = state_of(request).store.values(exchange_of(request).session, KIND)
    return json_response(page([render.video(v) for v in videos], request))


async def delete(request: web.Request) -> web.Response:
    video = _named(request)
    state_of(request).store.delete(exchange_of(request).session, KIND, video.id)
    return json_response(render.deleted(video.id))


async def content(request: web.Request) -> web.StreamResponse:
    """The MP4, or its thumbnail or spritesheet, drawn once (off the loop) and kept."""
    variant = request.query.get("variant", "video")
    lenient = state_of(request).settings.lenient
    if variant not in VARIANTS:
        raise invalid_request(
            f"Invalid value: '{variant}'. Supported values are: 'video', 'thumbnail' and "
            "'spritesheet'.",
            "variant",
            "invalid_value",
        )
    video = _named(request)
    if video.phase().status != "completed" and not lenient:
        # The real wording is not known.
        raise invalid_request(
            f"Video is not ready yet, use GET /v1/videos/{video.id} to check status."
        )
    async with video.drawing:
        if variant not in video.files:
            footage.require_extra("variant")  # `--lenient` serves videos never started
            drawn = await asyncio.to_thread(footage.MAKERS[variant], video.footage)
            video.files[variant] = drawn
    return web.Response(body=video.files[variant], content_type=footage.MEDIA_TYPES[variant])
