"""The Realtime API's ephemeral keys (client secrets, `ek_...`): issued by the Realtime HTTP
routes, read by the middleware, which lets one open only what a browser may open with it.

A client secret lives `expires_after.seconds` (10 to 7200, 600 by default: the API
reference's `expires_after`) and carries the session configuration it was made with. The
server keeps the secrets it issued, the newest `LIMIT`, each under the `X-Mockai-Session` that
made it (a reset forgets them); a key is looked up by its value alone, as a browser sends it
with no session header. Browsers, which cannot set headers on a WebSocket, offer the key as a
subprotocol, `openai-insecure-api-key.<key>`, next to `realtime` (the official Node SDK's
`OpenAIRealtimeWebSocket`); the server selects `realtime`.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from mockai import ids

PREFIX = "ek_"
SUBPROTOCOL = "realtime"  # the subprotocol a Realtime socket answers with
KEY_SUBPROTOCOL = "openai-insecure-api-key."  # + the key, offered by browsers
DEFAULT_TTL_S = 600
MIN_TTL_S = 10
MAX_TTL_S = 7200
LIMIT = 10_000


@dataclass(frozen=True)
class ClientSecret:
    value: str
    expires_at: int
    session: str | None  # the X-Mockai-Session that made it
    config: dict[str, Any]  # the session object it carries

    def expired(self) -> bool:
        return time.time() >= self.expires_at


def is_ephemeral(key: str) -> bool:
    return key.startswith(PREFIX)


def offered_key(protocols: str) -> str | None:
    """The key among a `Sec-WebSocket-Protocol` header's offered subprotocols, if any."""
    for offered in protocols.split(","):
        name = offered.strip()
        if name.startswith(KEY_SUBPROTOCOL) and len(name) > len(KEY_SUBPROTOCOL):
            return name[len(KEY_SUBPROTOCOL) :]
    return None


class EphemeralKeys:
    """The client secrets a server issued, the newest `limit`."""

    def __init__(self, limit: int = LIMIT) -> None:
        self.limit = limit
        self._keys: OrderedDict[str, ClientSecret] = OrderedDict()

    def issue(self, session: str | None, expires_at: int, config: dict[str, Any]) -> ClientSecret:
        secret = ClientSecret(ids.client_secret(), expires_at, session, config)
        self._keys[secret.value] = secret
        while len(self._keys) > self.limit:
            self._keys.popitem(last=False)
        return secret

    def get(self, value: str) -> ClientSecret | None:
        return self._keys.get(value)

    def reset(self, session: str | None, everywhere: bool = False) -> None:
        for value in [v for v, s in self._keys.items() if everywhere or s.session == session]:
            del self._keys[value]
