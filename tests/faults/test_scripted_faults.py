"""Faults a scenario step scripts (`reset`, `stream.malformed_chunk_at`, `stream.stall_after_chunks`,
`disconnect_after_chunks`, `error_after_chunks`, `error.should_retry`), how they and chaos move
a scenario's sequence, and the settings and scenario files that are refused."""

from __future__ import annotations

import asyncio
import json
import time

import aiohttp
import openai
import pytest
from helpers import AUTH, api_json, chat_body, chat_outcome, post_chat
from openapi import parse_sse, parse_sse_events, validate_chat_chunk, validate_error

from mockai.config import Settings
from mockai.endpoints import endpoint_names
from mockai.scenarios import ScenarioProblems, load_text
from mockai.server.app import create_app

TEXT = "one two three four five six seven eight nine ten"
AB = [{"name": "ab", "replies": [{"content": "A"}, {"content": "B"}]}]


async def journal(client) -> list[dict]:
    return (await (await client.get("/_mockai/requests")).json())["data"]


async def content(client, headers: dict | None = None) -> str:
    body = await api_json(await post_chat(client, headers=headers))
    return body["choices"][0]["message"]["content"]


def data_lines(text: str) -> list[str]:
    return [frame[len("data: ") :] for frame in text.split("\n\n") if frame.startswith("data: ")]


# -- chaos and the sequence -------------------------------------------------------------


@pytest.mark.parametrize(
    "kind, stream, seen",
    [
        ("503", False, 503),
        ("429", True, 429),
        ("reset", False, "reset"),
        ("malformed_json", False, 200),
        ("wrong_content_type", False, 200),
        ("disconnect", True, "cut"),
        ("stream_error", True, 200),
        ("malformed_chunk", True, 200),
    ],
)
async def test_chaos_leaves_the_sequence_where_it_was(serve, kind, stream, seen):
    client = await serve(AB)
    assert await chat_outcome(client, stream, {"X-Mockai-Chaos": kind}) == seen
    assert await content(client) == "A"
    assert await content(client) == "B"
    first = (await journal(client))[0]
    assert first["fault"]["kind"] == kind and first["fault"]["source"] == "chaos"


async def test_a_stall_passes_and_the_request_takes_its_step(serve):
    client = await serve([{**AB[0], "chaos": {"rate": 0, "stall_ms": 50}}])
    assert await content(client, {"X-Mockai-Chaos": "stall"}) == "A"
    assert await content(client) == "B"


@pytest.mark.parametrize(
    "failing, seen, kind",
    [
        ({"error": 503}, 503, "503"),
        ({"reset": True}, "reset", "reset"),
        ({"error": {"status": 429, "retry_after": 2}}, 429, "429"),
    ],
)
async def test_a_scripted_fault_uses_up_its_step(serve, failing, seen, kind):
    client = await serve([{"name": "seq", "replies": [failing, {"content": "A"}]}])
    assert await chat_outcome(client, False) == seen
    assert await content(client) == "A"
    entries = await journal(client)
    assert [e["step"] for e in entries] == [0, 1]
    assert entries[0]["fault"] == {"kind": kind, "source": "scripted"}
    assert entries[1]["fault"] is None


# -- scripted faults --------------------------------------------------------------------


@pytest.mark.parametrize("stream", [False, True])
async def test_reset_step_drops_the_connection(serve, stream):
    client = await serve([{"name": "drop", "reply": {"reset": True}}])
    with pytest.raises((aiohttp.ClientOSError, aiohttp.ServerDisconnectedError)):
        response = await post_chat(client, chat_body(stream=stream))
        await response.read()
    [entry] = await journal(client)
    assert (entry["status"], entry["scenario"], entry["fault"]) == (
        None,
        "drop",
        {"kind": "reset", "source": "scripted"},
    )


async def test_malformed_chunk_at(serve):
    client = await serve(
        [{"name": "mangled", "reply": {"content": TEXT}, "stream": {"malformed_chunk_at": 3}}]
    )
    payloads = data_lines(await (await post_chat(client, chat_body(stream=True))).text())
    assert payloads[-1] == "[DONE]"
    with pytest.raises(json.JSONDecodeError):
        json.loads(payloads[3])
    for index, payload in enumerate(payloads[:-1]):
        if index != 3:
            validate_chat_chunk(json.loads(payload))
    # Not streamed: nothing to mangle, nothing recorded.
    assert await content(client) == TEXT
    assert [e["fault"] for e in await journal(client)] == [
        {"kind": "malformed_chunk", "source": "scripted", "after_chunks": 3},
        None,
    ]


