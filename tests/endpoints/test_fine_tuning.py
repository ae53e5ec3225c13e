"""`/v1/fine_tuning/jobs` and checkpoint permissions over raw HTTP: a job from an uploaded file
to a usable `ft:` model under each job clock pace, bad files, events and checkpoints, pause,
resume and cancel, permissions, scenarios, sessions and `--lenient`. Every body is validated
against the description."""

from __future__ import annotations

import asyncio
import json
import re
import time

from files_support import session_headers, upload
from helpers import AUTH, api_json

JOB_ID = re.compile(r"^ftjob-[A-Za-z0-9]{24}$")
EVENT_ID = re.compile(r"^ftevent-[A-Za-z0-9]{24}$")
CHECKPOINT_ID = re.compile(r"^ftckpt_[A-Za-z0-9]{24}$")
MODEL = re.compile(r"^ft:gpt-4o-mini-2024-07-18:personal:weather:[A-Za-z0-9]{8}$")
PAUSED = {"X-Mockai-Job-Clock": "paused"}
INSTANT = {"X-Mockai-Job-Clock": "instant"}
ADMIN = {"Authorization": "Bearer sk-admin-test"}


def example(n: int) -> dict:
    return {
        "messages": [
            {"role": "system", "content": "You answer about the weather."},
            {"role": "user", "content": f"What is the weather in city {n}?"},
            {"role": "assistant", "content": f"It is sunny in city {n}."},
        ]
    }


def lines(items: list) -> bytes:
    return "\n".join(i if isinstance(i, str) else json.dumps(i) for i in items).encode()


async def ok(response) -> dict:
    assert response.status == 200, await response.text()
    return await api_json(response)


async def error_of(response, status: int) -> dict:
    assert response.status == status, await response.text()
    return (await api_json(response))["error"]


async def upload_file(client, headers, data: bytes, purpose: str = "fine-tune") -> str:
    made = await upload(client, data, filename="train.jsonl", purpose=purpose, headers=headers)
    assert made.status == 200, await made.text()
    return (await made.json())["id"]


async def create(client, headers, data: bytes | None = None, **body) -> dict:
    if "training_file" not in body:
        body["training_file"] = await upload_file(
            client, headers, data or lines([example(n) for n in range(10)])
        )
    body = {"model": "gpt-4o-mini", "suffix": "weather", **body}
    return await ok(await client.post("/v1/fine_tuning/jobs", json=body, headers=headers))


async def advance(client, headers, seconds: float) -> None:
    body = {"seconds": seconds}
    response = await client.post("/_mockai/jobs/advance", json=body, headers=headers)
    assert response.status == 200, await response.text()


async def get(client, path: str, headers, **params) -> dict:
    return await ok(await client.get(path, headers=headers, params=params))


async def test_a_paused_job_moves_through_every_state(serve):
    client = await serve()
    headers = {**session_headers(), **PAUSED}
    before = int(time.time())
    job = await create(client, headers)
    path = f"/v1/fine_tuning/jobs/{job['id']}"
    assert before <= job["created_at"] <= time.time()
    assert JOB_ID.match(job["id"])
    assert job["status"] == "validating_files" and job["model"] == "gpt-4o-mini-2024-07-18"
    assert job["hyperparameters"] == {
        "batch_size": "auto",
        "learning_rate_multiplier": "auto",
        "n_epochs": "auto",
    }
    assert job["error"] is None and job["fine_tuned_model"] is None and job["result_files"] == []
    assert job["user_provided_suffix"] == "weather" and job["estimated_finish"] is None
    await advance(client, headers, 1)
    queued = await get(client, path, headers)
    assert queued["status"] == "queued"
    # `auto` resolved from the dataset: 10 examples are seen ten times, one at a time.
    assert queued["hyperparameters"] == {
        "batch_size": 1,
        "learning_rate_multiplier": 1.8,
        "n_epochs": 10,
    }
    assert queued["method"] == {
        "type": "supervised",
        "supervised": {"hyperparameters": queued["hyperparameters"]},
    }
    assert queued["estimated_finish"] > queued["created_at"]
    await advance(client, headers, 1)
    running = await get(client, path, headers)
    assert running["status"] == "running" and running["trained_tokens"] is None
    events = await get(client, path + "/events", headers, limit="100")
    messages = [e["message"] for e in events["data"]]
    assert messages[-4:] == [
        "Fine-tuning job started",
        "Files validated, moving job to queued state",
        f"Validating training file: {job['training_file']}",
        f"Created fine-tuning job: {job['id']}",
    ]
    assert any(m.startswith("Step ") for m in messages)
    await advance(client, headers, 5)
    done = await get(client, path, headers)
    assert done["status"] == "succeeded" and MODEL.match(done["fine_tuned_model"])
    assert done["finished_at"] >= done["created_at"] and done["estimated_finish"] is None
    assert done["trained_tokens"] > 0 and len(done["result_files"]) == 1
    csv = await client.get(f"/v1/files/{done['result_files'][0]}/content", headers=headers)
    rows = (await csv.text()).splitlines()
    assert rows[0] == "step,train_loss,train_accuracy,valid_loss,valid_mean_token_accuracy"
    assert len(rows) == 101 and rows[1].startswith("1,")
    info = await get(client, f"/v1/files/{done['result_files'][0]}", headers)
    assert info["purpose"] == "fine-tune-results"


