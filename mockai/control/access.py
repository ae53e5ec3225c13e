"""Who may call the control API and open the dashboard: loopback clients, or anyone with the
admin token, sent as `Authorization: Bearer TOKEN` or, as a browser does for a page, as the
password of HTTP Basic auth (any user name).

`X-Mockai-Session` (or `?session=`) narrows what a control call reads or clears to one session.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import ipaddress

from aiohttp import web

from mockai.errors import APIError
from mockai.toolkit.state import state_of

REALM = 'Basic realm="mockai"'


def session_of(request: web.Request) -> str | None:
    return request.query.get("session") or request.headers.get("x-mockai-session")


def loopback(remote: str | None) -> bool:
    """Loopback, including `::ffff:127.0.0.1`: how IPv4 clients of a dual-stack `::` socket look."""
    try:
        address = ipaddress.ip_address(remote) if remote is not None else None
    except ValueError:
        return remote == "local"  # unix sockets
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address is not None and address.is_loopback


def _sent_token(authorization: str) -> str:
    """The token in a Bearer header, or the password in a Basic one ('' when neither)."""
    scheme, _, value = authorization.partition(" ")
    if scheme.lower() == "bearer":
        return value.strip()
    if scheme.lower() == "basic":
        try:
            decoded = base64.b64decode(value.strip(), validate=True).decode()
        except (binascii.Error, UnicodeDecodeError):
            return ""
        return decoded.partition(":")[2]
    return ""


def guard(request: web.Request, *, challenge: bool = False) -> None:
    """Refuse the request unless it may use the control API: 403, or with `challenge` (a
    page a browser loads) 401 and `WWW-Authenticate: Basic`, so the browser asks for it."""
    token = state_of(request).settings.admin_token
    if token:
        authorization = request.headers.get("Authorization", "")
        # as bytes: compare_digest refuses str with non-ASCII characters (a TypeError)
        if hmac.compare_digest(
            _sent_token(authorization).encode(errors="surrogateescape"), token.encode()
        ):
            return
        if not loopback(request.remote):
            if challenge and not authorization:
                raise APIError(
                    401,
                    "The dashboard needs the admin token as the Basic auth password.",
                    type="invalid_request_error",
                    code=None,
                    headers={"WWW-Authenticate": REALM},
                )
            raise APIError(
                403, "The control API needs the admin token.", type="forbidden", code=None
            )
    elif not loopback(request.remote):
        raise APIError(
            403,
            "The control API only answers loopback clients unless --admin-token is set.",
            type="forbidden",
            code=None,
        )
