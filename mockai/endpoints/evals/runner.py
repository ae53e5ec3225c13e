"""Running an eval run: each item sampled (for a `completions` or `responses` data source)
and graded by every testing criterion, one after another on the run's job time, its counts,
usage and per-criterion results kept on the stored run as it goes.

The task waits `state.QUEUED_S` job seconds queued, then `state.ITEM_S` for each item (at once
on an instant clock, when advanced on a paused one). It stops on its own when its run is no
longer stored (deleted, its eval deleted, the session reset) or was canceled.
"""

from __future__ import annotations

from typing import Any

from mockai import ids
from mockai.endpoints.evals import render, sampling
from mockai.endpoints.evals.state import ITEM_S, QUEUED_S, RUNS, Criterion, StoredRun
from mockai.graders.run import Graded
from mockai.toolkit import graders
from mockai.toolkit.state import ServerState


def _add_usage(per_model: dict[str, dict[str, Any]], model: str, usage: dict[str, int]) -> None:
    counted = per_model.setdefault(
        model,
        {
            "model_name": model,
            "invocation_count": 0,
            "prompt_tokens": 0,
            "completion_tokens": 0,
            "total_tokens": 0,
            "cached_tokens": 0,
        },
    )
    counted["invocation_count"] += 1
    for key in ("prompt_tokens", "completion_tokens", "total_tokens", "cached_tokens"):
        counted[key] += int(usage.get(key, 0) or 0)


def _result(criterion: Criterion, graded: Graded) -> dict[str, Any]:
    passed = graded.passed if graded.passed is not None else graded.reward >= 1.0
    return {
        "name": criterion.id,
        "type": criterion.grader.type,
        "sample": None,
        "passed": bool(passed),
        "score": graded.reward,
    }


def _errored(graded: Graded) -> bool:
    return any(value is True for value in graded.errors.values())


async def run(
    state: ServerState, session: str | None, run: StoredRun, criteria: list[Criterion]
) -> None:
    body = run.body
    kind = body["data_source"]["type"]
    counts = body["result_counts"]
    per_model: dict[str, dict[str, Any]] = {}
    per_criterion: dict[str, dict[str, Any]] = {
        c.id: {"testing_criteria": c.id, "passed": 0, "failed": 0} for c in criteria
    }

    def alive() -> bool:
        return state.store.get(session, RUNS, run.id) is run and body["status"] != "canceled"

    def publish() -> None:
        body["per_model_usage"] = list(per_model.values())
        body["per_testing_criteria_results"] = list(per_criterion.values())

    moment = QUEUED_S
    await run.job.reached(moment)
    if not alive():
        return
    body["status"] = "in_progress"
    publish()
    async with run.target.client() as http:
        for index, row in enumerate(run.items):
            moment += ITEM_S
            await run.job.reached(moment)
            if not alive():
                return
            item = row.get("item")
            if kind == "jsonl":
                sampled = sampling.given(row)
            else:
                sampled = await sampling.sample(http, run.target, kind, body["data_source"], item)
                if not alive():
                    return
                if not sampled.errored:
                    _add_usage(per_model, sampled.shown["model"], sampled.usage)
            results, errored = [], sampled.errored
            if not errored:
                for criterion in criteria:
                    graded = await graders.run_at(
                        run.target, run.seed, criterion.grader, item, sampled.namespace
                    )
                    for model, usage in graded.usage.items():
                        _add_usage(per_model, model, usage)
                    errored = errored or _errored(graded)
                    result = _result(criterion, graded)
                    results.append(result)
                    per_criterion[criterion.id]["passed" if result["passed"] else "failed"] += 1
            if not alive():
                return
            passed = not errored and all(r["passed"] for r in results)
            counts["total"] += 1
            counts["errored" if errored else "passed" if passed else "failed"] += 1
            status = "pass" if passed else "fail"
            run.output.append(
                render.output_item(
                    ids.eval_output_item_id(), body, index, row, status, results, sampled
                )
            )
            publish()
    publish()
    body["status"] = "completed"