async def test_events_page_newest_first_with_falling_loss(serve):
    client = await serve()
    headers = {**session_headers(), **INSTANT}
    job = await create(client, headers)
    path = f"/v1/fine_tuning/jobs/{job['id']}/events"
    first = await get(client, path, headers)
    assert len(first["data"]) == 20 and first["has_more"] is True
    assert [e["message"] for e in first["data"][:2]] == [
        "The job has successfully completed",
        f"New fine-tuned model created: {job['fine_tuned_model']}",
    ]
    everything = await get(client, path, headers, limit="1000")
    events = everything["data"][::-1]
    assert all(EVENT_ID.match(e["id"]) for e in events)
    steps = [e for e in events if e["type"] == "metrics"]
    assert len(steps) == 100 and steps[0]["message"].startswith("Step 1/100: training loss=")
    assert steps[0]["data"]["train_loss"] > 1.5 > 0.3 > steps[-1]["data"]["train_loss"]
    assert steps[-1]["data"]["total_steps"] == 100
    started = next(e for e in events if e["message"] == "Fine-tuning job started")
    assert started["data"] is None
    checkpoints = [e["message"] for e in events if e["message"].startswith("Checkpoint")]
    assert len(checkpoints) == 2
    for step, message in zip((80, 90), checkpoints, strict=True):
        assert re.fullmatch(
            f"Checkpoint created at step {step} with Snapshot ID: "
            f"ft:gpt-4o-mini-2024-07-18:personal:weather:[A-Za-z0-9]{{8}}:ckpt-step-{step}",
            message,
        )
    after = await get(client, path, headers, after=first["data"][-1]["id"], limit="5")
    assert after["data"] == everything["data"][20:25]
    again = await get(client, path, headers, limit="1000")
    assert again == everything  # worked out afresh, the same ids and times


async def test_checkpoints_per_epoch_and_the_model_in_models(serve):
    client = await serve()
    headers = {**session_headers(), **INSTANT}
    job = await create(client, headers)
    listed = await get(client, f"/v1/fine_tuning/jobs/{job['id']}/checkpoints", headers)
    assert [c["step_number"] for c in listed["data"]] == [100, 90, 80]
    final, *earlier = listed["data"]
    assert final["fine_tuned_model_checkpoint"] == job["fine_tuned_model"]
    for checkpoint in earlier:
        name = checkpoint["fine_tuned_model_checkpoint"]
        assert name.endswith(f":ckpt-step-{checkpoint['step_number']}")
        assert name.startswith("ft:gpt-4o-mini-2024-07-18:personal:weather:")
    assert all(CHECKPOINT_ID.match(c["id"]) for c in listed["data"])
    assert final["metrics"]["train_loss"] < earlier[-1]["metrics"]["train_loss"] + 0.1
    models = await get(client, "/v1/models", headers)
    made = next(m for m in models["data"] if m["id"] == job["fine_tuned_model"])
    assert made["owned_by"] == job["organization_id"]
    other = await get(client, "/v1/models", session_headers())
    assert job["fine_tuned_model"] not in {m["id"] for m in other["data"]}
    chat = await client.post(
        "/v1/chat/completions",
        json={"model": job["fine_tuned_model"], "messages": [{"role": "user", "content": "Hi"}]},
        headers=headers,
    )
    assert (await ok(chat))["model"] == job["fine_tuned_model"]
    answered = await client.post(
        "/v1/responses", json={"model": job["fine_tuned_model"], "input": "Hi"}, headers=headers
    )
    assert (await ok(answered))["status"] == "completed"
    deleted = await ok(
        await client.delete(f"/v1/models/{job['fine_tuned_model']}", headers=headers)
    )
    assert deleted == {"id": job["fine_tuned_model"], "object": "model", "deleted": True}
    models = await get(client, "/v1/models", headers)
    assert job["fine_tuned_model"] not in {m["id"] for m in models["data"]}


