"""The LiteLLM recipe (examples/recipes/litellm_recipe.py, docs/recipes/litellm.md)."""

from __future__ import annotations

import sys

from recipes_support import RECIPES, require_client


def test_litellm_call_stream_and_retries(run_recipe, journal):
    require_client("litellm")
    out = run_recipe(sys.executable, RECIPES / "litellm_recipe.py")
    assert out[0] == "answer: The capital of France is Paris."
    assert int(out[1].removeprefix("tokens: ")) > 0
    assert out[2:] == [
        "streamed: One, two, three, four, five.",
        "without retries: 503 ServiceUnavailableError",
        "after retries: Third time lucky.",
    ]
    call, stream = journal()[:2]
    assert (call["path"], call["scenario"], call["status"]) == (
        "/v1/chat/completions",
        "recipe-capital",
        200,
    )
    assert (stream["scenario"], stream["body"]["stream"]) == ("recipe-count", True)
    assert call["body"]["model"] == "gpt-4o-mini"  # the `openai/` provider prefix is LiteLLM's
    assert [e["status"] for e in journal("no-retries")] == [503]
    retried = journal("retries")
    assert [e["status"] for e in retried] == [503, 429, 200]
    # LiteLLM hands num_retries to the OpenAI SDK it calls through, which counts its attempts.
    assert [e["headers"].get("x-stainless-retry-count") for e in retried] == ["0", "1", "2"]
