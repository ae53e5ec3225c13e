"""Requests a route sends to this very server, as the client that called it.

Batches (each input line) and the Responses WebSocket mode (each `response.create`) answer
through the HTTP route that serves the same request directly, over a real loopback call: so
validation, scenarios and their sequences, rate limits, chaos and the journal treat it exactly
as that direct request. Calling handlers in-process would need a forged aiohttp request and
would skip the middleware that makes answers what they are.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import aiohttp
from aiohttp import web

# What a batch's line requests carry (the batch's id): the journal shows it, and the Usage API
# counts them as batch usage.
BATCH_HEADER = "x-mockai-batch"

# Not forwarded: they describe the calling request's own transport, not what it asks for.
HOP_HEADERS = frozenset(
    {
        "host",
        "content-length",
        "content-type",
        "transfer-encoding",
        "connection",
        "keep-alive",
        "expect",
        "accept-encoding",
        "idempotency-key",
        "upgrade",
        "sec-websocket-key",
        "sec-websocket-version",
        "sec-websocket-extensions",
        "sec-websocket-protocol",
    }
)


@dataclass
class Loopback:
    """Where the calls go (the socket the caller came in through) and the caller's headers."""

    base_url: str
    unix_path: str | None
    headers: dict[str, str]

    def client(self) -> aiohttp.ClientSession:
        """A client session for these calls, without a total timeout (streams may be slow)."""
        return aiohttp.ClientSession(
            connector=aiohttp.UnixConnector(path=self.unix_path) if self.unix_path else None,
            timeout=aiohttp.ClientTimeout(total=None),
        )


def loopback(request: web.Request, *, drop: Iterable[str] = ()) -> Loopback:
    """This server as the caller reached it: the accepting socket's own address (not the Host
    header, which a proxy or port mapping may have rewritten), with the caller's headers but
    the hop-by-hop ones and `drop` (lower case)."""
    dropped = HOP_HEADERS.union(drop)
    headers = {k: v for k, v in request.headers.items() if k.lower() not in dropped}
    headers["Content-Type"] = "application/json"
    sockname = request.transport.get_extra_info("sockname") if request.transport else None
    if isinstance(sockname, str):
        return Loopback("http://localhost", sockname, headers)
    if sockname is None:
        host, port = request.url.host or "127.0.0.1", request.url.port
    else:
        host, port = sockname[0], sockname[1]
    shown = f"[{host}]" if ":" in host else host
    return Loopback(f"http://{shown}:{port}", None, headers)
