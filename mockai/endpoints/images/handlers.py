"""The handlers of this family's `ROUTES` (see the package's docstring): generations, edits,
variations and the files behind their URLs; imported on the family's first request."""

from __future__ import annotations

import asyncio
import random
from itertools import chain, islice
from typing import Any

import orjson
from aiohttp import web

from mockai import tokenizer
from mockai.endpoints.images import references, render
from mockai.endpoints.images.picture import digest
from mockai.endpoints.images.request import (
    EDIT_MODEL,
    VARIATION_MODEL,
    EditRequest,
    Form,
    GenerateRequest,
    JsonEditRequest,
    VariationRequest,
    any_sizes,
    check_mask,
    gpt_inputs,
    missing_image,
    png_for_dall_e,
    read_form,
)
from mockai.endpoints.images.rules import (
    GPT_ONLY,
    ImageModel,
    check,
    invalid_model,
    resolve,
    served_size,
)
from mockai.endpoints.images.state import KIND
from mockai.errors import APIError, invalid_request
from mockai.imagecost import image_tokens
from mockai.scenarios.call import Call
from mockai.streaming.pacing import Pacing
from mockai.streaming.sse import event_frame
from mockai.toolkit.http import json_response, lenient_check, read_json, send_stream
from mockai.toolkit.multipart import Upload
from mockai.toolkit.scripted import answer_step, scripted_error
from mockai.toolkit.state import exchange_of, state_of
from mockai.usage import Metered
from mockai.validation import validated
from mockai.vocabulary import Step


def _material(
    request: web.Request, endpoint: str, fields: dict[str, Any], uploads: list[Upload]
) -> str:
    """What the pictures are drawn from: the request (streaming aside), its files, --seed."""
    drawn = {k: v for k, v in fields.items() if k not in ("stream", "partial_images")}
    return digest(
        state_of(request).settings.seed,
        endpoint,
        orjson.dumps(drawn, option=orjson.OPT_SORT_KEYS, default=str).decode(),
        *(digest(upload.data) for upload in uploads),
    )


def _gpt_options(job: render.Job, req: GenerateRequest | EditRequest) -> None:
    """What the GPT image models report back: `auto` settles on opaque and high."""
    job.response_format = "b64_json"
    job.output_format = req.output_format or "png"
    job.background = req.background if req.background in ("transparent", "opaque") else "opaque"
    # A quality of another model (dall-e-3's `hd`, only `--lenient` lets one through) is high.
    job.quality = req.quality if req.quality in ("low", "medium", "high") else "high"
    job.compression = req.output_compression if req.output_compression is not None else 100
    job.partial_images = (req.partial_images or 0) if req.stream else 0


def _metered(job: render.Job, step: Step | None) -> Metered:
    """The pictures as the Usage API counts them (per model, size and source), and a GPT image
    model's token usage, which its answer reports."""
    tokens = job.usage(step, job.n) if job.model.gpt_image else {}
    return Metered(
        "images",
        job.model.id,
        input_tokens=tokens.get("input_tokens", 0),
        output_tokens=tokens.get("output_tokens", 0),
        images=job.n,
        size=job.size,
        source=job.event_prefix.replace("_", "."),  # image_edit -> image.edit
    )


async def _answer(
    request: web.Request, job: render.Job, call: Call, *, streaming: bool
) -> web.StreamResponse:
    exchange = exchange_of(request)
    step: Step | None = await answer_step(request, call, streaming=streaming)
    exchange.billed = _metered(job, step)
    pictures = [
        job.picture(i, fade)
        for i in range(job.n)
        for fade in [
            (job.partial_images - k) / (job.partial_images + 1)
            for k in range(job.partial_images if streaming else 0)
        ]
        + [0.0]
    ]
    await asyncio.to_thread(lambda: [p.encode() for p in pictures])  # cached for what follows
    if not streaming:
        return json_response(render.body(request, job, step))
    frames = render.frames(job, step)
    if step is not None and step.fails_mid_stream:
        error = {"type": "error", **scripted_error(step.error).body(exchange.request_id)}  # type: ignore[arg-type]
        frames = chain(
            islice(frames, step.stream.error_after_chunks),  # type: ignore[union-attr]
            [(event_frame("error", error), False)],
        )
    pacing = Pacing.from_spec(step.stream if step is not None else None)
    return await send_stream(request, frames, pacing, random.Random(job.material), done=None)


async def _text_tokens(prompt: str | None) -> int:
    return (await tokenizer.encoding(render.TEXT_ENCODING)).count(prompt) if prompt else 0


# -- generations -----------------------------------------------------------------------------
async def generate(request: web.Request) -> web.StreamResponse:
    settings = state_of(request).settings
    exchange = exchange_of(request)
    req, body = validated(
        GenerateRequest,
        await read_json(request),
        unknown_parameter=True,
        lenient=settings.lenient,
        spec_check=lenient_check(request),
    )
    # Without a model the API uses dall-e-2, unless a GPT-image-only parameter is given.
    gpt_hint = any(body.get(k) is not None for k in GPT_ONLY) or req.quality in (
        "low",
        "medium",
        "high",
    )
    model = resolve(req.model, "gpt-image-1" if gpt_hint else "dall-e-2", lenient=settings.lenient)
    if settings.lenient:
        body = {k: v for k, v in body.items() if k not in model.refused()}
    n = req.n or 1
    if not settings.lenient:  # the real API's per-model rules
        check(model, body, prompt=req.prompt, n=n, size=req.size, quality=req.quality)
    size = served_size(model, req.size or model.default_size)
    job = render.Job(
        model,
        "image_generation",
        _material(request, "images.generations", body, []),
        n,
        "1024x1024" if size == "auto" else size,
        req.response_format or "url",
        prompt=req.prompt,
    )
    if model.gpt_image:
        _gpt_options(job, req)
        job.text_tokens = await _text_tokens(req.prompt)
    exchange.tokens = job.text_tokens
    call = Call(
        "images.generations",
        body,
        request.headers,
        exchange.session,
        model=model.id,
        last_user_message=req.prompt,
    )
    return await _answer(request, job, call, streaming=bool(req.stream))


