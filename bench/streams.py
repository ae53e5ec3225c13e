"""Many concurrent paced streams from one server process: do they all finish, and on time?

    python bench/streams.py [--streams 2000] [--workers 2] [--ramp 1.0]

One `mockai serve` process serves N streamed chat completions at once (default 2,000), each with
exactly 50 content chunks paced at `chunk_ms: 20`. The load comes from separate worker processes
(default 2, each one asyncio loop holding N/2 streams), so the client never shares an event loop
with the server.

What a stream is. The bench scenario (written to a temporary file from the constants below) has
`stream: {first_chunk_ms: 20, chunk_ms: 20}` and a reply of 50 one-token words ("hello" + 49 ×
" hello" in o200k_base; the worker checks the count in every stream). With the default
`chunk_tokens: 1` a chat stream is 53 SSE frames:

    frame 0        role chunk    {"delta": {"role": "assistant", "content": ""}}   paced
    frames 1..50   the 50 content chunks {"delta": {"content": ...}}            paced
    frame 51       finish chunk  {"delta": {}, "finish_reason": "stop"}          paced
    frame 52       data: [DONE]                                                  right after 51

Every paced frame waits for its own absolute deadline (mockai/streaming/pacing.py), and with
first_chunk_ms = chunk_ms all of them are one period apart: frame j is due at
request start + (j + 1) × 20 ms, so content chunk k (k = 0..49) is due at (k + 2) × 20 ms.
"Chunks" in the figures are the 50 content chunks.

Lateness, as the client sees it. The client does not know when the server started the stream,
so each stream is measured against its own schedule: with a_j the arrival time of frame j,

    anchor      = min over the paced frames j = 0..51 of (a_j - j × chunk_ms)
    lateness_k  = a_(k+1) - (k + 1) × chunk_ms - anchor          for content chunk k

i.e. the schedule is laid through the stream's least-late frame. The server never sends a frame
early and localhost transit is constant, so this is a lower bound of the true lateness, and the
tightest one the client can know (anchoring on the first content chunk instead, as a lower bound
it undercounts by that chunk's own lateness; its p99 is given in the note for comparison).
Separately, first-chunk latency = arrival of the first content chunk - the moment the client
began to connect - its scheduled offset (2 × 20 ms): connection set-up, request handling and
the first chunk's lateness together.

Ramp. The streams are opened evenly over `--ramp` seconds (default 1 s: 2,000 new connections a
second), the workers interleaved, rather than in one instant, which would make the connection
set-up itself a burst no real client makes. If the server keeps up, all 2,000 stream at once from
1.0 s to ~1.04 s; the "peak concurrent" row says how many really did (client view: streams
between their first and their last frame at one instant). Connections the server's listen queue
had no room for are counted from the kernel (ListenOverflows): their SYNs were dropped and the
client's kernel retried them 1, 3, 7, 15... s later, which shows as first-chunk latency.

Client. Each worker speaks HTTP/1.1 over a bare asyncio.BufferedProtocol (one connection per
stream, `Connection: close`), receiving into one preallocated buffer per stream, and only stamps
the time and counts frame ends (`\\n\\n`) as bytes arrive; the bodies are parsed and checked after
the run. An aiohttp client (a task wake-up and a line parse per chunk) costs more per chunk, and
on two cores a busy client is measured as server lateness. The workers report their own
event-loop lag, so a client that fell behind shows in the notes.

Other load. The figures are only meaningful on an otherwise idle machine: the notes give the
share of the CPUs busy just before the run and the CPU seconds other processes used during it
(a warning is printed when either is noticeable).

Server peak RSS is the server's VmHWM read just before it is stopped.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import orjson

try:
    from bench.common import ROOT, Row, free_port, mockai_command, peak_rss_mb, server
except ImportError:  # run as `python bench/streams.py`, or by bench/run.py
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from common import ROOT, Row, free_port, mockai_command, peak_rss_mb, server

STREAMS = 2000
QUICK_STREAMS = 200
WORKERS = 2
RAMP_S = 1.0  # for STREAMS; smaller runs keep the same rate of new connections
CHUNKS = 50
CHUNK_MS = 20.0
FIRST_CHUNK_MS = 20.0
PACED = CHUNKS + 2  # role chunk, content chunks, finish chunk
FRAMES = PACED + 1  # ... and [DONE]
SCENARIO = "bench-streams"
REQUEST_BODY = json.dumps(
    {
        "model": "gpt-4o",
        "stream": True,
        "messages": [{"role": "user", "content": "stream benchmark"}],
    }
).encode()
STREAM_TIMEOUT_S = 60.0
BUFFER_BYTES = 32 * 1024  # a whole stream is ~14 KB


def scenario_yaml() -> str:
    content = "hello" + " hello" * (CHUNKS - 1)  # one o200k token per word
    return (
        json.dumps(
            [
                {  # JSON is YAML
                    "name": SCENARIO,
                    "match": {"endpoint": "chat.completions", "user": "stream benchmark"},
                    "reply": {"content": content},
                    "stream": {
                        "first_chunk_ms": FIRST_CHUNK_MS,
                        "chunk_ms": CHUNK_MS,
                        "chunk_tokens": 1,
                    },
                }
            ],
            indent=2,
        )
        + "\n"
    )


def raise_nofile(wanted: int) -> None:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft == resource.RLIM_INFINITY or soft >= wanted:
        return
    target = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
    resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))


def percentile(ordered: list[float], p: float) -> float:
    """Nearest-rank percentile of an already sorted list."""
    if not ordered:
        return math.nan
    rank = max(1, math.ceil(p / 100 * len(ordered)))
    return ordered[min(rank, len(ordered)) - 1]


# -- worker process: the load generator ---------------------------------------------------------


class StreamClient(asyncio.BufferedProtocol):
    """One streamed request on its own connection: stamps the arrival of every SSE frame end.

    The body is received straight into one preallocated buffer (no bytes object per read)."""

    def __init__(self, request: bytes, done: asyncio.Future) -> None:
        self.request = request
        self.done = done
        self.buffer = bytearray(BUFFER_BYTES)
        self.view = memoryview(self.buffer)
        self.size = 0
        self.arrivals: list[float] = []
        self.clock = time.monotonic

    @property
    def raw(self) -> bytes:
        return bytes(self.view[: self.size])

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        transport.write(self.request)  # type: ignore[attr-defined]

    def get_buffer(self, sizehint: int) -> memoryview:
        if len(self.buffer) - self.size < 4096:
            self.view.release()
            self.buffer.extend(bytes(len(self.buffer)))
            self.view = memoryview(self.buffer)
        return self.view[self.size :]

    def buffer_updated(self, nbytes: int) -> None:
        now = self.clock()
        start = self.size
        self.size += nbytes
        # Frame ends are "\n\n"; chunked-encoding and header line ends are "\r\n", never "\n\n".
        found = self.buffer.count(b"\n\n", max(start - 1, 0), self.size)
        if found:
            self.arrivals.extend([now] * found)

    def connection_lost(self, exc: Exception | None) -> None:
        if not self.done.done():
            self.done.set_result(None)


def dechunk(body: bytes) -> bytes:
    out = bytearray()
    pos = 0
    while True:
        eol = body.index(b"\r\n", pos)
        size = int(body[pos:eol].split(b";")[0], 16)
        if size == 0:
            return bytes(out)
        out += body[eol + 2 : eol + 2 + size]
        pos = eol + 2 + size + 2


def check_stream(raw: bytes, arrivals: list[float]) -> str | None:
    """Why this stream is not a complete, well-formed 50-chunk stream, or None."""
    head, sep, body = raw.partition(b"\r\n\r\n")
    if not sep or not head.startswith(b"HTTP/1.1 200"):
        return "status " + head.split(b"\r\n", 1)[0].decode(errors="replace")
    try:
        if b"transfer-encoding: chunked" in head.lower():
            body = dechunk(body)
    except (ValueError, IndexError):
        return "truncated body"
    frames = [f for f in body.split(b"\n\n") if f]
    if len(frames) != FRAMES or len(arrivals) != FRAMES:
        return f"{len(frames)} frames ({len(arrivals)} stamped), expected {FRAMES}"
    if frames[-1] != b"data: [DONE]":
        return "no [DONE]"
    chunks = [orjson.loads(f[len(b"data: ") :]) for f in frames[:-1]]
    deltas = [c["choices"][0]["delta"] for c in chunks]
    if deltas[0].get("role") != "assistant" or chunks[-1]["choices"][0]["finish_reason"] != "stop":
        return "no role chunk or finish chunk"
    if [set(d) for d in deltas[1:-1]] != [{"content"}] * CHUNKS:
        return "content chunks are not the 50 expected"
    return None


async def lag_probe(samples: list[float], stop: asyncio.Event, period: float = 0.005) -> None:
    """How late this worker's own loop wakes up: a client that falls behind shows here."""
    clock = time.monotonic
    deadline = clock()
    while not stop.is_set():
        deadline += period
        await asyncio.sleep(max(deadline - clock(), 0))
        samples.append(clock() - deadline)


