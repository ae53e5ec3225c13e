"""`/v1/evals` over raw HTTP: evals (data source configs as the real API reports them, testing
criteria read as graders, update, delete), runs on the job clock (paused, instant, realtime)
whose completions samples are scripted by scenarios and graded by their criteria, output
items and their pages, cancel, delete, the errors, and the scenario endpoint names. Every
JSON body is validated against the description."""

from __future__ import annotations

import asyncio
import re

from helpers import AUTH, api_json

EVAL_ID = re.compile(r"^eval_[0-9a-f]{32}$")
RUN_ID = re.compile(r"^evalrun_[0-9a-f]{32}$")
ITEM_ID = re.compile(r"^outputitem_[0-9a-f]{32}$")
PAUSED = {**AUTH, "X-Mockai-Job-Clock": "paused"}
INSTANT = {**AUTH, "X-Mockai-Job-Clock": "instant"}
REALTIME = {**AUTH, "X-Mockai-Job-Clock": "realtime"}

# The capital of each country, answered right for three and wrong for two.
ANSWERS = {"France": "Paris", "Japan": "Tokyo", "Italy": "Rome", "Spain": "Lisbon", "Peru": "Quito"}
CAPITALS = {"France": "Paris", "Japan": "Tokyo", "Italy": "Rome", "Spain": "Madrid", "Peru": "Lima"}
SCENARIOS = [
    {
        "name": f"capital-{country}",
        "match": {"endpoint": "chat.completions", "user": f"capital of {country}"},
        "reply": {"content": answer},
    }
    for country, answer in ANSWERS.items()
]
CRITERION = {
    "type": "string_check",
    "name": "Capital check",
    "input": "{{sample.output_text}}",
    "reference": "{{item.capital}}",
    "operation": "eq",
}
CONFIG = {
    "type": "custom",
    "item_schema": {
        "type": "object",
        "properties": {"country": {"type": "string"}, "capital": {"type": "string"}},
        "required": ["country", "capital"],
    },
    "include_sample_schema": True,
}
DATA_SOURCE = {
    "type": "completions",
    "model": "gpt-4o-mini",
    "input_messages": {
        "type": "template",
        "template": [
            {"role": "developer", "content": "Answer with the city only."},
            {
                "type": "message",
                "role": "user",
                "content": {
                    "type": "input_text",
                    "text": "What is the capital of {{item.country}}?",
                },
            },
        ],
    },
    "source": {
        "type": "file_content",
        "content": [{"item": {"country": c, "capital": city}} for c, city in CAPITALS.items()],
    },
    "sampling_params": {"temperature": 0.5, "seed": 7},
}


async def ok(response, status: int = 200) -> dict:
    assert response.status == status, await response.text()
    return await api_json(response)


async def error_of(response, status: int) -> dict:
    assert response.status == status, await response.text()
    return (await api_json(response))["error"]


async def make_eval(client, headers=AUTH, **body) -> dict:
    sent = {
        "name": "Capitals",
        "data_source_config": CONFIG,
        "testing_criteria": [CRITERION],
        **body,
    }
    return await ok(await client.post("/v1/evals", json=sent, headers=headers), 201)


async def start_run(client, eval_id: str, headers=INSTANT, **body) -> dict:
    sent = {"data_source": DATA_SOURCE, **body}
    return await ok(await client.post(f"/v1/evals/{eval_id}/runs", json=sent, headers=headers), 201)


async def get_run(client, eval_id: str, run_id: str) -> dict:
    return await ok(await client.get(f"/v1/evals/{eval_id}/runs/{run_id}", headers=AUTH))


async def finished(client, eval_id: str, run_id: str, timeout: float = 10.0) -> dict:
    for _ in range(int(timeout / 0.05)):
        run = await get_run(client, eval_id, run_id)
        if run["status"] in ("completed", "failed", "canceled"):
            return run
        await asyncio.sleep(0.05)
    raise AssertionError(f"run {run_id} did not finish: {run}")


async def advance(client, seconds: float = 1000) -> None:
    response = await client.post("/_mockai/jobs/advance", json={"seconds": seconds})
    assert response.status == 200, await response.text()


