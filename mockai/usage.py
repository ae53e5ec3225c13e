"""What this server really answered, as the Usage and Costs APIs report it: per session, in
minute buckets, bounded.

A family meters each request it answers (`Exchange.billed`, a `Metered`: the usage kind, the
model as served and the figures its answer reported); when the answer is a 200 the middleware
adds it to the session's bucket for the minute the request started in, under its dimensions:
the kind, the model, the API key's tracking id (`ids.api_key_id`: the key itself is never
kept), the `OpenAI-Project` header, batch line or not, and the kind's own (an image's size and
source, a web search's context level, a file search's vector store). Built-in tool calls of
the same request (web search, file search, code interpreter) count under their own kinds.

A session keeps at most `MAX_MINUTES` minute buckets (those with traffic), dropping the
oldest; `/_mockai/reset` forgets a session's. Reading sums the minutes into the caller's
buckets (`totals`), filtered and grouped, and prices them (`costs`) with the rate limiter's
price table, so the Costs API and the `quota_usd` budget agree.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple

from mockai import ids
from mockai.caches import memoized
from mockai.ratelimits.policy import model_names
from mockai.ratelimits.pricing import cost_usd
from mockai.sessions import forget

__all__ = ["MAX_MINUTES", "Metered", "TokenCounts", "ToolUse", "UsageLedger", "costs", "totals"]

# The kinds whose tokens cost money at the price table's per-token rates (the others are free,
# or priced per image, character or second, which the table does not hold).
PRICED = frozenset({"completions", "embeddings", "images"})
MAX_MINUTES = 10_080  # a week of minutes with traffic, per session


class TokenCounts(NamedTuple):
    """An answer's `usage` object read whichever words its API uses: chat and legacy
    completions (`prompt_tokens`, `completion_tokens`, `prompt_tokens_details`), Responses and
    embeddings (`input_tokens`, `output_tokens`, `input_tokens_details`). Batches sum them,
    eval runs and graders report them in chat's words (`chat_words`)."""

    input_tokens: int
    output_tokens: int
    total_tokens: int
    cached_tokens: int
    reasoning_tokens: int

    @classmethod
    def of(cls, usage: Any) -> TokenCounts | None:
        """The counts of a `usage` object; None when there is none."""
        if not isinstance(usage, Mapping):
            return None
        given_in = usage.get("input_tokens", usage.get("prompt_tokens", 0)) or 0
        given_out = usage.get("output_tokens", usage.get("completion_tokens", 0)) or 0
        details_in = usage.get("input_tokens_details") or usage.get("prompt_tokens_details") or {}
        details_out = (
            usage.get("output_tokens_details") or usage.get("completion_tokens_details") or {}
        )
        return cls(
            given_in,
            given_out,
            usage.get("total_tokens", given_in + given_out) or 0,
            details_in.get("cached_tokens", 0) or 0,
            details_out.get("reasoning_tokens", 0) or 0,
        )

    def chat_words(self) -> dict[str, int]:
        """As an eval run's sample and a grader's model call report usage."""
        return {
            "prompt_tokens": self.input_tokens,
            "completion_tokens": self.output_tokens,
            "total_tokens": self.total_tokens,
            "cached_tokens": self.cached_tokens,
        }


@dataclass(frozen=True, slots=True)
class ToolUse:
    """A built-in tool a request ran: `web_search_calls` (detail: the search context level),
    `file_search_calls` (detail: the vector store searched) or `code_interpreter_sessions`."""

    kind: str
    detail: str | None = None