async def test_a_realtime_job_finishes_in_seconds(serve):
    client = await serve()
    headers = {**session_headers(), "X-Mockai-Job-Clock": "realtime:4"}
    job = await create(client, headers)
    path = f"/v1/fine_tuning/jobs/{job['id']}"
    seen = []
    for _ in range(60):
        status = (await get(client, path, headers))["status"]
        if not seen or seen[-1] != status:
            seen.append(status)
        if status == "succeeded":
            break
        await asyncio.sleep(0.05)
    assert seen[0] == "validating_files" and seen[-1] == "succeeded"
    assert set(seen) <= {"validating_files", "queued", "running", "succeeded"}


async def test_bad_files_fail_the_job_while_validating(serve):
    client = await serve()
    headers = {**session_headers(), **PAUSED}
    good = [example(n) for n in range(10)]
    cases = {
        "not json": (
            lines([*good[:2], '{"messages": [', *good[2:]]),
            "Example 3 cannot be parsed. Error: line contains invalid json: Expecting value: "
            "line 1 column 15 (char 14) (line 3)",
        ),
        "no messages": (lines([{"prompt": "hi"}, *good]), "Example 1 is missing key 'messages'."),
        "no role": (
            lines([*good[:4], {"messages": [{"content": "x"}]}, *good[4:]]),
            "Example 5, message 1 Discriminator 'role' is missing in value",
        ),
        "extra key": (
            lines([{**good[0], "weight": 1}, *good[1:]]),
            'Example 1 contains an extra "weight".',
        ),
    }
    for name, (data, detail) in cases.items():
        job = await create(client, headers, data)
        assert job["status"] == "validating_files", name
        await advance(client, headers, 1)
        failed = await get(client, f"/v1/fine_tuning/jobs/{job['id']}", headers)
        assert failed["status"] == "failed", name
        assert failed["error"] == {
            "code": "invalid_file_format",
            "message": "The job failed due to a file format error in the training file. "
            f"Invalid file format. {detail}",
            "param": "training_file",
        }, name
        assert (
            failed["hyperparameters"]["n_epochs"] == "auto" and failed["fine_tuned_model"] is None
        )
    few = await create(client, headers, lines(good[:7]))
    await advance(client, headers, 1)
    failed = await get(client, f"/v1/fine_tuning/jobs/{few['id']}", headers)
    assert failed["error"] == {
        "code": "invalid_n_examples",
        "message": "Training file has 7 example(s), but must have at least 10 examples",
        "param": "training_file",
    }
    events = await get(client, f"/v1/fine_tuning/jobs/{few['id']}/events", headers)
    assert events["data"][0]["level"] == "error"
    checkpoints = await get(client, f"/v1/fine_tuning/jobs/{few['id']}/checkpoints", headers)
    assert checkpoints["data"] == []


async def test_the_real_400s_at_creation(serve):
    client = await serve()
    headers = session_headers()
    data = lines([example(n) for n in range(10)])
    training = await upload_file(client, headers, data)
    assistants = await upload_file(client, headers, data, purpose="assistants")
    post = lambda body: client.post("/v1/fine_tuning/jobs", json=body, headers=headers)  # noqa: E731
    error = await error_of(await post({"model": "gpt-5", "training_file": training}), 400)
    assert error == {
        "message": "Model gpt-5 is not available for fine-tuning or does not exist.",
        "type": "invalid_request_error",
        "param": "model",
        "code": "model_not_available",
    }
    dpo_on_35 = {"model": "gpt-3.5-turbo", "training_file": training, "method": {"type": "dpo"}}
    assert (await error_of(await post(dpo_on_35), 400))["param"] == "model"
    for file_id in ("file-nope", assistants):
        error = await error_of(await post({"model": "gpt-4o-mini", "training_file": file_id}), 400)
        assert error["message"] == f"invalid training_file: {file_id}"
        assert error["param"] == "training_file"
    bad = {"model": "gpt-4o-mini", "training_file": training, "validation_file": "file-x"}
    assert (await error_of(await post(bad), 400))["param"] == "validation_file"
    unknown = await error_of(
        await post({"model": "gpt-4o-mini", "training_file": training, "x": 1}), 400
    )
    assert unknown["param"] == "x"
    epochs = {
        "model": "gpt-4o-mini",
        "training_file": training,
        "hyperparameters": {"n_epochs": 99},
    }
    assert (await error_of(await post(epochs), 400))["param"] == "hyperparameters.n_epochs"
    missing = await client.get("/v1/fine_tuning/jobs/ftjob-nope", headers=headers)
    error = await error_of(missing, 404)
    assert error["param"] == "fine_tuning_job_id" and "ftjob-nope" in error["message"]


