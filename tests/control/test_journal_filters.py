"""`GET /_mockai/requests` filters: scenario, path, status, since (an id or a timestamp) and
limit, alone and combined, over real requests (a scripted 429, a chaos 500, a 404); the 400s
that name the bad parameter; and the access log line that names a fault."""

from __future__ import annotations

import logging
import time
from typing import Any

import pytest
from helpers import AUTH, chat_body, post_chat
from openapi import validate_error

SCENARIOS = [
    {"name": "hello", "match": {"user": "hi"}, "reply": {"content": "Hello there"}},
    {
        "name": "flaky",
        "match": {"user": "flaky"},
        "replies": [{"error": {"status": 429, "code": "rate_limit_exceeded"}}, {"content": "ok"}],
    },
]


async def call(client, content: str, session: str | None = None, **headers: str) -> int:
    if session is not None:
        headers["X-Mockai-Session"] = session
    response = await post_chat(client, chat_body(content), headers)
    await response.read()
    return response.status


async def listed(client, query: str = "", **kwargs: Any) -> list[dict[str, Any]]:
    response = await client.get("/_mockai/requests" + query, **kwargs)
    body = await response.json()
    assert response.status == 200, body
    return body["data"]


async def refused(client, query: str) -> dict[str, Any]:
    response = await client.get("/_mockai/requests" + query)
    body = await response.json()
    assert response.status == 400, body
    validate_error(body)
    return body["error"]


@pytest.fixture
async def busy(serve):
    """A server that saw: hi (200), flaky (scripted 429), flaky (200), a chaos 500, a 404 on
    /v1/models/nope, and one more hi in session `other`."""
    client = await serve(SCENARIOS)
    assert await call(client, "hi") == 200
    assert await call(client, "flaky") == 429
    assert await call(client, "flaky") == 200
    assert await call(client, "no scenario", **{"X-Mockai-Chaos": "500"}) == 500
    response = await client.get("/v1/models/nope", headers=AUTH)
    assert response.status == 404
    assert await call(client, "hi", session="other") == 200
    return client


