"""The official SDK's retry loop against the limiter: it reads `retry-after-ms`, waits, and
its retry succeeds once the bucket has refilled."""

from __future__ import annotations

import time

import openai
import pytest


def test_sdk_retry_loop_recovers_after_the_reset_time(mockai):
    mockai.add_scenario({"name": "busy", "limits": {"rpm": 60}, "reply": {"content": "ok"}})
    body = {"model": "gpt-4o", "messages": [{"role": "user", "content": "hi"}]}
    raw = mockai.client(max_retries=0).chat.completions.with_raw_response
    started = time.monotonic()
    statuses = [raw.create(**body).status_code for _ in range(60)]
    assert statuses == [200] * 60  # the whole minute's allowance, at once

    reply = mockai.client(max_retries=2).chat.completions.create(**body)
    took = time.monotonic() - started
    assert reply.choices[0].message.content == "ok"
    assert [e["status"] for e in mockai.requests[-2:]] == [429, 200]
    # One request a second comes back, so the 61st succeeds a second after the first at the
    # earliest, however long the 60 took: the SDK waited for it.
    assert took >= 0.95


def test_sdk_without_retries_raises_rate_limit_error(mockai):
    mockai.add_scenario({"name": "tight", "limits": {"rpm": 1}, "reply": {"content": "ok"}})
    client = mockai.client(max_retries=0)
    client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "a"}])
    with pytest.raises(openai.RateLimitError) as caught:
        client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "b"}])
    assert caught.value.code == "rate_limit_exceeded"
    assert caught.value.response.headers["retry-after"] == "60"
