"""The dashboard in a real browser: headless Chromium (Debian's, driven by playwright) opens
`/_mockai/ui` on a real `mockai serve`, the official SDK makes requests, and the test reads what
the page shows. Screenshots of each state go to `$MOCKAI_ARTIFACTS` (or build/artifacts/).

Skipped without a Chromium, unless MOCKAI_REQUIRE_BROWSER=1 (CI), which makes that a failure.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import httpx
import openai
import pytest
from serve_process import mockai_serve

BROWSERS = ("chromium", "chromium-browser", "google-chrome")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCENARIOS = """
- name: greet
  match: {user: hello there}
  loop: true
  replies:
    - content: "First hello."
    - content: "Second hello."
    - content: "Third hello."
- name: cut
  match: {user: cut me off}
  stream: {chunk_ms: 40, disconnect_after_chunks: 4}
  reply: {content: "You will never read the end of this sentence because the stream is cut."}
- name: busy
  match: {user: too busy}
  reply: {error: 429}
"""
WAIT_MS = 10_000


def _browser() -> str:
    found = next((path for name in BROWSERS if (path := shutil.which(name))), None)
    if found is None:
        message = f"no Chromium found ({', '.join(BROWSERS)} on PATH)"
        if os.environ.get("MOCKAI_REQUIRE_BROWSER") == "1":
            pytest.fail(message + " and MOCKAI_REQUIRE_BROWSER=1")
        pytest.skip(message)
    return found


@pytest.fixture
def artifacts() -> Path:
    folder = Path(os.environ.get("MOCKAI_ARTIFACTS") or "build/artifacts") / "dashboard"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def page(tmp_path: Path) -> Iterator[tuple[object, str]]:
    executable = _browser()
    sync_api = pytest.importorskip("playwright.sync_api")
    (tmp_path / "dash.yaml").write_text(SCENARIOS)
    with (
        mockai_serve(
            "--scenarios", str(tmp_path), "--port", "0", "--rpm", "3", "--chaos-kinds", "500"
        ) as served,
        sync_api.sync_playwright() as playwright,
    ):
        browser = playwright.chromium.launch(executable_path=executable, args=ARGS)
        try:
            tab = browser.new_page(viewport={"width": 1500, "height": 900})
            problems: list[str] = []
            tab.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
            tab.goto(served.root + "/_mockai/ui")
            yield tab, served.root
            assert not problems, problems  # no CSP refusal, no script error
        finally:
            browser.close()


def _client(root: str, session: str, retries: int = 0) -> openai.OpenAI:
    return openai.OpenAI(
        base_url=root + "/v1",
        api_key="sk-test-dashboard-key-0123456789",
        max_retries=retries,
        default_headers={"X-Mockai-Session": session},
    )


def _ask(client: openai.OpenAI, text: str) -> str | None:
    reply = client.chat.completions.create(
        model="gpt-4o", messages=[{"role": "user", "content": text}]
    )
    return reply.choices[0].message.content


def test_the_dashboard_shows_traffic_live(page, artifacts: Path):
    tab, root = page
    tab.wait_for_selector("#empty:not([hidden])")

    # a plain chat completion: a green row; clicked, its request and answer bodies
    alice = _client(root, "alice")
    assert _ask(alice, "hello there") == "First hello."
    row = tab.locator("tr.req").first
    row.locator(".status.s-2xx").wait_for(timeout=WAIT_MS)
    assert row.locator(".status").inner_text() == "200"
    assert row.locator(".scenario").inner_text() == "greet#0"
    row.click()
    tab.locator("#req-body").wait_for()
    assert "hello there" in tab.locator("#req-body").inner_text()
    assert "First hello." in tab.locator("#answer-body").inner_text()
    tab.click("#req-headers summary")
    assert "Bearer sk-test-" in tab.locator("#req-headers").inner_text()
    assert "0123456789" not in tab.locator("#detail").inner_text()  # the key is masked
    tab.click("#answer-headers summary")
    tab.wait_for_timeout(1200)  # polls go on: what is open stays open
    assert "x-request-id" in tab.locator("#answer-headers").inner_text()
    assert tab.locator("#req-headers").get_attribute("open") is not None
    tab.screenshot(path=str(artifacts / "1-answer.png"))

    # a scripted stream cut after 4 chunks: 4 marks on the timeline and a cut mark
    bob = _client(root, "bob")
    with pytest.raises((openai.APIError, httpx.HTTPError)):  # the SDK meets a cut connection
        stream = bob.chat.completions.create(
            model="gpt-4o", messages=[{"role": "user", "content": "cut me off"}], stream=True
        )
        for _ in stream:
            pass
    tab.locator("tr.req .badge.cut").first.wait_for(timeout=WAIT_MS)
    tab.locator("tr.req").first.click()
    tab.locator("#timeline .cut-mark").wait_for(state="attached")  # a line: no box
    assert tab.locator("#timeline .chunk-mark").count() == 4
    assert "cut after 4" in tab.locator("#detail .stream h3").inner_text()
    deltas = tab.locator("table.chunks tr.chunk td:nth-child(3)").all_inner_texts()
    assert deltas[0] == "first" and all(d.startswith("+") for d in deltas[1:])
    tab.screenshot(path=str(artifacts / "2-stream.png"))

    # a Realtime session: the client's and the server's events on a timeline
    dave = _client(root, "dave")
    with dave.realtime.connect(model="gpt-realtime") as connection:
        connection.conversation.item.create(
            item={
                "type": "message",
                "role": "user",
                "content": [{"type": "input_text", "text": "tell me about sockets"}],
            }
        )
        connection.response.create(response={"output_modalities": ["text"]})
        for event in connection:
            if event.type == "response.done":
                break
    socket_row = tab.locator("tr.req", has_text="/v1/realtime")
    socket_row.wait_for(timeout=WAIT_MS)
    socket_row.click()
    assert socket_row.locator(".badge.stream").inner_text() == "websocket"
    assert socket_row.locator(".status.s-1xx").inner_text() == "101"
    tab.locator("#detail .socket h3").wait_for()
    kinds = tab.locator("table.events tr.event td:nth-child(5)").all_inner_texts()
    sides = tab.locator("table.events tr.event td.from").all_inner_texts()
    assert kinds[0] == "session.created" and "response.done" in kinds
    assert sides.count("client") == 2 and kinds[sides.index("client")] == "conversation.item.create"
    assert tab.locator("#timeline .event-mark").count() == len(kinds)
    assert tab.locator("#timeline .event-mark.client").count() == 2
    tab.screenshot(path=str(artifacts / "2b-realtime.png"))

    # a scripted 429, then the limiter's own (--rpm 3: bob's 4th request this minute)
    with pytest.raises(openai.RateLimitError):
        _ask(bob, "too busy")
    _ask(bob, "hello there")
    with pytest.raises(openai.RateLimitError):
        _ask(bob, "hello there")
    tab.locator("tr.req .badge.limited").first.wait_for(timeout=WAIT_MS)
    assert tab.locator("tr.req .status.s-429").count() == 2

    # scenario hits and each session's place in the sequence
    greet = tab.locator('#scenarios tr[data-name="greet"]')
    greet.locator(".hits", has_text="2").wait_for(timeout=WAIT_MS)
    positions = greet.locator(".positions").inner_text()
    assert "alice: step 2 of 3 ↻" in positions and "bob: step 2 of 3 ↻" in positions

    # bucket bars: bob's RPM bucket is empty
    bucket = tab.locator("#buckets .bucket", has_text="bob").filter(has_text="RPM")
    bucket.wait_for(timeout=WAIT_MS)
    assert "0 of 3 requests left" in bucket.inner_text()
    assert bucket.locator(".bar-fill").evaluate("e => e.getBoundingClientRect().width") < 5
    tab.screenshot(path=str(artifacts / "3-limits.png"), full_page=True)

    # the filter keeps only matching rows
    tab.fill("#filter", "alice")
    assert tab.locator("tr.req").count() == 1
    tab.fill("#filter", "")

    # chaos at 1 (the server draws from --chaos-kinds 500): the next request fails
    tab.fill("#chaos-rate", "1")
    with tab.expect_response(lambda r: r.request.method == "POST" and "chaos" in r.url) as sent:
        tab.click("#chaos-set")
    assert sent.value.status == 200
    carol = _client(root, "carol")
    with pytest.raises(openai.InternalServerError):
        _ask(carol, "hello there")
    carol_row = tab.locator("tr.req", has_text="carol")
    carol_row.locator(".badge.fault").wait_for(timeout=WAIT_MS)
    assert "(chaos)" in carol_row.locator(".badge.fault").inner_text()
    tab.screenshot(path=str(artifacts / "4-chaos.png"))

    # pause: new requests do not show up until resumed
    tab.click("#pause")
    assert tab.locator("#live").inner_text() == "paused"
    shown = tab.locator("tr.req").count()
    with pytest.raises(openai.InternalServerError):
        _ask(carol, "hello there")
    tab.wait_for_timeout(1200)
    assert tab.locator("tr.req").count() == shown
    tab.click("#pause")
    tab.locator("tr.req").nth(shown).wait_for(timeout=WAIT_MS)

    # reset one session, then everything: the list empties
    tab.select_option("#session-pick", "carol")
    tab.click("#reset-session")
    tab.wait_for_function("() => !document.body.innerText.includes('carol')")
    tab.click("#reset-all")
    tab.wait_for_selector("#empty:not([hidden])", timeout=WAIT_MS)
    assert tab.locator("tr.req").count() == 0
    tab.screenshot(path=str(artifacts / "5-reset.png"))
