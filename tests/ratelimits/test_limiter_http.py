"""The rate limiter as a raw HTTP client meets it: the six headers count down, the 429 carries
the real message, type, code and retry headers; keys, models, scenarios and sessions each have
their own buckets; tokens, daily limits, tier presets and quotas behave alike."""

from __future__ import annotations

import json
import re

import pytest
from helpers import AUTH, api_json, chat_body, post_chat

RPM_MESSAGE = re.compile(
    r"^Rate limit reached for gpt-4o in organization org-[A-Za-z0-9]{24} on requests per min "
    r"\(RPM\): Limit 3, Used 3, Requested 1\. Please try again in (?P<wait>[\d.]+m?s)\. "
    r"Visit https://platform\.openai\.com/account/rate-limits to learn more\.$"
)


def key(name: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {name}"}


def limits(response) -> dict[str, str]:
    return {
        name.removeprefix("x-ratelimit-"): value
        for name, value in response.headers.items()
        if name.startswith("x-ratelimit-")
    }


async def test_a_key_faster_than_its_rpm_counts_down_then_gets_a_429(serve):
    client = await serve(rpm=3)
    remaining = []
    for _ in range(3):
        response = await post_chat(client, headers=key("sk-fast"))
        await api_json(response)
        remaining.append(limits(response)["remaining-requests"])
        assert limits(response)["limit-requests"] == "3"
    assert remaining == ["2", "1", "0"]

    refused = await post_chat(client, headers=key("sk-fast"))
    body = await api_json(refused)
    assert refused.status == 429
    error = body["error"]
    assert (error["type"], error["code"], error["param"]) == (
        "requests",
        "rate_limit_exceeded",
        None,
    )
    match = RPM_MESSAGE.match(error["message"])
    assert match, error["message"]
    retry_ms = int(refused.headers["retry-after-ms"])
    assert 19_000 < retry_ms <= 20_000  # one request comes back every 20 s
    assert refused.headers["retry-after"] == "20"  # whole seconds, rounded up
    assert limits(refused)["remaining-requests"] == "0"
    assert re.fullmatch(r"(59\.\d+s|1m0s)", limits(refused)["reset-requests"])

    other = await post_chat(client, headers=key("sk-calm"))
    assert other.status == 200
    assert limits(other)["remaining-requests"] == "2"


async def test_token_limits_charge_the_larger_of_prompt_and_output_reservation(serve):
    client = await serve(tpm=100)
    first = await post_chat(client, max_tokens=40)
    assert first.status == 200
    assert limits(first)["limit-tokens"] == "100"
    assert limits(first)["remaining-tokens"] == "60"  # 40 reserved > the 8-token prompt
    assert limits(first)["reset-tokens"] == "24s"  # 40 tokens at 100 per minute
    assert limits(await post_chat(client, max_tokens=40))["remaining-tokens"] == "20"

    refused = await post_chat(client, max_tokens=40)
    error = (await api_json(refused))["error"]
    assert refused.status == 429
    assert (error["type"], error["code"]) == ("tokens", "rate_limit_exceeded")
    assert (
        "on tokens per min (TPM): Limit 100, Used 80, Requested 40. Please try again in"
        in error["message"]
    )
    assert 11_000 < int(refused.headers["retry-after-ms"]) <= 12_000  # 20 more tokens at 100/min

    unreserved = await post_chat(client)  # no max_tokens: only the prompt counts
    assert unreserved.status == 200


async def test_a_request_bigger_than_the_whole_budget_is_too_large(serve):
    client = await serve(tpm=100)
    refused = await post_chat(client, max_tokens=500)
    error = (await api_json(refused))["error"]
    assert refused.status == 429 and error["type"] == "tokens"
    assert re.fullmatch(
        r"Request too large for gpt-4o in organization org-\w{24} on tokens per min \(TPM\): "
        r"Limit 100, Requested 500\. The input or output tokens must be reduced in order to run "
        r"successfully\. Visit https://platform\.openai\.com/account/rate-limits to learn more\.",
        error["message"],
    ), error["message"]
    assert limits(await post_chat(client, max_tokens=50))["remaining-tokens"] == "50"


async def test_daily_limits_show_in_the_headers_and_refuse_with_their_own_text(serve):
    client = await serve(rpm=100, rpd=2)
    response = await post_chat(client)
    # The daily bucket is the one reported, as the real API does for a tier-1 mini model.
    assert (
        limits(response)["limit-requests"],
        limits(response)["remaining-requests"],
        limits(response)["reset-requests"],
    ) == ("2", "1", "12h0m0s")
    await post_chat(client)
    refused = await post_chat(client)
    error = (await api_json(refused))["error"]
    assert re.search(
        r"on requests per day \(RPD\): Limit 2, Used 2, Requested 1\. Please try "
        r"again in (12h0m0s|11h59m59\.\d+s)\.",
        error["message"],
    ), error["message"]
    assert refused.headers["retry-after"] == "43200"


async def test_config_limits_per_model_and_per_key(serve):
    client = await serve(
        limits={
            "models": {"gpt-4o-mini": {"rpm": 1}},
            "keys": {"sk-vip": {"rpm": 50, "models": {"gpt-4o-mini": {"rpm": 5}}}},
        }
    )
    mini = chat_body(model="gpt-4o-mini")
    assert (await post_chat(client, mini)).status == 200
    assert (await post_chat(client, mini)).status == 429
    big = await post_chat(client)  # gpt-4o has no configured limit: the unloaded defaults
    assert (big.status, limits(big)["limit-requests"]) == (200, "10000")
    vip = await post_chat(client, mini, headers=key("sk-vip"))
    assert limits(vip)["limit-requests"] == "5"
    assert limits(await post_chat(client, headers=key("sk-vip")))["limit-requests"] == "50"
    dated = await post_chat(client, chat_body(model="gpt-4o-mini-2024-07-18"), headers=key("sk-x"))
    assert limits(dated)["limit-requests"] == "1"  # a snapshot shares its model's limits


async def test_a_scenario_can_carry_its_own_limits(serve):
    client = await serve(
        [
            {
                "name": "throttled",
                "match": {"user": "slow"},
                "limits": {"rpm": 1},
                "reply": {"content": "ok"},
            }
        ]
    )
    assert (await post_chat(client, content="slow")).status == 200
    refused = await post_chat(client, content="slow")
    assert refused.status == 429
    assert "Limit 1, Used 1" in (await api_json(refused))["error"]["message"]
    other = await post_chat(client, content="fast")
    assert (other.status, limits(other)["limit-requests"]) == (200, "10000")


async def test_a_refused_request_does_not_move_the_scenario_on(serve):
    client = await serve(
        [
            {
                "name": "seq",
                "limits": {"rpm": 1},
                "replies": [{"content": "first"}, {"content": "second"}],
            }
        ]
    )
    await post_chat(client)
    assert (await post_chat(client)).status == 429
    journal = (await (await client.get("/_mockai/requests")).json())["data"]
    assert [(e["status"], e["step"], e["rate_limited"]) for e in journal] == [
        (200, 0, None),
        (429, None, "requests"),
    ]


@pytest.mark.parametrize(
    "tier, model, expected",
    [
        ("free", "gpt-4o-mini", ("200", "40000")),  # 3 RPM, but the daily 200 is what shows
        ("1", "gpt-4o", ("500", "30000")),
        ("1", "gpt-4o-mini", ("10000", "200000")),
        ("2", "gpt-4o", ("5000", "450000")),
        ("5", "gpt-4o-mini", ("30000", "150000000")),
        ("3", "text-embedding-3-small", ("5000", "5000000")),
    ],
)
async def test_tier_presets(serve, tier, model, expected):
    client = await serve(tier=tier)
    if model.startswith("text-embedding"):
        response = await client.post(
            "/v1/embeddings", headers=AUTH, data=json.dumps({"model": model, "input": "hello"})
        )
    else:
        response = await post_chat(client, chat_body(model=model))
    assert response.status == 200
    assert (limits(response)["limit-requests"], limits(response)["limit-tokens"]) == expected


async def test_free_tier_allows_three_requests_a_minute(serve):
    client = await serve(tier="free")
    statuses = [(await post_chat(client, chat_body(model="gpt-4o-mini"))).status for _ in range(4)]
    assert statuses == [200, 200, 200, 429]


async def test_request_quota_ends_in_insufficient_quota(serve):
    client = await serve(quota_requests=2)
    assert [(await post_chat(client)).status for _ in range(2)] == [200, 200]
    refused = await post_chat(client)
    error = (await api_json(refused))["error"]
    assert refused.status == 429
    assert (error["type"], error["code"]) == ("insufficient_quota", "insufficient_quota")
    assert error["message"].startswith("You exceeded your current quota, please check your plan")
    assert "retry-after" not in refused.headers  # waiting does not help
    assert (await post_chat(client, headers=key("sk-other"))).status == 200


async def test_spend_quota_counts_real_usage(serve):
    # gpt-4o: $2.50 in / $10 out per 1M tokens: 8 tokens in and 1,000 out cost $0.01002.
    client = await serve([{"name": "long", "reply": {"content": "word " * 1000}}], quota_usd=0.025)
    statuses = [(await post_chat(client)).status for _ in range(4)]
    assert statuses == [200, 200, 200, 429]  # the third crosses $0.025, the fourth is refused
    journal = (await (await client.get("/_mockai/requests")).json())["data"]
    assert journal[-1]["rate_limited"] == "insufficient_quota"


async def test_sessions_have_their_own_buckets_and_reset_refills_them(serve):
    client = await serve(rpm=1)
    one, two = {"X-Mockai-Session": "one"}, {"X-Mockai-Session": "two"}
    assert (await post_chat(client, headers=one)).status == 200
    assert (await post_chat(client, headers=one)).status == 429
    assert (await post_chat(client, headers=two)).status == 200
    await client.post("/_mockai/reset", headers=one)
    assert (await post_chat(client, headers=one)).status == 200
    assert (await post_chat(client, headers=two)).status == 429


async def test_streams_and_other_endpoints_are_limited_too(serve):
    client = await serve(rpm=2, tpm=10_000)
    stream = await post_chat(client, stream=True)
    assert stream.status == 200 and limits(stream)["remaining-requests"] == "1"
    await stream.read()
    body = json.dumps({"model": "gpt-4o", "input": "hi", "max_output_tokens": 500})
    response = await client.post("/v1/responses", headers=AUTH, data=body)
    assert response.status == 200
    assert limits(response)["remaining-requests"] == "0"
    assert 9_000 < int(limits(response)["remaining-tokens"]) < 9_600  # 500 reserved, 8 streamed
    refused = await client.post("/v1/responses", headers=AUTH, data=body)
    assert refused.status == 429
    assert (await api_json(refused))["error"]["type"] == "requests"
    embedding = await client.post(
        "/v1/embeddings",
        headers=AUTH,
        data=json.dumps({"model": "text-embedding-3-small", "input": "hi"}),
    )
    assert limits(embedding)["remaining-requests"] == "1"  # its own model, its own bucket
