"""The baseline: a bare aiohttp app doing the least a JSON API can (parse the body, send fixed
JSON). mockai's throughput is reported as a ratio to this, measured in the same run. It runs on
the event loop mockai runs on (uvloop when installed), so the ratio compares the servers alone.

    python bench/baseline_app.py PORT [--real-shape]

`--real-shape` sends what a real chat completion answer looks like on the wire (a ~700-byte body
and the API's 11 extra headers), still fixed: what aiohttp itself costs for mockai's answers."""

from __future__ import annotations

import asyncio
import contextlib
import json
import sys

from aiohttp import web

REPLY = json.dumps({"id": "chatcmpl-x", "object": "chat.completion", "choices": []}).encode()


REAL_REPLY = json.dumps(
    {
        "id": "chatcmpl-" + "x" * 29,
        "object": "chat.completion",
        "created": 1763790000,
        "model": "gpt-4o-2024-08-06",
        "choices": [
            {
                "index": 0,
                "message": {
                    "role": "assistant",
                    "content": "This is a scripted benchmark answer of a typical short length.",
                    "refusal": None,
                    "annotations": [],
                },
                "logprobs": None,
                "finish_reason": "stop",
            }
        ],
        "usage": {
            "prompt_tokens": 12,
            "completion_tokens": 13,
            "total_tokens": 25,
            "prompt_tokens_details": {"cached_tokens": 0, "audio_tokens": 0},
            "completion_tokens_details": {
                "reasoning_tokens": 0,
                "audio_tokens": 0,
                "accepted_prediction_tokens": 0,
                "rejected_prediction_tokens": 0,
            },
        },
        "service_tier": "default",
        "system_fingerprint": "fp_0123456789",
    }
).encode()
REAL_HEADERS = {
    "x-request-id": "req_" + "0" * 32,
    "openai-processing-ms": "1",
    "openai-version": "2020-10-01",
    "openai-organization": "user-mockai",
    "access-control-expose-headers": "X-Request-ID",
    "x-ratelimit-limit-requests": "10000",
    "x-ratelimit-limit-tokens": "30000000",
    "x-ratelimit-remaining-requests": "9999",
    "x-ratelimit-remaining-tokens": "29999975",
    "x-ratelimit-reset-requests": "6ms",
    "x-ratelimit-reset-tokens": "0s",
}


async def handle(request: web.Request) -> web.Response:
    await request.json()
    return web.Response(body=REPLY, content_type="application/json")


async def handle_real_shape(request: web.Request) -> web.Response:
    await request.json()
    response = web.Response(body=REAL_REPLY, content_type="application/json")
    response.headers.update(REAL_HEADERS)
    return response


def main() -> None:
    with contextlib.suppress(ImportError):
        import uvloop

        asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())
    app = web.Application()
    app.router.add_post(
        "/v1/chat/completions", handle_real_shape if "--real-shape" in sys.argv else handle
    )
    web.run_app(app, host="127.0.0.1", port=int(sys.argv[1]), access_log=None, print=None)


if __name__ == "__main__":
    main()
