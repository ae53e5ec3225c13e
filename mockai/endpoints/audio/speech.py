"""The handler of `POST /v1/audio/speech`: text to real, playable audio, as a file, a chunked
stream of bytes, or (gpt-4o-mini-tts) server-sent `speech.audio.delta` / `speech.audio.done`
events.

What the real endpoint does that clients notice:
- Validation failures are the pydantic error list (`errors.py`); a missing `input` or `voice`
  is reported as an empty string that fails its constraint (openai/openai-node#1140).
- The voice list depends on the model: tts-1 and tts-1-hd refuse ballad, verse, marin and
  cedar (anasfik/openai#224), in an enum whose order is quoted in client reports.
- `stream_format: "sse"` and `instructions` are ignored by tts-1 and tts-1-hd, which answer
  with plain audio (measured in sfortis/openai_tts#73).
- A custom voice (`{"id": "voice_..."}`) must be one the session made (`/v1/audio/voices`,
  `mockai.toolkit.voices`): it is spoken with the built-in voice its id picks.
- Audio goes out with `Transfer-Encoding: chunked` (the spec's response header) and the
  format's own content type; a WAV carries 0xFFFFFFFF sizes (see `mockai.speech.wav`).
"""

from __future__ import annotations

import asyncio
import math
import random

from aiohttp import web

from mockai import speech, tokenizer
from mockai.endpoints.audio.errors import validate_body
from mockai.endpoints.audio.render import speech_frames
from mockai.endpoints.audio.request import (
    SteerableSpeech,
    StreamFormat,
    custom_voice,
    speech_schema,
)
from mockai.scenarios.call import Call
from mockai.streaming.pacing import Clock, Pacing
from mockai.toolkit import voices
from mockai.toolkit.http import lenient_check, read_json, send_stream, standard_headers
from mockai.toolkit.scripted import answer_step, with_error_frame
from mockai.toolkit.state import exchange_of, state_of
from mockai.usage import Metered

# gpt-4o-mini-tts bills about 1,250 audio tokens a minute of speech ($12 per 1M output tokens
# for an estimated $0.015 a minute, per OpenAI's pricing page).
OUTPUT_TOKENS_PER_SECOND = 1250 / 60
BYTE_CHUNKS_PER_SECOND = 4


async def _audio_stream(
    request: web.Request,
    data: bytes,
    content_type: str,
    seconds: float,
    pacing: Pacing,
    rng: random.Random,
) -> web.StreamResponse:
    """The file in chunks of a quarter second of audio each, paced like a scenario asks."""
    response = web.StreamResponse(
        headers={**standard_headers(request), "Content-Type": content_type}
    )
    response.enable_chunked_encoding()
    exchange_of(request).stream = response
    await response.prepare(request)
    count = max(1, math.ceil(seconds * BYTE_CHUNKS_PER_SECOND))
    size = max(1, math.ceil(len(data) / count))
    clock = Clock(pacing, rng, state_of(request).drain)
    try:
        for start in range(0, len(data), size):
            if not pacing.instant:
                await clock.tick()
            await response.write(data[start : start + size])
        await response.write_eof()
    except (ConnectionResetError, RuntimeError):
        pass  # the client went away mid-stream
    return response


async def create(request: web.Request) -> web.StreamResponse:
    state = state_of(request)
    exchange = exchange_of(request)
    body = await read_json(request)
    model = body.get("model") if isinstance(body.get("model"), str) else None
    schema = speech_schema(request, model)
    checked, custom = custom_voice(body)
    req = validate_body(schema, checked, lenient_check(request))
    voice = voices.speaking_voice(request, custom) if custom is not None else req.voice.value
    fmt = req.response_format.value
    steerable = schema is SteerableSpeech
    sse = steerable and req.stream_format is StreamFormat.sse
    tok = await tokenizer.encoding("o200k_base")
    input_tokens = tok.count(req.input) + (
        tok.count(req.instructions) if steerable and req.instructions else 0
    )
    exchange.tokens = input_tokens

    call = Call(
        "audio.speech",
        body,
        request.headers,
        exchange.session,
        model=req.model,
        last_user_message=req.input,
        system_message=req.instructions or "",
    )
    step = await answer_step(request, call, streaming=sse)
    exchange.billed = Metered("audio_speeches", req.model, characters=len(req.input))
    rng = speech.voice_rng(state.settings.seed, req.input, voice, req.speed)
    samples = await asyncio.to_thread(speech.pcm, req.input, voice, req.speed, rng)
    data = await asyncio.to_thread(speech.encode, samples, fmt)
    seconds = speech.duration(samples)
    pacing = Pacing.from_spec(step.stream if step is not None else None)
    if not sse:
        return await _audio_stream(request, data, speech.CONTENT_TYPES[fmt], seconds, pacing, rng)
    output_tokens = math.ceil(seconds * OUTPUT_TOKENS_PER_SECOND)
    usage = {
        "input_tokens": input_tokens,
        "output_tokens": output_tokens,
        "total_tokens": input_tokens + output_tokens,
    }
    frames = with_error_frame(speech_frames(data, seconds, usage), step, exchange.request_id)
    return await send_stream(request, frames, pacing, rng, done=None)
