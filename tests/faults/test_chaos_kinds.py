"""Every chaos kind as a raw HTTP client (and, where it matters, the official SDK) meets it:
forced with `X-Mockai-Chaos: KIND` or drawn by a scenario's `chaos: {rate: 1, kinds: [KIND]}`,
and recorded in the journal with its kind and source `chaos`."""

from __future__ import annotations

import asyncio
import json
import re
import time

import aiohttp
import openai
import pytest
from helpers import AUTH, api_json, chat_body, post_chat, sse
from openapi import (
    parse_sse,
    parse_sse_events,
    validate_chat_chunk,
    validate_error,
    validate_schema,
)

TEXT = "one two three four five six seven eight nine ten"
HOW = ["header", "scenario"]


async def forced(serve, how: str, kind: str, **chaos) -> tuple[object, dict]:
    """A server whose next request gets `kind`, and the headers to send for it. `chaos` holds
    the scenario's extra chaos settings (after_chunks, stall_ms), which a forced kind uses too."""
    scenario = {"name": "chaotic", "reply": {"content": TEXT}}
    if how == "header":
        if chaos:
            scenario["chaos"] = {"rate": 0, **chaos}
        return await serve([scenario]), {"X-Mockai-Chaos": kind}
    scenario["chaos"] = {"rate": 1, "kinds": [kind], **chaos}
    return await serve([scenario]), {}


async def journal(client) -> list[dict]:
    return (await (await client.get("/_mockai/requests")).json())["data"]


async def last_fault(client) -> dict | None:
    return (await journal(client))[-1]["fault"]


async def read_cut(response) -> tuple[list[bytes], bool]:
    """The complete SSE frames received, and whether the body was cut short."""
    received = b""
    cut = False
    try:
        async for data in response.content.iter_any():
            received += data
    except aiohttp.ClientPayloadError:
        cut = True
    frames = received.split(b"\n\n")
    return [f + b"\n\n" for f in frames[:-1]], cut


def data_of(frame: bytes) -> bytes:
    return frame[frame.rfind(b"data: ") + len(b"data: ") :].rstrip(b"\n")


async def post_responses(client, headers: dict | None = None, stream: bool = True):
    return await client.post(
        "/v1/responses",
        headers={**AUTH, **(headers or {})},
        data=json.dumps({"model": "gpt-4o", "input": "hi", "stream": stream}),
    )


# -- before any response ----------------------------------------------------------------

RATE_LIMIT = re.compile(
    r"Rate limit reached for gpt-4o in organization org-\w+ on requests per min \(RPM\): "
    r"Limit 10000, Used 10000, Requested 1\. Please try again in \d+ms\. Visit "
    r"https://platform\.openai\.com/account/rate-limits to learn more\."
)


@pytest.mark.parametrize("how", HOW)
@pytest.mark.parametrize("stream", [False, True])
async def test_429_is_the_real_rate_limit_answer(serve, how, stream):
    client, headers = await forced(serve, how, "429")
    response = await post_chat(client, chat_body(stream=stream), headers)
    assert response.status == 429
    body = await api_json(response)
    assert RATE_LIMIT.fullmatch(body["error"]["message"]), body
    assert (body["error"]["type"], body["error"]["code"]) == ("requests", "rate_limit_exceeded")
    assert int(response.headers["retry-after"]) >= 1
    assert int(response.headers["retry-after-ms"]) >= 1
    assert response.headers["x-ratelimit-remaining-requests"] == "0"
    assert response.headers["x-ratelimit-limit-requests"] == "10000"
    assert await last_fault(client) == {"kind": "429", "source": "chaos"}


async def test_429_under_configured_limits_shows_those_limits(serve):
    client = await serve([{"name": "limited", "limits": {"rpm": 60}, "reply": {"content": "ok"}}])
    response = await post_chat(client, headers={"X-Mockai-Chaos": "429"})
    assert response.status == 429
    body = await api_json(response)
    assert (
        "on requests per min (RPM): Limit 60, Used 60, Requested 1. Please try again in 1s."
        in body["error"]["message"]
    )
    assert (response.headers["retry-after"], response.headers["retry-after-ms"]) == ("1", "1000")
    assert response.headers["x-ratelimit-limit-requests"] == "60"
    assert response.headers["x-ratelimit-remaining-requests"] == "0"