def check_counts(run: dict, passed: int, failed: int) -> None:
    assert run["result_counts"] == {
        "total": passed + failed,
        "errored": 0,
        "failed": failed,
        "passed": passed,
    }
    (criterion,) = run["per_testing_criteria_results"]
    assert criterion["testing_criteria"].startswith("Capital check-")
    assert (criterion["passed"], criterion["failed"]) == (passed, failed)


async def test_an_eval_reports_its_config_and_criteria(serve):
    client = await serve()
    made = await make_eval(client, metadata={"team": "geo"})
    assert EVAL_ID.match(made["id"]) and made["object"] == "eval"
    assert made["data_source_config"] == {
        "type": "custom",
        "schema": {
            "type": "object",
            "properties": {
                "item": CONFIG["item_schema"],
                "sample": made["data_source_config"]["schema"]["properties"]["sample"],
            },
            "required": ["item", "sample"],
        },
    }
    assert made["testing_criteria"] == [CRITERION]
    assert made["metadata"] == {"team": "geo"}
    assert await ok(await client.get(f"/v1/evals/{made['id']}", headers=AUTH)) == made

    logs = await make_eval(client, data_source_config={"type": "logs", "metadata": {"a": "b"}})
    assert logs["data_source_config"]["schema"]["required"] == ["item", "sample"]
    plain = await make_eval(
        client, data_source_config={"type": "custom", "item_schema": {"type": "object"}}
    )
    assert plain["data_source_config"]["schema"]["required"] == ["item"]

    updated = await ok(
        await client.post(
            f"/v1/evals/{made['id']}",
            json={"name": "Renamed", "metadata": {"v": "2"}},
            headers=AUTH,
        )
    )
    assert (updated["name"], updated["metadata"]) == ("Renamed", {"v": "2"})
    listed = await ok(await client.get("/v1/evals", params={"limit": "2"}, headers=AUTH))
    assert [e["id"] for e in listed["data"]] == [made["id"], logs["id"]] and listed["has_more"]

    gone = await ok(await client.delete(f"/v1/evals/{made['id']}", headers=AUTH))
    assert gone == {"object": "eval.deleted", "deleted": True, "eval_id": made["id"]}
    error = await error_of(await client.get(f"/v1/evals/{made['id']}", headers=AUTH), 404)
    assert made["id"] in error["message"]


async def test_a_run_passes_the_items_its_scripted_answers_get_right(serve):
    client = await serve(SCENARIOS)
    made = await make_eval(client)
    run = await start_run(client, made["id"], metadata={"k": "v"})
    assert RUN_ID.match(run["id"]) and run["status"] == "queued"
    assert (run["model"], run["name"], run["eval_id"]) == ("gpt-4o-mini", "gpt-4o-mini", made["id"])
    assert run["report_url"].endswith(f"{made['id']}&run_id={run['id']}")
    done = await finished(client, made["id"], run["id"])
    assert done["status"] == "completed"
    check_counts(done, passed=3, failed=2)
    (usage,) = done["per_model_usage"]
    assert usage["invocation_count"] == 5 and usage["model_name"].startswith("gpt-4o-mini")
    assert usage["total_tokens"] == usage["prompt_tokens"] + usage["completion_tokens"] > 0

    path = f"/v1/evals/{made['id']}/runs/{run['id']}/output_items"
    items = await ok(await client.get(path, headers=AUTH))
    assert len(items["data"]) == 5
    by_country = {i["datasource_item"]["country"]: i for i in items["data"]}
    assert {c: i["status"] for c, i in by_country.items()} == {
        "France": "pass",
        "Japan": "pass",
        "Italy": "pass",
        "Spain": "fail",
        "Peru": "fail",
    }
    spain = by_country["Spain"]
    assert ITEM_ID.match(spain["id"]) and spain["datasource_item_id"] == 3
    assert spain["sample"]["output"] == [{"role": "assistant", "content": "Lisbon"}]
    assert spain["sample"]["input"][1] == {
        "role": "user",
        "content": "What is the capital of Spain?",
    }
    assert (spain["sample"]["temperature"], spain["sample"]["seed"]) == (0.5, 7)
    (result,) = spain["results"]
    assert (result["passed"], result["score"]) == (False, 0.0)

    failed = await ok(await client.get(path, params={"status": "fail", "limit": "1"}, headers=AUTH))
    assert [i["status"] for i in failed["data"]] == ["fail"] and failed["has_more"]
    error = await error_of(await client.get(path, params={"status": "maybe"}, headers=AUTH), 400)
    assert error == {
        "message": "Invalid value: 'maybe'. Supported values are: 'fail' and 'pass'.",
        "type": "invalid_request_error",
        "param": "status",
        "code": "invalid_value",
    }
    one = await ok(await client.get(f"{path}/{spain['id']}", headers=AUTH))
    assert one == spain
    runs = await ok(await client.get(f"/v1/evals/{made['id']}/runs", headers=AUTH))
    assert [r["id"] for r in runs["data"]] == [run["id"]]


