"""A LangChain tool-calling loop against mockai: bind_tools, the model's tool call, the tool's
result sent back, and the final answer (scenarios `recipe-weather-call` and `-answer`).

Serve the recipes' scenarios first:  mockai serve --scenarios examples/recipes/scenarios.yaml
"""

import os

from langchain_core.messages import HumanMessage
from langchain_core.tools import tool
from langchain_openai import ChatOpenAI


@tool
def get_weather(city: str) -> str:
    """The current weather in a city."""
    return f"20°C and sunny in {city}"


llm = ChatOpenAI(
    model="gpt-4o-mini",
    base_url=os.environ.get("OPENAI_BASE_URL", "http://127.0.0.1:8000/v1"),
    api_key=os.environ.get("OPENAI_API_KEY", "sk-test"),
    # Keeps this loop's requests apart in mockai's journal: GET /_mockai/requests?session=...
    default_headers={"X-Mockai-Session": "langchain-tools"},
).bind_tools([get_weather])

messages = [HumanMessage("What is the weather in Boston?")]
while True:
    reply = llm.invoke(messages)
    messages.append(reply)
    if not reply.tool_calls:
        break
    for call in reply.tool_calls:
        print("tool call:", call["name"], call["args"])
        messages.append(get_weather.invoke(call))  # a ToolMessage carrying the call's id

print("answer:", reply.content)
