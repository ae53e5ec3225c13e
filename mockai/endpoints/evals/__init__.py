"""`/v1/evals`: evals (a data source config and testing criteria), their runs and the runs'
output items.

An eval keeps its `data_source_config` as the real API reports it (a custom config's
`item_schema` wrapped in a `schema` with `item`, and `sample` when `include_sample_schema`)
and its `testing_criteria`, each read and checked as a grader (`mockai.toolkit.graders`). A
run answers at once `queued`, then runs on the job clock (`mockai.jobclock`): `in_progress`
while each item of its data source (inline `file_content` rows or a stored JSONL File) is
sampled, for a `completions` or `responses` data source, by a real loopback call to this
server's `/v1/chat/completions` or `/v1/responses` (so scenarios decide the answers), then
graded by every testing criterion; an item passes when every criterion passes. It ends
`completed` with `result_counts`, `per_model_usage` and `per_testing_criteria_results` that
add up over its output items, or `canceled` when canceled first.
"""

from __future__ import annotations

from mockai.endpoints import Route

ROUTES = [
    Route("GET", "/evals", "handlers.list_evals", scenario="evals"),
    Route("POST", "/evals", "handlers.create", scenario="evals"),
    Route("GET", "/evals/{eval_id}", "handlers.retrieve", scenario="evals"),
    Route("POST", "/evals/{eval_id}", "handlers.update", scenario="evals"),
    Route("DELETE", "/evals/{eval_id}", "handlers.delete", scenario="evals"),
    Route("GET", "/evals/{eval_id}/runs", "runs.list_runs"),
    Route("POST", "/evals/{eval_id}/runs", "runs.create", scenario="evals.runs"),
    Route("GET", "/evals/{eval_id}/runs/{run_id}", "runs.retrieve"),
    Route("POST", "/evals/{eval_id}/runs/{run_id}", "runs.cancel", scenario="evals.runs"),
    # The official SDKs cancel at `.../cancel` (answered as `evals.runs` all the same), the
    # description at the run's own path.
    Route("POST", "/evals/{eval_id}/runs/{run_id}/cancel", "runs.cancel"),
    Route("DELETE", "/evals/{eval_id}/runs/{run_id}", "runs.delete", scenario="evals.runs"),
    Route("GET", "/evals/{eval_id}/runs/{run_id}/output_items", "runs.output_items"),
    Route(
        "GET", "/evals/{eval_id}/runs/{run_id}/output_items/{output_item_id}", "runs.output_item"
    ),
]
