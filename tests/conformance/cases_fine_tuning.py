"""Conformance cases of the fine-tuning family: jobs made from an uploaded training file (on the
instant clock, so a job's events, checkpoints and model exist at once), and the permissions
of its checkpoints (admin routes: `Api.send` sends the admin key)."""

from __future__ import annotations

import json

from cases import Api, case

INSTANT = {"X-Mockai-Job-Clock": "instant"}


def _training() -> bytes:
    example = {
        "messages": [
            {"role": "user", "content": "What is the capital of France?"},
            {"role": "assistant", "content": "Paris."},
        ]
    }
    return "\n".join(json.dumps(example) for _ in range(12)).encode()


async def _job(api: Api, clock: dict[str, str] = INSTANT) -> dict:
    body = {
        "model": "gpt-4o-mini",
        "training_file": await api.file("fine-tune", _training()),
        "suffix": "conform",
    }
    return await api.made("POST", "/v1/fine_tuning/jobs", json=body, headers=clock)


async def _checkpoint(api: Api) -> str:
    job = await _job(api)
    listed = await api.made("GET", f"/v1/fine_tuning/jobs/{job['id']}/checkpoints")
    return str(listed["data"][-1]["fine_tuned_model_checkpoint"])


@case("createFineTuningJob")
async def _create(api: Api):
    body = {
        "model": "gpt-4o-mini",
        "training_file": await api.file("fine-tune", _training()),
        "validation_file": await api.file("fine-tune", _training()),
        "suffix": "weather",
        "seed": 42,
        "method": {"type": "supervised", "supervised": {"hyperparameters": {"n_epochs": 2}}},
        "integrations": [{"type": "wandb", "wandb": {"project": "tuning"}}],
        "metadata": {"team": "conformance"},
    }
    return await api.send("POST", "/v1/fine_tuning/jobs", json=body)


@case("listPaginatedFineTuningJobs")
async def _list(api: Api):
    await _job(api)
    return await api.send("GET", "/v1/fine_tuning/jobs", params={"limit": "5"})


@case("retrieveFineTuningJob")
async def _retrieve(api: Api):
    return await api.send("GET", f"/v1/fine_tuning/jobs/{(await _job(api))['id']}")


@case("cancelFineTuningJob")
async def _cancel(api: Api):
    job = await _job(api, {"X-Mockai-Job-Clock": "paused"})
    return await api.send("POST", f"/v1/fine_tuning/jobs/{job['id']}/cancel")


@case("pauseFineTuningJob")
async def _pause(api: Api):
    job = await _job(api, {"X-Mockai-Job-Clock": "paused"})
    await api.made("POST", "/_mockai/jobs/advance", json={"job": job["id"], "seconds": 2})
    return await api.send("POST", f"/v1/fine_tuning/jobs/{job['id']}/pause")


@case("resumeFineTuningJob")
async def _resume(api: Api):
    job = await _job(api, {"X-Mockai-Job-Clock": "paused"})
    await api.made("POST", "/_mockai/jobs/advance", json={"job": job["id"], "seconds": 2})
    await api.made("POST", f"/v1/fine_tuning/jobs/{job['id']}/pause")
    return await api.send("POST", f"/v1/fine_tuning/jobs/{job['id']}/resume")


@case("listFineTuningEvents")
async def _events(api: Api):
    job = await _job(api)
    return await api.send("GET", f"/v1/fine_tuning/jobs/{job['id']}/events", params={"limit": "5"})


@case("listFineTuningJobCheckpoints")
async def _checkpoints(api: Api):
    job = await _job(api)
    return await api.send("GET", f"/v1/fine_tuning/jobs/{job['id']}/checkpoints")


@case("createFineTuningCheckpointPermission")
async def _create_permission(api: Api):
    path = f"/v1/fine_tuning/checkpoints/{await _checkpoint(api)}/permissions"
    return await api.send("POST", path, json={"project_ids": ["proj_abGMw1llN8IrBb6SvvY5A1iH"]})


@case("listFineTuningCheckpointPermissions")
async def _list_permissions(api: Api):
    path = f"/v1/fine_tuning/checkpoints/{await _checkpoint(api)}/permissions"
    await api.made("POST", path, json={"project_ids": ["proj_a", "proj_b"]})
    return await api.send("GET", path, params={"limit": "10", "order": "ascending"})


@case("deleteFineTuningCheckpointPermission")
async def _delete_permission(api: Api):
    path = f"/v1/fine_tuning/checkpoints/{await _checkpoint(api)}/permissions"
    made = await api.made("POST", path, json={"project_ids": ["proj_a"]})
    return await api.send("DELETE", f"{path}/{made['data'][0]['id']}")
