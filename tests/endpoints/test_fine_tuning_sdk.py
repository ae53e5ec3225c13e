"""Fine-tuning through the official SDK: a training file uploaded, a job created and polled to
`succeeded` (on the realtime clock, and at once on the instant one), its events and
checkpoints listed, a checkpoint shared, and the `ft:` model listed, answering chat and
deleted. Parsed models are validated through their JSON dump."""

from __future__ import annotations

import io
import json
import time

from responses_support import check_sdk

EXAMPLE = {
    "messages": [
        {"role": "system", "content": "You are terse."},
        {"role": "user", "content": "Capital of France?"},
        {"role": "assistant", "content": "Paris."},
    ]
}
TRAINING = "\n".join(json.dumps(EXAMPLE) for _ in range(12)).encode()


def test_from_upload_to_a_usable_model(mockai):
    client = mockai.client(default_headers={"X-Mockai-Job-Clock": "realtime:4"})
    uploaded = client.files.create(file=("train.jsonl", io.BytesIO(TRAINING)), purpose="fine-tune")
    job = client.fine_tuning.jobs.create(
        model="gpt-4o-mini", training_file=uploaded.id, suffix="terse"
    )
    check_sdk(job, "FineTuningJob")
    assert job.status == "validating_files"
    deadline = time.monotonic() + 10
    while job.status not in ("succeeded", "failed") and time.monotonic() < deadline:
        time.sleep(0.1)
        job = client.fine_tuning.jobs.retrieve(job.id)
    check_sdk(job, "FineTuningJob")
    assert job.status == "succeeded" and job.fine_tuned_model.startswith(
        "ft:gpt-4o-mini-2024-07-18"
    )
    assert job.hyperparameters.n_epochs == 9 and job.trained_tokens > 0
    events = list(client.fine_tuning.jobs.list_events(job.id, limit=50))
    assert events[0].message == "The job has successfully completed"
    assert sum(1 for e in events if e.type == "metrics") == 108
    for event in events[:5]:
        check_sdk(event, "FineTuningJobEvent")
    checkpoints = client.fine_tuning.jobs.checkpoints.list(job.id).data
    assert [c.step_number for c in checkpoints] == [108, 96, 84]
    check_sdk(checkpoints[0], "FineTuningJobCheckpoint")
    results = client.files.content(job.result_files[0]).text
    assert results.startswith("step,train_loss,train_accuracy")
    admin = mockai.client(api_key="sk-admin-sdk")
    shared = admin.fine_tuning.checkpoints.permissions.create(
        checkpoints[1].fine_tuned_model_checkpoint, project_ids=["proj_sdk"]
    )
    assert [p.project_id for p in shared] == ["proj_sdk"]
    assert job.fine_tuned_model in {m.id for m in client.models.list()}
    chat = client.chat.completions.create(
        model=job.fine_tuned_model, messages=[{"role": "user", "content": "Capital of Spain?"}]
    )
    assert chat.model == job.fine_tuned_model and chat.choices[0].message.content
    assert client.models.delete(job.fine_tuned_model).deleted is True
    assert job.fine_tuned_model not in {m.id for m in client.models.list()}


def test_instant_pause_and_cancel(mockai):
    instant = mockai.client(default_headers={"X-Mockai-Job-Clock": "instant"})
    uploaded = instant.files.create(file=("t.jsonl", io.BytesIO(TRAINING)), purpose="fine-tune")
    done = instant.fine_tuning.jobs.create(model="gpt-4.1-mini", training_file=uploaded.id)
    assert done.status == "succeeded"
    paused = mockai.client(default_headers={"X-Mockai-Job-Clock": "paused"})
    job = paused.fine_tuning.jobs.create(model="gpt-4.1-mini", training_file=uploaded.id)
    mockai.advance_jobs(2)
    assert paused.fine_tuning.jobs.pause(job.id).status == "paused"
    assert paused.fine_tuning.jobs.resume(job.id).status == "running"
    assert paused.fine_tuning.jobs.cancel(job.id).status == "cancelled"
    listed = [j.id for j in paused.fine_tuning.jobs.list()]
    assert listed[:2] == [job.id, done.id]