@dataclass(frozen=True, slots=True)
class Metered:
    """What one request consumed, as its answer reported it; only its kind's figures are set."""

    kind: str
    model: str  # as served (the answer's `model`)
    input_tokens: int = 0  # cached ones included
    output_tokens: int = 0
    cached_tokens: int = 0
    input_audio_tokens: int = 0
    output_audio_tokens: int = 0
    images: int = 0
    size: str | None = None  # images: "1024x1024"
    source: str | None = None  # images: image.generation | image.edit | image.variation
    characters: int = 0  # speech input
    seconds: int = 0  # transcribed or translated audio
    service_tier: str | None = None  # completions: the tier that served it
    tools: tuple[ToolUse, ...] = ()

    @classmethod
    def completions(
        cls, model: str, usage: Mapping[str, Any], service_tier: str | None = None
    ) -> Metered:
        """A chat or legacy completion, from the `usage` object its answer carries."""
        details = usage.get("prompt_tokens_details") or {}
        return cls(
            "completions",
            model,
            input_tokens=usage["prompt_tokens"],
            output_tokens=usage["completion_tokens"],
            cached_tokens=details.get("cached_tokens") or 0,
            service_tier=service_tier,
        )

    @property
    def priced_tokens(self) -> tuple[int, int]:
        """The (input, output) tokens the price table charges: none for the free kinds."""
        return (self.input_tokens, self.output_tokens) if self.kind in PRICED else (0, 0)


class Dims(NamedTuple):
    """What usage is kept apart by: every field a query may filter or group by."""

    kind: str
    model: str | None
    api_key_id: str | None
    project_id: str | None
    batch: bool
    service_tier: str | None = None
    size: str | None = None
    source: str | None = None
    context_level: str | None = None
    vector_store_id: str | None = None
    user_id: str | None = None  # mockai knows no users: always null


_COUNTED = (
    ("input_tokens", "input_tokens"),
    ("output_tokens", "output_tokens"),
    ("cached_tokens", "input_cached_tokens"),
    ("input_audio_tokens", "input_audio_tokens"),
    ("output_audio_tokens", "output_audio_tokens"),
    ("images", "images"),
    ("characters", "characters"),
    ("seconds", "seconds"),
)


def _rows(
    metered: Metered, key_id: str | None, project: str | None, batch: bool
) -> Iterator[tuple[Dims, dict[str, int]]]:
    """The request's entries: its own kind's, then one per built-in tool kind it used."""
    own = Dims(
        metered.kind,
        metered.model,
        key_id,
        project,
        batch,
        service_tier=(metered.service_tier or "default") if metered.kind == "completions" else None,
        size=metered.size,
        source=metered.source,
    )
    counts = {"num_model_requests": 1}
    for field, name in _COUNTED:
        value = getattr(metered, field)
        if value:
            counts[name] = value
    yield own, counts
    if not metered.tools:
        return
    for use, calls in Counter(metered.tools).items():
        if use.kind == "web_search_calls":
            dims = Dims(use.kind, metered.model, key_id, project, batch, context_level=use.detail)
            yield dims, {"num_requests": calls, "num_model_requests": 1}
        elif use.kind == "file_search_calls":
            dims = Dims(use.kind, None, key_id, project, batch, vector_store_id=use.detail)
            yield dims, {"num_requests": calls}
        else:  # the calls of one response run in one code interpreter session (container)
            yield Dims(use.kind, None, None, project, batch), {"num_sessions": 1}


Minute = dict[Dims, Counter[str]]
_key_id = memoized(limit=256)(ids.api_key_id)  # a sha256 per request is worth sparing