def test_sdk_fails_on_a_malformed_chunk_at(mockai):
    mockai.add_scenario(
        {"name": "mangled", "reply": {"content": TEXT}, "stream": {"malformed_chunk_at": 2}}
    )
    received = []
    with pytest.raises(json.JSONDecodeError):
        for chunk in mockai.client(max_retries=0).chat.completions.create(
            model="gpt-4o", stream=True, messages=[{"role": "user", "content": "x"}]
        ):
            received.append(chunk)
    assert len(received) == 2


async def test_stall_after_chunks(serve):
    client = await serve(
        [
            {
                "name": "stalling",
                "reply": {"content": TEXT},
                "stream": {"stall_after_chunks": 3, "stall_ms": 300},
            }
        ]
    )
    response = await post_chat(client, chat_body(stream=True))
    arrivals = []
    while not arrivals or arrivals[-1][1] != b"data: [DONE]\n\n":
        frame = await response.content.readuntil(b"\n\n")
        arrivals.append((time.monotonic(), frame))
    gaps = [b[0] - a[0] for a, b in zip(arrivals, arrivals[1:], strict=False)]
    assert gaps[2] >= 0.25  # between frames 2 and 3
    assert gaps[2] == max(gaps)
    assert (
        "".join(
            json.loads(f[6:])["choices"][0]["delta"].get("content") or ""
            for _, f in arrivals[:-1]
            if json.loads(f[6:])["choices"]
        )
        == TEXT
    )
    [entry] = await journal(client)
    assert entry["fault"] == {"kind": "stream_stall", "source": "scripted", "after_chunks": 3}


async def test_stall_past_the_end_holds_back_done(serve):
    client = await serve(
        [
            {
                "name": "stalling",
                "reply": {"content": "short"},
                "stream": {"stall_after_chunks": 100, "stall_ms": 200},
            }
        ]
    )
    response = await post_chat(client, chat_body(stream=True))
    started = time.monotonic()
    frames = []
    while not frames or frames[-1] != b"data: [DONE]\n\n":
        frames.append(await response.content.readuntil(b"\n\n"))
        if len(frames) == 1:
            started = time.monotonic()
    assert time.monotonic() - started >= 0.15
    assert len(frames) > 2


async def test_disconnect_after_chunks_is_recorded_as_scripted(serve):
    client = await serve(
        [{"name": "cut", "reply": {"content": TEXT}, "stream": {"disconnect_after_chunks": 4}}]
    )
    response = await post_chat(client, chat_body(stream=True))
    received = b""
    with pytest.raises(aiohttp.ClientPayloadError):
        async for data in response.content.iter_any():
            received += data
    assert received.count(b"data: ") == 4 and b"[DONE]" not in received
    [entry] = await journal(client)
    assert entry["fault"] == {"kind": "disconnect", "source": "scripted", "after_chunks": 4}


async def test_error_after_chunks_is_recorded_as_scripted(serve):
    client = await serve(
        [
            {
                "name": "mid",
                "reply": {"content": TEXT, "error": 503, "stream": {"error_after_chunks": 2}},
            }
        ]
    )
    events = parse_sse(await (await post_chat(client, chat_body(stream=True))).text())
    assert len(events) == 4 and events[-1] == "[DONE]"
    validate_error(events[2])
    assert (await post_chat(client)).status == 503  # not streamed: the plain error
    assert [e["fault"] for e in await journal(client)] == [
        {"kind": "stream_error", "source": "scripted", "after_chunks": 2},
        {"kind": "503", "source": "scripted"},
    ]


async def test_should_retry_header(serve):
    client = await serve(
        [
            {
                "name": "no",
                "match": {"user": "no"},
                "reply": {"error": {"status": 500, "should_retry": False}},
            },
            {
                "name": "yes",
                "match": {"user": "yes"},
                "reply": {"error": {"status": 400, "should_retry": True}},
            },
            {"name": "plain", "reply": {"error": 500}},
        ]
    )
    response = await post_chat(client, chat_body("no"))
    assert (response.status, response.headers["x-should-retry"]) == (500, "false")
    await api_json(response)
    response = await post_chat(client, chat_body("yes"))
    assert (response.status, response.headers["x-should-retry"]) == (400, "true")
    assert "x-should-retry" not in (await post_chat(client, chat_body("other"))).headers