ERROR_BODIES = {
    500: ("The server had an error processing your request. Sorry about that!", "server_error"),
    502: ("Bad gateway.", "cf_bad_gateway"),
    503: ("That model is currently overloaded with other requests.", "server_error"),
}


@pytest.mark.parametrize("how", HOW)
@pytest.mark.parametrize("status", sorted(ERROR_BODIES))
async def test_server_errors_have_their_bodies(serve, how, status):
    client, headers = await forced(serve, how, str(status))
    for stream in (False, True):
        response = await post_chat(client, chat_body(stream=stream), headers)
        assert response.status == status
        body = await api_json(response)
        message, kind = ERROR_BODIES[status]
        assert body["error"]["message"].startswith(message)
        assert (body["error"]["type"], body["error"]["code"], body["error"]["param"]) == (
            kind,
            None,
            None,
        )
        if status != 502:  # the real 500 and 503 texts name the request
            assert response.headers["x-request-id"] in body["error"]["message"]
    entries = await journal(client)
    assert [(e["status"], e["fault"]) for e in entries] == [
        (status, {"kind": str(status), "source": "chaos"})
    ] * 2


@pytest.mark.parametrize("how", HOW)
@pytest.mark.parametrize("stream", [False, True])
async def test_reset_drops_the_connection_without_an_answer(serve, how, stream):
    client, headers = await forced(serve, how, "reset")
    with pytest.raises((aiohttp.ClientOSError, aiohttp.ServerDisconnectedError)):
        response = await post_chat(client, chat_body(stream=stream), headers)
        await response.read()
    [entry] = await journal(client)
    assert entry["status"] is None
    assert entry["fault"] == {"kind": "reset", "source": "chaos"}
    # The server is fine: the next request without chaos is answered.
    if how == "header":
        assert (await post_chat(client)).status == 200


@pytest.mark.parametrize("how", HOW)
async def test_stall_then_the_answer(serve, how):
    client, headers = await forced(serve, how, "stall", stall_ms=300)
    with pytest.raises(asyncio.TimeoutError):
        response = await client.post(
            "/v1/chat/completions",
            data=json.dumps(chat_body()),
            headers={**AUTH, **headers},
            timeout=aiohttp.ClientTimeout(total=0.1),
        )
        await response.read()
    started = time.monotonic()
    response = await post_chat(client, chat_body(), headers)
    waited = time.monotonic() - started
    body = await api_json(response)
    assert body["choices"][0]["message"]["content"] == TEXT
    assert waited >= 0.25
    await asyncio.sleep(0.3)  # the abandoned request's stall ends too
    assert [e["fault"] for e in await journal(client)] == [{"kind": "stall", "source": "chaos"}] * 2
    assert (await journal(client))[-1]["duration_ms"] >= 250


def test_stall_without_a_length_lasts_until_the_client_gives_up(mockai):
    client = mockai.client(max_retries=0, timeout=0.3, default_headers={"X-Mockai-Chaos": "stall"})
    started = time.monotonic()
    with pytest.raises(openai.APITimeoutError):
        client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "x"}])
    assert time.monotonic() - started >= 0.25
    for _ in range(50):  # the server notices the client left and records it
        if mockai.requests:
            break
        time.sleep(0.02)
    [entry] = mockai.requests
    assert (entry["status"], entry["fault"]) == (499, {"kind": "stall", "source": "chaos"})


# -- on the finished body ---------------------------------------------------------------