class UsageLedger:
    """Per session: minute start (Unix seconds) -> dimensions -> summed figures."""

    def __init__(self, max_minutes: int = MAX_MINUTES) -> None:
        self.max_minutes = max_minutes
        self._sessions: dict[str | None, dict[int, Minute]] = {}

    def record(
        self,
        session: str | None,
        when: float,
        metered: Metered,
        api_key: str,
        project: str | None,
        *,
        batch: bool = False,
    ) -> None:
        minutes = self._sessions.setdefault(session, {})
        start = int(when // 60) * 60
        minute = minutes.get(start)
        if minute is None:
            minute = minutes[start] = {}
            if len(minutes) > self.max_minutes:
                del minutes[min(minutes)]
        key_id = _key_id(api_key) if api_key else None
        if metered.tools:
            for dims, counts in _rows(metered, key_id, project or None, batch):
                minute.setdefault(dims, Counter()).update(counts)
            return
        # The common case, on every answered request: one row, counted in place.
        tier = (metered.service_tier or "default") if metered.kind == "completions" else None
        dims = Dims(
            metered.kind,
            metered.model,
            key_id,
            project or None,
            batch,
            tier,
            metered.size,
            metered.source,
        )
        row = minute.get(dims)
        if row is None:
            row = minute[dims] = Counter()
        row["num_model_requests"] += 1
        for field, name in _COUNTED:
            value = getattr(metered, field)
            if value:
                row[name] += value

    def minutes(self, session: str | None) -> int:
        return len(self._sessions.get(session, {}))

    def entries(
        self, session: str | None, kinds: Iterable[str], start: int, end: int
    ) -> Iterator[tuple[int, Dims, Counter[str]]]:
        """(minute, dimensions, figures) of `kinds` for the minutes in [start, end)."""
        wanted = frozenset(kinds)
        for minute, entries in self._sessions.get(session, {}).items():
            if start <= minute < end:
                for dims, counts in entries.items():
                    if dims.kind in wanted:
                        yield minute, dims, counts

    def reset(self, session: str | None = None, everywhere: bool = False) -> None:
        forget(self._sessions, session, everywhere)


Filters = Mapping[str, frozenset[Any]]


def _matches(dims: Dims, filters: Filters) -> bool:
    for field, accepted in filters.items():
        value = getattr(dims, field)
        if field == "model":
            if value is None or accepted.isdisjoint(model_names(value)):
                return False
        elif value not in accepted:
            return False
    return True


Bucket = list[tuple[dict[str, Any], Counter[str]]]


def totals(
    ledger: UsageLedger,
    session: str | None,
    kind: str,
    starts: list[int],
    width: int,
    filters: Filters,
    group_by: Iterable[str],
) -> list[Bucket]:
    """For each bucket [start, start + width): the figures per group (the group's values of
    `group_by`; all groups in one when it is empty); a bucket without usage has none."""
    fields = tuple(group_by)
    buckets: list[dict[tuple[Any, ...], Counter[str]]] = [{} for _ in starts]
    if not starts:
        return []
    first = starts[0]
    for minute, dims, counts in ledger.entries(session, [kind], first, starts[-1] + width):
        if not _matches(dims, filters):
            continue
        group = tuple(getattr(dims, f) for f in fields)
        buckets[(minute - first) // width].setdefault(group, Counter()).update(counts)
    return [
        [(dict(zip(fields, group, strict=True)), counts) for group, counts in bucket.items()]
        for bucket in buckets
    ]


def _line_items(dims: Dims, counts: Counter[str]) -> Iterator[tuple[str, int, float]]:
    """(line item, tokens, USD) for one entry: `<model>, input` and `<model>, output`, as the
    real Costs API names its token line items. Cached input is charged as input (the price
    table has no cached rate)."""
    model = dims.model or ""
    for direction, tokens, price in (
        ("input", counts["input_tokens"], cost_usd(model, counts["input_tokens"], 0)),
        ("output", counts["output_tokens"], cost_usd(model, 0, counts["output_tokens"])),
    ):
        if tokens:
            yield f"{model}, {direction}", tokens, price


def costs(
    ledger: UsageLedger,
    session: str | None,
    starts: list[int],
    width: int,
    filters: Filters,
    group_by: Iterable[str],
) -> list[list[tuple[dict[str, Any], float, int]]]:
    """For each bucket: (group values, USD, tokens) per group of `group_by` (`project_id`,
    `api_key_id`, `line_item`); a bucket without priced usage has none."""
    fields = tuple(group_by)
    buckets: list[dict[tuple[Any, ...], list[float]]] = [{} for _ in starts]
    if not starts:
        return []
    first = starts[0]
    for minute, dims, counts in ledger.entries(session, PRICED, first, starts[-1] + width):
        if not _matches(dims, filters):
            continue
        for line_item, tokens, usd in _line_items(dims, counts):
            group = tuple(line_item if f == "line_item" else getattr(dims, f) for f in fields)
            total = buckets[(minute - first) // width].setdefault(group, [0.0, 0])
            total[0] += usd
            total[1] += tokens
    return [
        [
            (dict(zip(fields, group, strict=True)), usd, int(tokens))
            for group, (usd, tokens) in bucket.items()
        ]
        for bucket in buckets
    ]
