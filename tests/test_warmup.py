"""Deferred start-up work (tiktoken's Rust build, Faker) waits for a quiet spell that the event
loop itself reports, at most PATIENCE_S, and not at all once someone blocks on it; meanwhile
a vocabulary already serves through the pure-Python encoder."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from mockai import tokenizer, warmup
from mockai.bpe import PureEncoding

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def fresh(monkeypatch):
    """Warm-up state of its own: other tests may have hurried the shared one."""
    later = ThreadPoolExecutor(max_workers=1)
    monkeypatch.setattr(warmup, "_later", later)
    monkeypatch.setattr(warmup, "_quiet", threading.Event())
    monkeypatch.setattr(warmup, "_urgent", threading.Event())
    for name in ("_pending", "_in_flight", "_started"):
        monkeypatch.setattr(warmup, name, 0)
    yield
    warmup.hurry()
    later.shutdown(wait=True)


async def test_runs_once_the_loop_has_seen_a_quiet_spell(fresh):
    warmup.request_started()
    done = warmup.when_quiet(lambda: "ran")
    watcher = asyncio.create_task(warmup.tell_when_quiet())
    await asyncio.sleep(warmup.QUIET_S * 5)
    assert not done.done()
    warmup.request_ended()
    assert await asyncio.wait_for(asyncio.wrap_future(done), 2) == "ran"
    await asyncio.wait_for(watcher, 2)  # nothing left to run: the watcher ends


async def test_a_request_starting_and_ending_between_ticks_is_not_quiet(fresh):
    done = warmup.when_quiet(lambda: "ran")
    watcher = asyncio.create_task(warmup.tell_when_quiet())
    for _ in range(6):
        await asyncio.sleep(warmup.QUIET_S * 0.6)
        warmup.request_started()
        warmup.request_ended()
    assert not done.done()
    assert await asyncio.wait_for(asyncio.wrap_future(done), 2) == "ran"
    await watcher


def test_a_server_never_quiet_gets_it_after_patience(fresh, monkeypatch):
    monkeypatch.setattr(warmup, "PATIENCE_S", 0.3)
    warmup.request_started()
    start = time.monotonic()
    assert warmup.when_quiet(lambda: "ran").result(5) == "ran"
    assert time.monotonic() - start >= 0.3


def test_hurry_runs_it_at_once(fresh):
    warmup.request_started()
    done = warmup.when_quiet(lambda: "ran")
    time.sleep(0.2)
    assert not done.done()
    warmup.hurry()
    assert done.result(2) == "ran"


async def test_a_vocabulary_serves_before_its_rust_core_is_built(fresh, monkeypatch):
    monkeypatch.setattr(tokenizer, "_ready", {})
    monkeypatch.setattr(tokenizer, "_built", {})
    warmup.request_started()  # a request in flight: the Rust build must wait
    tok = await tokenizer.encoding("cl100k_base")
    assert isinstance(tok.enc, PureEncoding)
    assert tok.count("Hello there, world!") == 5
    assert not tokenizer._built["cl100k_base"].done()
    warmup.request_ended()
    await asyncio.wait_for(warmup.tell_when_quiet(), 5)
    built = tokenizer._built["cl100k_base"].result(5)
    assert tok.enc is built and not isinstance(built, PureEncoding)
    assert tok.count("Hello there, world!") == 5 and await tokenizer.encoding("cl100k_base") is tok


def test_an_exiting_interpreter_does_not_wait_for_deferred_work():
    code = (
        "import time; from mockai import warmup; warmup.request_started(); "
        "warmup.when_quiet(lambda: time.sleep(10))"
    )
    start = time.monotonic()
    subprocess.run([sys.executable, "-c", code], check=True, timeout=30, cwd=ROOT)
    assert time.monotonic() - start < warmup.PATIENCE_S