@pytest.mark.parametrize("how", HOW)
async def test_malformed_json_is_a_200_that_does_not_parse(serve, how):
    client, headers = await forced(serve, how, "malformed_json")
    response = await post_chat(client, chat_body(), headers)
    assert response.status == 200
    assert response.headers["Content-Type"] == "application/json"
    text = await response.text()
    assert text.startswith('{"id":"chatcmpl-')
    with pytest.raises(json.JSONDecodeError):
        json.loads(text)
    assert response.headers["x-request-id"].startswith("req_")  # still the API's headers
    assert await last_fault(client) == {"kind": "malformed_json", "source": "chaos"}


@pytest.mark.parametrize("how", HOW)
async def test_wrong_content_type_is_an_html_page(serve, how):
    client, headers = await forced(serve, how, "wrong_content_type")
    response = await post_chat(client, chat_body(), headers)
    assert response.status == 200
    assert response.headers["Content-Type"] == "text/html; charset=utf-8"
    text = await response.text()
    assert text.startswith("<!DOCTYPE html>") and "OpenAI Platform" in text
    assert await last_fault(client) == {"kind": "wrong_content_type", "source": "chaos"}


async def test_body_faults_spare_error_answers(serve):
    client = await serve([{"name": "failing", "reply": {"error": 400}}])
    response = await post_chat(client, headers={"X-Mockai-Chaos": "malformed_json"})
    assert response.status == 400
    await api_json(response)
    assert await last_fault(client) == {"kind": "400", "source": "scripted"}


# -- inside the stream ------------------------------------------------------------------


@pytest.mark.parametrize("how", HOW)
async def test_disconnect_cuts_the_stream(serve, how):
    client, headers = await forced(serve, how, "disconnect", after_chunks=2)
    response = await post_chat(client, chat_body(stream=True), headers)
    assert response.status == 200
    frames, cut = await read_cut(response)
    assert cut
    assert len(frames) == 2
    for frame in frames:
        validate_chat_chunk(json.loads(data_of(frame)))
    assert await last_fault(client) == {"kind": "disconnect", "source": "chaos", "after_chunks": 2}


async def test_disconnect_after_a_drawn_number_of_chunks(serve):
    client = await serve()
    counts = []
    for _ in range(6):
        response = await post_chat(client, chat_body(stream=True), {"X-Mockai-Chaos": "disconnect"})
        frames, cut = await read_cut(response)
        assert cut and all(b"[DONE]" not in f for f in frames)
        counts.append(len(frames))
    recorded = [e["fault"]["after_chunks"] for e in await journal(client)]
    assert counts == recorded
    assert all(1 <= n <= 3 for n in counts)


@pytest.mark.parametrize("how", HOW)
async def test_stream_error_sends_an_error_frame_then_done(serve, how):
    client, headers = await forced(serve, how, "stream_error", after_chunks=3)
    response = await post_chat(client, chat_body(stream=True), headers)
    assert response.status == 200
    events = parse_sse(await response.text())
    assert len(events) == 5
    for chunk in events[:3]:
        validate_chat_chunk(chunk)
    validate_error(events[3])
    assert events[3]["error"]["type"] == "server_error"
    assert response.headers["x-request-id"] in events[3]["error"]["message"]
    assert events[4] == "[DONE]"
    entry = (await journal(client))[-1]
    assert (entry["status"], entry["fault"]) == (
        200,
        {"kind": "stream_error", "source": "chaos", "after_chunks": 3},
    )


@pytest.mark.parametrize("how", HOW)
async def test_malformed_chunk_breaks_one_frame(serve, how):
    client, headers = await forced(serve, how, "malformed_chunk", after_chunks=2)
    response = await post_chat(client, chat_body(stream=True), headers)
    frames, cut = await read_cut(response)
    assert not cut
    payloads = [data_of(f) for f in frames]
    assert payloads[-1] == b"[DONE]"
    with pytest.raises(json.JSONDecodeError):
        json.loads(payloads[2])
    assert payloads[2].startswith(b'{"id":"chatcmpl-')
    for index, payload in enumerate(payloads[:-1]):
        if index != 2:
            validate_chat_chunk(json.loads(payload))
    assert len(payloads) > 4  # the stream went on after the broken frame
    assert await last_fault(client) == {
        "kind": "malformed_chunk",
        "source": "chaos",
        "after_chunks": 2,
    }