# -- edits and variations --------------------------------------------------------------------
def _auto_size(width: int, height: int) -> str:
    """`size: auto` on an edit keeps the first image's orientation."""
    return "1536x1024" if width > height else "1024x1536" if height > width else "1024x1024"


def _upload_call(
    request: web.Request, endpoint: str, model: ImageModel, form: Form, prompt: str = ""
) -> Call:
    exchange = exchange_of(request)
    return Call(
        endpoint,
        exchange.body,
        request.headers,
        exchange.session,
        model=model.id,
        last_user_message=prompt,
        file_name=form.images[0].filename,
    )


async def _read_edit(
    request: web.Request, *, lenient: bool
) -> tuple[EditRequest, dict[str, Any], Form]:
    """The edit's request, fields and pictures: from a multipart form, or from a JSON body
    naming its pictures by reference (see references.py); one pipeline follows."""
    if request.content_type == "application/json":
        json_req, fields = validated(
            JsonEditRequest,
            await read_json(request),
            unknown_parameter=True,
            lenient=lenient,
            spec_check=lenient_check(request),
        )
        return json_req, fields, references.form(request, json_req, fields)
    form = await read_form(request, EDIT_MODEL)
    req, fields = validated(EditRequest, form.fields, unknown_parameter=True, lenient=lenient)
    missing_image(form)
    return req, fields, form


async def edit(request: web.Request) -> web.StreamResponse:
    settings = state_of(request).settings
    req, fields, form = await _read_edit(request, lenient=settings.lenient)
    model = resolve(req.model, EDIT_MODEL, lenient=settings.lenient)
    # JSON edits are for the GPT image models only: dall-e-2 edits are multipart forms.
    if settings.lenient:
        # the description's constraints only: any model, size and picture file pass
        fields = {k: v for k, v in fields.items() if k not in model.refused()}
    elif not model.edits or (isinstance(req, JsonEditRequest) and not model.gpt_image):
        raise invalid_model(model.id)
    n = req.n or 1
    if not settings.lenient:
        check(model, fields, prompt=req.prompt, n=n, size=req.size, quality=req.quality)
    if settings.lenient:
        inputs = any_sizes(form.images)
    elif model.gpt_image:
        inputs = gpt_inputs(form.images)
    else:
        if len(form.images) > 1:
            raise invalid_request("dall-e-2 edits take exactly one image.", "image")
        inputs = [png_for_dall_e(form.images[0], needs_alpha=form.mask is None)]
    if not settings.lenient:
        check_mask(form.mask, inputs[0])
    size = served_size(model, req.size or model.default_size)
    job = render.Job(
        model,
        "image_edit",
        _material(request, "images.edits", fields, form.images),
        n,
        _auto_size(*inputs[0]) if size == "auto" else size,
        req.response_format or "url",
        prompt=req.prompt,
    )
    if model.gpt_image:
        _gpt_options(job, req)
        job.text_tokens = await _text_tokens(req.prompt)
        job.image_tokens = sum(image_tokens(model.id, w, h, "high") for w, h in inputs)
    exchange_of(request).tokens = job.text_tokens + job.image_tokens
    call = _upload_call(request, "images.edits", model, form, req.prompt)
    return await _answer(request, job, call, streaming=bool(req.stream))


async def variation(request: web.Request) -> web.StreamResponse:
    settings = state_of(request).settings
    form = await read_form(request, VARIATION_MODEL)
    req, fields = validated(
        VariationRequest, form.fields, unknown_parameter=True, lenient=settings.lenient
    )
    missing_image(form)
    model = resolve(req.model, VARIATION_MODEL, lenient=settings.lenient)
    if settings.lenient:  # any model and picture file: served by the variation model's rules
        model = model if model.variations else resolve(None, VARIATION_MODEL, lenient=True)
    else:
        if not model.variations:
            raise invalid_model(model.id)
        png_for_dall_e(form.images[0], needs_alpha=False)
    job = render.Job(
        model,
        "image_variation",
        _material(request, "images.variations", fields, form.images[:1]),
        req.n or 1,
        served_size(model, req.size or model.default_size),
        req.response_format or "url",
    )
    call = _upload_call(request, "images.variations", model, form)
    return await _answer(request, job, call, streaming=False)


# -- the files behind the URLs ---------------------------------------------------------------
async def serve_file(request: web.Request) -> web.Response:
    """A returned URL's picture; the session rides in the query, since whoever follows the URL
    (a browser, an <img> tag) sends no X-Mockai-Session header."""
    session = request.query.get("session") or exchange_of(request).session
    stored = state_of(request).store.get(session, KIND, request.match_info["name"])
    if stored is None:
        raise APIError(404)
    return web.Response(body=stored.data, content_type=stored.media_type)