async def test_pause_resume_cancel(serve):
    client = await serve()
    headers = {**session_headers(), **PAUSED}
    job = await create(client, headers)
    path = f"/v1/fine_tuning/jobs/{job['id']}"
    refused = await error_of(await client.post(path + "/pause", headers=headers), 400)
    assert "validating_files" in refused["message"]
    await advance(client, headers, 2.5)
    paused = await ok(await client.post(path + "/pause", headers=headers))
    assert paused["status"] == "paused"
    steps = len((await get(client, path + "/events", headers, limit="1000"))["data"])
    await advance(client, headers, 10)
    assert (await get(client, path, headers))["status"] == "paused"
    assert len((await get(client, path + "/events", headers, limit="1000"))["data"]) == steps
    resumed = await ok(await client.post(path + "/resume", headers=headers))
    assert resumed["status"] == "running"
    await advance(client, headers, 0.5)
    cancelled = await ok(await client.post(path + "/cancel", headers=headers))
    assert cancelled["status"] == "cancelled" and cancelled["finished_at"] is not None
    await advance(client, headers, 100)
    still = await get(client, path, headers)
    assert still["status"] == "cancelled" and still["fine_tuned_model"] is None
    events = await get(client, path + "/events", headers, limit="1000")
    messages = [e["message"] for e in events["data"]]
    assert messages[0] == "Fine-tuning job cancelled"
    assert {"Fine-tuning job paused", "Fine-tuning job resumed"} <= set(messages)
    assert "The job has successfully completed" not in messages
    again = await error_of(await client.post(path + "/cancel", headers=headers), 400)
    assert "cancelled" in again["message"]
    models = await get(client, "/v1/models", headers)
    assert not any(
        m["id"].startswith("ft:gpt-4o-mini-2024-07-18:personal:weather") for m in models["data"]
    )


async def test_list_jobs_with_metadata_and_methods(serve):
    client = await serve()
    headers = {**session_headers(), **INSTANT}
    first = await create(client, headers, metadata={"team": "a"})
    preference = {
        "input": {"messages": [{"role": "user", "content": "Hi"}]},
        "preferred_output": [{"role": "assistant", "content": "Hello!"}],
        "non_preferred_output": [{"role": "assistant", "content": "What."}],
    }
    dpo = await create(
        client,
        headers,
        lines([preference] * 10),
        method={"type": "dpo", "dpo": {"hyperparameters": {"beta": 0.2}}},
        integrations=[{"type": "wandb", "wandb": {"project": "tuning"}}],
    )
    assert dpo["status"] == "succeeded" and dpo["method"]["dpo"]["hyperparameters"]["beta"] == 0.2
    assert dpo["integrations"] == [
        {"type": "wandb", "wandb": {"project": "tuning", "name": None, "entity": None, "tags": []}}
    ]
    grader = {
        "type": "string_check",
        "name": "exact",
        "input": "{{sample.output_text}}",
        "reference": "{{item.answer}}",
        "operation": "eq",
    }
    rft_line = {"messages": [{"role": "user", "content": "2+2?"}], "answer": "4"}
    rft = await create(
        client,
        headers,
        lines([rft_line] * 10),
        model="o4-mini",
        method={"type": "reinforcement", "reinforcement": {"grader": grader}},
    )
    assert rft["status"] == "succeeded" and rft["method"]["reinforcement"]["grader"] == grader
    listed = await get(client, "/v1/fine_tuning/jobs", headers)
    assert [j["id"] for j in listed["data"]] == [rft["id"], dpo["id"], first["id"]]
    mine = await get(client, "/v1/fine_tuning/jobs", headers, **{"metadata[team]": "a"})
    assert [j["id"] for j in mine["data"]] == [first["id"]]
    assert (await get(client, "/v1/fine_tuning/jobs", headers, limit="1"))["has_more"] is True