async def test_a_paused_run_stays_queued_until_advanced(serve):
    client = await serve(SCENARIOS)
    made = await make_eval(client)
    run = await start_run(client, made["id"], headers=PAUSED)
    await asyncio.sleep(0.1)
    assert (await get_run(client, made["id"], run["id"]))["status"] == "queued"
    await advance(client)
    done = await finished(client, made["id"], run["id"])
    check_counts(done, passed=3, failed=2)


async def test_a_realtime_run_completes_in_its_job_time(serve):
    client = await serve(SCENARIOS)
    made = await make_eval(client)
    run = await start_run(client, made["id"], headers=REALTIME)
    done = await finished(client, made["id"], run["id"])
    check_counts(done, passed=3, failed=2)


async def test_a_jsonl_run_grades_the_samples_given(serve):
    client = await serve()
    made = await make_eval(client)
    rows = [
        {"item": {"capital": "Paris"}, "sample": {"output_text": "Paris"}},
        {"item": {"capital": "Rome"}, "sample": {"output_text": "Milan"}},
    ]
    source = {"type": "jsonl", "source": {"type": "file_content", "content": rows}}
    run = await start_run(client, made["id"], data_source=source)
    done = await finished(client, made["id"], run["id"])
    check_counts(done, passed=1, failed=1)
    assert done["per_model_usage"] == []


async def test_a_jsonl_file_is_read_for_its_rows(serve):
    client = await serve()
    made = await make_eval(client)
    data = b'{"item": {"capital": "Paris"}, "sample": {"output_text": "Paris"}}\n'
    from aiohttp import FormData

    form = FormData()
    form.add_field("purpose", "evals")
    form.add_field("file", data, filename="rows.jsonl")
    uploaded = await ok(await client.post("/v1/files", data=form, headers=AUTH))
    source = {"type": "jsonl", "source": {"type": "file_id", "id": uploaded["id"]}}
    run = await start_run(client, made["id"], data_source=source)
    check_counts(await finished(client, made["id"], run["id"]), passed=1, failed=0)


async def test_cancel_and_delete_a_run(serve):
    client = await serve(SCENARIOS)
    made = await make_eval(client)
    run = await start_run(client, made["id"], headers=PAUSED)
    path = f"/v1/evals/{made['id']}/runs/{run['id']}"
    canceled = await ok(await client.post(path, headers=AUTH))
    assert canceled["status"] == "canceled"
    await advance(client)
    await asyncio.sleep(0.05)
    assert (await get_run(client, made["id"], run["id"]))["status"] == "canceled"
    gone = await ok(await client.delete(path, headers=AUTH))
    assert gone == {"object": "eval.run.deleted", "deleted": True, "run_id": run["id"]}
    await error_of(await client.get(path, headers=AUTH), 404)


async def test_the_errors(serve):
    client = await serve()
    await error_of(await client.get("/v1/evals/eval_nope", headers=AUTH), 404)
    made = await make_eval(client)
    await error_of(await client.get(f"/v1/evals/{made['id']}/runs/evalrun_nope", headers=AUTH), 404)
    bad = {**CRITERION, "operation": "equals"}
    error = await error_of(
        await client.post(
            "/v1/evals",
            json={"data_source_config": CONFIG, "testing_criteria": [bad]},
            headers=AUTH,
        ),
        400,
    )
    assert error["param"].startswith("testing_criteria[0]")
    error = await error_of(
        await client.post(
            "/v1/evals",
            json={"data_source_config": {"type": "custom"}, "testing_criteria": []},
            headers=AUTH,
        ),
        400,
    )
    assert error["param"] == "data_source_config.item_schema"
    error = await error_of(
        await client.post(
            f"/v1/evals/{made['id']}/runs",
            json={"data_source": {"type": "csv", "source": {}}},
            headers=AUTH,
        ),
        400,
    )
    assert (error["param"], error["code"]) == ("data_source.type", "invalid_value")
    error = await error_of(
        await client.post(
            f"/v1/evals/{made['id']}/runs",
            json={"data_source": {"type": "jsonl", "source": {"type": "file_id", "id": "file-x"}}},
            headers=AUTH,
        ),
        404,
    )