async def worker_main(port: int, starts: list[float]) -> dict:
    loop = asyncio.get_running_loop()
    request = (
        f"POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
        f"Authorization: Bearer sk-bench\r\nContent-Type: application/json\r\n"
        f"Accept: text/event-stream\r\nConnection: close\r\n"
        f"Content-Length: {len(REQUEST_BODY)}\r\n\r\n"
    ).encode() + REQUEST_BODY

    async def one(start: float) -> dict:
        await asyncio.sleep(max(start - time.monotonic(), 0))
        began = time.monotonic()
        done = loop.create_future()
        try:
            transport, client = await asyncio.wait_for(
                loop.create_connection(lambda: StreamClient(request, done), "127.0.0.1", port),
                STREAM_TIMEOUT_S,
            )
        except (OSError, asyncio.TimeoutError) as exc:
            return {"began": began, "error": f"connect: {exc!r}"}
        try:
            await asyncio.wait_for(done, STREAM_TIMEOUT_S)
        except asyncio.TimeoutError:
            transport.close()
            return {
                "began": began,
                "error": "timed out",
                "raw": client.raw,
                "arrivals": client.arrivals,
            }
        return {"began": began, "raw": client.raw, "arrivals": client.arrivals}

    lags: list[float] = []
    stop = asyncio.Event()
    probe = asyncio.create_task(lag_probe(lags, stop))
    cpu0 = time.process_time()
    results = await asyncio.gather(*(one(s) for s in starts))
    cpu = time.process_time() - cpu0
    stop.set()
    await probe
    streams = []
    for r in results:  # parsed only now, so the checks cost nothing during the run
        error = r.get("error") or check_stream(r["raw"], r["arrivals"])
        streams.append(
            {
                "began": r["began"],
                "error": error,
                "arrivals": r.get("arrivals", []) if error is None else [],
            }
        )
    lags.sort()
    return {
        "streams": streams,
        "cpu_s": cpu,
        "loop_lag_ms": {"p99": percentile(lags, 99) * 1000, "max": (lags or [0])[-1] * 1000},
    }


