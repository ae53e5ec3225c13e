"""LiteLLM against mockai: a call, a stream, and retries through a scripted 503 then 429.

Serve the recipes' scenarios first:  mockai serve --scenarios examples/recipes/scenarios.yaml
"""

import os

# LiteLLM fetches its model cost map from GitHub on import unless told to use its bundled copy.
os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")

import litellm  # noqa: E402  (after the environment variable above)

litellm.suppress_debug_info = True  # no "Give Feedback" banner on each error

BASE_URL = os.environ.get("OPENAI_BASE_URL", "http://127.0.0.1:8000/v1")
API_KEY = os.environ.get("OPENAI_API_KEY", "sk-test")
# The `openai/` prefix sends the request to an OpenAI-compatible server at `api_base`.
MODEL = "openai/gpt-4o-mini"


def ask(text: str, **options):
    return litellm.completion(
        model=MODEL,
        api_base=BASE_URL,
        api_key=API_KEY,
        messages=[{"role": "user", "content": text}],
        **options,
    )


# A call: the scenario `recipe-capital` answers it.
response = ask("What is the capital of France?")
print("answer:", response.choices[0].message.content)
print("tokens:", response.usage.total_tokens)

# A stream: `recipe-count` answers in chunks.
pieces = [chunk.choices[0].delta.content or "" for chunk in ask("Count to five.", stream=True)]
print("streamed:", "".join(pieces))

# Retries: `recipe-flaky` fails with 503, then 429, then answers. Its counter is kept per
# X-Mockai-Session, so each attempt below starts from the first failure.
try:
    ask("Are you flaky today?", num_retries=0, extra_headers={"X-Mockai-Session": "no-retries"})
except litellm.ServiceUnavailableError as error:
    print("without retries:", error.status_code, type(error).__name__)

response = ask("Are you flaky today?", num_retries=2, extra_headers={"X-Mockai-Session": "retries"})
print("after retries:", response.choices[0].message.content)