async def test_checkpoint_permissions_take_admin_keys(serve):
    client = await serve()
    session = session_headers()
    headers = {**session, **INSTANT}
    job = await create(client, headers)
    checkpoints = await get(client, f"/v1/fine_tuning/jobs/{job['id']}/checkpoints", headers)
    name = checkpoints["data"][1]["fine_tuned_model_checkpoint"]
    path = f"/v1/fine_tuning/checkpoints/{name}/permissions"
    refused = await client.get(path, headers=session)
    assert refused.status == 403
    admin = {**session, **ADMIN}
    made = await ok(
        await client.post(path, json={"project_ids": ["proj_a", "proj_b"]}, headers=admin)
    )
    assert [p["project_id"] for p in made["data"]] == ["proj_a", "proj_b"]
    assert all(re.match(r"^cp_[A-Za-z0-9]{24}$", p["id"]) for p in made["data"])
    listed = await get(client, path, admin)
    assert [p["project_id"] for p in listed["data"]] == ["proj_b", "proj_a"]
    one = await get(client, path, admin, project_id="proj_a", order="ascending")
    spelled = await client.get(path, params={"order": "asc"}, headers=admin)
    error = await error_of(spelled, 400)
    assert error["param"] == "order" and "'ascending' and 'descending'" in error["message"]
    assert [p["project_id"] for p in one["data"]] == ["proj_a"]
    gone = await ok(await client.delete(f"{path}/{made['data'][0]['id']}", headers=admin))
    assert gone == {"object": "checkpoint.permission", "id": made["data"][0]["id"], "deleted": True}
    assert len((await get(client, path, admin))["data"]) == 1
    missing = await client.get("/v1/fine_tuning/checkpoints/ft:nope/permissions", headers=admin)
    assert (await error_of(missing, 404))["param"] == "fine_tuned_model_checkpoint"


async def test_scenarios_script_errors_latency_literal_bodies_and_the_clock(serve):
    literal = {"object": "list", "data": [], "first_id": None, "last_id": None, "has_more": False}
    client = await serve(
        [
            {
                "name": "refuse-jobs",
                "match": {"endpoint": "fine_tuning.jobs", "headers": {"x-test": "refuse"}},
                "reply": {"error": 429},
            },
            {
                "name": "instant-jobs",
                "match": {"endpoint": "fine_tuning.jobs", "headers": {"x-test": "instant"}},
                "reply": {"job_clock": "instant", "latency_ms": 100},
            },
            {
                "name": "literal-permissions",
                "match": {"endpoint": "fine_tuning.checkpoints"},
                "reply": {"body": literal},
            },
        ]
    )
    headers = session_headers()
    refused = await client.post(
        "/v1/fine_tuning/jobs",
        json={"model": "gpt-4o-mini", "training_file": "file-x"},
        headers={**headers, "x-test": "refuse"},
    )
    assert refused.status == 429
    started = time.monotonic()
    job = await create(client, {**headers, "x-test": "instant"})
    assert job["status"] == "succeeded" and time.monotonic() - started >= 0.1
    answered = await client.get(
        "/v1/fine_tuning/checkpoints/anything/permissions", headers={**headers, **ADMIN}
    )
    assert await ok(answered) == literal


async def test_sessions_reset_and_lenient(serve):
    client = await serve()
    headers = {**session_headers(), **INSTANT}
    job = await create(client, headers)
    elsewhere = await client.get(f"/v1/fine_tuning/jobs/{job['id']}", headers=session_headers())
    assert elsewhere.status == 404
    reset = await client.post("/_mockai/reset", headers=headers)
    assert reset.status == 200
    gone = await client.get(f"/v1/fine_tuning/jobs/{job['id']}", headers=headers)
    assert gone.status == 404
    lenient = await serve(lenient=True)
    stand_in = await ok(await lenient.get("/v1/fine_tuning/jobs/ftjob-anything", headers=AUTH))
    assert stand_in["id"] == "ftjob-anything" and stand_in["status"] == "running"
    paused = await ok(await lenient.post("/v1/fine_tuning/jobs/ftjob-anything/pause", headers=AUTH))
    assert paused["status"] == "paused"
    made = await ok(
        await lenient.post(
            "/v1/fine_tuning/jobs",
            json={"model": "some-model", "training_file": "file-abc123"},
            headers=AUTH,
        )
    )
    assert made["model"] == "some-model"
