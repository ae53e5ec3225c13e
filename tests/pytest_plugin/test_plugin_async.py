"""Async tests with the `mockai` fixture: the server runs on its own loop in its own thread,
so the test's loop (pytest-asyncio's or anyio's) only drives the client. Each plugin alone."""

from __future__ import annotations

import pytest
from plugin_support import QUIET

pytest_plugins = ["pytester"]

ASYNC_TEST = """
import pytest


@pytest.mark.{marker}
async def test_async_client(mockai):
    mockai.add_scenario({{"name": "async", "reply": {{"content": "async ok"}}}})
    async with mockai.async_client() as client:
        completion = await client.chat.completions.create(
            model="gpt-4o", messages=[{{"role": "user", "content": "x"}}])
        stream = await client.chat.completions.create(
            model="gpt-4o", messages=[{{"role": "user", "content": "x"}}], stream=True)
        streamed = "".join([c.choices[0].delta.content or "" async for c in stream if c.choices])
    assert completion.choices[0].message.content == streamed == "async ok"
    mockai.assert_called(scenario="async", times=2)
"""


def test_under_pytest_asyncio(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_inner=ASYNC_TEST.format(marker="asyncio"))
    result = pytester.runpytest(*QUIET, "-p", "no:anyio")
    result.assert_outcomes(passed=1)


def test_under_anyio(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_inner=ASYNC_TEST.format(marker="anyio"))
    result = pytester.runpytest("-p", "no:cacheprovider", "-p", "no:asyncio", "-p", "no:aiohttp")
    result.assert_outcomes(passed=1)
