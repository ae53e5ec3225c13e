"""The hand-built operations' conformance cases: the client with the prerequisites a case
creates through mockai's own routes, and `case`, which registers a case under its operation id
(`"operationId stream"` for the streamed variant). `test_hand_built.py` holds the cases of the
first families; each later family keeps its own in `cases_<family>.py`, which `load` imports.
"""

from __future__ import annotations

import importlib
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import aiohttp
from generated import HAND_BUILT
from helpers import AUTH
from media import batch_line

from mockai.pytest_plugin import TEST_ADMIN_KEY

ADMIN = {"Authorization": f"Bearer {TEST_ADMIN_KEY}"}
FILE = tuple[str, bytes, str]  # a form's file part: (file name, bytes, content type)
FINE_TUNED = "ft:gpt-4o-mini-2024-07-18:mockai::conform1"


class Api:
    """The client, with the prerequisites a case creates through mockai's own routes."""

    def __init__(self, client: Any) -> None:
        self.client = client

    async def send(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        form: dict[str, str | FILE] | None = None,
        params: dict[str, str] | None = None,
        headers: dict[str, str] | None = None,
    ) -> aiohttp.ClientResponse:
        data = None
        if form is not None:
            data = aiohttp.FormData(default_to_multipart=True)
            for key, value in form.items():
                if isinstance(value, tuple):
                    data.add_field(key, value[1], filename=value[0], content_type=value[2])
                else:
                    data.add_field(key, value)
        admin = path.startswith(("/v1/organization", "/v1/fine_tuning/checkpoints"))
        auth = ADMIN if admin else AUTH
        return await self.client.request(
            method, path, json=json, data=data, params=params, headers={**auth, **(headers or {})}
        )

    async def made(self, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        """A prerequisite's answer, which must have succeeded."""
        response = await self.send(method, path, **kwargs)
        assert response.status == 200, (method, path, await response.text())
        return await response.json()

    async def file(self, purpose: str = "batch", content: bytes | None = None) -> str:
        part = ("input.jsonl", content or batch_line(), "application/jsonl")
        return (await self.made("POST", "/v1/files", form={"purpose": purpose, "file": part}))["id"]

    async def batch(self) -> str:
        body = {
            "input_file_id": await self.file(),
            "endpoint": "/v1/chat/completions",
            "completion_window": "24h",
        }
        return (await self.made("POST", "/v1/batches", json=body))["id"]

    async def stored_chat(self) -> str:
        body = {"model": "gpt-4o-mini", "messages": USER, "store": True, "metadata": {"k": "v"}}
        return (await self.made("POST", "/v1/chat/completions", json=body))["id"]

    async def stored_response(self, **extra: Any) -> str:
        body = {"model": "gpt-4o-mini", "input": "Hello", **extra}
        return (await self.made("POST", "/v1/responses", json=body))["id"]

    async def upload(self) -> str:
        line = batch_line()
        body = {
            "filename": "input.jsonl",
            "purpose": "batch",
            "bytes": len(line),
            "mime_type": "text/jsonl",
        }
        return (await self.made("POST", "/v1/uploads", json=body))["id"]


USER = [{"role": "user", "content": "Say this is a test"}]
Case = Callable[[Api], Awaitable[aiohttp.ClientResponse]]
CASES: dict[str, Case] = {}  # "operationId" or "operationId stream"


# The answer's check when it is not the description's JSON body (a download, an SDP answer...):
# by operation id, given with the case.
Check = Callable[[aiohttp.ClientResponse], Awaitable[None]]
CHECKS: dict[str, Check] = {}


def case(*names: str, check: Check | None = None) -> Callable[[Case], Case]:
    def register(function: Case) -> Case:
        for name in names:
            assert name.split()[0] in HAND_BUILT, name
            CASES[name] = function
            if check is not None:
                CHECKS[name.split()[0]] = check
        return function

    return register


def load() -> None:
    """Register the cases of every `cases_<family>.py` module next to this one."""
    for module in sorted(Path(__file__).parent.glob("cases_*.py")):
        importlib.import_module(module.stem)
