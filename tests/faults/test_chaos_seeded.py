"""Chaos is reproducible: every draw comes from `--seed` and the request's order within its
session, so the same requests against a fresh server with the same seed fail the same way,
each session sees the pattern a fresh server would, and the failure ratio follows the rate."""

from __future__ import annotations

from helpers import chat_outcome

RUN = 60  # requests per run; every third one streamed


async def journal(client, session: str | None = None) -> list[tuple]:
    query = f"?session={session}" if session else ""
    entries = (await (await client.get("/_mockai/requests" + query)).json())["data"]
    return [(e["status"], e["stream"], e["fault"]) for e in entries]


async def run(client, session: str | None = None) -> tuple[list, list]:
    headers = {"X-Mockai-Session": session} if session else None
    seen = [await chat_outcome(client, i % 3 == 0, headers) for i in range(RUN)]
    return seen, await journal(client, session)


def kinds(entries: list[tuple]) -> list[str | None]:
    return [fault["kind"] if fault else None for _, _, fault in entries]


async def test_same_seed_gives_the_same_faults_on_a_fresh_server(serve):
    first = await run(await serve(chaos_rate=0.5, seed=7))
    second = await run(await serve(chaos_rate=0.5, seed=7))
    assert first == second
    seen, entries = first
    assert len(entries) == RUN
    faults = [f for _, _, f in entries if f is not None]
    assert 15 <= len(faults) <= 45  # about half
    assert all(f["source"] == "chaos" for f in faults)
    # The default kinds, streamed and not, all showed up; stalls are not among them.
    assert {"429", "500", "502", "503", "reset"} <= {f["kind"] for f in faults}
    assert {f["kind"] for f in faults} & {"malformed_json", "wrong_content_type"}
    assert {f["kind"] for f in faults} & {"disconnect", "stream_error", "malformed_chunk"}
    assert not {f["kind"] for f in faults} & {"stall", "stream_stall"}
    # Stream faults say after how many chunks they strike (drawn from 1..3).
    assert all(
        1 <= f["after_chunks"] <= 3
        for f in faults
        if f["kind"] in ("disconnect", "stream_error", "malformed_chunk")
    )
    # What the client saw agrees with the journal.
    for observed, (status, _, fault) in zip(seen, entries, strict=False):
        kind = fault["kind"] if fault else None
        if kind == "reset":
            assert (observed, status) == ("reset", None)
        elif kind == "disconnect":
            assert (observed, status) == ("cut", 200)
        else:
            assert observed == status
            assert status == (int(kind) if kind in ("429", "500", "502", "503") else 200)


async def test_another_seed_gives_another_pattern(serve):
    _, seven = await run(await serve(chaos_rate=0.5, seed=7))
    _, eight = await run(await serve(chaos_rate=0.5, seed=8))
    assert kinds(seven) != kinds(eight)
    assert [k is None for k in kinds(seven)] != [k is None for k in kinds(eight)]


async def test_each_session_counts_its_own_requests(serve):
    _, fresh = await run(await serve(chaos_rate=0.5, seed=3))
    shared = await serve(chaos_rate=0.5, seed=3)
    # Two sessions interleaved, with sessionless traffic in between: each session's order,
    # and so its faults, are its own.
    for i in range(RUN):
        for session in ("alpha", "beta"):
            await chat_outcome(shared, i % 3 == 0, {"X-Mockai-Session": session})
        if i % 5 == 0:
            await chat_outcome(shared, False)
    assert await journal(shared, "alpha") == fresh
    assert await journal(shared, "beta") == fresh


async def test_reset_session_starts_its_pattern_over(serve):
    client = await serve(chaos_rate=0.5, seed=11)
    _, first = await run(client, "s")
    await client.post("/_mockai/reset?session=s")
    _, again = await run(client, "s")
    assert kinds(again) == kinds(first)


async def test_failure_ratio_follows_the_configured_rate(serve):
    client = await serve(chaos_rate=0.2, seed=5)
    for _ in range(300):
        await chat_outcome(client, False)
    faults = [f for _, _, f in await journal(client) if f is not None]
    assert 0.12 <= len(faults) / 300 <= 0.28
    # Stream-only kinds never strike a non-streamed request.
    assert {f["kind"] for f in faults} <= {
        "429",
        "500",
        "502",
        "503",
        "reset",
        "malformed_json",
        "wrong_content_type",
    }


async def test_header_rate_overrides_the_servers(serve):
    client = await serve(seed=5)  # no chaos configured
    for _ in range(300):
        await chat_outcome(client, False, {"X-Mockai-Chaos": "0.2"})
    for _ in range(20):
        await chat_outcome(client, False, {"X-Mockai-Chaos": "0"})
    entries = await journal(client)
    faults = [f for _, _, f in entries[:300] if f is not None]
    assert 0.12 <= len(faults) / 300 <= 0.28
    assert [f for _, _, f in entries[300:]] == [None] * 20


async def test_scenario_chaos_rate_and_weights(serve):
    client = await serve(
        [
            {
                "name": "flaky",
                "chaos": {"rate": 0.5, "kinds": {"503": 3, "500": 1}},
                "reply": {"content": "ok"},
            }
        ],
        seed=2,
    )
    for _ in range(200):
        await chat_outcome(client, False)
    faults = [f for _, _, f in await journal(client) if f is not None]
    assert 0.4 <= len(faults) / 200 <= 0.6
    counts = {k: sum(f["kind"] == k for f in faults) for k in ("503", "500")}
    assert counts["503"] + counts["500"] == len(faults)
    assert counts["503"] > 2 * counts["500"] > 0  # weighted 3:1