def test_sdk_obeys_should_retry(mockai):
    mockai.add_scenario(
        [
            {
                "name": "no",
                "match": {"user": "no"},
                "reply": {"error": {"status": 500, "should_retry": False}},
            },
            {
                "name": "yes",
                "match": {"user": "yes"},
                "reply": {"error": {"status": 400, "should_retry": True, "retry_after": 0.01}},
            },
        ]
    )
    client = mockai.client(max_retries=2)
    with pytest.raises(openai.InternalServerError):
        client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "no"}])
    assert len(mockai.requests) == 1  # a 500 the SDK would retry, but the server said not to
    with pytest.raises(openai.BadRequestError):
        client.chat.completions.create(
            model="gpt-4o", messages=[{"role": "user", "content": "yes"}]
        )
    assert [e["scenario"] for e in mockai.requests] == ["no", "yes", "yes", "yes"]


# -- refused settings and scenarios -----------------------------------------------------

RESET_WITH_CONTENT = """\
- name: ok
  reply: {content: fine}
- name: bad
  replies:
    - content: first
    - reset: true
      content: x
"""


def test_reset_with_a_reply_is_a_load_error():
    with pytest.raises(ScenarioProblems) as caught:
        load_text(RESET_WITH_CONTENT, "faults.yaml", endpoint_names())
    [problem] = caught.value.problems
    assert problem.startswith("faults.yaml:6: replies[1]: ")
    assert "reset: true" in problem


@pytest.mark.parametrize(
    "chaos, line, where",
    [
        ("{rate: 0.5, kinds: [503, nope]}", 2, "chaos.kinds"),
        ("{rate: 1.5}", 2, "chaos.rate"),
        ("{kinds: [503]}", 2, "chaos.rate"),
        ("{rate: 0.5, kinds: {stall: 1, bogus: 2}}", 2, "chaos.kinds"),
        ("{rate: 0.5, surprise: 1}", 2, "chaos.surprise"),
    ],
)
def test_bad_chaos_in_a_scenario_is_a_load_error(chaos, line, where):
    with pytest.raises(ScenarioProblems) as caught:
        load_text(
            f"- name: flaky\n  chaos: {chaos}\n  reply: {{content: ok}}\n",
            "flaky.yaml",
            endpoint_names(),
        )
    assert any(p.startswith(f"flaky.yaml:{line}: {where}") for p in caught.value.problems), (
        caught.value.problems
    )


async def test_chaos_kinds_written_as_numbers(serve):
    client = await serve(
        "- name: flaky\n  chaos: {rate: 1, kinds: [502]}\n  reply: {content: ok}\n"
    )
    assert (await post_chat(client)).status == 502


@pytest.mark.parametrize(
    "settings, message",
    [
        ({"chaos_kinds": ["nope"]}, "chaos_kinds: unknown kind 'nope'"),
        ({"chaos_kinds": ["503", "reste"]}, "chaos_kinds: unknown kind 'reste'"),
        ({"chaos_rate": 1.5}, "chaos_rate"),
        ({"chaos_rate": -0.1}, "chaos_rate"),
    ],
)
def test_bad_chaos_settings_are_refused(settings, message):
    with pytest.raises(ValueError, match=message):
        create_app(Settings(watch=False, quiet=True, **settings), [])


async def test_server_chaos_kinds_limit_the_draw(serve):
    client = await serve(chaos_rate=1, chaos_kinds=["502", "disconnect"])
    seen = [await chat_outcome(client, i % 2 == 1) for i in range(20)]
    kinds = [e["fault"]["kind"] for e in await journal(client)]
    assert kinds[0::2] == ["502"] * 10  # a non-streamed request cannot be cut
    assert set(kinds[1::2]) == {"502", "disconnect"}
    assert seen == [502 if kind == "502" else "cut" for kind in kinds]


# -- background responses ---------------------------------------------------------------


async def background_outcome(client) -> tuple[dict, dict]:
    """The queued answer to a background request, and the stored response once it is done."""
    response = await client.post(
        "/v1/responses",
        headers=AUTH,
        data=json.dumps({"model": "gpt-4o", "input": "hi", "background": True}),
    )
    queued = await api_json(response)
    for _ in range(100):
        current = await api_json(await client.get(f"/v1/responses/{queued['id']}", headers=AUTH))
        if current["status"] not in ("queued", "in_progress"):
            break
        await asyncio.sleep(0.01)
    return queued, current


