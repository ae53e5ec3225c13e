"""`GET /v1/models`, `GET /v1/models/{model}` and `DELETE /v1/models/{model}` through raw HTTP
and the official SDK: the registry with config-added models, fine-tuned ids, the per-session
deletion of fine-tuned models, errors, and scripted failures. Bodies validated against the spec."""

from __future__ import annotations

import openai
import pytest
from helpers import AUTH, api_json
from openapi import validate_response

FT = "ft:gpt-4o-mini-2024-07-18:acme:support:abc123"


async def get(
    client, path: str, status: int = 200, method: str = "GET", headers: dict | None = None
):
    response = await client.request(method, path, headers={**AUTH, **(headers or {})})
    data = await api_json(response)
    assert response.status == status, data
    return data


async def test_list_holds_the_registry_with_spec_shaped_models(serve):
    data = await get(await serve(), "/v1/models")
    assert data["object"] == "list"
    ids = [m["id"] for m in data["data"]]
    for expected in (
        "gpt-4o",
        "gpt-4o-2024-08-06",
        "text-embedding-3-small",
        "whisper-1",
        "omni-moderation-latest",
        "dall-e-3",
    ):
        assert expected in ids
    assert len(ids) == len(set(ids))
    gpt4o = next(m for m in data["data"] if m["id"] == "gpt-4o")
    assert gpt4o == {"id": "gpt-4o", "object": "model", "created": 1715367049, "owned_by": "system"}


async def test_config_added_models_are_listed_and_retrievable(serve):
    client = await serve(models=[{"id": "acme-chat", "base": "gpt-4o-mini", "owned_by": "acme"}])
    ids = [m["id"] for m in (await get(client, "/v1/models"))["data"]]
    assert "acme-chat" in ids
    model = await get(client, "/v1/models/acme-chat")
    assert (model["id"], model["owned_by"]) == ("acme-chat", "acme")


async def test_retrieve_known_unknown_and_fine_tuned(serve):
    client = await serve()
    assert (await get(client, "/api/openai/v1/models/gpt-4o-mini"))["id"] == "gpt-4o-mini"
    missing = await get(client, "/v1/models/gpt-17", status=404)
    assert missing["error"] == {
        "message": "The model 'gpt-17' does not exist",
        "type": "invalid_request_error",
        "param": "model",
        "code": "model_not_found",
    }
    fine_tuned = await get(client, f"/v1/models/{FT}")
    assert (fine_tuned["id"], fine_tuned["object"]) == (FT, "model")
    await get(client, "/v1/models/ft:no-such-base:acme::x", status=404)


async def test_delete_fine_tuned_then_it_is_gone_for_that_session_only(serve):
    client = await serve()
    alice, bob = {"X-Mockai-Session": "alice"}, {"X-Mockai-Session": "bob"}
    deleted = await get(client, f"/v1/models/{FT}", method="DELETE", headers=alice)
    assert deleted == {"id": FT, "object": "model", "deleted": True}
    await get(client, f"/v1/models/{FT}", status=404, headers=alice)
    await get(client, f"/v1/models/{FT}", method="DELETE", status=404, headers=alice)
    assert (await get(client, f"/v1/models/{FT}", headers=bob))["id"] == FT
    await client.post("/_mockai/reset")
    assert (await get(client, f"/v1/models/{FT}", headers=alice))["id"] == FT


async def test_only_fine_tuned_models_can_be_deleted(serve):
    client = await serve()
    refused = await get(client, "/v1/models/gpt-4o", method="DELETE", status=403)
    assert refused["error"]["type"] == "invalid_request_error"
    await get(client, "/v1/models/gpt-unknown", method="DELETE", status=404)
    assert (await get(client, "/v1/models/gpt-4o"))["id"] == "gpt-4o"


async def test_wrong_method_is_a_405(serve):
    client = await serve()
    response = await client.post("/v1/models/gpt-4o", headers=AUTH)
    assert response.status == 405
    assert (await response.json())["error"]["message"] == "Invalid URL (POST /v1/models/gpt-4o)"


async def test_scenarios_can_script_failures_and_strict_mode_still_lists(serve):
    client = await serve(
        [
            {
                "name": "flaky-models",
                "match": {"endpoint": "models", "model": "gpt-4o"},
                "replies": [{"error": 503}, {"headers": {"x-extra": "1"}}],
            }
        ],
        strict=True,
    )
    assert (await get(client, "/v1/models"))["object"] == "list"
    await get(client, "/v1/models/gpt-4o", status=503)
    response = await client.get("/v1/models/gpt-4o", headers=AUTH)
    assert response.headers["x-extra"] == "1"
    assert (await api_json(response))["id"] == "gpt-4o"


def test_sdk_lists_retrieves_and_deletes(mockai):
    client = mockai.client(max_retries=0)
    raw = client.models.with_raw_response.list()
    validate_response("GET", "/v1/models", 200, raw.http_response.json())
    page = raw.parse()
    assert "gpt-4o" in {m.id for m in page}
    model = client.models.retrieve("text-embedding-3-large")
    assert (model.id, model.object) == ("text-embedding-3-large", "model")
    deleted = client.models.delete(FT)
    validate_response("DELETE", f"/v1/models/{FT}", 200, deleted.model_dump())
    assert deleted.deleted is True
    with pytest.raises(openai.NotFoundError) as gone:
        client.models.retrieve(FT)
    assert gone.value.code == "model_not_found"
    with pytest.raises(openai.PermissionDeniedError):
        client.models.delete("gpt-4o")
