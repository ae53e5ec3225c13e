"""The LangChain recipes (examples/recipes/langchain_*.py, docs/recipes/langchain.md)."""

from __future__ import annotations

import json
import sys

from recipes_support import RECIPES, require_client


def test_langchain_plain_call_and_stream(run_recipe, journal):
    require_client("langchain_openai")
    out = run_recipe(sys.executable, RECIPES / "langchain_chat.py")
    assert out[0] == "answer: The capital of France is Paris."
    assert int(out[1].removeprefix("tokens: ")) > 0
    assert int(out[2].removeprefix("chunks: ")) > 2  # the answer came in pieces
    assert out[3] == "streamed: One, two, three, four, five."
    call, stream = journal()
    assert (call["path"], call["scenario"], call["status"]) == (
        "/v1/chat/completions",
        "recipe-capital",
        200,
    )
    assert call["body"].get("stream") in (None, False)
    assert (stream["scenario"], stream["body"]["stream"]) == ("recipe-count", True)


def test_langchain_tool_loop(run_recipe, journal):
    require_client("langchain_openai")
    out = run_recipe(sys.executable, RECIPES / "langchain_tools.py")
    assert out == [
        "tool call: get_weather {'city': 'Boston'}",
        "answer: It is 20°C and sunny in Boston.",
    ]
    assert journal() == journal("langchain-tools")  # default_headers sent the session header
    first, second = journal("langchain-tools")
    assert [first["scenario"], second["scenario"]] == [
        "recipe-weather-call",
        "recipe-weather-answer",
    ]
    for entry in (first, second):
        assert [t["function"]["name"] for t in entry["body"]["tools"]] == ["get_weather"]
    user, assistant, result = second["body"]["messages"]
    assert user == first["body"]["messages"][0]
    (call,) = assistant["tool_calls"]
    assert call["function"]["name"] == "get_weather"
    assert json.loads(call["function"]["arguments"]) == {"city": "Boston"}
    assert result["role"] == "tool" and result["tool_call_id"] == call["id"]
    assert result["content"] == "20°C and sunny in Boston"
