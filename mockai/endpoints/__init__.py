"""One module (or package) per endpoint family; each exposes `ROUTES`.

The app discovers them here, so adding a family is adding a module: nothing central to edit.
"""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass
from typing import Awaitable, Callable, Iterator

from aiohttp import web

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@dataclass(frozen=True)
class Route:
    method: str
    path: str  # below the /v1 prefix, e.g. "/chat/completions"
    handler: Handler


def all_routes() -> Iterator[Route]:
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        yield from getattr(module, "ROUTES", ())