@pytest.mark.parametrize("how", HOW)
async def test_stream_stall_pauses_between_two_frames(serve, how):
    client, headers = await forced(serve, how, "stream_stall", after_chunks=2, stall_ms=300)
    response = await post_chat(client, chat_body(stream=True), headers)
    assert response.status == 200
    arrivals = []
    while True:
        frame = await response.content.readuntil(b"\n\n")
        arrivals.append((time.monotonic(), frame))
        if data_of(frame) == b"[DONE]":
            break
    gaps = [later[0] - earlier[0] for earlier, later in zip(arrivals, arrivals[1:], strict=False)]
    assert gaps[1] >= 0.25  # between frame 1 and frame 2
    assert max(gaps[:1] + gaps[2:]) < gaps[1]
    for _, frame in arrivals[:-1]:
        validate_chat_chunk(json.loads(data_of(frame)))
    assert await last_fault(client) == {
        "kind": "stream_stall",
        "source": "chaos",
        "after_chunks": 2,
    }


async def test_responses_stream_error_fails_the_response(serve):
    client, headers = await forced(serve, "scenario", "stream_error", after_chunks=3)
    response = await post_responses(client, headers)
    assert response.status == 200
    events = parse_sse_events(await response.text())
    for name, data in events:
        assert name == data["type"]
        validate_schema("ResponseStreamEvent", data)
    assert [data["sequence_number"] for _, data in events] == list(range(4))
    assert [name for name, _ in events[:3]] == [
        "response.created",
        "response.in_progress",
        "response.output_item.added",
    ]
    failed = events[3][1]
    assert failed["type"] == "response.failed"
    assert failed["response"]["status"] == "failed"
    assert failed["response"]["error"]["code"] == "server_error"
    assert await last_fault(client) == {
        "kind": "stream_error",
        "source": "chaos",
        "after_chunks": 3,
    }


async def test_responses_stream_disconnect(serve):
    client = await serve()
    response = await post_responses(client, {"X-Mockai-Chaos": "disconnect"})
    assert response.status == 200
    frames, cut = await read_cut(response)
    assert cut
    fault = await last_fault(client)
    assert fault["kind"] == "disconnect" and fault["source"] == "chaos"
    assert len(frames) == fault["after_chunks"]
    names = [json.loads(data_of(f))["type"] for f in frames]
    assert names[0] == "response.created"
    assert "response.completed" not in names


async def test_responses_malformed_chunk(serve):
    client, headers = await forced(serve, "scenario", "malformed_chunk", after_chunks=1)
    frames, cut = await read_cut(await post_responses(client, headers))
    assert not cut
    assert frames[1].startswith(b"event: response.in_progress\ndata: {")
    with pytest.raises(json.JSONDecodeError):
        json.loads(data_of(frames[1]))
    assert json.loads(data_of(frames[-1]))["type"] == "response.completed"


def test_sdk_raises_on_a_stream_error(mockai):
    client = mockai.client(max_retries=0, default_headers={"X-Mockai-Chaos": "stream_error"})
    received = []
    with pytest.raises(openai.APIError, match="server had an error"):
        for chunk in client.chat.completions.create(
            model="gpt-4o", stream=True, messages=[{"role": "user", "content": "x"}]
        ):
            received.append(chunk)
    [entry] = mockai.requests
    assert entry["fault"]["kind"] == "stream_error"
    assert len(received) == entry["fault"]["after_chunks"]


def test_sdk_raises_on_a_malformed_chunk(mockai):
    client = mockai.client(max_retries=0, default_headers={"X-Mockai-Chaos": "malformed_chunk"})
    received = []
    with pytest.raises(json.JSONDecodeError):
        for chunk in client.chat.completions.create(
            model="gpt-4o", stream=True, messages=[{"role": "user", "content": "x"}]
        ):
            received.append(chunk)
    [entry] = mockai.requests
    assert len(received) == entry["fault"]["after_chunks"]


