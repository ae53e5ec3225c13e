"""`GET /_mockai/metrics`: Prometheus text exposition of what the server has done.

Counters only grow (a `/_mockai/reset` does not clear them, as Prometheus expects); label
values come from a bounded set (route templates, statuses, scenario names, fault kinds), so
the series count stays small however many requests arrive.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable

from mockai import warmup

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
STREAM_BUCKETS = (0.01, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 300.0)


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def _labels(names: tuple[str, ...], values: tuple[str, ...]) -> str:
    return ",".join(f'{n}="{_escape(v)}"' for n, v in zip(names, values, strict=False))


class Histogram:
    __slots__ = ("counts", "total", "count")

    def __init__(self) -> None:
        self.counts = [0] * (len(STREAM_BUCKETS) + 1)
        self.total = 0.0
        self.count = 0

    def observe(self, seconds: float) -> None:
        self.counts[bisect_left(STREAM_BUCKETS, seconds)] += 1
        self.total += seconds
        self.count += 1


class Metrics:
    def __init__(self) -> None:
        self.requests: Counter[tuple[str, str, str, str]] = Counter()
        self.faults: Counter[tuple[str, str]] = Counter()
        self.rejections: Counter[str] = Counter()
        self.streams: dict[str, Histogram] = {}
        self.sockets: Counter[tuple[str, str]] = Counter()
        self.socket_events: Counter[tuple[str, str, str]] = Counter()

    def socket_opened(self, endpoint: str, kind: str) -> None:
        """A WebSocket session started (`kind`: the Realtime session type)."""
        self.sockets[(endpoint, kind)] += 1

    def socket_event(self, endpoint: str, side: str, kind: str) -> None:
        """One event on a WebSocket, sent by `side` (client or server). A client's event type
        is counted as `invalid` unless the server knows it, so the series stay few."""
        self.socket_events[(endpoint, side, kind)] += 1

    def observe(
        self,
        endpoint: str,
        method: str,
        status: int | None,
        scenario: str | None,
        fault: tuple[str, str] | None,
        limited: str | None,
        stream_seconds: float | None,
    ) -> None:
        self.requests[
            (endpoint, method, "none" if status is None else str(status), scenario or "")
        ] += 1
        if fault is not None:
            self.faults[fault] += 1
        if limited is not None:
            self.rejections[limited] += 1
        if stream_seconds is not None:
            histogram = self.streams.get(endpoint)
            if histogram is None:
                histogram = self.streams[endpoint] = Histogram()
            histogram.observe(stream_seconds)

    def render(self) -> str:
        lines: list[str] = []
        self._counter(
            lines,
            "mockai_requests_total",
            "API requests answered, by route, method, status and scenario "
            "(status none: the connection was dropped).",
            ("endpoint", "method", "status", "scenario"),
            self.requests.items(),
        )
        self._counter(
            lines,
            "mockai_faults_total",
            "Faults carried out, by kind and source (chaos or scripted).",
            ("kind", "source"),
            self.faults.items(),
        )
        self._counter(
            lines,
            "mockai_ratelimit_rejections_total",
            "Requests the rate limiter refused, by type (requests, tokens, insufficient_quota).",
            ("type",),
            (((k,), v) for k, v in self.rejections.items()),
        )
        self._counter(
            lines,
            "mockai_websocket_sessions_total",
            "WebSocket sessions opened, by route and session type.",
            ("endpoint", "type"),
            self.sockets.items(),
        )
        self._counter(
            lines,
            "mockai_websocket_events_total",
            "WebSocket events, by route, side (client, server) and event type.",
            ("endpoint", "side", "type"),
            self.socket_events.items(),
        )
        name = "mockai_stream_duration_seconds"
        lines += [
            f"# HELP {name} Time from request to the end of a streamed answer.",
            f"# TYPE {name} histogram",
        ]
        for endpoint, histogram in sorted(self.streams.items()):
            label = _labels(("endpoint",), (endpoint,))
            cumulative = 0
            bounds = (*STREAM_BUCKETS, float("inf"))
            for bound, count in zip(bounds, histogram.counts, strict=False):
                cumulative += count
                le = "+Inf" if bound == float("inf") else repr(bound)
                lines.append(f'{name}_bucket{{{label},le="{le}"}} {cumulative}')
            lines.append(f"{name}_sum{{{label}}} {histogram.total:.6f}")
            lines.append(f"{name}_count{{{label}}} {histogram.count}")
        name = "mockai_warmup_pending"
        lines += [
            f"# HELP {name} One-off loading steps (vocabularies, Faker) not yet done; "
            "benchmarks wait for 0.",
            f"# TYPE {name} gauge",
            f"{name} {warmup.pending()}",
        ]
        return "\n".join(lines) + "\n"

    @staticmethod
    def _counter(
        lines: list[str],
        name: str,
        help_text: str,
        names: tuple[str, ...],
        items: Iterable[tuple[tuple[str, ...], int]],
    ) -> None:
        lines += [f"# HELP {name} {help_text}", f"# TYPE {name} counter"]
        lines += [f"{name}{{{_labels(names, key)}}} {value}" for key, value in sorted(items)]
