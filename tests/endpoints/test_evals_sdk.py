"""Evals through the official SDK: an eval with a string check, a run whose completions
samples are scripted by scenarios (its pass and fail counts follow from them) polled to
completion, its output items listed, the paused clock, cancel and delete. Every parsed model
is validated against the description as the JSON it came from."""

from __future__ import annotations

import time

import openai
import pytest
from responses_support import check_sdk

# The SDK warns that the Evals API is deprecated (its shutdown announced): still served.
pytestmark = pytest.mark.filterwarnings("ignore:The Evals API is deprecated")

ANSWERS = {"red": "Rouge", "blue": "Bleu", "green": "Vert", "black": "Blanc"}  # one wrong
TRUTH = {"red": "Rouge", "blue": "Bleu", "green": "Vert", "black": "Noir"}


def _scripted(mockai) -> None:
    mockai.add_scenario(
        [
            {
                "name": f"french-{colour}",
                "match": {"endpoint": "chat.completions", "user": f"French for {colour}"},
                "reply": {"content": answer},
            }
            for colour, answer in ANSWERS.items()
        ]
    )


def _eval(client):
    return client.evals.create(
        name="French colours",
        data_source_config={
            "type": "custom",
            "item_schema": {
                "type": "object",
                "properties": {"colour": {"type": "string"}, "french": {"type": "string"}},
            },
            "include_sample_schema": True,
        },
        testing_criteria=[
            {
                "type": "string_check",
                "name": "Exact",
                "input": "{{sample.output_text}}",
                "reference": "{{item.french}}",
                "operation": "eq",
            }
        ],
    )


DATA_SOURCE = {
    "type": "completions",
    "model": "gpt-4o-mini",
    "input_messages": {
        "type": "template",
        "template": [{"role": "user", "content": "French for {{item.colour}}?"}],
    },
    "source": {
        "type": "file_content",
        "content": [{"item": {"colour": c, "french": f}} for c, f in TRUTH.items()],
    },
}


def _poll(client, eval_id: str, run_id: str):
    for _ in range(200):
        run = client.evals.runs.retrieve(run_id, eval_id=eval_id)
        if run.status in ("completed", "failed", "canceled"):
            return run
        time.sleep(0.05)
    raise AssertionError(run)


def test_a_run_counts_what_the_scripted_answers_get_right(mockai):
    _scripted(mockai)
    client = mockai.client()
    made = _eval(client)
    check_sdk(made, "Eval")
    assert made.data_source_config.type == "custom"
    run = client.evals.runs.create(made.id, data_source=DATA_SOURCE, name="nightly")
    check_sdk(run, "EvalRun")
    assert run.status == "queued"
    done = _poll(client, made.id, run.id)
    check_sdk(done, "EvalRun")
    assert done.status == "completed"
    counts = done.result_counts
    assert (counts.total, counts.passed, counts.failed, counts.errored) == (4, 3, 1, 0)
    (criterion,) = done.per_testing_criteria_results
    assert (criterion.passed, criterion.failed) == (3, 1)
    assert done.per_model_usage[0].invocation_count == 4
    items = list(client.evals.runs.output_items.list(run.id, eval_id=made.id))
    assert sorted(i.status for i in items) == ["fail", "pass", "pass", "pass"]
    failed = [i for i in items if i.status == "fail"][0]
    check_sdk(failed, "EvalRunOutputItem")
    assert failed.sample.output[0].content == "Blanc"
    assert failed.datasource_item == {"colour": "black", "french": "Noir"}
    one = client.evals.runs.output_items.retrieve(failed.id, eval_id=made.id, run_id=run.id)
    assert one.id == failed.id


def test_paused_cancel_and_delete(mockai):
    _scripted(mockai)
    client = mockai.client(default_headers={"X-Mockai-Job-Clock": "paused"})
    made = _eval(client)
    run = client.evals.runs.create(made.id, data_source=DATA_SOURCE)
    assert client.evals.runs.retrieve(run.id, eval_id=made.id).status == "queued"
    canceled = client.evals.runs.cancel(run.id, eval_id=made.id)
    assert canceled.status == "canceled"
    other = client.evals.runs.create(made.id, data_source=DATA_SOURCE)
    mockai.advance_jobs()
    assert _poll(client, made.id, other.id).result_counts.passed == 3
    assert [r.id for r in client.evals.runs.list(made.id, status="canceled")] == [run.id]
    deleted = client.evals.runs.delete(run.id, eval_id=made.id)
    assert (deleted.deleted, deleted.run_id) == (True, run.id)
    updated = client.evals.update(made.id, name="Renamed", metadata={"v": "2"})
    assert updated.name == "Renamed"
    assert client.evals.delete(made.id).deleted
    with pytest.raises(openai.NotFoundError):
        client.evals.retrieve(made.id)
