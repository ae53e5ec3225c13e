"""The job clock through the server: a batch and a background response move through their
states at the pace the test picks (the `X-Mockai-Job-Clock` header, a scenario's `job_clock`,
the `job_clock` setting), and a paused clock moves only when `POST /_mockai/jobs/advance` moves
it."""

from __future__ import annotations

import asyncio

import pytest
from files_support import chat_line, session_headers
from test_batches import start, wait

from mockai.config import SettingError, Settings
from mockai.server.app import create_app

PAUSED = {"X-Mockai-Job-Clock": "paused"}


async def _settle() -> None:
    await asyncio.sleep(0.05)  # time for a runner that could move to move


async def _status(client, path: str, headers: dict) -> str:
    response = await client.get(path, headers=headers)
    assert response.status == 200, await response.text()
    return (await response.json())["status"]


async def _advance(client, headers: dict, **body) -> dict:
    response = await client.post("/_mockai/jobs/advance", json=body, headers=headers)
    assert response.status == 200, await response.text()
    return await response.json()


async def test_a_paused_batch_moves_one_stage_per_advance(serve):
    client, headers = await serve(), {**session_headers(), **PAUSED}
    batch = await start(client, [chat_line("a"), chat_line("b")], headers)
    path = f"/v1/batches/{batch['id']}"
    await _settle()
    assert await _status(client, path, headers) == "validating"
    listed = await (await client.get("/_mockai/jobs", headers=headers)).json()
    assert listed["data"] == [{"id": batch["id"], "pace": "paused", "elapsed_s": 0.0}]
    moved = await _advance(client, headers, seconds=0.002)  # one stage of 2 ms
    assert moved == {"advanced": [batch["id"]], "seconds": 0.002}
    await _settle()
    assert await _status(client, path, headers) == "in_progress"
    await _advance(client, headers)  # to the end
    done, _ = await wait(client, batch["id"], headers, {"completed"})
    assert done["request_counts"] == {"total": 2, "completed": 2, "failed": 0}


async def test_an_instant_batch_completes_without_waiting(serve):
    client = await serve(job_clock="instant")
    headers = {**session_headers(), "X-Mockai-Batch-Line-Ms": "60000"}  # a minute a line
    batch = await start(client, [chat_line("a")], headers)
    done, _ = await wait(client, batch["id"], headers, {"completed"}, timeout=5)
    assert done["status"] == "completed"


async def test_a_scenario_pauses_the_job_it_answers(serve):
    scenario = {
        "name": "slow",
        "match": {"endpoint": "batches"},
        "job_clock": "paused",
        "reply": {"headers": {"x-slow": "yes"}},
    }
    client, headers = await serve([scenario]), session_headers()
    batch = await start(client, [chat_line("a")], headers)
    await _settle()
    assert await _status(client, f"/v1/batches/{batch['id']}", headers) == "validating"
    await _advance(client, headers, job=batch["id"])
    await wait(client, batch["id"], headers, {"completed"})


async def test_a_paused_background_response_stays_queued_until_advanced(serve):
    client, headers = await serve(), {**session_headers(), **PAUSED}
    body = {"model": "gpt-4o-mini", "input": "Hi", "background": True}
    response = await client.post("/v1/responses", json=body, headers=headers)
    created = await response.json()
    path = f"/v1/responses/{created['id']}"
    await _settle()
    assert await _status(client, path, headers) == "queued"
    await _advance(client, headers, job=created["id"])
    for _ in range(200):
        if await _status(client, path, headers) == "completed":
            break
        await asyncio.sleep(0.01)
    assert await _status(client, path, headers) == "completed"


async def test_reset_lets_a_paused_job_go(serve):
    client, headers = await serve(), {**session_headers(), **PAUSED}
    await start(client, [chat_line("a")], headers)
    await client.post("/_mockai/reset", headers=headers)
    listed = await (await client.get("/_mockai/jobs", headers=headers)).json()
    assert listed["data"] == []


async def test_the_clock_s_own_errors(serve):
    client, headers = await serve(), session_headers()
    bad = await client.post(
        "/v1/responses",
        json={"model": "gpt-4o-mini", "input": "Hi", "background": True},
        headers={**headers, "X-Mockai-Job-Clock": "warp"},
    )
    assert bad.status == 400
    assert "X-Mockai-Job-Clock" in (await bad.json())["error"]["message"]
    for body, param in (({"seconds": -1}, "seconds"), ({"seconds": "1"}, "seconds")):
        response = await client.post("/_mockai/jobs/advance", json=body, headers=headers)
        assert response.status == 400 and (await response.json())["error"]["param"] == param
    missing = await client.post("/_mockai/jobs/advance", json={"job": "batch_x"}, headers=headers)
    assert missing.status == 404
    for raw in (b"{oops", b"[1]"):  # not JSON, not an object: a 400, never a crash
        response = await client.post("/_mockai/jobs/advance", data=raw, headers=headers)
        assert response.status == 400
        assert (await response.json())["error"]["type"] == "invalid_request_error"
    empty = await client.post("/_mockai/jobs/advance", headers=headers)  # no body: to the end
    assert empty.status == 200 and (await empty.json())["seconds"] is None


def test_a_bad_setting_stops_the_server_with_its_name():
    with pytest.raises(SettingError, match="job_clock"):
        create_app(Settings(port=0, watch=False, quiet=True, job_clock="sometimes"))


def test_the_plugin_advances_its_session_s_jobs(mockai):
    client = mockai.client(default_headers=PAUSED)
    created = client.responses.create(model="gpt-4o-mini", input="Hi", background=True)
    assert client.responses.retrieve(created.id).status == "queued"
    assert mockai.advance_jobs() == [created.id]
    for _ in range(200):
        if client.responses.retrieve(created.id).status == "completed":
            break
    assert client.responses.retrieve(created.id).status == "completed"
