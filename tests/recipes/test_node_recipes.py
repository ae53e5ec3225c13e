"""The Node recipes (examples/recipes/node/, docs/recipes/vercel-ai-sdk.md and node.md): the
Vercel AI SDK and the official Node SDK, their pinned packages installed on first use with
`npm ci`. Without node or npm the tests are skipped, except in CI (`CI=true`), where they fail.
"""

from __future__ import annotations

import json

import pytest
from node_packages import installed_node
from recipes_support import RECIPES

NODE_DIR = RECIPES / "node"


@pytest.fixture(scope="session")
def node() -> str:
    return installed_node(NODE_DIR)


def test_vercel_ai_sdk(node, run_recipe, journal):
    out = run_recipe(node, NODE_DIR / "vercel-ai-sdk.mjs")
    assert out[0] == "responses: The capital of France is Paris."
    assert out[1].startswith("chat: The capital of France is Paris. (")
    assert out[2:] == [
        "streamed: One, two, three, four, five.",
        'tool call: get_weather {"city":"Boston"}',
        "steps: 2",
        "answer: It is 20°C and sunny in Boston.",
    ]
    seen = journal()
    assert [(e["path"], e["scenario"], e["status"]) for e in seen] == [
        ("/v1/responses", "recipe-capital", 200),
        ("/v1/chat/completions", "recipe-capital", 200),
        ("/v1/chat/completions", "recipe-count", 200),
        ("/v1/responses", "recipe-weather-call", 200),
        ("/v1/responses", "recipe-weather-answer", 200),
    ]
    assert seen[2]["body"]["stream"] is True
    # The tool loop: the second request carries the call and its result as input items.
    call, result = seen[4]["body"]["input"][1:]
    assert (call["type"], call["name"], json.loads(call["arguments"])) == (
        "function_call",
        "get_weather",
        {"city": "Boston"},
    )
    assert result == {
        "type": "function_call_output",
        "call_id": call["call_id"],
        "output": "20°C and sunny in Boston",
    }


def test_openai_node_sdk(node, run_recipe, journal):
    out = run_recipe(node, NODE_DIR / "openai-node.mjs")
    assert out[0] == "chat: The capital of France is Paris."
    assert out[1].startswith("streamed: One, two, three, four, five. (")
    assert out[2:4] == [
        "responses: The capital of France is Paris.",
        "error: 400 context_length_exceeded messages BadRequestError",
    ]
    assert out[5] == "after retries: Third time lucky. 200"
    seen = journal()
    assert [(e["path"], e["scenario"], e["status"]) for e in seen] == [
        ("/v1/chat/completions", "recipe-capital", 200),
        ("/v1/chat/completions", "recipe-count", 200),
        ("/v1/responses", "recipe-capital", 200),
        ("/v1/chat/completions", "recipe-too-long", 400),
        ("/v1/chat/completions", "recipe-flaky", 503),
        ("/v1/chat/completions", "recipe-flaky", 429),
        ("/v1/chat/completions", "recipe-flaky", 200),
    ]
    retried = journal("node-retries")
    assert retried == seen[4:]
    assert [e["headers"].get("x-stainless-retry-count") for e in retried] == ["0", "1", "2"]
    assert seen[1]["body"]["stream"] is True
    assert seen[1]["body"]["stream_options"] == {"include_usage": True}
    # The request id the SDK read from the error is the one mockai sent (a 400 is not retried).
    assert out[4] == f"request id: {seen[3]['id']}"
