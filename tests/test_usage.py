"""`mockai.usage` and `mockai.auditlog` on their own: bounded per session (the oldest minute or
event goes first), reset per session or everywhere, keys kept only as their tracking ids, and
the figures summed into the caller's buckets, filtered and grouped."""

from __future__ import annotations

from mockai import ids
from mockai.auditlog import AuditLog
from mockai.usage import Metered, ToolUse, UsageLedger, costs, totals

CHAT = Metered(
    "completions", "gpt-4o-mini-2024-07-18", input_tokens=100, output_tokens=10, cached_tokens=64
)


def test_a_session_keeps_at_most_its_minutes_dropping_the_oldest():
    ledger = UsageLedger(max_minutes=3)
    for minute in range(5):
        ledger.record("s", minute * 60 + 1, CHAT, "sk-a", None)
    assert ledger.minutes("s") == 3
    kept = {minute for minute, _, _ in ledger.entries("s", ["completions"], 0, 10_000)}
    assert kept == {120, 180, 240}
    ledger.record("s", 240 + 59, CHAT, "sk-a", None)  # the same minute: no new bucket
    assert ledger.minutes("s") == 3


def test_reset_forgets_one_session_or_all():
    ledger = UsageLedger()
    for name in ("a", "b", None):
        ledger.record(name, 0, CHAT, "sk-a", None)
    ledger.reset("a")
    assert (ledger.minutes("a"), ledger.minutes("b"), ledger.minutes(None)) == (0, 1, 1)
    ledger.reset(everywhere=True)
    assert (ledger.minutes("b"), ledger.minutes(None)) == (0, 0)


def test_the_key_is_kept_as_its_tracking_id_only():
    ledger = UsageLedger()
    key = "sk-proj-" + "s3cr3t" * 8
    ledger.record("s", 0, CHAT, key, "proj_1")
    assert key not in repr(ledger._sessions)
    ((_, dims, _),) = ledger.entries("s", ["completions"], 0, 60)
    assert dims.api_key_id == ids.api_key_id(key) and dims.api_key_id.startswith("key_")
    assert ids.api_key_id(key) == ids.api_key_id(key) != ids.api_key_id(key + "x")


def test_totals_fill_the_callers_buckets_filtered_and_grouped():
    ledger = UsageLedger()
    ledger.record("s", 10, CHAT, "sk-a", "p1")
    ledger.record("s", 70, CHAT, "sk-b", "p2", batch=True)
    other = Metered("completions", "gpt-4o-2024-08-06", input_tokens=5, output_tokens=5)
    ledger.record("s", 3_700, other, "sk-a", "p1")
    hourly = totals(ledger, "s", "completions", [0, 3_600], 3_600, {}, ["model"])
    assert [[(g["model"], c["num_model_requests"]) for g, c in b] for b in hourly] == [
        [("gpt-4o-mini-2024-07-18", 2)],
        [("gpt-4o-2024-08-06", 1)],
    ]
    by_minute = totals(
        ledger, "s", "completions", [0, 60, 120], 60, {"batch": frozenset({True})}, []
    )
    assert [[c["input_tokens"] for _, c in b] for b in by_minute] == [[], [100], []]
    projects = totals(
        ledger,
        "s",
        "completions",
        [0],
        3_600,
        {"model": frozenset({"gpt-4o-mini"})},
        ["project_id"],
    )
    assert sorted(g["project_id"] for g, _ in projects[0]) == ["p1", "p2"]
    assert totals(ledger, "s", "embeddings", [0], 3_600, {}, []) == [[]]


def test_tool_uses_count_under_their_own_kinds():
    ledger = UsageLedger()
    searched = Metered(
        "completions",
        "gpt-4o-2024-08-06",
        tools=(
            ToolUse("web_search_calls", "high"),
            ToolUse("web_search_calls", "high"),
            ToolUse("file_search_calls", "vs_1"),
            ToolUse("code_interpreter_sessions"),
            ToolUse("code_interpreter_sessions"),
        ),
    )
    ledger.record("s", 0, searched, "sk-a", None)
    web = totals(ledger, "s", "web_search_calls", [0], 60, {}, ["context_level"])
    assert [(g, c["num_requests"], c["num_model_requests"]) for g, c in web[0]] == [
        ({"context_level": "high"}, 2, 1)
    ]
    code = totals(ledger, "s", "code_interpreter_sessions", [0], 60, {}, [])
    assert [c["num_sessions"] for _, c in code[0]] == [1]  # one response, one container


def test_costs_are_token_line_items_and_free_kinds_cost_nothing():
    ledger = UsageLedger()
    ledger.record("s", 0, CHAT, "sk-a", None)
    ledger.record(
        "s", 0, Metered("moderations", "omni-moderation-latest", input_tokens=50), "sk-a", None
    )
    ((_, usd, tokens),) = costs(ledger, "s", [0], 86_400, {}, [])[0]
    assert tokens == 110 and abs(usd - (100 * 0.15 + 10 * 0.60) / 1e6) < 1e-15
    items = costs(ledger, "s", [0], 86_400, {}, ["line_item"])[0]
    assert {g["line_item"]: t for g, _, t in items} == {
        "gpt-4o-mini-2024-07-18, input": 100,
        "gpt-4o-mini-2024-07-18, output": 10,
    }
    assert Metered("moderations", "m", input_tokens=5).priced_tokens == (0, 0)
    assert CHAT.priced_tokens == (100, 10)


def test_the_audit_log_keeps_the_latest_events_per_session():
    log = AuditLog(size=2)
    for n in range(3):
        log.record("s", "project.created", {"id": f"proj_{n}"}, when=n)
    log.record("t", "project.created", {"id": "proj_t"})
    assert [e["project.created"]["id"] for e in log.events("s")] == ["proj_1", "proj_2"]
    assert log.events("s")[0]["effective_at"] == 1 and log.events("s")[0]["actor"] is None
    log.reset("s")
    assert log.events("s") == [] and len(log.events("t")) == 1
