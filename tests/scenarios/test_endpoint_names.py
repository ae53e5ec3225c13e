"""Endpoint names in `match.endpoint`: the families, the OpenAPI description's operation ids and
`METHOD /path`s, and globs over them. The operation index shipped in the package must be the
one derived from the shipped description (regenerate it with
`python tests/scenarios/test_endpoint_names.py`)."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

import openai
import pytest
import yaml
from helpers import AUTH, api_json, chat_body, post_chat

from mockai.endpoints import endpoint_names
from mockai.scenarios.endpoints import route_shape
from mockai.spec import OPENAPI_PATH, OPERATIONS_PATH

SCENARIOS_PAGE = Path(__file__).resolve().parents[2] / "docs" / "scenarios.md"

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def derive_operations() -> dict[str, str]:
    """operationId -> `METHOD /path`, in the description's order."""
    spec = yaml.load(OPENAPI_PATH.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    return {
        operation["operationId"]: f"{method.upper()} {path}"
        for path, item in spec["paths"].items()
        for method, operation in item.items()
        if method in HTTP_METHODS
    }


def test_operation_index_matches_the_description() -> None:
    assert json.loads(OPERATIONS_PATH.read_text(encoding="utf-8")) == derive_operations()


# WebSocket routes the description has no operation for (it describes their events only):
# scenarios name them by their endpoint name alone.
WEBSOCKET_ONLY = {"GET /realtime"}


def test_each_declared_endpoint_name_serves_real_operations() -> None:
    """Every route a family declares a scenario endpoint name on is an operation of the
    description (but for WebSocket-only routes), and naming that operation (by id or route)
    reaches the endpoint name."""
    described = {route_shape(route): op for op, route in derive_operations().items()}
    names = endpoint_names()
    assert names.endpoints, "no family declares an endpoint name"
    for name, routes in names.endpoints.items():
        for route in routes:
            if route in WEBSOCKET_ONLY:
                assert route_shape(route) not in described, route  # now described: drop it
                continue
            operation = described.get(route_shape(route))
            assert operation is not None, (name, route)
            assert name in names.resolve(operation), (name, operation)


def test_the_scenarios_page_lists_the_families() -> None:
    listed = re.search(
        r"Scenario endpoint names: (.*?)\.\n", SCENARIOS_PAGE.read_text(encoding="utf-8"), re.S
    )
    assert listed is not None
    assert set(re.findall(r"`([^`]+)`", listed[1])) == set(endpoint_names().families)


def named(endpoint: str, content: str) -> dict[str, Any]:
    return {"name": content, "match": {"endpoint": endpoint}, "reply": {"content": content}}


@pytest.mark.parametrize(
    "endpoint",
    [
        "chat.completions",
        "createChatCompletion",
        "POST /chat/completions",
        "POST /chat/*",
        "create*C*",
        "*",
    ],
)
async def test_names_that_cover_chat_completions(serve, endpoint: str):
    client = await serve([named(endpoint, "matched"), named("*", "fallback")])
    response = await post_chat(client, chat_body("hi"))
    body = await api_json(response)
    assert body["choices"][0]["message"]["content"] == "matched"


@pytest.mark.parametrize(
    "endpoint",
    [
        "chat.completions.stored",
        "completions",
        "createEmbedding",
        "GET /chat/completions",
        "createVectorStore",
        "POST /vector_stores",
        "*vector_store*",
    ],
)
async def test_names_that_do_not_cover_chat_completions(serve, endpoint: str):
    """Other families, and operations no family serves yet (they match nothing for now)."""
    client = await serve([named(endpoint, "matched")], strict=True)
    response = await post_chat(client, chat_body("hi"))
    body = await api_json(response)
    assert response.status == 404 and body["error"]["code"] == "no_scenario_matched"


async def test_an_operation_of_a_multi_route_family(serve):
    """`GET /models/{model}` is the `models` family: its scripted error answers a retrieve."""
    client = await serve(
        [
            {
                "name": "gone",
                "match": {"endpoint": "retrieveModel"},
                "reply": {
                    "error": {"status": 404, "code": "model_not_found", "message": "scripted"}
                },
            }
        ]
    )
    response = await client.get("/v1/models/gpt-4o", headers=AUTH)
    body = await api_json(response)
    assert (response.status, body["error"]["message"]) == (404, "scripted")


def test_operation_names_with_the_sdk(mockai):
    mockai.add_scenario(
        [
            {
                "name": "embeddings",
                "match": {"endpoint": "POST /embeddings"},
                "reply": {"error": {"status": 409, "message": "scripted for embeddings"}},
            },
            named("createChatCompletion", "by operation id"),
        ]
    )
    client = mockai.client(max_retries=0)
    answer = client.chat.completions.create(
        model="gpt-4o", messages=[{"role": "user", "content": "hi"}]
    )
    assert answer.choices[0].message.content == "by operation id"
    with pytest.raises(openai.ConflictError, match="scripted for embeddings"):
        client.embeddings.create(model="text-embedding-3-small", input="x")


if __name__ == "__main__":
    OPERATIONS_PATH.write_text(json.dumps(derive_operations(), indent=0) + "\n", encoding="utf-8")
    sys.exit(0)
