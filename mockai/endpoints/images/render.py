"""Turning a validated images request into pictures and the real API's answer: the
ImagesResponse body (URLs served by mockai itself, or base64), GPT image token usage, and the
`partial_image` / `completed` events of a stream."""

from __future__ import annotations

import base64
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from mockai import generation
from mockai.endpoints.images.picture import MEDIA_TYPES, Picture
from mockai.endpoints.images.rules import OUTPUT_TOKENS, ImageModel
from mockai.endpoints.images.state import StoredImage, keep
from mockai.streaming.sse import event_frame
from mockai.toolkit.state import exchange_of, state_of
from mockai.vocabulary import Step

TEXT_ENCODING = "o200k_base"


@dataclass
class Job:
    """One request's pictures, everything about them decided."""

    model: ImageModel
    event_prefix: str  # "image_generation" or "image_edit"
    material: str  # seeds the drawing: the request, its inputs and --seed
    n: int
    size: str  # resolved, e.g. "1024x1024" (never "auto")
    response_format: str  # url | b64_json
    output_format: str = "png"
    background: str = "opaque"
    quality: str | None = None
    compression: int = 100
    partial_images: int = 0
    text_tokens: int = 0
    image_tokens: int = 0
    prompt: str | None = None
    created: int = field(default_factory=lambda: int(time.time()))

    @property
    def dimensions(self) -> tuple[int, int]:
        width, _, height = self.size.partition("x")
        return int(width), int(height)

    def picture(self, index: int, fade: float = 0.0) -> Picture:
        width, height = self.dimensions
        return Picture(
            f"{self.material}/{index}",
            width,
            height,
            self.output_format,
            self.background == "transparent",
            self.compression,
            fade,
        )

    def usage(self, step: Step | None, images: int) -> dict[str, Any]:
        """GPT image usage: the prompt's text tokens and the input images' tokens in, the
        pricing table's image tokens out; a scenario's `usage` overrides either side."""
        text, pictures = self.text_tokens, self.image_tokens
        output = OUTPUT_TOKENS[self.quality or "high"].get(self.size, 4160) * images
        override = step.usage if step is not None else None
        if override is not None and override.prompt_tokens is not None:
            text, pictures = override.prompt_tokens, 0
        if override is not None and override.completion_tokens is not None:
            output = override.completion_tokens
        return {
            "input_tokens": text + pictures,
            "input_tokens_details": {"image_tokens": pictures, "text_tokens": text},
            "output_tokens": output,
            "total_tokens": text + pictures + output,
        }


def revised_prompt(job: Job, step: Step | None, seed: int) -> str:
    """dall-e-3 rewrites every prompt; a scenario's `content` is the rewrite it reports."""
    if step is not None and step.content is not None:
        return step.content
    rng = generation.rng_for(seed, "images.revised_prompt", {"prompt": job.prompt})
    return f"{(job.prompt or '').rstrip('. ')}. {generation.text(rng, (1, 2))}"


def _url(request: web.Request, job: Job, data: bytes) -> str:
    """Keep the file and return where mockai serves it: an absolute URL on this very server,
    under the prefix the request came in on, carrying the session (a browser sends no header)."""
    session = exchange_of(request).session
    name = f"img-{os.urandom(12).hex()}.{job.output_format}"
    keep(state_of(request), session, StoredImage(name, data, MEDIA_TYPES[job.output_format]))
    prefix = request.path.rpartition("/images/")[0]
    query = f"?session={session}" if session else ""
    return f"{request.scheme}://{request.host}{prefix}/images/files/{name}{query}"


def body(request: web.Request, job: Job, step: Step | None) -> dict[str, Any]:
    seed = state_of(request).settings.seed
    data = []
    for index in range(job.n):
        encoded = job.picture(index).encode()
        item: dict[str, Any] = (
            {"b64_json": base64.b64encode(encoded).decode()}
            if job.response_format == "b64_json"
            else {"url": _url(request, job, encoded)}
        )
        if job.model.revises_prompt:
            item["revised_prompt"] = revised_prompt(job, step, seed)
        data.append(item)
    out: dict[str, Any] = {"created": job.created, "data": data}
    if job.model.gpt_image:
        out.update(
            background=job.background,
            output_format=job.output_format,
            size=job.size,
            quality=job.quality,
            usage=job.usage(step, job.n),
        )
    return out


def frames(job: Job, step: Step | None) -> Iterator[tuple[bytes, bool]]:
    """Per image: `partial_images` ever less washed-out partials, then the finished one."""
    shared = {
        "size": job.size,
        "quality": job.quality,
        "background": job.background,
        "output_format": job.output_format,
    }
    for index in range(job.n):
        for k in range(job.partial_images):
            fade = (job.partial_images - k) / (job.partial_images + 1)
            event: dict[str, Any] = {
                "type": f"{job.event_prefix}.partial_image",
                "b64_json": _b64(job.picture(index, fade)),
                "created_at": int(time.time()),
                **shared,
                "partial_image_index": k,
            }
            yield event_frame(event["type"], event), True
        event = {
            "type": f"{job.event_prefix}.completed",
            "b64_json": _b64(job.picture(index)),
            "created_at": int(time.time()),
            **shared,
            "usage": job.usage(step, 1),
        }
        yield event_frame(event["type"], event), True


def _b64(picture: Picture) -> str:
    return base64.b64encode(picture.encode()).decode()
