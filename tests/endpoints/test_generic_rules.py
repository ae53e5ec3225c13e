"""The spec-driven family's answers where the description is loose: an `object` it leaves a
free string takes the value its examples show, and a body missing one of several required fields
names the first. (A list's own `order` spellings, `ascending`/`descending`, were tested here on
the checkpoint permissions, now hand-built: tests/endpoints/test_fine_tuning.py.)"""

from __future__ import annotations

from helpers import AUTH, api_json


async def test_free_string_objects_take_the_value_the_examples_show(serve):
    client = await serve()
    made = await client.post("/v1/assistants", json={"model": "gpt-4o"}, headers=AUTH)
    assistant = await api_json(made)
    listed = await api_json(await client.get("/v1/assistants", headers=AUTH))
    # ListAssistantsResponse leaves `object` a free string; its example says "list".
    assert listed["object"] == "list" and [a["id"] for a in listed["data"]] == [assistant["id"]]


async def test_one_of_several_required_fields_missing_names_the_first(serve):
    client = await serve()
    store = await api_json(await client.post("/v1/vector_stores", json={}, headers=AUTH))
    path = f"/v1/vector_stores/{store['id']}/file_batches"
    response = await client.post(path, json={}, headers=AUTH)
    error = (await api_json(response))["error"]
    assert response.status == 400
    assert (error["param"], error["code"]) == ("file_ids", "missing_required_parameter")
    assert error["message"] == "Missing required parameter: 'file_ids'."
