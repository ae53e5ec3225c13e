"""mockai.openapi.idshapes: the real id prefixes, learned from the spec's own examples."""

from __future__ import annotations

import random
import re

import pytest

from mockai.openapi.idshapes import learned, shape_for_field, shape_for_object, split

REQUIRED = [
    ("assistant", "AssistantObject", "asst_"),
    ("vector_store", "VectorStoreObject", "vs_"),
    ("fine_tuning.job", "FineTuningJob", "ftjob-"),
    ("eval", "Eval", "eval_"),
    ("container", "ContainerResource", "cntr_"),
    ("video", "VideoResource", "video_"),
    ("organization.project", "Project", "proj_"),
    ("organization.user", "User", "user-"),
    ("organization.admin_api_key", "AdminApiKey", "key_"),
    ("thread", "ThreadObject", "thread_"),
    ("batch", "Batch", "batch_"),
    ("file", "OpenAIFile", "file-"),
    ("response", "Response", "resp_"),
]


@pytest.mark.parametrize(("kind", "schema", "prefix"), REQUIRED)
def test_learned_prefixes(kind, schema, prefix):
    assert shape_for_object(kind, None).prefix == prefix
    assert shape_for_object(None, schema).prefix == prefix
    assert learned().by_object[kind].samples  # learned from an example, not assumed


def test_the_random_part_takes_the_form_real_examples_show():
    container = shape_for_object("container", None)
    assert (container.length, container.alphabet) == (48, "hex")  # cntr_682e0e73...
    evaluation = shape_for_object("eval", None)
    assert (evaluation.length, evaluation.alphabet) == (32, "hex")
    made = evaluation.make(random.Random(1))
    assert re.fullmatch(r"eval_[0-9a-f]{32}", made) and evaluation.fits(made)
    assert evaluation.make(random.Random(1)) == made
    # Only placeholders seen (`asst_abc123`): the classic 24 alphanumerics.
    assert re.fullmatch(
        r"asst_[A-Za-z0-9]{24}", shape_for_object("assistant", None).make(random.Random(2))
    )
    # Only placeholders, but mockai.ids knows the real form.
    assert shape_for_object("file", None).length == 22


def test_fields_name_what_they_point_at():
    assert shape_for_field("assistant_id").prefix == "asst_"
    assert shape_for_field("vector_store_id").prefix == "vs_"
    assert shape_for_field("fine_tuning_job_id").prefix == "ftjob-"
    assert shape_for_field("container_id").prefix == "cntr_"
    assert shape_for_field("no_such_thing_id") is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("vs_abc123", ("vs_", "abc123")),
        ("ftjob-abc123", ("ftjob-", "abc123")),
        ("batch_req_123", ("batch_req_", "123")),
        ("audit_log-xxx_20240101", ("audit_log-", "xxx_20240101")),
        ("user_abc", ("user-", "abc")),  # the spec disagrees with itself; real ids are user-
        ("function_call", None),  # words, not an id
        ("gpt 4o", None),
        ("2eaf2d8d-d649", None),
        ("VAR_chat_model_id", None),
    ],
)
def test_split(value, expected):
    assert split(value) == expected
