"""The eval object's `data_source_config` as the real API reports it, a new run's object,
the deletion objects, and an output item."""

from __future__ import annotations

import time
from typing import Any

from mockai.endpoints.evals.sampling import Sampled

# The `sample` namespace's schema a custom config with `include_sample_schema` reports: the
# real one is not published in full; this is its outline (a guess).
SAMPLE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "model": {"type": "string"},
        "choices": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "message": {
                        "type": "object",
                        "properties": {
                            "role": {"type": "string", "enum": ["assistant"]},
                            "content": {"type": ["string", "null"]},
                            "refusal": {"type": ["boolean", "null"]},
                            "tool_calls": {"type": ["array", "null"]},
                        },
                        "required": ["role"],
                    },
                    "finish_reason": {"type": "string"},
                },
                "required": ["index", "message", "finish_reason"],
            },
        },
        "output_text": {"type": "string"},
        "output_json": {"type": "object"},
        "output_tools": {"type": "array"},
    },
    "required": ["model", "choices"],
}
# What a logs or stored completions config reports (the description's examples).
LOGGED_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {"item": {"type": "object"}, "sample": {"type": "object"}},
    "required": ["item", "sample"],
}
REPORT_URL = "https://platform.openai.com/evaluations/{eval_id}&run_id={run_id}"  # as shown


def data_source_config(config: dict[str, Any]) -> dict[str, Any]:
    if config["type"] == "custom":
        properties = {"item": config["item_schema"]}
        if config.get("include_sample_schema"):
            properties["sample"] = SAMPLE_SCHEMA
        schema = {"type": "object", "properties": properties, "required": list(properties)}
        return {"type": "custom", "schema": schema}
    return {
        "type": config["type"],
        "metadata": config.get("metadata"),
        "schema": LOGGED_SCHEMA,
    }


def eval_object(
    eval_id: str,
    name: str,
    config: dict[str, Any],
    criteria: list[dict[str, Any]],
    metadata: dict[str, str] | None,
) -> dict[str, Any]:
    return {
        "object": "eval",
        "id": eval_id,
        "data_source_config": data_source_config(config),
        "testing_criteria": criteria,
        "name": name,
        "created_at": int(time.time()),
        "metadata": metadata or {},
    }


def run_object(
    run_id: str,
    eval_id: str,
    name: str,
    model: str | None,
    data_source: dict[str, Any],
    metadata: dict[str, str] | None,
) -> dict[str, Any]:
    """A new run, `queued`: nothing counted yet (`per_model_usage` and
    `per_testing_criteria_results` null until it runs, as the description's example shows)."""
    return {
        "object": "eval.run",
        "id": run_id,
        "eval_id": eval_id,
        "report_url": REPORT_URL.format(eval_id=eval_id, run_id=run_id),
        "status": "queued",
        "model": model,
        "name": name,
        "created_at": int(time.time()),
        "result_counts": {"total": 0, "errored": 0, "failed": 0, "passed": 0},
        "per_model_usage": None,
        "per_testing_criteria_results": None,
        "data_source": data_source,
        "error": None,
        "metadata": metadata or {},
    }


def output_item(
    item_id: str,
    run: dict[str, Any],
    index: int,
    row: dict[str, Any],
    status: str,
    results: list[dict[str, Any]],
    sampled: Sampled,
) -> dict[str, Any]:
    return {
        "object": "eval.run.output_item",
        "id": item_id,
        "created_at": int(time.time()),
        "run_id": run["id"],
        "eval_id": run["eval_id"],
        "status": status,
        "datasource_item_id": index,
        "datasource_item": row.get("item") if isinstance(row.get("item"), dict) else {},
        "results": results,
        "sample": sampled.shown,
    }


def eval_deleted(eval_id: str) -> dict[str, Any]:
    return {"object": "eval.deleted", "deleted": True, "eval_id": eval_id}


def run_deleted(run_id: str) -> dict[str, Any]:
    return {"object": "eval.run.deleted", "deleted": True, "run_id": run_id}