@pytest.mark.parametrize(
    "kind, error",
    [
        ("429", openai.RateLimitError),
        ("503", openai.InternalServerError),
        ("reset", openai.APIConnectionError),
        ("malformed_json", json.JSONDecodeError),
    ],
)
def test_sdk_sees_the_failure(mockai, kind, error):
    client = mockai.client(max_retries=0, default_headers={"X-Mockai-Chaos": kind})
    with pytest.raises(error):
        client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "x"}])
    assert [e["fault"]["kind"] for e in mockai.requests] == [kind]


def test_sdk_retry_after_chaos_gets_the_step_the_failed_attempt_would_have(mockai):
    mockai.add_scenario(
        {
            "name": "flaky",
            "chaos": {"rate": 0.5, "kinds": ["503"]},
            "replies": [{"content": "first"}, {"content": "second"}],
        }
    )
    reply = mockai.client(max_retries=3).chat.completions.create(
        model="gpt-4o", messages=[{"role": "user", "content": "x"}]
    )
    assert reply.choices[0].message.content == "first"
    # Seed 0: the session's first draw fails, the second does not.
    assert [(e["status"], e["step"]) for e in mockai.requests] == [(503, None), (200, 0)]
    calm = mockai.client(max_retries=0, default_headers={"X-Mockai-Chaos": "0"})
    reply = calm.chat.completions.create(
        model="gpt-4o", messages=[{"role": "user", "content": "x"}]
    )
    assert reply.choices[0].message.content == "second"


# -- asking for chaos -------------------------------------------------------------------


@pytest.mark.parametrize("value", ["bogus", "1.5", "-0.1", "nan", "RESET", "429,503"])
async def test_bad_chaos_header_is_a_400(serve, value):
    client = await serve()
    response = await post_chat(client, headers={"X-Mockai-Chaos": value})
    assert response.status == 400
    body = await api_json(response)
    assert (body["error"]["param"], body["error"]["code"], body["error"]["type"]) == (
        "X-Mockai-Chaos",
        "invalid_chaos",
        "invalid_request_error",
    )
    assert repr(value) in body["error"]["message"]


@pytest.mark.parametrize("kind", ["disconnect", "stream_error", "malformed_chunk", "stream_stall"])
async def test_stream_kind_on_a_plain_request_is_ignored(serve, kind):
    client = await serve()
    response = await post_chat(client, headers={"X-Mockai-Chaos": kind})
    assert response.status == 200
    await api_json(response)
    assert await last_fault(client) is None


@pytest.mark.parametrize("kind", ["malformed_json", "wrong_content_type"])
async def test_body_kind_on_a_stream_is_ignored(serve, kind):
    client = await serve()
    events = await sse(await post_chat(client, chat_body(stream=True), {"X-Mockai-Chaos": kind}))
    assert events[-1] == "[DONE]"
    assert await last_fault(client) is None


async def test_header_kind_beats_a_scenarios_chaos(serve):
    client = await serve(
        [{"name": "flaky", "chaos": {"rate": 1, "kinds": ["503"]}, "reply": {"content": "ok"}}]
    )
    assert (await post_chat(client, headers={"X-Mockai-Chaos": "502"})).status == 502
    assert (await post_chat(client, headers={"X-Mockai-Chaos": "0"})).status == 200
    assert (await post_chat(client)).status == 503


async def test_scenario_chaos_only_touches_its_own_requests(serve):
    client = await serve(
        [
            {
                "name": "flaky",
                "match": {"user": "flaky"},
                "chaos": {"rate": 1, "kinds": ["500"]},
                "reply": {"content": "ok"},
            },
            {"name": "steady", "reply": {"content": "fine"}},
        ]
    )
    assert (await post_chat(client, chat_body("flaky please"))).status == 500
    response = await post_chat(client, chat_body("steady please"))
    assert (await api_json(response))["choices"][0]["message"]["content"] == "fine"