def summary(entries: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    return [(e["path"].rsplit("/", 1)[-1], e["scenario"], e["status"]) for e in entries]


async def test_no_filter_lists_everything_oldest_first(busy):
    assert summary(await listed(busy)) == [
        ("completions", "hello", 200),
        ("completions", "flaky", 429),
        ("completions", "flaky", 200),
        ("completions", None, 500),
        ("nope", None, 404),
        ("completions", "hello", 200),
    ]


async def test_scenario_by_name_and_dash_for_none(busy):
    assert [e["status"] for e in await listed(busy, "?scenario=flaky")] == [429, 200]
    assert summary(await listed(busy, "?scenario=-")) == [
        ("completions", None, 500),
        ("nope", None, 404),
    ]
    assert await listed(busy, "?scenario=fla") == []  # exact, not a prefix


async def test_path_glob_and_exact(busy):
    assert [e["path"] for e in await listed(busy, "?path=/v1/models/*")] == ["/v1/models/nope"]
    assert len(await listed(busy, "?path=/v1/chat/*")) == 5
    assert len(await listed(busy, "?path=/v1/chat/completions")) == 5
    assert await listed(busy, "?path=/v1/chat") == []  # no glob characters: exact


@pytest.mark.parametrize(
    "status, seen",
    [
        ("429", [429]),
        ("4xx", [429, 404]),
        ("5xx", [500]),
        ("429,500", [429, 500]),
        ("2xx,404", [200, 200, 404, 200]),
    ],
)
async def test_status_code_class_and_list(busy, status, seen):
    assert [e["status"] for e in await listed(busy, f"?status={status}")] == seen


async def test_the_faults_and_refusals_are_in_the_entries(busy):
    (chaos,) = await listed(busy, "?status=500")
    assert chaos["fault"] == {"kind": "500", "source": "chaos"}
    (scripted,) = await listed(busy, "?status=429")
    assert (scripted["scenario"], scripted["step"]) == ("flaky", 0)
    assert scripted["fault"] == {"kind": "429", "source": "scripted"}


async def test_session_header_and_query(busy):
    assert summary(await listed(busy, "?session=other")) == [("completions", "hello", 200)]
    only = await listed(busy, "", headers={"X-Mockai-Session": "other"})
    assert [e["session"] for e in only] == ["other"]


async def test_filters_combine(busy):
    assert summary(await listed(busy, "?scenario=hello&status=2xx&path=/v1/chat/*")) == [
        ("completions", "hello", 200),
        ("completions", "hello", 200),
    ]
    assert summary(await listed(busy, "?scenario=-&status=4xx")) == [("nope", None, 404)]
    assert await listed(busy, "?scenario=flaky&status=5xx") == []
    everything = await listed(busy)
    since = everything[1]["id"]
    assert summary(await listed(busy, f"?since={since}&scenario=flaky&limit=5")) == [
        ("completions", "flaky", 200)
    ]


async def test_limit_keeps_the_newest_oldest_first(busy):
    everything = await listed(busy)
    assert await listed(busy, "?limit=2") == everything[-2:]
    assert await listed(busy, "?limit=100") == everything
    assert summary(await listed(busy, "?scenario=-&limit=1")) == [("nope", None, 404)]


async def test_since_an_id_gives_what_came_after(busy):
    everything = await listed(busy)
    for i, entry in enumerate(everything):
        assert await listed(busy, f"?since={entry['id']}") == everything[i + 1 :]
    assert await call(busy, "hi") == 200
    (new,) = await listed(busy, f"?since={everything[-1]['id']}")
    assert new["id"] not in {e["id"] for e in everything}


async def test_since_an_id_no_longer_there_gives_everything(busy):
    last = (await listed(busy))[-1]["id"]
    response = await busy.delete("/_mockai/requests")
    assert response.status == 200
    assert await call(busy, "hi") == 200
    assert await call(busy, "flaky") == 200  # the sequence moved on: its second reply
    assert summary(await listed(busy, f"?since={last}")) == [
        ("completions", "hello", 200),
        ("completions", "flaky", 200),
    ]
    assert len(await listed(busy, "?since=req_neverissued")) == 2


async def test_since_an_evicted_id_gives_everything(serve):
    client = await serve(SCENARIOS, journal_size=3)
    for _ in range(4):
        assert await call(client, "hi") == 200
    kept = await listed(client)
    assert len(kept) == 3
    evicted = kept[0]["id"]
    assert await call(client, "hi") == 200
    assert len(await listed(client, f"?since={evicted}")) == 3
    assert await listed(client, f"?since={kept[-1]['id']}") != []


async def test_since_an_id_cleared_with_its_session_gives_what_came_after(busy):
    """A follower whose last entry went with its session (the pytest plugin clears each test's)
    sees neither a gap nor the other sessions' entries again."""
    everything = await listed(busy)
    other, first = everything[-1]["id"], everything[0]["id"]
    response = await busy.delete("/_mockai/requests?session=other")
    assert response.status == 200
    assert await listed(busy, f"?since={other}") == []
    assert len(await listed(busy, f"?since={first}")) == 4
    assert await call(busy, "hi") == 200
    assert summary(await listed(busy, f"?since={other}")) == [("completions", "hello", 200)]


async def test_only_the_last_journal_size_cleared_places_are_kept(serve):
    client = await serve(SCENARIOS, journal_size=2)
    assert await call(client, "hi", session="s2") == 200
    (kept,) = [e["id"] for e in await listed(client)]
    cleared = []
    for _ in range(3):
        assert await call(client, "hi", session="s1") == 200
        cleared.append((await listed(client))[-1]["id"])
        assert (await client.delete("/_mockai/requests?session=s1")).status == 200
        assert await listed(client, f"?since={cleared[-1]}") == []  # placed after `kept`
        if len(cleared) == 2:
            assert await listed(client, f"?since={cleared[0]}") == []
    # three cleared, two places kept: the oldest is unknown now, so it gives everything
    assert [e["id"] for e in await listed(client, f"?since={cleared[0]}")] == [kept]
    assert await listed(client, f"?since={cleared[1]}") == []


async def test_since_a_timestamp(serve):
    client = await serve(SCENARIOS)
    assert await call(client, "hi") == 200
    before = (await listed(client))[0]["timestamp"]
    time.sleep(0.01)  # the clock moves on before the second request starts
    assert await call(client, "flaky") == 429
    assert summary(await listed(client, f"?since={before}")) == [("completions", "flaky", 429)]
    assert len(await listed(client, f"?since={before - 1}")) == 2
    assert await listed(client, f"?since={time.time() + 60:.3f}") == []
    assert len(await listed(client, "?since=0")) == 2


@pytest.mark.parametrize(
    "query, param",
    [
        ("?limit=0", "limit"),
        ("?limit=abc", "limit"),
        ("?limit=-1", "limit"),
        ("?status=9xx", "status"),
        ("?status=42", "status"),
        ("?status=429,abc", "status"),
        ("?since=garbage", "since"),
        ("?since=nan", "since"),
    ],
)
async def test_bad_values_are_400s_naming_the_parameter(serve, query, param):
    client = await serve()
    error = await refused(client, query)
    assert error["param"] == param
    assert error["type"] == "invalid_request_error"


async def test_access_log_names_the_fault(serve, caplog):
    client = await serve(SCENARIOS, quiet=False)
    with caplog.at_level(logging.INFO, logger="mockai.access"):
        assert await call(client, "hi", **{"X-Mockai-Chaos": "503"}) == 503
        assert await call(client, "flaky") == 429
        assert await call(client, "hi") == 200
    lines = [r.getMessage() for r in caplog.records if r.name == "mockai.access"]
    chat = [line for line in lines if line.startswith("POST /v1/chat/completions")]
    assert chat[0].startswith("POST /v1/chat/completions 503 scenario=hello ")
    assert chat[0].endswith(" fault=chaos:503")
    assert chat[1].endswith(" fault=scripted:429")  # a step's scripted error
    assert "fault=" not in chat[2]
    assert "rate_limited" not in chat[2]


async def test_access_log_names_a_mid_stream_fault_and_the_limiter(serve, caplog):
    client = await serve(
        [{"name": "long", "reply": {"content": "one two three four five six"}}],
        quiet=False,
        rpm=1,
    )
    with caplog.at_level(logging.INFO, logger="mockai.access"):
        response = await post_chat(
            client, chat_body(stream=True), {"X-Mockai-Chaos": "stream_error"}
        )
        await response.read()
        assert await call(client, "again") == 429
    lines = [r.getMessage() for r in caplog.records if r.name == "mockai.access"]
    assert "fault=chaos:stream_error@" in lines[0]
    assert lines[1].startswith("POST /v1/chat/completions 429 ")
    assert lines[1].endswith(" rate_limited=requests")
