"""Background responses: created `queued`, finished later, retrievable as they progress, and
their events replayed (`GET /v1/responses/{id}?stream=true`, `starting_after`) or followed
live (`background` with `stream` on create)."""

from __future__ import annotations

import asyncio
import time

from openapi import parse_sse_events, validate_schema
from responses_support import check_events, create, deltas, error_of, get, post, read_events, types

ANSWER = "Finished in the background."


def scripted(**step) -> list[dict]:
    return [{"name": "bg", "reply": {"content": ANSWER, **step}}]


async def poll(client, response_id: str, until: str, timeout: float = 5.0) -> dict:
    """Retrieve until the status is `until` (checking every body on the way)."""
    deadline = time.monotonic() + timeout
    while True:
        response = await get(client, f"/v1/responses/{response_id}")
        assert response.status == 200
        body = await response.json()
        validate_schema("Response", body)
        if body["status"] == until or time.monotonic() > deadline:
            return body
        await asyncio.sleep(0.02)


async def test_create_returns_queued_then_retrieve_shows_the_completed_response(serve):
    client = await serve(scripted())
    queued = await create(client, input="Work on this", background=True)
    assert (queued["status"], queued["background"]) == ("queued", True)
    assert queued["output"] == [] and queued["usage"] is None
    assert queued["completed_at"] is None
    done = await poll(client, queued["id"], "completed")
    assert done["status"] == "completed" and done["background"] is True
    assert done["output"][0]["content"][0]["text"] == ANSWER
    assert done["usage"]["output_tokens"] > 0
    assert (done["id"], done["created_at"]) == (queued["id"], queued["created_at"])


async def test_latency_keeps_it_queued_for_a_while(serve):
    client = await serve(scripted(latency_ms=800))
    await create(client, input="Warm the tokenizer up")  # a cold start is no part of the test
    started = time.monotonic()
    queued = await create(client, input="Slowly", background=True)
    assert queued["status"] == "queued"  # the create call does not wait for the latency
    assert (await poll(client, queued["id"], "never", timeout=0.05))["status"] == "queued"
    done = await poll(client, queued["id"], "completed")
    assert done["status"] == "completed"
    assert time.monotonic() - started >= 0.75


async def test_replay_with_stream_true_gives_every_event(serve):
    client = await serve(scripted())
    queued = await create(client, input="Work", background=True)
    await poll(client, queued["id"], "completed")
    events = await read_events(await get(client, f"/v1/responses/{queued['id']}?stream=true"))
    assert types(events)[:4] == [
        "response.created",
        "response.queued",
        "response.in_progress",
        "response.output_item.added",
    ]
    assert types(events)[-1] == "response.completed"
    assert events[0]["response"]["status"] == events[1]["response"]["status"] == "queued"
    assert events[2]["response"]["status"] == "in_progress"
    assert all(e["response"]["id"] == queued["id"] for e in events if "response" in e)
    assert "".join(deltas(events)) == ANSWER
    assert (
        events[-1]["response"]["output"]
        == (await poll(client, queued["id"], "completed"))["output"]
    )

    again = await read_events(await get(client, f"/v1/responses/{queued['id']}?stream=true"))
    assert again == events


async def test_starting_after_gives_only_the_later_events(serve):
    client = await serve(scripted())
    queued = await create(client, input="Work", background=True)
    await poll(client, queued["id"], "completed")
    path = f"/v1/responses/{queued['id']}?stream=true"
    every = await read_events(await get(client, path))
    response = await get(client, f"{path}&starting_after=4")
    assert response.status == 200
    text = await response.text()
    later = [e for e in every if e["sequence_number"] > 4]
    # numbering continues from 5, so check_events (which wants 0...) does not apply
    pairs = parse_sse_events(text)
    assert [name for name, _ in pairs] == [e["type"] for e in later]
    assert [data for _, data in pairs] == later
    for data in later:
        validate_schema("ResponseStreamEvent", data)
    last = every[-1]["sequence_number"]
    empty = await get(client, f"{path}&starting_after={last}")
    assert empty.status == 200 and (await empty.text()) == ""


async def test_stream_on_create_follows_the_live_events(serve):
    client = await serve(scripted(latency_ms=100, stream={"chunk_ms": 10}))
    events = await read_events(
        await post(client, {"model": "gpt-4o", "input": "Work", "background": True, "stream": True})
    )
    assert types(events)[:3] == ["response.created", "response.queued", "response.in_progress"]
    assert events[0]["response"]["status"] == "queued" and events[0]["response"]["background"]
    assert types(events)[-1] == "response.completed"
    assert "".join(deltas(events)) == ANSWER
    response_id = events[0]["response"]["id"]
    replay = await read_events(await get(client, f"/v1/responses/{response_id}?stream=true"))
    assert replay == events
    assert (await poll(client, response_id, "completed"))["status"] == "completed"


async def test_follow_a_response_that_is_still_running(serve):
    client = await serve(scripted(latency_ms=300))
    queued = await create(client, input="Work", background=True)
    events = await read_events(await get(client, f"/v1/responses/{queued['id']}?stream=true"))
    assert types(events)[0] == "response.created" and types(events)[-1] == "response.completed"
    assert "".join(deltas(events)) == ANSWER


async def test_background_with_a_function_call(serve):
    client = await serve(
        [
            {
                "name": "bg",
                "reply": {"tool_calls": [{"name": "get_weather", "arguments": {"city": "Bern"}}]},
            }
        ]
    )
    tool = {
        "type": "function",
        "name": "get_weather",
        "parameters": {"type": "object", "properties": {"city": {"type": "string"}}},
    }
    queued = await create(client, input="Weather", tools=[tool], background=True)
    done = await poll(client, queued["id"], "completed")
    assert done["output"][0]["type"] == "function_call"


async def test_cancel_before_it_runs_then_stream_shows_only_the_start(serve):
    client = await serve(scripted(latency_ms=500))
    queued = await create(client, input="Work", background=True)
    response = await post(client, path=f"/v1/responses/{queued['id']}/cancel")
    assert response.status == 200
    cancelled = await response.json()
    validate_schema("Response", cancelled)
    assert cancelled["status"] == "cancelled"
    await asyncio.sleep(0.6)
    assert (await poll(client, queued["id"], "cancelled"))["status"] == "cancelled"
    events = check_events(
        await (await get(client, f"/v1/responses/{queued['id']}?stream=true")).text()
    )
    assert "response.completed" not in types(events)


async def test_delete_a_running_background_response(serve):
    client = await serve(scripted(latency_ms=500))
    queued = await create(client, input="Work", background=True)
    response = await client.delete(
        f"/v1/responses/{queued['id']}", headers={"Authorization": "Bearer sk-test"}
    )
    assert response.status == 200
    await error_of(await get(client, f"/v1/responses/{queued['id']}"), 404)


async def test_stream_replay_of_a_foreground_response_is_a_400(serve):
    client = await serve(scripted())
    body = await create(client, input="Now")
    error = await error_of(await get(client, f"/v1/responses/{body['id']}?stream=true"), 400)
    assert error["message"] == "Only responses created with background=true can be streamed."


async def test_starting_after_must_be_an_integer(serve):
    client = await serve(scripted())
    queued = await create(client, input="Work", background=True)
    error = await error_of(
        await get(client, f"/v1/responses/{queued['id']}?stream=true&starting_after=abc"), 400
    )
    assert (error["param"], error["code"]) == ("starting_after", "invalid_type")
