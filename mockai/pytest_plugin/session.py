"""One test's view of a server: its own `X-Mockai-Session`, hence its own scenarios, sequence
counters, journal entries and stored objects, on a server other tests share."""

from __future__ import annotations

import json
import urllib.error
import uuid
from typing import Any

from mockai.pytest_plugin.journal import ANY, describe, matches
from mockai.pytest_plugin.server import MockaiServer

TEST_API_KEY = "sk-mockai-test"
TEST_ADMIN_KEY = "sk-admin-mockai-test"  # what the clients send to the Admin API's routes
ADMIN_KEY_PREFIX = "sk-admin-"


class ScenarioError(ValueError):
    """The server refused scenarios given to `add_scenario`. `problems` lists its
    `FILE:LINE: reason` lines (empty when it sent none; the message then carries its text)."""

    def __init__(self, message: str, problems: list[str]) -> None:
        super().__init__(message)
        self.problems = problems

    @classmethod
    def from_response(cls, status: int, body: bytes) -> ScenarioError:
        """Whatever the answer: the real control API's `problems`, its error message alone,
        or a body that is not JSON at all (a proxy's page, say)."""
        text = body.decode("utf-8", "replace").strip()
        try:
            parsed = json.loads(text)
        except ValueError:
            parsed = None
        if not isinstance(parsed, dict):
            return cls(f"invalid scenario (HTTP {status}): {text or 'empty answer'}", [])
        problems = [str(p) for p in parsed.get("problems") or []]
        if problems:
            return cls("invalid scenario:\n" + "\n".join(problems), problems)
        error = parsed.get("error")
        message = error.get("message") if isinstance(error, dict) else None
        return cls(f"invalid scenario (HTTP {status}): {message or text}", [])


class MockaiSession:
    """A session on `server`; every client and control call made through it carries its id."""

    def __init__(
        self, server: MockaiServer, session: str | None = None, api_key: str | None = None
    ) -> None:
        self.server = server
        self.api_key = api_key  # what the clients send, instead of the server's first key
        self.session = session or uuid.uuid4().hex
        self.url = server.url
        self.headers = {"X-Mockai-Session": self.session}

    @property
    def realtime_url(self) -> str:
        """The Realtime WebSocket's URL (`ws://.../v1/realtime`; add `?model=...`), for
        WebSocket clients other than the SDK's `client.realtime.connect()`, which finds it."""
        return "ws" + self.url.removeprefix("http") + "/realtime"

    def client(self, **kwargs: Any):
        """An `openai.OpenAI` bound to this session (kwargs go to the constructor)."""
        import openai

        return openai.OpenAI(**self._client_args(kwargs))

    def async_client(self, **kwargs: Any):
        """An `openai.AsyncOpenAI` bound to this session; use it inside the test's own event
        loop (`async with mockai.async_client() as client:`)."""
        import openai

        return openai.AsyncOpenAI(**self._client_args(kwargs))

    def _client_args(self, kwargs: dict[str, Any]) -> dict[str, Any]:
        """The server's first key (`--api-key`) or TEST_API_KEY, and for the Admin API
        (`client.admin...`) its first admin key (`sk-admin-...`) or TEST_ADMIN_KEY."""
        headers = {**self.headers, **kwargs.pop("default_headers", {})}
        keys = self.server.settings.api_key
        api_key = self.api_key or next(
            (k for k in keys if not k.startswith(ADMIN_KEY_PREFIX)), TEST_API_KEY
        )
        admin = next((k for k in keys if k.startswith(ADMIN_KEY_PREFIX)), TEST_ADMIN_KEY)
        return {
            "base_url": self.url,
            "api_key": api_key,
            "admin_api_key": admin,
            "default_headers": headers,
            **kwargs,
        }

    def add_scenario(self, scenario: dict[str, Any] | list[Any] | str) -> list[str]:
        """Add scenarios (a dict, a list, or YAML text) for this test only; returns their
        names. Raises ScenarioError naming the problems when the server refuses them."""
        text = scenario if isinstance(scenario, str) else json.dumps(scenario)
        try:
            return self.server.control("POST", "/_mockai/scenarios", text.encode(), self.session)[
                "data"
            ]
        except urllib.error.HTTPError as exc:
            raise ScenarioError.from_response(exc.code, exc.read()) from None

    @property
    def requests(self) -> list[dict[str, Any]]:
        """This session's journal entries, oldest first."""
        return self.server.control("GET", f"/_mockai/requests?session={self.session}")["data"]

    def reset(self) -> None:
        self.server.control("POST", f"/_mockai/reset?session={self.session}")

    def advance_jobs(self, seconds: float | None = None, *, job: str | None = None) -> list[str]:
        """Move this session's long-running jobs (or `job`) on by `seconds` of job time
        (None: to their end), e.g. under `--job-clock paused`; returns the ids moved."""
        body = {"seconds": seconds, "job": job}
        return self.server.control(
            "POST", f"/_mockai/jobs/advance?session={self.session}", json.dumps(body).encode()
        )["advanced"]

    def assert_called(
        self,
        *,
        times: int | None = None,
        scenario: Any = ANY,
        path: Any = ANY,
        method: Any = ANY,
        status: Any = ANY,
        step: Any = ANY,
    ) -> list[dict[str, Any]]:
        """Assert that this session's journal holds requests matching every filter given
        (`scenario` and `path` are globs; `None` matches "no scenario"): exactly `times` of
        them, or at least one. Returns the matching entries. The failure lists the journal."""
        __tracebackhide__ = True
        wanted = {
            k: v
            for k, v in (
                ("scenario", scenario),
                ("path", path),
                ("method", method),
                ("status", status),
                ("step", step),
            )
            if v is not ANY
        }
        entries = self.requests
        found = [e for e in entries if matches(e, wanted)]
        if len(found) == times or (times is None and found):
            return found
        raise AssertionError(describe(entries, wanted, times, len(found), self.session))

    def assert_not_called(self, **filters: Any) -> None:
        """`assert_called(times=0, **filters)`: no request matched."""
        __tracebackhide__ = True
        self.assert_called(times=0, **filters)
