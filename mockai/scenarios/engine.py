"""Choosing the scenario and step that answer a request.

Scenarios are compiled once (matchers, templates, merged pacing and headers); per request the
engine only runs predicates and bumps a counter. Sequence counters are kept per
(`X-Mockai-Session`, scenario), so parallel tests sharing a server never advance each other's
sequences.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import chain
from typing import Any

from mockai.errors import APIError
from mockai.faults.chaos import ChaosPolicy
from mockai.scenarios.call import Call
from mockai.scenarios.endpoints import EndpointNames
from mockai.scenarios.index import ScenarioIndex, required_text
from mockai.scenarios.matcher import compile_match
from mockai.scenarios.problems import Located, Path_, Problem, describe
from mockai.scenarios.schema import Match, Scenario
from mockai.sessions import forget
from mockai.templating import Template, TemplateProblem, is_template
from mockai.vocabulary import Step, Stream


def _merge_stream(outer: Stream | None, inner: Stream | None) -> Stream | None:
    if outer is None or inner is None:
        return inner or outer
    return outer.model_copy(update=inner.model_dump(exclude_none=True))


UNTEMPLATED = frozenset({"stream", "events", "body_base64"})


def _template_leaves(value: Any, path: Path_) -> Iterator[tuple[Path_, str]]:
    """Template strings in a step dump; the step's own `stream:` pacing and its recorded
    literals (`events`, `body_base64`: a recording's text is data, whatever braces it holds)
    are not templated, but a deeper key that happens to be called `stream` (a tool-call
    argument) is."""
    if isinstance(value, str):
        if is_template(value):
            yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            if path or key not in UNTEMPLATED:
                yield from _template_leaves(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _template_leaves(item, path + (index,))


def _set(data: Any, path: Path_, value: str) -> None:
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value


class CompiledStep:
    """A step with its scenario's defaults folded in and its templates compiled."""

    __slots__ = ("step", "_templates", "_dump", "_scenario")

    def __init__(
        self,
        step: Step,
        scenario: Scenario,
        located: Located,
        where: Path_,
        problems: list[Problem],
    ) -> None:
        headers = {**(scenario.headers or {}), **(step.headers or {})}
        self.step = step.model_copy(
            update={
                "stream": _merge_stream(scenario.stream, step.stream),
                "latency_ms": step.latency_ms
                if step.latency_ms is not None
                else scenario.latency_ms,
                "job_clock": step.job_clock or scenario.job_clock,
                "headers": {k.lower(): v for k, v in headers.items()} or None,
            }
        )
        self._dump = self.step.model_dump(exclude_none=True)
        self._scenario = scenario.name
        self._templates: list[tuple[Path_, str, Template]] = []
        # Merged headers are lower-cased and may come from the scenario: report a broken
        # template where it is written, once, not at every step that inherits it.
        written = {k.lower(): ("headers", k) for k in scenario.headers or {}}
        written.update({k.lower(): where + ("headers", k) for k in step.headers or {}})
        for path, source in _template_leaves(self._dump, ()):
            origin = written[path[1]] if path[0] == "headers" else where + path
            try:
                self._templates.append((path, describe(origin), Template(source)))
            except TemplateProblem as exc:
                problems.append(located.problem(origin, str(exc)))

    def resolve(self, call: Call, index: int) -> Step:
        if not self._templates:
            return self.step
        data = copy.deepcopy(self._dump)
        context = call.template_context(index)
        for path, field, template in self._templates:
            try:
                _set(data, path, template.render(context))
            except Exception as exc:  # noqa: BLE001 - any template failure is the scenario's
                raise APIError(
                    500,
                    f"Scenario {self._scenario!r}: template in {field} failed: {exc}",
                    type="server_error",
                    code="scenario_template_error",
                ) from None
        return Step.model_validate(data)


def _effective_match(scenario: Scenario) -> Match:
    """The tool-call rule: a scenario whose one step calls tools answers a request, not a
    tool's result. Sent the result of its own call (the last user message is unchanged, so
    `user:` still holds), it would call the tool again, and the client would loop forever;
    so unless its match says `tool_result`, it is not tried for a request whose last message
    is a tool result, and the scenario answering the result may come before or after it."""
    steps = scenario.steps
    if scenario.match.tool_result is None and len(steps) == 1 and steps[0].tool_calls:
        return scenario.match.model_copy(update={"tool_result": False})
    return scenario.match


class CompiledScenario:
    __slots__ = (
        "name",
        "located",
        "predicate",
        "endpoints",
        "needle",
        "steps",
        "loop",
        "chaos",
        "limits",
    )

    def __init__(self, located: Located, names: EndpointNames, problems: list[Problem]) -> None:
        scenario = located.scenario
        self.name = scenario.name
        self.located = located
        try:
            self.predicate, self.endpoints = compile_match(_effective_match(scenario), names)
        except ValueError as exc:  # `match.endpoint` names nothing known
            problems.append(located.problem(("match", "endpoint"), str(exc)))
            self.predicate, self.endpoints = compile_match(Match(), names)
        self.needle = required_text(scenario.match)
        self.loop = scenario.loop
        self.chaos = ChaosPolicy.from_spec(scenario.chaos) if scenario.chaos is not None else None
        self.limits = scenario.limits
        key = "replies" if scenario.replies is not None else "reply"
        self.steps = [
            CompiledStep(
                step, scenario, located, (key, index) if key == "replies" else (key,), problems
            )
            for index, step in enumerate(scenario.steps)
        ]

    def matches(self, call: Call) -> bool:
        return (self.endpoints is None or call.endpoint in self.endpoints) and self.predicate(call)

    def step_for(self, count: int) -> int:
        if self.loop:
            return count % len(self.steps)
        return min(count, len(self.steps) - 1)

    def describe(self) -> dict[str, Any]:
        return {
            **self.located.scenario.model_dump(mode="json", exclude_none=True),
            "source": self.located.where(),
        }


def compile_all(
    found: Iterable[Located], names: EndpointNames
) -> tuple[list[CompiledScenario], list[Problem]]:
    """The compiled scenarios, and the problems (unknown endpoint names, templates) found
    compiling them."""
    problems: list[Problem] = []
    compiled = [CompiledScenario(located, names, problems) for located in found]
    return compiled, problems


@dataclass(frozen=True)
class Selection:
    scenario: CompiledScenario
    index: int
    step: Step


class ScenarioEngine:
    """File scenarios, runtime-added ones (global or per session) and sequence counters."""

    def __init__(self, files: list[CompiledScenario] | None = None) -> None:
        self.files: list[CompiledScenario] = files or []
        self._index = ScenarioIndex(self.files)
        self.runtime: dict[str | None, list[CompiledScenario]] = {}
        self._counters: dict[tuple[str | None, str], int] = {}

    def replace_files(self, files: list[CompiledScenario]) -> None:
        self.files, self._index = files, ScenarioIndex(files)

    def add_runtime(self, scenarios: list[CompiledScenario], session: str | None) -> None:
        """Added scenarios go first; re-adding a name replaces the earlier one."""
        names = {s.name for s in scenarios}
        kept = [s for s in self.runtime.get(session, []) if s.name not in names]
        self.runtime[session] = scenarios + kept

    def drop_runtime(self, session: str | None = None, everywhere: bool = False) -> None:
        forget(self.runtime, session, everywhere)

    def reset_counters(self, session: str | None = None, everywhere: bool = False) -> None:
        forget(self._counters, session, everywhere)

    def candidates(self, session: str | None) -> Iterator[CompiledScenario]:
        if session is not None:
            yield from self.runtime.get(session, ())
        yield from self.runtime.get(None, ())
        yield from self.files

    def choose(self, call: Call) -> CompiledScenario | None:
        """The scenario that answers `call` (the one `X-Mockai-Scenario` names, else the first
        that matches), without moving its sequence on."""
        forced = call.headers.get("x-mockai-scenario")
        if forced is None:
            runtime = self.runtime
            tried = chain(
                runtime.get(call.session, ()) if call.session is not None else (),
                runtime.get(None, ()),
                self._index.candidates(call),
            )
            return next((s for s in tried if s.matches(call)), None)
        chosen = next((s for s in self.candidates(call.session) if s.name == forced), None)
        if chosen is None:
            raise APIError(
                400,
                f"Unknown scenario {forced!r} in X-Mockai-Scenario header.",
                param="X-Mockai-Scenario",
                code="unknown_scenario",
            )
        return chosen

    def step(self, chosen: CompiledScenario, call: Call) -> Selection:
        """The scenario's next step for this session; the sequence only moves on with
        `advance` (a request that chaos spoils is retried by the client and should get the
        same step)."""
        index = chosen.step_for(self._counters.get((call.session, chosen.name), 0))
        return Selection(chosen, index, chosen.steps[index].resolve(call, index))

    def answered(self, name: str) -> dict[str | None, int]:
        """How many requests scenario `name` answered, per session."""
        return {session: n for (session, named), n in self._counters.items() if named == name}

    def advance(self, chosen: CompiledScenario, call: Call) -> None:
        key = (call.session, chosen.name)
        self._counters[key] = self._counters.get(key, 0) + 1
