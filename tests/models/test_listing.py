"""GET /v1/models and /v1/models/{id} through the official SDK: every model of the
description is listed and retrievable, with `created` and `owned_by` as the real API
reports them; bodies validated against ListModelsResponse / Model."""

from __future__ import annotations

import pytest
from model_ids import spec_model_ids
from openapi import validate_response

# From real GET /v1/models listings (see mockai/models/catalog.yaml's sources).
REAL = [
    ("gpt-4o", 1715367049, "system"),
    ("gpt-4o-2024-08-06", 1722814719, "system"),  # a snapshot has its own `created`
    ("gpt-4o-mini-2024-07-18", 1721172717, "system"),
    ("gpt-4-0613", 1686588896, "openai"),
    ("gpt-3.5-turbo-0125", 1706048358, "system"),
    ("o1-mini", 1725649008, "system"),
    ("gpt-4o-realtime-preview", 1727659998, "system"),
    ("omni-moderation-2024-09-26", 1732734466, "system"),
    ("text-embedding-ada-002", 1671217299, "openai-internal"),
]


def test_the_list_holds_every_described_model(mockai):
    raw = mockai.client(max_retries=0).models.with_raw_response.list()
    body = raw.http_response.json()
    validate_response("GET", "/v1/models", 200, body)
    ids = [m["id"] for m in body["data"]]
    assert len(ids) == len(set(ids))
    assert sorted(spec_model_ids() - set(ids)) == []


@pytest.mark.parametrize("model_id, created, owned_by", REAL)
def test_created_and_owned_by_as_the_real_api_reports_them(mockai, model_id, created, owned_by):
    client = mockai.client(max_retries=0)
    raw = client.models.with_raw_response.retrieve(model_id)
    validate_response("GET", f"/v1/models/{model_id}", 200, raw.http_response.json())
    model = raw.parse()
    assert (model.id, model.created, model.owned_by) == (model_id, created, owned_by)
    listed = next(m for m in client.models.list() if m.id == model_id)
    assert (listed.created, listed.owned_by) == (created, owned_by)


@pytest.mark.parametrize(
    "model_id",
    ["gpt-5.6-luna", "gpt-5.5-pro", "o3-pro", "sora-2", "gpt-realtime", "computer-use-preview"],
)
def test_todays_models_are_retrievable(mockai, model_id):
    model = mockai.client(max_retries=0).models.retrieve(model_id)
    assert (model.id, model.object) == (model_id, "model")
