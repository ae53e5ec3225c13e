"""Conformance cases of the evals family: an eval with a string check made first, runs over
inline items on the instant job clock (so they are finished when read), their output items."""

from __future__ import annotations

import asyncio
from typing import Any

from cases import Api, case

INSTANT = {"X-Mockai-Job-Clock": "instant"}
CRITERION = {
    "type": "string_check",
    "name": "Label check",
    "input": "{{sample.output_text}}",
    "reference": "{{item.label}}",
    "operation": "ilike",
}
CONFIG = {
    "type": "custom",
    "item_schema": {"type": "object", "properties": {"label": {"type": "string"}}},
    "include_sample_schema": True,
}
DATA_SOURCE = {
    "type": "completions",
    "model": "gpt-4o-mini",
    "input_messages": {
        "type": "template",
        "template": [{"role": "user", "content": "Say {{item.label}}."}],
    },
    "source": {"type": "file_content", "content": [{"item": {"label": "hello"}}]},
}


async def _created(api: Api, path: str, body: dict[str, Any]) -> dict[str, Any]:
    response = await api.send("POST", path, json=body, headers=INSTANT)
    assert response.status == 201, (path, await response.text())
    return await response.json()


async def _eval(api: Api) -> str:
    body = {"name": "Labels", "data_source_config": CONFIG, "testing_criteria": [CRITERION]}
    return (await _created(api, "/v1/evals", body))["id"]


async def _run(api: Api) -> tuple[str, str]:
    eval_id = await _eval(api)
    run = await _created(api, f"/v1/evals/{eval_id}/runs", {"data_source": DATA_SOURCE})
    for _ in range(200):
        response = await api.send("GET", f"/v1/evals/{eval_id}/runs/{run['id']}")
        if (await response.json())["status"] == "completed":
            break
        await asyncio.sleep(0.02)
    return eval_id, run["id"]


@case("createEval")
async def _create(api: Api):
    body = {
        "name": "Labels",
        "data_source_config": CONFIG,
        "testing_criteria": [CRITERION],
        "metadata": {"team": "qa"},
    }
    return await api.send("POST", "/v1/evals", json=body)


@case("listEvals")
async def _list(api: Api):
    await _eval(api)
    return await api.send("GET", "/v1/evals", params={"limit": "5", "order": "asc"})


@case("getEval")
async def _retrieve(api: Api):
    return await api.send("GET", f"/v1/evals/{await _eval(api)}")


@case("updateEval")
async def _update(api: Api):
    body = {"name": "Renamed", "metadata": {"v": "2"}}
    return await api.send("POST", f"/v1/evals/{await _eval(api)}", json=body)


@case("deleteEval")
async def _delete(api: Api):
    return await api.send("DELETE", f"/v1/evals/{await _eval(api)}")


@case("createEvalRun")
async def _create_run(api: Api):
    body = {"name": "First", "data_source": DATA_SOURCE}
    return await api.send("POST", f"/v1/evals/{await _eval(api)}/runs", json=body)


@case("getEvalRuns")
async def _list_runs(api: Api):
    eval_id, _ = await _run(api)
    return await api.send("GET", f"/v1/evals/{eval_id}/runs", params={"status": "completed"})


@case("getEvalRun")
async def _retrieve_run(api: Api):
    eval_id, run_id = await _run(api)
    return await api.send("GET", f"/v1/evals/{eval_id}/runs/{run_id}")


@case("cancelEvalRun")
async def _cancel_run(api: Api):
    eval_id = await _eval(api)
    paused = {"X-Mockai-Job-Clock": "paused"}
    response = await api.send(
        "POST", f"/v1/evals/{eval_id}/runs", json={"data_source": DATA_SOURCE}, headers=paused
    )
    run_id = (await response.json())["id"]
    return await api.send("POST", f"/v1/evals/{eval_id}/runs/{run_id}")


@case("deleteEvalRun")
async def _delete_run(api: Api):
    eval_id, run_id = await _run(api)
    return await api.send("DELETE", f"/v1/evals/{eval_id}/runs/{run_id}")


@case("getEvalRunOutputItems")
async def _output_items(api: Api):
    eval_id, run_id = await _run(api)
    path = f"/v1/evals/{eval_id}/runs/{run_id}/output_items"
    return await api.send("GET", path, params={"status": "pass", "limit": "10"})


@case("getEvalRunOutputItem")
async def _output_item(api: Api):
    eval_id, run_id = await _run(api)
    path = f"/v1/evals/{eval_id}/runs/{run_id}/output_items"
    listed = await api.made("GET", path)
    return await api.send("GET", f"{path}/{listed['data'][0]['id']}")
