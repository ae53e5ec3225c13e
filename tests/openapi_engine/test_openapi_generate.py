"""mockai.openapi.generate: for every operation with a JSON success response, a generated body
that tests/openapi.py's strict validator accepts; reproducible; ids in their real form."""

from __future__ import annotations

import re
from functools import cache

import pytest
from openapi import validate_operation

from mockai.openapi.generate import body, instance
from mockai.openapi.operations import Operation, operation, operations

NOW = 1_760_000_000
JSON_OPERATIONS = [o for o in operations().values() if o.success.json]


def _check(found: Operation, seed: int = 1, digest: str = "request") -> None:
    made = body(found, seed=seed, request_digest=digest, now=NOW)
    validate_operation(found.path, found.method, found.success.status, made)


@cache
def _outcomes() -> dict[str, str | None]:
    outcomes: dict[str, str | None] = {}
    for found in JSON_OPERATIONS:
        try:
            _check(found)
            outcomes[found.operation_id] = None
        except AssertionError as error:
            outcomes[found.operation_id] = str(error)
    return outcomes


@pytest.mark.parametrize("operation_id", [o.operation_id for o in JSON_OPERATIONS])
def test_generated_body_is_valid(operation_id):
    problem = _outcomes()[operation_id]
    assert problem is None, problem


def test_summary_every_json_success_response_generates_a_valid_body(capsys):
    outcomes = _outcomes()
    valid = sum(problem is None for problem in outcomes.values())
    with capsys.disabled():
        print(f"\n{valid}/{len(outcomes)} JSON success responses generate valid bodies")
    assert len(outcomes) == 277 and valid == len(outcomes)


@pytest.mark.parametrize("seed", [2, 3, 4])
def test_other_seeds_and_requests_are_valid_too(seed):
    """Each seed takes other branches of the unions, nulls and array lengths."""
    for found in JSON_OPERATIONS:
        _check(found, seed=seed, digest=f"other {seed}")


def test_the_same_seed_and_request_give_the_same_body():
    for name in ("createAssistant", "createResponse", "listEvals", "CreateContainer"):
        first = body(name, seed=7, request_digest="abc", now=NOW)
        assert body(name, seed=7, request_digest="abc", now=NOW) == first
        assert body(name, seed=7, request_digest="abd", now=NOW) != first
        assert body(name, seed=8, request_digest="abc", now=NOW) != first


def test_the_right_constants_and_times():
    made = body("createAssistant", seed=1, now=NOW)
    assert made["object"] == "assistant" and made["created_at"] == NOW
    deleted = body("deleteVectorStore", seed=1)
    assert deleted["object"] == "vector_store.deleted" and deleted["deleted"] is True
    job = body("createFineTuningJob", seed=1, now=NOW)
    assert job["object"] == "fine_tuning.job" and job["created_at"] == NOW


IDS = [
    ("createAssistant", r"asst_[A-Za-z0-9]{24}"),
    ("createVectorStore", r"vs_[0-9a-f]{32}"),  # today's form (mockai.ids.SHAPES)
    ("createFineTuningJob", r"ftjob-[A-Za-z0-9]{24}"),
    ("createEval", r"eval_[0-9a-f]{32}"),
    ("CreateContainer", r"cntr_[0-9a-f]{48}"),
    ("createVideo", r"video_[0-9a-f]{48}"),  # mockai.ids.SHAPES
    ("create-project", r"proj_[A-Za-z0-9]{24}"),
    ("retrieve-user", r"user-[A-Za-z0-9]{24}"),
    ("admin-api-keys-create", r"key_[A-Za-z0-9]{24}"),
    ("createThread", r"thread_[A-Za-z0-9]{24}"),
    ("createResponse", r"resp_[0-9a-f]{48}"),
]


@pytest.mark.parametrize(("operation_id", "form"), IDS)
def test_ids_have_the_real_prefixes(operation_id, form):
    for seed in range(3):
        made = body(operation_id, seed=seed)
        assert re.fullmatch(form, made["id"]), made["id"]


def test_ids_in_lists_and_fields_pointing_at_objects():
    listed = body("listAssistants", seed=1)
    assert listed["data"] and all(a["id"].startswith("asst_") for a in listed["data"])
    run = body("createRun", seed=1)
    assert run["id"].startswith("run_") and run["assistant_id"].startswith("asst_")
    assert run["thread_id"].startswith("thread_")
    batch = body("createVectorStoreFileBatch", seed=1)
    assert batch["vector_store_id"].startswith("vs_")


def test_overrides_merge_where_the_schema_allows():
    given = {
        "id": "asst_given",
        "name": "Math Tutor",
        "tools": [{"type": "file_search"}],
        "metadata": {"team": "a"},
        "temperature": 7,  # above the schema's maximum: generated instead
        "invented": 1,  # not declared: dropped
    }
    made = body("createAssistant", seed=1, overrides=given)
    assert made["id"] == "asst_given" and made["name"] == "Math Tutor"
    assert made["metadata"] == {"team": "a"}
    assert [t["type"] for t in made["tools"]] == ["file_search"]  # the discriminator chose
    assert made["temperature"] != 7 and "invented" not in made
    validate_operation("/assistants", "post", 200, made)


def test_an_override_can_ask_for_null_where_the_schema_allows_it():
    made = body("createAssistant", seed=1, overrides={"description": None, "object": None})
    assert made["description"] is None and made["object"] == "assistant"


def test_a_discriminator_value_picks_the_union_member():
    made = body("createResponse", seed=1, overrides={"output": [{"type": "function_call"}]})
    (item,) = made["output"]
    assert item["type"] == "function_call" and item["call_id"].startswith("call_")
    validate_operation("/responses", "post", 200, made)


def test_a_discriminator_mapping_is_honoured(monkeypatch):
    from mockai.openapi import document, schemas

    spec = {
        "U": {
            "anyOf": [{"$ref": "#/components/schemas/Cat"}, {"$ref": "#/components/schemas/Dog"}],
            "discriminator": {
                "propertyName": "kind",
                "mapping": {
                    "feline": "#/components/schemas/Cat",
                    "canine": "#/components/schemas/Dog",
                },
            },
        },
        "Cat": {"type": "object", "properties": {"kind": {"type": "string"}}, "required": ["kind"]},
        "Dog": {
            "type": "object",
            "properties": {"kind": {"type": "string"}, "bark": {"type": "boolean"}},
            "required": ["kind", "bark"],
        },
    }
    for module in (document, schemas):
        monkeypatch.setattr(module, "lookup", lambda ref: spec[ref.rpartition("/")[2]])
    import random

    seen = set()
    for seed in range(12):
        made = instance({"$ref": "#/components/schemas/U"}, random.Random(seed))
        assert made["kind"] == ("canine" if "bark" in made else "feline")
        seen.add(made["kind"])
    assert seen == {"feline", "canine"}


def test_cycles_end():
    """CompoundFilter holds filters that are CompoundFilters: generation stops."""
    import random

    for seed in range(5):
        made = instance({"$ref": "#/components/schemas/CompoundFilter"}, random.Random(seed))
        assert made["type"] in ("and", "or") and isinstance(made["filters"], list)


def test_optional_nullable_fields_are_sometimes_null_and_required_ones_never():
    nulls = 0
    for seed in range(20):
        nulls += body("createVectorStore", seed=seed).get("expires_at", 0) is None
        # An assistant's `description` is required and nullable: a value is preferred.
        assert body("createAssistant", seed=seed)["description"] is not None
    assert 0 < nulls < 20


def test_an_operation_without_json_is_refused():
    with pytest.raises(ValueError, match="no JSON"):
        body(operation("createSpeech"))
