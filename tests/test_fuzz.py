"""Schemathesis over every operation mockai serves: no request, valid or not, may get a 5xx,
and every refusal must be the real API's JSON error body.

The operations come from the app's own router (the official description has 288; mockai
serves some), matched to the description by path template. Each is fuzzed in negative mode
(requests the description forbids: wrong types, missing fields, stray properties, odd
characters in names, malformed uploads) and in positive mode, derandomized (the same examples
every run) and a fixed number of them, against the live server of the `mockai` fixture. A
total time budget keeps the run bounded on a slow machine: once it is spent, the examples
and operations left are not tried (with a warning); on a normal machine every one is.

The description is `tests/openapi.py`'s prepared copy (its 3.0 `nullable` made 3.1 nulls), so
"negative" means what the real API forbids. Deselect with `-m "not fuzz"`.
"""

from __future__ import annotations

import re
import time
import warnings
from functools import cache

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from openapi import document, validate_error
from schemathesis import GenerationMode
from schemathesis.core.errors import UnsupportedSchema

from mockai.endpoints import GENERIC, declared_routes
from mockai.pytest_plugin import TEST_ADMIN_KEY, TEST_API_KEY
from mockai.server.app import PREFIXES

pytestmark = pytest.mark.fuzz

EXAMPLES = 40  # per operation and mode
BUDGET_S = 45.0  # for the whole module in one test process
REQUEST_TIMEOUT_S = 30  # a hang is a failure, not a stuck run
API = PREFIXES[0]


def _template(path: str) -> str:
    return re.sub(r"\{[^}]+\}", "{}", path)


def _operations() -> list[tuple[str, str]]:
    """(METHOD, path) in the description of every route a hand-built family registers. The
    spec-driven family checks requests with the description's own schemas: the conformance
    suite covers its operations."""
    served = {
        (route.method, _template(route.path))
        for family, route in declared_routes()
        if family != GENERIC
    }
    return sorted(
        (method.upper(), path)
        for path, item in document()["paths"].items()
        for method in item
        if (method.upper(), _template(path)) in served
    )


def _can_be_invalid(method: str, path: str) -> bool:
    """Whether the description forbids any input of the operation: a body, a query or header
    parameter, or a path parameter with more than "any string". (Fuzzing the others in negative
    mode is unsatisfiable: e.g. `GET /models`, `GET /files/{file_id}`.)"""
    operation = document()["paths"][path][method.lower()]
    if "requestBody" in operation:
        return True
    for parameter in operation.get("parameters", []):
        schema = parameter.get("schema", {})
        if (
            parameter.get("in") != "path"
            or set(schema) - {"type", "description", "example"}
            or schema.get("type", "string") != "string"
        ):
            return True
    return False


OPERATIONS = _operations()
CASES = [
    (method, path, mode)
    for method, path in OPERATIONS
    for mode in (GenerationMode.NEGATIVE, GenerationMode.POSITIVE)
    if mode is GenerationMode.POSITIVE or _can_be_invalid(method, path)
]


@cache
def _schema() -> schemathesis.schemas.BaseSchema:
    schema = schemathesis.openapi.from_dict(document())
    # The key goes in a header of our own; generated auth would only test the 401 path.
    schema.config.generation.update(with_security_parameters=False)
    return schema


class _Budget:
    """The module's time allowance in this test process, counted from its first test."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.start: float | None = None
        self.warned = False

    def spent(self) -> bool:
        now = time.monotonic()
        self.start = now if self.start is None else self.start
        if now - self.start <= self.seconds:
            return False
        if not self.warned:
            self.warned = True
            warnings.warn(f"fuzzing stopped sending after {self.seconds:.0f} s", stacklevel=2)
        return True


BUDGET = _Budget(BUDGET_S)


def test_the_served_operations_are_found_in_the_description():
    assert len(OPERATIONS) >= 30, OPERATIONS
    assert {
        ("POST", "/chat/completions"),
        ("POST", "/files"),
        ("POST", "/images/edits"),
        ("POST", "/audio/transcriptions"),
        ("POST", "/uploads/{upload_id}/parts"),
    } <= set(OPERATIONS)


def check(response: schemathesis.Response) -> None:
    """No 5xx; a refusal is the OpenAI error JSON, whatever was sent."""
    request = f"{response.request.method} {response.request.url}"
    assert response.status_code < 500, f"{request} -> {response.status_code}: {response.text}"
    if response.status_code >= 400:
        content_type = next(
            (
                values[0]
                for name, values in response.headers.items()
                if name.lower() == "content-type"
            ),
            "",
        )
        assert content_type.startswith("application/json"), (
            f"{request} -> {response.status_code} {content_type}: {response.text_lossy()}"
        )
        validate_error(response.json())


@pytest.mark.parametrize(
    ("method", "path", "mode"),
    [pytest.param(*case, id=f"{case[0]} {case[1]}-{case[2].value}") for case in CASES],
)
def test_no_server_error(mockai, method, path, mode):
    if BUDGET.spent():
        pytest.skip("the fuzzing time budget is spent")
    operation = _schema()[path][method]
    # The Admin API's routes take an admin key only (any other is a 403 before the handler).
    admin = path.startswith(("/organization/", "/fine_tuning/checkpoints/"))
    key = TEST_ADMIN_KEY if admin else TEST_API_KEY
    headers = {**mockai.headers, "Authorization": f"Bearer {key}"}
    with requests.Session() as http:

        @settings(
            max_examples=EXAMPLES,
            derandomize=True,
            database=None,
            deadline=None,
            phases=[Phase.generate, Phase.shrink],
            suppress_health_check=list(HealthCheck),
        )
        @given(case=operation.as_strategy(generation_mode=mode))
        def fuzz(case):
            if BUDGET.spent():
                return
            check(
                case.call(
                    base_url=mockai.url, headers=headers, session=http, timeout=REQUEST_TIMEOUT_S
                )
            )

        try:
            fuzz()
        except UnsupportedSchema as exc:  # the tool's limit (a `not` it cannot complement)
            pytest.skip(f"schemathesis cannot generate {mode.value} cases here: {exc}"[:300])
