"""The handler of `POST /v1/embeddings` (see the package's docstring): checks, token counts,
scenario step, vectors; imported on the family's first request."""

from __future__ import annotations

import asyncio

from aiohttp import web

from mockai import tokenizer
from mockai.endpoints.embeddings.request import EmbeddingRequest, Profile, check_tokens, inputs
from mockai.errors import no_model
from mockai.models import capabilities
from mockai.retrieval.vectors import embedding
from mockai.scenarios.call import Call
from mockai.toolkit.http import json_response, read_request
from mockai.toolkit.scripted import answer_step
from mockai.toolkit.state import exchange_of, state_of
from mockai.usage import Metered

# What the real API reports in `model` when it differs from the name asked for.
SERVED_AS = {"text-embedding-ada-002": "text-embedding-ada-002-v2"}
BIG_BATCH_CHARS = 20_000


async def create(request: web.Request) -> web.Response:
    state = state_of(request)
    exchange = exchange_of(request)
    parsed = await read_request(request, EmbeddingRequest, missing_model=no_model)
    body, req = parsed.body, parsed.model
    model = state.models.resolve(req.model, lenient=state.settings.lenient)
    capabilities.check_endpoint(model, "embeddings")  # per-model capabilities (mockai.models)
    profile = Profile.of(model)
    size = profile.size(req.dimensions)
    items = inputs(req.input)
    tok = await tokenizer.encoding("cl100k_base" if model.generic else model.encoding)
    texts: list[str] = []
    counts: list[int] = []
    for item in items:
        if isinstance(item, str):
            texts.append(item)
            counts.append(len(tok.encode(item)))  # not `count`: its cache is for repeated prompts
        else:
            texts.append(_decoded(tok, item))
            counts.append(len(item))
    check_tokens(counts)
    exchange.tokens = sum(counts)

    call = Call(
        endpoint="embeddings",
        body=body,
        headers=request.headers,
        session=exchange.session,
        model=req.model,
        last_user_message="\n".join(texts),
    )
    step = await answer_step(request, call, streaming=False)
    prompt = sum(counts)
    if step is not None and step.usage is not None and step.usage.prompt_tokens is not None:
        prompt = step.usage.prompt_tokens
    served = SERVED_AS.get(model.id, model.served_as)
    exchange.billed = Metered("embeddings", served, input_tokens=prompt)

    def vectors() -> list[dict[str, object]]:
        return [
            {
                "object": "embedding",
                "index": index,
                "embedding": embedding(
                    text, model.id, state.settings.seed, profile.full, size, req.encoding_format
                ),
            }
            for index, text in enumerate(texts)
        ]

    # A big batch takes seconds of pure Python: off the event loop, so other requests go on.
    data = vectors() if sum(map(len, texts)) < BIG_BATCH_CHARS else await asyncio.to_thread(vectors)
    return json_response(
        {
            "object": "list",
            "data": data,
            "model": served,
            "usage": {"prompt_tokens": prompt, "total_tokens": prompt},
        }
    )


def _decoded(tok: tokenizer.Tokenizer, ids: list[int]) -> str:
    """Token ids embed like the text they spell; ids outside the vocabulary embed as numbers."""
    try:
        return "".join(tok.pieces_of(ids))
    except (KeyError, ValueError, OverflowError):
        return " ".join(map(str, ids))
