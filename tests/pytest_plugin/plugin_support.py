"""Shared pieces of the plugin's tests. Each runs an inner pytest session with `pytester`, the
way users run the plugin (found through its entry point), in this process, so inner tests can
import `openapi` to validate what the server sends."""

from __future__ import annotations

QUIET = ("-p", "no:cacheprovider", "-o", "asyncio_default_fixture_loop_scope=function")

# An inner module (`pytester.makepyfile(inner_http=INNER_HTTP)`): raw HTTP, as a client that is
# not the SDK sees the server, every body checked against the OpenAPI description.
INNER_HTTP = '''
import json
import urllib.error
import urllib.request

from openapi import validate_response


def chat(url, text="hi", key="sk-mockai-test", session=None):
    """(status, body) of a chat completion."""
    headers = {"Authorization": f"Bearer {key}", "Content-Type": "application/json"}
    if session:
        headers["X-Mockai-Session"] = session
    body = json.dumps({"model": "gpt-4o", "messages": [{"role": "user", "content": text}]})
    request = urllib.request.Request(url + "/chat/completions", data=body.encode(), headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            status, answer = response.status, json.loads(response.read())
    except urllib.error.HTTPError as exc:
        status, answer = exc.code, json.loads(exc.read())
    validate_response("POST", "/v1/chat/completions", status, answer)
    return status, answer
'''

# Scenario files and tests that pass only when the file is loaded.
COUNTER = (
    "- name: counter\n  match: {user: counting}\n  replies: [{content: first}, {content: second}]\n"
)
FILE_SCENARIO_TESTS = """
def ask(mockai, text):
    completion = mockai.client().chat.completions.create(
        model="gpt-4o", messages=[{"role": "user", "content": text}])
    return completion.choices[0].message.content


def test_first(mockai):
    assert [ask(mockai, "counting"), ask(mockai, "counting")] == ["first", "second"]


def test_second_starts_over(mockai):
    assert ask(mockai, "counting") == "first"
    assert [e["scenario"] for e in mockai.requests] == ["counter"]


def test_reset_inside_a_test(mockai):
    assert ask(mockai, "counting") == "first"
    mockai.reset()
    assert mockai.requests == []
    assert ask(mockai, "counting") == "first"
"""
