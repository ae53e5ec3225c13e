"""The baseline: a bare aiohttp app doing the least a JSON API can (parse the body, send fixed
JSON). mockai's throughput is reported as a ratio to this, measured in the same run. It runs on
the event loop mockai runs on (uvloop when installed), so the ratio compares the servers alone."""

from __future__ import annotations

import asyncio
import contextlib
import json
import sys

from aiohttp import web

REPLY = json.dumps({"id": "chatcmpl-x", "object": "chat.completion", "choices": []}).encode()


async def handle(request: web.Request) -> web.Response:
    await request.json()
    return web.Response(body=REPLY, content_type="application/json")


def main() -> None:
    with contextlib.suppress(ImportError):
        import uvloop

        asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())
    app = web.Application()
    app.router.add_post("/v1/chat/completions", handle)
    web.run_app(app, host="127.0.0.1", port=int(sys.argv[1]), access_log=None, print=None)


if __name__ == "__main__":
    main()
