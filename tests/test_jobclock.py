"""The job clock on its own: paces, timelines, advancing and waiting."""

from __future__ import annotations

import asyncio
import math

import pytest

from mockai.jobclock import JobClock, JobTime, Pace, Timeline


@pytest.mark.parametrize(
    ("text", "pace"),
    [
        ("instant", Pace("instant")),
        ("paused", Pace("paused")),
        ("realtime", Pace("realtime")),
        ("Realtime:10", Pace("realtime", 10.0)),
        ("realtime:.5", Pace("realtime", 0.5)),
    ],
)
def test_paces_are_read(text, pace):
    assert Pace.parse(text) == pace
    assert Pace.parse(str(pace)) == pace


@pytest.mark.parametrize("text", ["fast", "paused:2", "realtime:0", "realtime:-1", "realtime:x"])
def test_a_bad_pace_says_what_a_pace_is(text):
    with pytest.raises(ValueError, match="job"):
        Pace.parse(text)


def test_a_timeline_gives_the_status_and_progress_at_any_time():
    line = Timeline((("queued", 1.0), ("running", 4.0), ("succeeded", 0.0)))
    assert (line.at(0.5).status, line.at(0.5).progress) == ("queued", 0.5)
    assert (line.at(2.0).status, line.at(2.0).progress) == ("running", 0.25)
    assert line.at(5.0).status == line.at(math.inf).status == "succeeded"
    assert line.length == 5.0 and line.starts(1) == 1.0


def test_instant_is_over_and_paused_moves_only_when_advanced():
    assert JobTime(Pace("instant")).elapsed() == math.inf
    paused = JobTime(Pace("paused"))
    assert paused.elapsed() == 0.0
    paused.advance(3)
    assert paused.elapsed() == 3.0


async def test_a_waiter_on_a_paused_job_wakes_when_advanced():
    time = JobTime(Pace("paused"))
    waiting = asyncio.ensure_future(time.reached(2.0))
    await asyncio.sleep(0.01)
    assert not waiting.done()
    time.advance(1.0)
    await asyncio.sleep(0.01)
    assert not waiting.done()  # one second short
    time.advance(1.0)
    await asyncio.wait_for(waiting, 1)


async def test_realtime_runs_at_its_speed():
    time = JobTime(Pace("realtime", 100.0))
    await asyncio.wait_for(time.reached(2.0), 1)  # 2 job seconds are 20 ms of wall time
    assert time.elapsed() >= 2.0


def test_the_clock_advances_a_sessions_jobs_and_forgets_them_on_reset():
    clock = JobClock(Pace("paused"), limit=2)
    first = clock.start("s", "job_1")
    clock.start("s", "job_2", Pace("instant"))
    clock.start("other", "job_3")
    assert clock.advance("s", 5, "job_1") == ["job_1"]
    assert first.elapsed() == 5.0
    assert clock.advance("s", 1) == ["job_1", "job_2"]
    clock.start("s", "job_4")  # past the limit: the oldest is forgotten
    assert [key for key, _ in clock.jobs("s")] == ["job_2", "job_4"]
    kept = clock.get("other", "job_3")
    clock.reset("s")
    assert list(clock.jobs("s")) == [] and clock.get("other", "job_3") is kept
    assert first.elapsed() == 6.0  # forgotten before the reset: untouched
    clock.reset(everywhere=True)
    assert kept is not None and kept.elapsed() == math.inf  # a waiter on it is let go
