"""The handlers of the characters (see the package's docstring): create one from an uploaded
video, retrieve it."""

from __future__ import annotations

import asyncio
import time

from aiohttp import web

from mockai import ids
from mockai.endpoints.videos import footage, render
from mockai.endpoints.videos.request import CreateCharacter, read
from mockai.endpoints.videos.state import CHARACTERS
from mockai.errors import invalid_request, missing_parameter
from mockai.toolkit.http import json_response
from mockai.toolkit.lenient import generated
from mockai.toolkit.scripted import answer_if_targeted
from mockai.toolkit.state import exchange_of, state_of, stored

ENDPOINT = "videos"


def _stand_in(request: web.Request, character_id: str) -> dict[str, object]:
    return generated(request, "GetVideoCharacter", character_id)


async def create(request: web.Request) -> web.Response:
    state = state_of(request)
    sent = await read(request, CreateCharacter, "video")
    await answer_if_targeted(request, ENDPOINT, sent.body)
    if not state.settings.lenient:
        if sent.upload is None:
            raise missing_parameter("video")
        if await asyncio.to_thread(footage.probe, sent.upload.data, "video") is None:
            # The real wording is not known.
            raise invalid_request("Invalid video file.", "video", "invalid_value")
    character = render.character(ids.video_character_id(), sent.model.name, int(time.time()))
    state.store.put(exchange_of(request).session, CHARACTERS, character["id"], character)
    return json_response(character)


async def retrieve(request: web.Request) -> web.Response:
    return json_response(stored(request, CHARACTERS, "character_id", _stand_in))
