"""What the dashboard reads, over HTTP: the page and its assets, the journal's answers and
stream chunks, scenario hits and positions, rate-limit buckets, and the chaos rate."""

from __future__ import annotations

import base64
import json
import re
from fnmatch import fnmatch
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiohttp.test_utils import make_mocked_request
from helpers import chat_body, post_chat

from mockai import journal as journal_module
from mockai.config import Settings
from mockai.control import dashboard
from mockai.control.access import REALM, guard
from mockai.control.inspect import get_chaos, list_ratelimits, set_chaos
from mockai.errors import APIError
from mockai.server.app import create_app
from mockai.toolkit.state import STATE

CUT = {
    "name": "cut",
    "match": {"user": "cut"},
    "stream": {"chunk_ms": 30, "disconnect_after_chunks": 3},
    "reply": {"content": "This sentence is cut off long before it ends, so nobody reads it."},
}
SEQ = {
    "name": "seq",
    "match": {"user": "seq"},
    "replies": [{"content": "one"}, {"content": "two"}, {"content": "three"}],
}


async def _journal(client) -> list[dict[str, Any]]:
    response = await client.get("/_mockai/requests")
    assert response.status == 200
    return (await response.json())["data"]


# -- the page ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path, content_type",
    [
        ("/_mockai/ui", "text/html"),
        ("/_mockai/ui/app.js", "text/javascript"),
        ("/_mockai/ui/app.css", "text/css"),
    ],
)
async def test_the_page_and_its_assets(serve, path: str, content_type: str):
    client = await serve()
    response = await client.get(path)
    assert response.status == 200
    assert response.content_type == content_type
    assert response.headers["Cache-Control"] == "no-store"
    assert response.headers["Content-Security-Policy"].startswith("default-src 'self'")
    text = await response.text()
    # nothing from elsewhere: no absolute URL in what the page loads or runs
    assert not re.search(r"(src|href)=\"(https?:)?//|url\((https?:)?//|import .* from \"http", text)


async def test_an_unknown_asset_is_an_openai_shaped_404(serve):
    client = await serve()
    response = await client.get("/_mockai/ui/secrets.txt")
    assert response.status == 404
    assert (await response.json())["error"]["message"] == "No dashboard file 'secrets.txt'."


def _mocked(remote: str, token: str | None, authorization: str | None):
    app = create_app(Settings(port=0, watch=False, quiet=True, admin_token=token), [])
    headers = {"Authorization": authorization} if authorization else {}
    return make_mocked_request("GET", "/_mockai/ui", headers=headers, app=app).clone(remote=remote)


