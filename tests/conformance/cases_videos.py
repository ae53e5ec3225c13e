"""Conformance cases of the videos family: jobs made first through mockai's own routes on the
instant job clock (so they are finished), forms as the official SDKs send them, and the MP4
and preview downloads checked as real files."""

from __future__ import annotations

import io

import aiohttp
from cases import Api, case
from PIL import Image

INSTANT = {"X-Mockai-Job-Clock": "instant"}


def _png(width: int, height: int) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (40, 90, 200)).save(out, "PNG")
    return out.getvalue()


async def _video(api: Api) -> str:
    body = {"prompt": "A lighthouse at dusk", "size": "1280x720", "seconds": "4"}
    return (await api.made("POST", "/v1/videos", json=body, headers=INSTANT))["id"]


async def _mp4(api: Api) -> bytes:
    response = await api.send("GET", f"/v1/videos/{await _video(api)}/content")
    assert response.status == 200
    return await response.read()


@case("createVideo")
async def _create(api: Api):
    form = {
        "prompt": "A calico cat playing a piano on stage",
        "model": "sora-2-pro",
        "size": "1024x1792",
        "seconds": "8",
        "input_reference": ("cat.png", _png(1024, 1792), "image/png"),
    }
    return await api.send("POST", "/v1/videos", form=form)


@case("ListVideos")
async def _list(api: Api):
    await _video(api)
    return await api.send("GET", "/v1/videos", params={"limit": "5", "order": "asc"})


@case("GetVideo")
async def _retrieve(api: Api):
    return await api.send("GET", f"/v1/videos/{await _video(api)}")


@case("DeleteVideo")
async def _delete(api: Api):
    return await api.send("DELETE", f"/v1/videos/{await _video(api)}")


async def _a_playable_mp4(response: aiohttp.ClientResponse) -> None:
    import av

    assert response.content_type == "video/mp4"
    with av.open(io.BytesIO(await response.read())) as container:
        stream = container.streams.video[0]
        assert (stream.width, stream.height) == (1280, 720)


@case("RetrieveVideoContent", check=_a_playable_mp4)
async def _content(api: Api):
    return await api.send("GET", f"/v1/videos/{await _video(api)}/content")


@case("CreateVideoRemix")
async def _remix(api: Api):
    body = {"prompt": "Extend the scene with the cat taking a bow"}
    return await api.send("POST", f"/v1/videos/{await _video(api)}/remix", json=body)


@case("CreateVideoEdit")
async def _edit(api: Api):
    body = {"video": {"id": await _video(api)}, "prompt": "Make the sky purple"}
    return await api.send("POST", "/v1/videos/edits", json=body)


@case("CreateVideoExtend")
async def _extend(api: Api):
    form = {"video[id]": await _video(api), "prompt": "The boat sails on", "seconds": "4"}
    return await api.send("POST", "/v1/videos/extensions", form=form)


async def _character(api: Api) -> str:
    form = {"name": "Captain", "video": ("captain.mp4", await _mp4(api), "video/mp4")}
    return (await api.made("POST", "/v1/videos/characters", form=form))["id"]


@case("CreateVideoCharacter")
async def _create_character(api: Api):
    form = {"name": "Lighthouse keeper", "video": ("keeper.mp4", await _mp4(api), "video/mp4")}
    return await api.send("POST", "/v1/videos/characters", form=form)


@case("GetVideoCharacter")
async def _get_character(api: Api):
    return await api.send("GET", f"/v1/videos/characters/{await _character(api)}")
