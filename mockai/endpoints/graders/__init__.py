"""`/v1/fine_tuning/alpha/graders/run` and `/validate`: graders that grade.

`run` executes the grader on `item` and `model_sample` (`sample.output_text`, and
`sample.output_json` when the sample is JSON) and answers its reward with the run's metadata:
`string_check` (eq, ne, like, ilike), `text_similarity` (every metric, computed), `multi` (its
`calculate_output` evaluated over the sub-graders' rewards), `score_model` and `label_model`
(their question sent to mockai's own chat completions, so scenarios script the grader model),
`python` (never run: mockai has no sandbox, so the run reports `python_grader_server_error`).
`validate` checks the definition (schema, templates, formula, labels, python source) and
answers it. The graders are `mockai.graders`; running them from a route,
`mockai.toolkit.graders`.
"""

from __future__ import annotations

from mockai.endpoints import Route

ROUTES = [
    Route("POST", "/fine_tuning/alpha/graders/run", "handlers.run", scenario="graders"),
    Route("POST", "/fine_tuning/alpha/graders/validate", "handlers.validate", scenario="graders"),
]
