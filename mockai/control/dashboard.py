"""The dashboard: a page at `/_mockai/ui` that shows the server's traffic live.

Plain HTML, CSS and JavaScript shipped in the package (`dashboard_assets/`), read once and
served from memory by mockai itself: nothing is fetched from anywhere else, which the page's
Content-Security-Policy also enforces. Same access rule as the control API; a browser that is
not on loopback is asked for the admin token with HTTP Basic auth.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from aiohttp import web

from mockai.control.access import guard
from mockai.errors import APIError

PAGE = "index.html"
ASSETS = {
    PAGE: "text/html",
    "app.js": "text/javascript",
    "app.css": "text/css",
}
SECURITY_HEADERS = {
    "Cache-Control": "no-store",
    "Content-Security-Policy": (
        "default-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; "
        "frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


@cache
def _asset(name: str) -> bytes:
    return (resources.files(__package__) / "dashboard_assets" / name).read_bytes()


def _serve(name: str) -> web.Response:
    return web.Response(
        body=_asset(name), content_type=ASSETS[name], charset="utf-8", headers=SECURITY_HEADERS
    )


async def page(request: web.Request) -> web.Response:
    guard(request, challenge=True)
    return _serve(PAGE)


async def asset(request: web.Request) -> web.Response:
    guard(request, challenge=True)
    name = request.match_info["name"]
    if name not in ASSETS:
        raise APIError(404, f"No dashboard file {name!r}.", code=None)
    return _serve(name)


def add_routes(app: web.Application) -> None:
    app.router.add_get("/_mockai/ui", page)
    app.router.add_get("/_mockai/ui/{name}", asset)
