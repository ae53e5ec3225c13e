"""`GET /_mockai/metrics`: valid Prometheus text whose counters follow what the server did."""

from __future__ import annotations

import re

from helpers import post_chat

SAMPLE = re.compile(
    r'^(?P<name>[a-z_]+)(\{(?P<labels>(?:[^"}]|"(?:[^"\\]|\\.)*")*)\})? '
    r"(?P<value>[0-9.e+-]+)$"
)
LABEL = re.compile(r'(\w+)="((?:[^"\\]|\\.)*)"')


def parse(text: str) -> dict[tuple[str, frozenset], float]:
    """Every sample line, checked against the exposition format; comments are HELP/TYPE."""
    samples = {}
    assert text.endswith("\n")
    for line in text.splitlines():
        if line.startswith("#"):
            assert re.match(r"^# (HELP|TYPE) [a-z_]+ .+$", line), line
            continue
        match = SAMPLE.match(line)
        assert match, line
        labels = frozenset(LABEL.findall(match["labels"] or ""))
        samples[(match["name"], labels)] = float(match["value"])
    return samples


def value(samples, name: str, **labels: str) -> float:
    return samples.get((name, frozenset(labels.items())), 0.0)


async def metrics(client):
    response = await client.get("/_mockai/metrics")
    assert response.status == 200
    assert response.headers["Content-Type"] == "text/plain; version=0.0.4; charset=utf-8"
    return parse(await response.text())


async def test_counters_follow_requests_faults_and_rejections(serve):
    client = await serve(
        [
            {"name": "hello", "match": {"user": "hello"}, "reply": {"content": "hi"}},
            {"name": "broken", "match": {"user": "broken"}, "reply": {"error": 503}},
            {
                "name": "tight",
                "match": {"user": "tight"},
                "limits": {"rpm": 1},
                "reply": {"content": "ok"},
            },
        ]
    )
    before = await metrics(client)
    assert (
        value(
            before,
            "mockai_requests_total",
            endpoint="/v1/chat/completions",
            method="POST",
            status="200",
            scenario="hello",
        )
        == 0
    )
    for _ in range(3):
        await post_chat(client, content="hello")
    await post_chat(client, content="broken")
    await post_chat(client, content="tight")
    await post_chat(client, content="tight")
    await post_chat(client, content="anything", headers={"X-Mockai-Chaos": "500"})
    stream = await post_chat(client, content="hello", stream=True)
    await stream.read()
    await client.get("/v1/models/nope", headers={"Authorization": "Bearer k"})

    after = await metrics(client)
    chat = {"endpoint": "/v1/chat/completions", "method": "POST"}
    assert value(after, "mockai_requests_total", **chat, status="200", scenario="hello") == 4
    assert value(after, "mockai_requests_total", **chat, status="503", scenario="broken") == 1
    assert value(after, "mockai_requests_total", **chat, status="429", scenario="tight") == 1
    assert value(after, "mockai_requests_total", **chat, status="500", scenario="") == 1
    assert (
        value(
            after,
            "mockai_requests_total",
            endpoint="/v1/models/{model}",
            method="GET",
            status="404",
            scenario="",
        )
        == 1
    )
    assert value(after, "mockai_faults_total", kind="503", source="scripted") == 1
    assert value(after, "mockai_faults_total", kind="500", source="chaos") == 1
    assert value(after, "mockai_ratelimit_rejections_total", type="requests") == 1
    assert (
        value(after, "mockai_stream_duration_seconds_count", endpoint="/v1/chat/completions") == 1
    )
    assert (
        value(
            after,
            "mockai_stream_duration_seconds_bucket",
            endpoint="/v1/chat/completions",
            le="+Inf",
        )
        == 1
    )


async def test_reset_does_not_clear_counters(serve):
    client = await serve()
    await post_chat(client)
    await client.post("/_mockai/reset")
    after = await metrics(client)
    assert (
        value(
            after,
            "mockai_requests_total",
            endpoint="/v1/chat/completions",
            method="POST",
            status="200",
            scenario="",
        )
        == 1
    )


async def test_warmup_pending_gauge_counts_down_to_zero(serve, monkeypatch):
    from mockai import warmup

    client = await serve()
    # The count itself, not the module's live counter: this process's real warm-up steps may
    # be queued or finish while the test runs (they did, under xdist).
    monkeypatch.setattr(warmup, "pending", lambda: 3)
    assert value(await metrics(client), "mockai_warmup_pending") == 3
    monkeypatch.setattr(warmup, "pending", lambda: 0)
    assert value(await metrics(client), "mockai_warmup_pending") == 0