def _basic(user: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


@pytest.mark.parametrize(
    "authorization, allowed",
    [
        (_basic("admin", "t0ken"), True),
        (_basic("", "t0ken"), True),
        ("Bearer t0ken", True),
        (_basic("admin", "wrong"), False),
        (_basic("t0ken", ""), False),  # the token is the password, not the user name
        ("Basic not-base64!", False),
        ("Bearer t\u00f6ken", False),  # not ASCII: refused, not a crash
        (_basic("admin", "t\u00f6ken"), False),
    ],
)
def test_basic_auth_carries_the_admin_token(authorization: str, allowed: bool):
    request = _mocked("203.0.113.7", "t0ken", authorization)
    if allowed:
        guard(request, challenge=True)
    else:
        with pytest.raises(APIError) as caught:
            guard(request, challenge=True)
        assert caught.value.status == 403


def test_a_token_that_is_not_ascii_works_too():
    guard(_mocked("203.0.113.7", "t\u00f6ken", _basic("admin", "t\u00f6ken")), challenge=True)
    guard(_mocked("203.0.113.7", "t\u00f6ken", "Bearer t\u00f6ken"))


def test_a_remote_browser_without_credentials_is_asked_for_them():
    with pytest.raises(APIError) as caught:
        guard(_mocked("203.0.113.7", "t0ken", None), challenge=True)
    assert caught.value.status == 401
    assert caught.value.headers == {"WWW-Authenticate": REALM}
    with pytest.raises(APIError) as caught:  # JSON routes are not challenged
        guard(_mocked("203.0.113.7", "t0ken", None))
    assert caught.value.status == 403
    with pytest.raises(APIError) as caught:  # no token configured: no credentials would do
        guard(_mocked("203.0.113.7", None, None), challenge=True)
    assert caught.value.status == 403


# -- the journal's answers --------------------------------------------------------------------


async def test_the_journal_keeps_the_answer(serve):
    client = await serve(rpm=100)
    response = await post_chat(client, chat_body("hello"))
    sent = await response.json()
    [entry] = await _journal(client)
    answer = entry["answer"]
    assert answer["status"] == 200 and answer["truncated"] is False
    assert answer["body"] == sent
    assert answer["size"] == len(json.dumps(sent, separators=(",", ":")).encode())
    assert answer["headers"]["x-request-id"] == response.headers["x-request-id"] == entry["id"]
    assert answer["headers"]["x-ratelimit-limit-requests"] == "100"  # not a secret
    assert entry["chunks"] is None and entry["cut"] is None


async def test_a_secret_answer_header_is_masked(serve):
    step = {"content": "x", "headers": {"X-Session-Token": "abcdefghijklmnop"}}
    client = await serve([{"name": "s", "match": {"user": "s"}, "reply": step}])
    await post_chat(client, chat_body("s"))
    [entry] = await _journal(client)
    assert entry["answer"]["headers"]["x-session-token"] == "abcd********mnop"


async def test_a_large_answer_is_shown_truncated(serve):
    client = await serve(journal_body_bytes=50)
    response = await post_chat(client, chat_body("hello"))
    raw = await response.read()
    [entry] = await _journal(client)
    answer = entry["answer"]
    assert answer["truncated"] is True and answer["size"] == len(raw)
    assert answer["body"] == raw[:50].decode()


async def test_a_cut_stream_keeps_its_chunks_and_where_it_was_cut(serve):
    client = await serve([CUT])
    response = await post_chat(client, chat_body("cut", stream=True))
    assert response.status == 200
    with pytest.raises(aiohttp.ClientPayloadError):  # the connection is cut after 3 chunks
        await response.read()
    [entry] = await _journal(client)
    chunks = entry["chunks"]
    assert [c["data"][:6] for c in chunks] == ["data: "] * 3
    times = [c["t_ms"] for c in chunks]
    assert times == sorted(times) and times[2] - times[1] >= 20  # chunk_ms: 30
    cut = entry["cut"]
    assert cut["after_chunks"] == 3 and cut["reason"] == "disconnect (scripted)"
    assert cut["t_ms"] >= times[-1]
    assert entry["answer"]["headers"]["Content-Type"] == "text/event-stream; charset=utf-8"
    assert entry["answer"]["body"] is None


async def test_a_whole_stream_ends_with_done_and_no_cut(serve):
    client = await serve()
    response = await post_chat(client, chat_body("hello", stream=True, max_tokens=5))
    text = await response.text()
    [entry] = await _journal(client)
    assert "".join(c["data"] for c in entry["chunks"]) == text
    assert entry["chunks"][-1]["data"] == "data: [DONE]\n\n"
    assert entry["cut"] is None and entry["chunks_more"] == 0


async def test_chunks_past_the_cap_are_counted(serve, monkeypatch):
    monkeypatch.setattr(journal_module, "TAP_CHUNKS", 2)
    client = await serve()
    response = await post_chat(client, chat_body("hello", stream=True, max_tokens=5))
    frames = (await response.text()).count("data: ")
    [entry] = await _journal(client)
    assert len(entry["chunks"]) == 2 and entry["chunks_more"] == frames - 2


# -- scenarios, buckets, chaos ----------------------------------------------------------------


async def test_scenarios_show_hits_and_each_sessions_position(serve):
    client = await serve([SEQ, {**CUT, "loop": True}])
    for session in ("a", "a", "b"):
        await post_chat(client, chat_body("seq"), headers={"X-Mockai-Session": session})
    scenarios = {
        s["name"]: s for s in (await (await client.get("/_mockai/scenarios")).json())["data"]
    }
    assert scenarios["seq"]["hits"] == 3
    positions = {p["session"]: p for p in scenarios["seq"]["positions"]}
    assert positions["a"] == {
        "session": "a",
        "answered": 2,
        "next_step": 2,
        "steps": 3,
        "loop": False,
    }
    assert positions["b"]["next_step"] == 1
    assert scenarios["cut"]["hits"] == 0 and scenarios["cut"]["positions"] == []


async def test_ratelimits_lists_the_buckets(serve):
    client = await serve(rpm=2, tpm=100_000)
    key = "sk-proj-0123456789abcdefghijklmn"
    for _ in range(2):
        await post_chat(
            client, chat_body(), headers={"Authorization": f"Bearer {key}", "X-Mockai-Session": "s"}
        )
    body = await (await client.get("/_mockai/ratelimits")).json()
    buckets = {b["dimension"]: b for b in body["data"]}
    rpm = buckets["rpm"]
    assert rpm["capacity"] == 2 and rpm["remaining"] == 0 and 0 < rpm["seconds_to_full"] <= 60
    assert rpm["session"] == "s" and rpm["model"] == "gpt-4o" and rpm["unit"] == "requests"
    assert rpm["key"] == "sk-proj-********************klmn"
    assert buckets["tpm"]["capacity"] == 100_000 and buckets["tpm"]["remaining"] < 100_000
    other = await (await client.get("/_mockai/ratelimits?session=other")).json()
    assert other["data"] == []


async def test_the_chaos_rate_is_set_at_run_time(serve):
    client = await serve()
    assert (await (await client.get("/_mockai/chaos")).json())["rate"] == 0
    response = await client.post("/_mockai/chaos", json={"rate": 1, "kinds": ["503"]})
    assert await response.json() == {"rate": 1.0, "kinds": ["503"]}
    assert (await post_chat(client, chat_body())).status == 503
    response = await client.post("/_mockai/chaos", json={"rate": 0})
    assert await response.json() == {"rate": 0.0, "kinds": ["503"]}  # kinds kept
    assert (await post_chat(client, chat_body())).status == 200


@pytest.mark.parametrize(
    "body, param",
    [
        ({"rate": 1.5}, "rate"),
        ({"rate": -0.1}, "rate"),
        ({"rate": "half"}, "rate"),
        ({"rate": True}, "rate"),
        ({"kinds": ["nope"]}, "kinds"),
        ({"kinds": "500"}, "kinds"),
    ],
)
async def test_a_bad_chaos_setting_is_a_400(serve, body: dict[str, Any], param: str):
    client = await serve()
    response = await client.post("/_mockai/chaos", json=body)
    assert response.status == 400
    error = (await response.json())["error"]
    assert error["param"] == param and error["type"] == "invalid_request_error"
    assert (await (await client.get("/_mockai/chaos")).json())["rate"] == 0  # unchanged


@pytest.mark.parametrize(
    "handler", [list_ratelimits, get_chaos, set_chaos, dashboard.page, dashboard.asset]
)
async def test_the_new_routes_refuse_other_hosts(handler):
    with pytest.raises(APIError) as caught:
        await handler(_mocked("203.0.113.7", None, None))
    assert caught.value.status == 403


def test_every_dashboard_file_ships_in_the_wheel():
    """The wheel takes the package data pyproject.toml declares: every asset must match it."""
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    root = Path(__file__).resolve().parents[2]
    setuptools = tomllib.loads((root / "pyproject.toml").read_text())["tool"]["setuptools"]
    patterns = setuptools["package-data"]["mockai.control"]
    folder = root / "mockai" / "control" / "dashboard_assets"
    files = sorted(p.name for p in folder.iterdir())
    assert files == sorted(dashboard.ASSETS)
    for name in files:
        assert any(fnmatch(f"dashboard_assets/{name}", pattern) for pattern in patterns), name


async def test_a_large_answer_is_not_kept_whole(serve):
    """An image in base64 JSON, some 100 kB: the journal shows its size and its first
    `journal_body_bytes`, and keeps no more (memory stays bounded however big the answers)."""
    client = await serve(journal_body_bytes=64)
    response = await client.post(
        "/v1/images/generations",
        json={"model": "gpt-image-1", "prompt": "A lighthouse at dusk", "size": "1024x1024"},
        headers={"Authorization": "Bearer sk-test"},
    )
    raw = await response.read()
    assert response.status == 200 and len(raw) > 10_000
    [entry] = await _journal(client)
    answer = entry["answer"]
    assert answer["size"] == len(raw) and answer["truncated"] is True
    assert answer["body"] == raw[:64].decode()
    [(_, kept)] = client.server.app[STATE].journal._entries
    assert len(kept["answer_body"]) == 64
