"""LangChain's ChatOpenAI against mockai: a plain call with a scripted answer, then a stream.

Serve the recipes' scenarios first:  mockai serve --scenarios examples/recipes/scenarios.yaml
"""

import os

from langchain_openai import ChatOpenAI

llm = ChatOpenAI(
    model="gpt-4o-mini",
    base_url=os.environ.get("OPENAI_BASE_URL", "http://127.0.0.1:8000/v1"),
    api_key=os.environ.get("OPENAI_API_KEY", "sk-test"),
)

# A plain call: the scenario `recipe-capital` answers it.
answer = llm.invoke("What is the capital of France?")
print("answer:", answer.content)
print("tokens:", answer.usage_metadata["total_tokens"])

# A stream: `recipe-count` answers in chunks; LangChain asks for `stream: true`.
pieces = [chunk.content for chunk in llm.stream("Please count to five.")]
print("chunks:", len(pieces))
print("streamed:", "".join(pieces))
