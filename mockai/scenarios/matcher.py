"""`match:` blocks compiled once into plain predicates over a Call."""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Callable

from mockai.scenarios.call import Call
from mockai.scenarios.endpoints import EndpointNames
from mockai.scenarios.schema import Match, Regex

Predicate = Callable[[Call], bool]


def _glob(pattern: str) -> Callable[[str], bool]:
    if not any(ch in pattern for ch in "*?["):
        return pattern.__eq__
    return re.compile(fnmatch.translate(pattern)).match  # type: ignore[return-value]


def _text(
    condition: str | Regex, original: Callable[[Call], str], lowered: Callable[[Call], str]
) -> Predicate:
    """A regex searches the text as sent; a plain string is a case-insensitive substring."""
    if isinstance(condition, Regex):
        search = re.compile(condition.regex).search
        return lambda call: search(original(call)) is not None
    needle = condition.lower()
    return lambda call: needle in lowered(call)


def compile_match(match: Match, names: EndpointNames) -> tuple[Predicate, frozenset[str] | None]:
    """The predicate, and the endpoint names the match is limited to (None: any), checked
    first as a set lookup. ValueError when `match.endpoint` names nothing known."""
    checks: list[Predicate] = []
    endpoints = names.resolve(match.endpoint) if match.endpoint is not None else None
    if match.model is not None:
        model = _glob(match.model)
        checks.append(lambda call: call.model is not None and bool(model(call.model)))
    if match.user is not None:
        checks.append(
            _text(match.user, lambda call: call.last_user_message, lambda call: call.user_lower)
        )
    if match.system is not None:
        checks.append(
            _text(match.system, lambda call: call.system_message, lambda call: call.system_lower)
        )
    if match.tools:
        wanted = frozenset(match.tools)
        checks.append(lambda call: wanted <= call.tool_names)
    if match.tool_result is not None:
        expected = match.tool_result
        checks.append(lambda call: call.tool_result == expected)
    if match.file_name is not None:
        file_name = _glob(match.file_name)
        checks.append(lambda call: call.file_name is not None and bool(file_name(call.file_name)))
    if match.language is not None:
        language = match.language.lower()
        checks.append(lambda call: (call.language or "").lower() == language)
    if match.headers:
        wanted_headers = {k.lower(): v for k, v in match.headers.items()}
        checks.append(lambda call: all(call.headers.get(k) == v for k, v in wanted_headers.items()))
    if not checks:
        return (lambda call: True), endpoints
    if len(checks) == 1:
        return checks[0], endpoints
    return (lambda call: all(check(call) for check in checks)), endpoints