@pytest.mark.parametrize("after", [0, 1, 2, 5])
async def test_background_response_failing_early_is_stored_failed(serve, after):
    # Created and queued go out with the answer to the request itself: a failure scripted
    # before them comes right after them (it used to crash at 0 and be lost at 1).
    client = await serve(
        [{"name": "early", "reply": {"error": 500, "stream": {"error_after_chunks": after}}}]
    )
    queued, done = await background_outcome(client)
    assert queued["status"] == "queued"
    assert done["status"] == "failed"
    assert done["error"]["code"] == "server_error"
    events = parse_sse_events(
        await (await client.get(f"/v1/responses/{queued['id']}?stream=true", headers=AUTH)).text()
    )
    names = [name for name, _ in events]
    assert names[:2] == ["response.created", "response.queued"]
    assert names[-1] == "response.failed" and names.count("response.failed") == 1
    assert len(names) == max(after, 2) + 1


async def test_background_response_hit_by_chaos_stream_error_is_stored_failed(serve):
    client = await serve(
        [
            {
                "name": "flaky",
                "reply": {"content": TEXT},
                "chaos": {"rate": 1, "kinds": ["stream_error"], "after_chunks": 1},
            }
        ]
    )
    queued, done = await background_outcome(client)
    assert done["status"] == "failed"
    assert (await journal(client))[0]["fault"] == {
        "kind": "stream_error",
        "source": "chaos",
        "after_chunks": 1,
    }


@pytest.mark.parametrize("kind", ["disconnect", "malformed_chunk", "stream_stall"])
async def test_background_responses_skip_stream_faults_they_cannot_show(serve, kind):
    client = await serve(
        [
            {
                "name": "bg",
                "reply": {"content": TEXT},
                "chaos": {"rate": 1, "kinds": [kind], "stall_ms": 5000},
            }
        ]
    )
    queued, done = await background_outcome(client)
    assert done["status"] == "completed"
    assert (await journal(client))[0]["fault"] is None


async def test_background_json_answer_can_be_spoiled(serve):
    client = await serve(
        [
            {
                "name": "bg",
                "reply": {"content": TEXT},
                "chaos": {"rate": 1, "kinds": ["malformed_json"]},
            }
        ]
    )
    response = await client.post(
        "/v1/responses",
        headers=AUTH,
        data=json.dumps({"model": "gpt-4o", "input": "hi", "background": True}),
    )
    assert response.status == 200
    with pytest.raises(json.JSONDecodeError):
        json.loads(await response.text())
    assert (await journal(client))[0]["fault"]["kind"] == "malformed_json"


async def test_journal_names_the_scenario_whose_request_chaos_spoiled(serve):
    client = await serve(
        [
            {
                "name": "flaky",
                "chaos": {"rate": 1, "kinds": ["503"]},
                "replies": [{"content": "A"}, {"content": "B"}],
            }
        ]
    )
    assert (await post_chat(client)).status == 503
    entry = (await journal(client))[0]
    assert (entry["scenario"], entry["step"], entry["fault"]["source"]) == ("flaky", None, "chaos")


async def test_a_bad_chaos_header_does_not_use_up_a_draw(serve):
    plain = await serve(chaos_rate=0.5, seed=3)
    bumped = await serve(chaos_rate=0.5, seed=3)
    assert (await post_chat(bumped, headers={"X-Mockai-Chaos": "bogus"})).status == 400
    outcomes = []
    for client in (plain, bumped):
        for _ in range(12):
            await post_chat(client)
        outcomes.append(
            [(e["status"], e["fault"]) for e in (await journal(client)) if e["status"] != 400]
        )
    assert outcomes[0] == outcomes[1]
    assert any(fault for _, fault in outcomes[0])


@pytest.mark.parametrize("kinds", ["[]", "{}", "{503: 0}", "{503: -1}"])
def test_chaos_that_could_never_strike_is_a_load_error(kinds):
    with pytest.raises(ScenarioProblems) as problems:
        load_text(
            f"- name: x\n  chaos: {{rate: 0.5, kinds: {kinds}}}\n  reply: {{content: hi}}\n",
            "never.yaml",
            endpoint_names(),
        )
    assert problems.value.problems[0].startswith("never.yaml:2: chaos.kinds")


def test_sdk_retries_a_reset_connection_and_gets_the_next_step(mockai):
    mockai.add_scenario(
        {"name": "reset-once", "replies": [{"reset": True}, {"content": "Reconnected."}]}
    )
    client = mockai.client(max_retries=1)
    reply = client.chat.completions.create(
        model="gpt-4o", messages=[{"role": "user", "content": "x"}]
    )
    assert reply.choices[0].message.content == "Reconnected."
    assert [e["status"] for e in mockai.requests] == [None, 200]
    with pytest.raises(openai.APIConnectionError):
        mockai.add_scenario({"name": "reset-once", "replies": [{"reset": True}]})
        mockai.client(max_retries=0).chat.completions.create(
            model="gpt-4o", messages=[{"role": "user", "content": "x"}]
        )