def worker(port: int, out: str) -> None:
    """Read this worker's start times (monotonic seconds) from stdin after saying 'ready';
    write the results as JSON to `out`, then say 'done'."""
    print("ready", flush=True)
    starts = json.loads(sys.stdin.readline())
    result = asyncio.run(worker_main(port, starts))
    Path(out).write_text(json.dumps(result))
    print("done", flush=True)


# -- the run ----------------------------------------------------------------------------------


def warm_up(port: int) -> None:
    """One stream end to end, so the vocabulary is loaded and the paths are warm."""
    import http.client

    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request(
        "POST",
        "/v1/chat/completions",
        REQUEST_BODY,
        {"Authorization": "Bearer sk-bench", "Content-Type": "application/json"},
    )
    response = conn.getresponse()
    body = response.read()
    conn.close()
    if response.status != 200 or body.count(b'"delta":{"content"') != CHUNKS:
        raise RuntimeError(f"the bench scenario does not stream {CHUNKS} chunks: {body[:300]!r}")


def load(port: int, streams: int, workers: int, ramp: float, tmp: Path) -> list[dict]:
    """Run the workers against the server; their results, one per worker."""
    outs = [tmp / f"worker{w}.json" for w in range(workers)]
    procs = [
        subprocess.Popen(
            [sys.executable, str(Path(__file__).resolve()), "--worker", str(port), str(out)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        for out in outs
    ]
    try:
        for proc in procs:
            if proc.stdout.readline().strip() != "ready":
                raise RuntimeError("a load worker did not start")
        t0 = time.monotonic() + 0.3  # CLOCK_MONOTONIC is shared by every process
        for w, proc in enumerate(procs):
            starts = [t0 + i * ramp / streams for i in range(w, streams, workers)]
            proc.stdin.write(json.dumps(starts) + "\n")
            proc.stdin.flush()
        for proc in procs:
            if proc.stdout.readline().strip() != "done":
                raise RuntimeError(f"a load worker failed (exit {proc.wait()})")
        return [json.loads(out.read_text()) for out in outs]
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
            proc.wait()


def measure(streams: int, workers: int, ramp: float) -> dict:
    raise_nofile(streams + 1024)  # inherited by the server and the workers
    port = free_port()
    with tempfile.TemporaryDirectory() as tmp:
        scenario = Path(tmp) / "streams.yaml"
        scenario.write_text(scenario_yaml())
        with server(mockai_command(port, "--scenarios", str(scenario)), port, warm=True) as proc:
            warm_up(port)
            busy = machine_busy(0.5)
            user0, sys0 = _cpu_seconds(proc.pid)
            overflows0 = listen_overflows()
            machine0, local0 = machine_cpu_seconds(), _local_cpu_seconds()
            results = load(port, streams, workers, ramp, Path(tmp))
            machine = machine_cpu_seconds() - machine0
            local = _local_cpu_seconds() - local0  # this process and the (finished) workers
            overflows = listen_overflows() - overflows0
            user1, sys1 = _cpu_seconds(proc.pid)
            rss = peak_rss_mb(proc.pid)
    ours = user1 - user0 + sys1 - sys0 + local
    return {
        "streams": streams,
        "workers": workers,
        "ramp_s": ramp,
        "machine_busy_before": busy,
        "listen_overflows": overflows,
        "other_cpu_s": max(machine - ours, 0.0),
        "server_peak_rss_mb": rss,
        "server_cpu_s": {"user": user1 - user0, "system": sys1 - sys0},
        "client_cpu_s": [r["cpu_s"] for r in results],
        "client_loop_lag_ms": [r["loop_lag_ms"] for r in results],
        **summarise([s for r in results for s in r["streams"]]),
    }


def summarise(streams: list[dict]) -> dict:
    """Completion, lateness and first-chunk latency over every stream's stamps."""
    lateness: list[float] = []
    lateness_first: list[float] = []
    first: list[float] = []
    errors: dict[str, int] = {}
    spans: list[tuple[float, int]] = []
    period = CHUNK_MS / 1000
    for s in streams:
        if s["error"] is not None:
            errors[s["error"]] = errors.get(s["error"], 0) + 1
            continue
        a = s["arrivals"]
        anchor = min(a[j] - j * period for j in range(PACED))
        lateness.extend(a[j] - j * period - anchor for j in range(1, CHUNKS + 1))
        lateness_first.extend(a[j] - a[1] - (j - 1) * period for j in range(1, CHUNKS + 1))
        first.append(a[1] - s["began"] - (FIRST_CHUNK_MS + CHUNK_MS) / 1000)
        spans += [(a[0], 1), (a[-1], -1)]
    concurrent = peak = 0
    for _, step in sorted(
        spans
    ):  # at equal times the -1 sorts first: touching spans do not overlap
        concurrent += step
        peak = max(peak, concurrent)
    lateness.sort()
    lateness_first.sort()
    first.sort()
    ms = 1000.0
    return {
        "completed": len(first),
        "errors": errors,
        "peak_concurrent": peak,
        "lateness_ms": {
            p: percentile(lateness, q) * ms for p, q in (("p50", 50), ("p99", 99), ("max", 100))
        },
        "lateness_first_anchor_p99_ms": percentile(lateness_first, 99) * ms,
        "first_chunk_ms": {
            p: percentile(first, q) * ms for p, q in (("p50", 50), ("p99", 99), ("max", 100))
        },
    }


def listen_overflows() -> int:
    """The kernel's count of connections dropped because a listen queue was full (Linux)."""
    try:
        names, values = [
            line.split() for line in Path("/proc/net/netstat").read_text().splitlines()[:2]
        ]
        return int(values[names.index("ListenOverflows")])
    except (OSError, ValueError):
        return 0


def _cpu_ticks() -> tuple[int, int]:
    """All CPUs' ticks so far: total, and idle + iowait."""
    ticks = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:8]]
    return sum(ticks), ticks[3] + ticks[4]


