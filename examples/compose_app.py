"""The "app under test" of docker-compose.yml: an ordinary OpenAI SDK client that the compose
file points at the mockai service through OPENAI_BASE_URL and OPENAI_API_KEY.

It asks the question that scenarios/plain-reply.yaml answers and exits 0 when the scripted
reply comes back, 1 otherwise, so `docker-compose up --exit-code-from app` works as a check.
"""

from __future__ import annotations

import os
import sys

from openai import OpenAI


def main() -> int:
    client = OpenAI()  # reads OPENAI_BASE_URL and OPENAI_API_KEY from the environment
    print(f"app: talking to {os.environ.get('OPENAI_BASE_URL')}", flush=True)
    reply = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": "What is the capital of France?"}],
    )
    content = reply.choices[0].message.content
    print(f"app: got {content!r}", flush=True)
    return 0 if content and "Paris" in content else 1


if __name__ == "__main__":
    sys.exit(main())
