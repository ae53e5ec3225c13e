"""The spec-driven family's answers where the description is loose: an `object` it leaves a
free string takes the value its examples show, each list takes the `order` spellings its own
parameter declares, and a body missing one of several required fields names the first."""

from __future__ import annotations

import pytest
from helpers import AUTH, api_json


async def test_free_string_objects_take_the_value_the_examples_show(serve):
    client = await serve()
    made = await client.post("/v1/assistants", json={"model": "gpt-4o"}, headers=AUTH)
    assistant = await api_json(made)
    listed = await api_json(await client.get("/v1/assistants", headers=AUTH))
    # ListAssistantsResponse leaves `object` a free string; its example says "list".
    assert listed["object"] == "list" and [a["id"] for a in listed["data"]] == [assistant["id"]]


@pytest.mark.parametrize(
    ("order", "status"), [("ascending", 200), ("descending", 200), ("asc", 400)]
)
async def test_a_list_takes_the_order_spellings_its_parameter_declares(serve, order, status):
    client = await serve()
    path = "/v1/fine_tuning/checkpoints/ft:gpt-4o-mini:org::x/permissions"
    response = await client.get(path, params={"order": order}, headers=AUTH)
    assert response.status == status, await response.text()
    body = await api_json(response)
    if status == 400:
        assert body["error"]["param"] == "order"
        assert "'ascending'" in body["error"]["message"]


async def test_one_of_several_required_fields_missing_names_the_first(serve):
    client = await serve()
    store = await api_json(await client.post("/v1/vector_stores", json={}, headers=AUTH))
    path = f"/v1/vector_stores/{store['id']}/file_batches"
    response = await client.post(path, json={}, headers=AUTH)
    error = (await api_json(response))["error"]
    assert response.status == 400
    assert (error["param"], error["code"]) == ("file_ids", "missing_required_parameter")
    assert error["message"] == "Missing required parameter: 'file_ids'."