def machine_busy(seconds: float) -> float:
    """Share of all CPUs busy over `seconds` (the server idle): other load skews the figures."""
    total0, idle0 = _cpu_ticks()
    time.sleep(seconds)
    total1, idle1 = _cpu_ticks()
    return 1 - (idle1 - idle0) / max(total1 - total0, 1)


def machine_cpu_seconds() -> float:
    """CPU seconds every process on the machine has used so far."""
    total, idle = _cpu_ticks()
    return (total - idle) / os.sysconf("SC_CLK_TCK")


def _local_cpu_seconds() -> float:
    return sum(
        u.ru_utime + u.ru_stime
        for u in (
            resource.getrusage(resource.RUSAGE_SELF),
            resource.getrusage(resource.RUSAGE_CHILDREN),
        )
    )


def _cpu_seconds(pid: int) -> tuple[float, float]:
    """User and system CPU seconds a process has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    tick = os.sysconf("SC_CLK_TCK")
    return int(fields[11]) / tick, int(fields[12]) / tick


def rows(m: dict) -> list[Row]:
    n = m["streams"]
    lag = ", ".join(f"p99 {x['p99']:.1f} / max {x['max']:.1f}" for x in m["client_loop_lag_ms"])
    setup = (
        f"{n} streams × {CHUNKS} chunks @ {CHUNK_MS:g} ms, opened over {m['ramp_s']:g} s "
        f"by {m['workers']} client processes; {os.cpu_count()} CPUs, "
        f"{m['machine_busy_before']:.0%} busy before the run, other processes used "
        f"{m['other_cpu_s']:.1f} CPU-s during it"
    )
    errors = "; ".join(f"{count}× {why}" for why, count in sorted(m["errors"].items()))
    late = m["lateness_ms"]
    first = m["first_chunk_ms"]
    return [
        Row(
            "streams: completed",
            m["completed"],
            "streams",
            target=n,
            better="higher",
            note=setup + (f"; failed: {errors}" if errors else ""),
        ),
        Row("streams: chunk lateness p50", round(late["p50"], 2), "ms", better="lower"),
        Row(
            "streams: chunk lateness p99",
            round(late["p99"], 2),
            "ms",
            target=10,
            better="lower",
            note=f"vs the stream's least-late frame; anchored on the first content chunk: "
            f"p99 {m['lateness_first_anchor_p99_ms']:.1f} ms; client loop lag {lag} ms",
        ),
        Row("streams: chunk lateness max", round(late["max"], 2), "ms", better="lower"),
        Row(
            "streams: first-chunk latency p99",
            round(first["p99"], 2),
            "ms",
            better="lower",
            note=f"beyond its {FIRST_CHUNK_MS + CHUNK_MS:g} ms schedule, from connect; "
            f"p50 {first['p50']:.1f}, max {first['max']:.1f} ms; "
            f"{m['listen_overflows']} listen-queue overflows (dropped SYNs, retried "
            f"1, 3, 7, 15 s later)",
        ),
        Row(
            "streams: peak concurrent",
            m["peak_concurrent"],
            "streams",
            better="higher",
            note="most streams between their first and last frame at one instant, client view",
        ),
        Row(
            "streams: server peak RSS",
            round(m["server_peak_rss_mb"], 1),
            "MB",
            target=150,
            better="lower",
            note=f"server CPU {m['server_cpu_s']['user']:.1f} s user + "
            f"{m['server_cpu_s']['system']:.1f} s system, clients "
            + " + ".join(f"{c:.1f}" for c in m["client_cpu_s"])
            + " s",
        ),
    ]


def run(quick: bool = False) -> list[Row]:
    streams = QUICK_STREAMS if quick else STREAMS
    return rows(measure(streams, WORKERS, RAMP_S * streams / STREAMS))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--streams", type=int, default=STREAMS)
    parser.add_argument("--workers", type=int, default=WORKERS)
    parser.add_argument(
        "--ramp",
        type=float,
        default=None,
        help=f"seconds over which the streams are opened "
        f"(default {RAMP_S:g} s per {STREAMS} streams)",
    )
    parser.add_argument("--json", action="store_true", help="print the raw measurement too")
    parser.add_argument("--worker", nargs=2, metavar=("PORT", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker is not None:
        worker(int(args.worker[0]), args.worker[1])
        return
    ramp = args.ramp if args.ramp is not None else RAMP_S * args.streams / STREAMS
    m = measure(args.streams, args.workers, ramp)
    if m["machine_busy_before"] > 0.1 or m["other_cpu_s"] > 0.5:
        print(
            f"warning: other load on the machine ({m['machine_busy_before']:.0%} busy before "
            f"the run, {m['other_cpu_s']:.1f} CPU-s during it) skews these figures",
            file=sys.stderr,
        )
    if args.json:
        print(json.dumps(m, indent=2))
    for row in rows(m):
        target = (
            "" if row.target is None else f"{'≤' if row.better == 'lower' else '≥'} {row.target:g}"
        )
        met = {True: "met", False: "MISSED", None: ""}[row.met]
        print(f"{row.name:36} {row.value:>10g} {row.unit:8} {target:>8} {met:6} {row.note}")


if __name__ == "__main__":
    main()