async def test_scenarios_answer_the_eval_endpoints(serve):
    literal = {"object": "eval.run", "id": "evalrun_literal"}
    client = await serve(
        [
            {
                "name": "boom",
                "match": {"endpoint": "evals"},
                "replies": [{"error": 503, "latency_ms": 50}],
            },
            {"name": "lit", "match": {"endpoint": "evals.runs"}, "reply": {"body": literal}},
        ]
    )
    error = await error_of(await client.get("/v1/evals", headers=AUTH), 503)
    assert error["message"]
    response = await client.post(
        "/v1/evals/eval_any/runs", json={"data_source": DATA_SOURCE}, headers=AUTH
    )
    assert response.status == 200 and await response.json() == literal


async def test_a_scenario_sets_a_runs_job_clock(serve):
    client = await serve(
        [
            {"name": "slow", "match": {"endpoint": "evals.runs"}, "reply": {"job_clock": "paused"}},
            *SCENARIOS,
        ]
    )
    made = await make_eval(client)
    run = await start_run(client, made["id"], headers=AUTH)
    await asyncio.sleep(0.1)
    assert (await get_run(client, made["id"], run["id"]))["status"] == "queued"
    await advance(client)
    check_counts(await finished(client, made["id"], run["id"]), passed=3, failed=2)


async def test_a_responses_data_source_samples_through_responses(serve):
    scenarios = [
        {
            "name": f"r-{country}",
            "match": {"endpoint": "responses", "user": f"capital of {country}"},
            "reply": {"content": answer},
        }
        for country, answer in ANSWERS.items()
    ]
    client = await serve(scenarios)
    made = await make_eval(client)
    source = {
        **DATA_SOURCE,
        "type": "responses",
        "sampling_params": {"temperature": 0.2, "max_completion_tokens": 50},
    }
    run = await start_run(client, made["id"], data_source=source)
    done = await finished(client, made["id"], run["id"])
    check_counts(done, passed=3, failed=2)
    items = await ok(
        await client.get(f"/v1/evals/{made['id']}/runs/{run['id']}/output_items", headers=AUTH)
    )
    sample = items["data"][0]["sample"]
    assert sample["max_completion_tokens"] == 50 and sample["usage"]["prompt_tokens"] > 0


async def test_a_failed_sample_is_counted_errored(serve):
    scenarios = [
        {
            "name": "down",
            "match": {"endpoint": "chat.completions", "user": "capital of Peru"},
            "reply": {"error": 500},
        },
        *SCENARIOS,
    ]
    client = await serve(scenarios)
    made = await make_eval(client)
    run = await start_run(client, made["id"])
    done = await finished(client, made["id"], run["id"])
    assert done["result_counts"] == {"total": 5, "errored": 1, "failed": 1, "passed": 3}
    items = await ok(
        await client.get(
            f"/v1/evals/{made['id']}/runs/{run['id']}/output_items",
            params={"status": "fail"},
            headers=AUTH,
        )
    )
    errored = [i for i in items["data"] if i["sample"]["error"] is not None]
    assert len(errored) == 1 and errored[0]["results"] == []
    assert errored[0]["sample"]["error"]["code"]


async def test_a_scripted_latency_delays_the_eval_routes(serve):
    client = await serve(
        [{"name": "slow", "match": {"endpoint": "evals"}, "reply": {"latency_ms": 300}}]
    )
    started = asyncio.get_running_loop().time()
    await ok(await client.get("/v1/evals", headers=AUTH))
    assert asyncio.get_running_loop().time() - started >= 0.3
