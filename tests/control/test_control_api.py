"""The control API under `/_mockai/`: health, scenarios, journal, reset, sessions,
and who may call it (loopback clients, or anyone with the admin token)."""

from __future__ import annotations

import json
import socket
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiohttp.test_utils import make_mocked_request
from helpers import AUTH, api_json, chat_body, post_chat
from openapi import validate_error

from mockai.config import Settings
from mockai.endpoints import endpoint_names
from mockai.errors import APIError
from mockai.scenarios import load
from mockai.server.app import create_app, start

SEQ = {
    "name": "seq",
    "match": {"user": "seq"},
    "replies": [{"content": "one"}, {"content": "two"}, {"content": "three"}],
}


async def said(client, content: str = "Hello", session: str | None = None, **extra: Any) -> str:
    headers = {"X-Mockai-Session": session} if session else None
    response = await post_chat(client, chat_body(content, **extra), headers=headers)
    body = await api_json(response)
    assert response.status == 200, body
    return body["choices"][0]["message"]["content"]


async def get_json(client, path: str, status: int = 200, **kwargs: Any) -> Any:
    response = await client.get(path, **kwargs)
    assert response.status == status, await response.text()
    return await response.json()


async def journal(client, query: str = "") -> list[dict[str, Any]]:
    body = await get_json(client, "/_mockai/requests" + query)
    assert body["object"] == "list"
    return body["data"]


# -- health and scenarios ------------------------------------------------------------------------


async def test_health(serve):
    client = await serve()
    response = await client.get("/_mockai/health")
    assert response.status == 200
    assert await response.json() == {"status": "ok"}


async def test_control_api_needs_no_api_key_but_v1_does(serve):
    client = await serve([SEQ], api_key=["sk-only"])
    assert (await client.get("/_mockai/scenarios")).status == 200
    assert (await client.get("/_mockai/requests")).status == 200
    response = await client.post("/v1/chat/completions", data=json.dumps(chat_body()))
    assert response.status == 401


async def test_list_scenarios_shows_file_and_runtime_ones(aiohttp_client, tmp_path: Path):
    (tmp_path / "a.yaml").write_text("- name: from-file\n  reply: {content: file}\n")
    app = create_app(
        Settings(port=0, watch=False, quiet=True, scenarios=[str(tmp_path)]),
        load([tmp_path], endpoint_names()),
    )
    client = await aiohttp_client(app)
    [only] = (await get_json(client, "/_mockai/scenarios"))["data"]
    assert only["name"] == "from-file"
    assert only["source"].endswith("a.yaml:1")
    response = await client.post(
        "/_mockai/scenarios", data=json.dumps([{"name": "added", "reply": {"content": "runtime"}}])
    )
    assert response.status == 201
    listed = (await get_json(client, "/_mockai/scenarios"))["data"]
    assert [(s["name"], s["origin"]) for s in listed] == [
        ("added", "runtime"),
        ("from-file", "file"),
    ]
    assert await said(client) == "runtime"
    assert (await client.delete("/_mockai/scenarios")).status == 200
    listed = (await get_json(client, "/_mockai/scenarios"))["data"]
    assert [s["name"] for s in listed] == ["from-file"]
    assert await said(client) == "file"


async def test_add_scenarios_as_json_and_yaml(serve):
    client = await serve([{"name": "file", "reply": {"content": "file"}}])
    response = await client.post(
        "/_mockai/scenarios",
        data=json.dumps(
            {"name": "json-one", "match": {"user": "json"}, "reply": {"content": "from json"}}
        ),
        headers={"Content-Type": "application/json"},
    )
    assert response.status == 201
    assert (await response.json())["data"] == ["json-one"]
    response = await client.post(
        "/_mockai/scenarios",
        data=(
            "- name: yaml-one\n"
            "  match: {user: yaml}\n"
            "  reply: {content: from yaml}\n"
            "- name: yaml-two\n"
            "  match: {user: two}\n"
            "  reply: {content: second yaml}\n"
        ),
        headers={"Content-Type": "application/yaml"},
    )
    assert response.status == 201
    assert (await response.json())["data"] == ["yaml-one", "yaml-two"]
    assert await said(client, "json") == "from json"
    assert await said(client, "yaml") == "from yaml"
    assert await said(client, "two") == "second yaml"
    assert await said(client, "other") == "file"


async def test_added_scenarios_are_tried_before_file_ones(serve):
    client = await serve(
        [{"name": "file", "match": {"user": "hello"}, "reply": {"content": "file"}}]
    )
    await client.post(
        "/_mockai/scenarios", data=json.dumps({"name": "runtime", "reply": {"content": "runtime"}})
    )
    assert await said(client, "hello") == "runtime"


async def test_bad_scenario_body_is_400_listing_problems(serve):
    client = await serve()
    response = await client.post(
        "/_mockai/scenarios",
        data=(
            "- name: a\n"
            "  reply: {content: x, wat: 1}\n"
            "- name: b\n"
            "  reply: {error: 700}\n"
            "- reply: {content: no name}\n"
        ),
    )
    assert response.status == 400
    body = await response.json()
    assert set(body["error"]) == {"message", "type", "param", "code"}
    assert [p.split(":")[:2] for p in body["problems"]] == [
        ["<request>", "2"],
        ["<request>", "4"],
        ["<request>", "5"],
    ]
    assert "wat" in body["error"]["message"]
    # Nothing of a refused body is added.
    assert (await get_json(client, "/_mockai/scenarios"))["data"] == []


@pytest.mark.parametrize(
    "payload",
    [
        "{not json or yaml: [",
        '"just a string"',
        json.dumps(
            [{"name": "d", "reply": {"content": "1"}}, {"name": "d", "reply": {"content": "2"}}]
        ),
        json.dumps({"name": "t", "reply": {"content": "{{ unknown_thing }}"}}),
    ],
)
async def test_other_bad_bodies_are_400(serve, payload: str):
    client = await serve()
    response = await client.post("/_mockai/scenarios", data=payload)
    assert response.status == 400
    body = await response.json()
    assert body["problems"] and all(p.startswith("<request>:") for p in body["problems"])


BAD_REGEX = '- name: r\n  match:\n    user: {regex: "([a-z"}\n  reply: {content: x}\n'


async def test_an_invalid_regex_is_a_400_naming_it(serve):
    client = await serve()
    response = await client.post("/_mockai/scenarios", data=BAD_REGEX)
    assert response.status == 400
    body = await response.json()
    validate_error({"error": body["error"]})
    assert body["error"]["code"] == "invalid_scenario"
    assert body["problems"] == [
        "<request>:3: match.user.regex: unterminated character set at position 1"
    ]
    assert body["error"]["message"] == body["problems"][0]
    assert (await get_json(client, "/_mockai/scenarios"))["data"] == []


def test_add_scenario_raises_naming_an_invalid_regex(mockai):
    """The pytest fixture's `add_scenario` turns the 400 into an exception that says why."""
    with pytest.raises(
        ValueError,
        match=r"<request>:3: match\.user\.regex: unterminated "
        r"character set at position 1",
    ):
        mockai.add_scenario(BAD_REGEX)
    with pytest.raises(ValueError, match=r"did you mean 'chat\.completions'\?"):
        mockai.add_scenario(
            {"name": "e", "match": {"endpoint": "chat.completion"}, "reply": {"content": "x"}}
        )


async def test_a_json_body_is_read_as_json(serve):
    """With `Content-Type: application/json`, what a JSON parser refuses is refused."""
    client = await serve()
    text = (
        '[{"name": "a", "reply": {"content": "x"}},\n {"name": "b", "reply": {"content": "y"}},\n]'
    )
    response = await client.post(
        "/_mockai/scenarios", data=text, headers={"Content-Type": "application/json"}
    )
    assert response.status == 400
    assert (await response.json())["problems"] == [
        "<request>:2: invalid JSON: trailing comma (JSON allows none)"
    ]
    response = await client.post(
        "/_mockai/scenarios",
        data=text.replace("},\n]", "}\n]"),
        headers={"Content-Type": "application/json"},
    )
    assert response.status == 201


async def test_runtime_scenarios_of_a_session_stay_in_that_session(serve):
    client = await serve()
    await client.post(
        "/_mockai/scenarios",
        data=json.dumps({"name": "mine", "reply": {"content": "mine"}}),
        headers={"X-Mockai-Session": "a"},
    )
    assert await said(client, session="a") == "mine"
    assert await said(client, session="b") != "mine"
    assert await said(client) != "mine"
    await client.delete("/_mockai/scenarios", headers={"X-Mockai-Session": "a"})
    assert await said(client, session="a") != "mine"


# -- journal -------------------------------------------------------------------------------------


async def test_journal_entries(serve):
    client = await serve(
        [SEQ, {"name": "down", "match": {"user": "down"}, "reply": {"error": 503}}]
    )
    body = chat_body("seq", temperature=0.5)
    await post_chat(client, body, headers={"X-Mockai-Session": "s1"})
    await post_chat(client, chat_body("seq"), headers={"X-Mockai-Session": "s1"})
    await post_chat(client, chat_body("down"))
    await client.post("/v1/chat/completions", data=json.dumps(chat_body()))  # no API key
    entries = await journal(client)
    assert len(entries) == 4
    first = entries[0]
    assert first["method"] == "POST"
    assert first["path"] == "/v1/chat/completions"
    assert first["headers"]["X-Mockai-Session"] == "s1"
    assert first["headers"]["Authorization"] == "Bearer s*****t"  # sk-test, masked
    assert first["body"] == body
    assert (first["session"], first["scenario"], first["step"], first["status"]) == (
        "s1",
        "seq",
        0,
        200,
    )
    assert [(e["session"], e["scenario"], e["step"], e["status"]) for e in entries[1:]] == [
        ("s1", "seq", 1, 200),
        (None, "down", 0, 503),
        (None, None, None, 401),
    ]


# A real-looking key and one secret per header the journal must mask; nothing here is kept whole.
LONG_KEY = "sk-proj-Abc123def456ghi789JKL0"
SECRET_HEADERS = {
    "Authorization": f"Bearer {LONG_KEY}",
    "x-api-key": "xk-0123456789abcdefWXYZ",
    "api-key": "azure-0123456789-key7",
    "X-Vendor-Token": "vendor-token-987654321",
    "X-Client-Secret": "client-secret-value-42",
    "Proxy-Authorization": "Basic dXNlcjpwYXNzd29yZA==",
    "Cookie": "session=0123456789abcdef; theme=dark",
    "X-Db-Password": "hunter2hunter2",
}


async def test_journal_masks_keys_tokens_and_secrets(serve):
    """Keys are shown as the real 401 message shows them (short prefix, last four), schemes
    kept; headers named for a key, token, secret, auth, cookie or password are masked; the rest
    and the body (the caller's own data) are kept as sent."""
    client = await serve([SEQ], api_key=[LONG_KEY])
    await post_chat(client, chat_body("seq"), headers={**SECRET_HEADERS, "X-Tenant": "acme"})
    wrong_key = "sk-wrong-key-but-long-enough-1234"
    await post_chat(client, chat_body("seq"), headers={"Authorization": f"Bearer {wrong_key}"})
    response = await client.post(
        "/v1/chat/completions?api_key=sk-in-the-query-string-5678&debug=1",
        data=json.dumps(chat_body("seq")),
        headers=AUTH,
    )
    assert response.status == 401
    raw = await (await client.get("/_mockai/requests")).text()
    for secret in [
        *SECRET_HEADERS.values(),
        LONG_KEY,
        "dXNlcjpwYXNzd29yZA==",
        "0123456789abcdef",
        wrong_key,
        "sk-in-the-query-string-5678",
        "hunter2",
    ]:
        assert secret not in raw
    first, wrong, in_query = json.loads(raw)["data"]
    headers = first["headers"]
    assert headers["Authorization"] == "Bearer sk-proj-" + "*" * 18 + "JKL0"
    assert headers["x-api-key"] == "xk-01" + "*" * 13 + "fWXYZ"  # shorter: a quarter each end
    assert headers["Proxy-Authorization"] == "Basic dXNlc" + "*" * 10 + "yZA=="
    assert headers["Cookie"] == "session=" + "*" * 24 + "dark"
    assert headers["X-Db-Password"] == "hun********er2"
    for name in ("api-key", "X-Vendor-Token", "X-Client-Secret"):
        assert "***" in headers[name]
    assert headers["X-Tenant"] == "acme"
    assert first["body"] == chat_body("seq")
    assert wrong["status"] == 401
    assert wrong["headers"]["Authorization"] == "Bearer sk-wrong" + "*" * 21 + "1234"
    assert in_query["query"] == {"api_key": "sk-in-th" + "*" * 15 + "5678", "debug": "1"}


async def test_templates_read_secrets_masked_but_match_on_them_whole(serve):
    """A scenario can match a key exactly, but a reply templated from the headers never
    carries a key in full (it would be stored with the answer and shown again)."""
    echo = "{{ headers.authorization }} / {{ headers['x-api-key'] }} / {{ headers['x-tenant'] }}"
    client = await serve(
        [
            {
                "name": "echo",
                "reply": {"content": echo},
                "match": {"headers": {"authorization": f"Bearer {LONG_KEY}"}},
            }
        ]
    )
    response = await post_chat(
        client,
        headers={
            "Authorization": f"Bearer {LONG_KEY}",
            "x-api-key": "xk-0123456789abcdefWXYZ",
            "X-Tenant": "acme",
        },
    )
    body = await api_json(response)
    assert body["choices"][0]["message"]["content"] == (
        f"Bearer sk-proj-{'*' * 18}JKL0 / xk-01{'*' * 13}fWXYZ / acme"
    )


async def test_journal_records_the_gateway_prefix_too(serve):
    client = await serve([SEQ])
    await client.post(
        "/api/openai/v1/chat/completions", data=json.dumps(chat_body("seq")), headers=AUTH
    )
    [entry] = await journal(client)
    assert (entry["path"], entry["scenario"]) == ("/api/openai/v1/chat/completions", "seq")


async def test_journal_session_filter_and_clear(serve):
    client = await serve([SEQ])
    await said(client, "seq", session="a")
    await said(client, "seq", session="b")
    await said(client, "seq", session="a")
    await said(client, "seq")
    assert [e["session"] for e in await journal(client, "?session=a")] == ["a", "a"]
    assert [e["session"] for e in await journal(client, "?session=b")] == ["b"]
    assert len(await journal(client)) == 4
    assert (await client.delete("/_mockai/requests?session=a")).status == 200
    assert [e["session"] for e in await journal(client)] == ["b", None]
    assert (await client.delete("/_mockai/requests")).status == 200
    assert await journal(client) == []
    # Clearing the journal does not reset sequences.
    assert await said(client, "seq", session="a") == "three"


async def test_journal_truncates_large_bodies(serve):
    client = await serve([SEQ], journal_body_bytes=300)
    small = chat_body("seq")
    large = chat_body("seq " + "x" * 5000)
    await post_chat(client, small)
    response = await post_chat(client, large)
    assert response.status == 200  # the request itself is served whole
    kept, cut = await journal(client)
    assert kept["body"] == small
    assert cut["body"] != large
    assert len(json.dumps(cut["body"])) < 1000
    assert cut["body"].get("_truncated") is True


async def test_journal_is_bounded(serve):
    client = await serve(journal_size=5)
    for index in range(8):
        await post_chat(client, chat_body(f"message {index}"))
    entries = await journal(client)
    assert [e["body"]["messages"][0]["content"] for e in entries] == [
        f"message {index}" for index in range(3, 8)
    ]


# -- reset ---------------------------------------------------------------------------------------


async def test_reset_clears_counters_journal_and_runtime_scenarios(serve):
    client = await serve([SEQ])
    await client.post(
        "/_mockai/scenarios",
        data=json.dumps(
            {"name": "runtime", "match": {"user": "runtime"}, "reply": {"content": "added"}}
        ),
    )
    assert [await said(client, "seq") for _ in range(2)] == ["one", "two"]
    assert await said(client, "seq", session="x") == "one"
    assert await said(client, "runtime") == "added"
    response = await client.post("/_mockai/reset")
    assert response.status == 200
    assert await journal(client) == []
    assert [s["name"] for s in (await get_json(client, "/_mockai/scenarios"))["data"]] == ["seq"]
    assert await said(client, "seq") == "one"
    assert await said(client, "seq", session="x") == "one"
    assert await said(client, "runtime") != "added"


async def test_reset_of_one_session(serve):
    client = await serve([SEQ])
    for session in ("a", "b"):
        await client.post(
            "/_mockai/scenarios",
            headers={"X-Mockai-Session": session},
            data=json.dumps(
                {
                    "name": f"rt-{session}",
                    "match": {"user": "rt"},
                    "reply": {"content": f"runtime {session}"},
                }
            ),
        )
        assert [await said(client, "seq", session=session) for _ in range(2)] == ["one", "two"]
    assert (await client.post("/_mockai/reset?session=a")).status == 200
    assert await journal(client, "?session=a") == []
    assert [e["step"] for e in await journal(client, "?session=b")] == [0, 1]
    assert await said(client, "seq", session="a") == "one"
    assert await said(client, "seq", session="b") == "three"
    assert await said(client, "rt", session="a") != "runtime a"
    assert await said(client, "rt", session="b") == "runtime b"


async def test_reset_session_by_header(serve):
    client = await serve([SEQ])
    await said(client, "seq", session="h")
    await said(client, "seq", session="other")
    await client.post("/_mockai/reset", headers={"X-Mockai-Session": "h"})
    assert await said(client, "seq", session="h") == "one"
    assert await said(client, "seq", session="other") == "two"


# -- who may call it -----------------------------------------------------------------------------

CONTROL = [
    ("GET", "/_mockai/scenarios"),
    ("POST", "/_mockai/scenarios"),
    ("DELETE", "/_mockai/scenarios"),
    ("GET", "/_mockai/requests"),
    ("DELETE", "/_mockai/requests"),
    ("POST", "/_mockai/reset"),
    ("GET", "/_mockai/metrics"),
]


def _non_loopback_address() -> str | None:
    """An address of this machine other than loopback, if it has one."""
    candidates = set()
    try:
        for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET):
            candidates.add(info[4][0])
    except OSError:
        pass
    for probe in ("192.0.2.1", "10.255.255.255", "8.8.8.8"):
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp:
            try:
                udp.connect((probe, 9))
                candidates.add(udp.getsockname()[0])
            except OSError:
                continue
    return next(
        (a for a in sorted(candidates) if not a.startswith("127.") and a != "0.0.0.0"), None
    )


@pytest.fixture
async def real_server():
    """`root = await real_server(host, **settings)`: the app on a real socket (not the test client's)."""
    runners = []

    async def run(host: str, **settings: Any) -> int:
        app = create_app(Settings(**{"port": 0, "watch": False, "quiet": True, **settings}), [])
        runner, port = await start(app, host, 0)
        runners.append(runner)
        return port

    yield run
    for runner in runners:
        await runner.cleanup()


async def _status(url: str, method: str = "GET", headers: dict | None = None) -> int:
    async with aiohttp.ClientSession() as session:
        async with session.request(
            method, url, headers=headers, data="[]" if method == "POST" else None
        ) as response:
            await response.read()
            return response.status


async def test_non_loopback_clients_are_refused(real_server):
    address = _non_loopback_address()
    if address is None:
        pytest.skip("this machine has no non-loopback address")
    port = await real_server("0.0.0.0")
    for method, path in CONTROL:
        assert await _status(f"http://{address}:{port}{path}", method) == 403, (method, path)
        assert await _status(f"http://127.0.0.1:{port}{path}", method) in (200, 201), (method, path)
    # The OpenAI routes themselves are open to anyone with a key.
    async with aiohttp.ClientSession() as session:
        async with session.post(
            f"http://{address}:{port}/v1/chat/completions",
            data=json.dumps(chat_body()),
            headers=AUTH,
        ) as response:
            assert response.status == 200


async def test_admin_token_opens_the_control_api_to_other_hosts(real_server):
    address = _non_loopback_address()
    if address is None:
        pytest.skip("this machine has no non-loopback address")
    port = await real_server("0.0.0.0", admin_token="t0ken")
    for method, path in CONTROL:
        url = f"http://{address}:{port}{path}"
        assert await _status(url, method, {"Authorization": "Bearer t0ken"}) in (200, 201)
        assert await _status(url, method, {"Authorization": "Bearer wrong"}) == 403
        assert await _status(url, method) == 403


async def test_loopback_clients_of_a_dual_stack_socket_are_loopback(real_server):
    """On `--host ::` an IPv4 loopback client shows up as `::ffff:127.0.0.1`."""
    if not socket.has_ipv6:
        pytest.skip("no IPv6")
    try:
        port = await real_server("::")
    except OSError:
        pytest.skip("cannot bind ::")
    assert await _status(f"http://127.0.0.1:{port}/_mockai/scenarios") == 200
    assert await _status(f"http://[::1]:{port}/_mockai/scenarios") == 200


async def test_admin_token_over_the_test_client(serve):
    client = await serve([SEQ], admin_token="t")
    response = await client.get("/_mockai/scenarios", headers={"Authorization": "Bearer t"})
    assert response.status == 200
    assert [s["name"] for s in (await response.json())["data"]] == ["seq"]
    response = await client.post("/_mockai/reset", headers={"Authorization": "Bearer t"})
    assert response.status == 200
    # The token is for the control API only: /v1 still wants an API key, and takes any key.
    response = await client.post(
        "/v1/chat/completions", data=json.dumps(chat_body()), headers={"Authorization": "Bearer t"}
    )
    assert response.status == 200


@pytest.mark.parametrize(
    "remote, token, sent, allowed",
    [
        ("127.0.0.1", None, None, True),
        ("::1", None, None, True),
        ("::ffff:127.0.0.1", None, None, True),
        ("203.0.113.7", None, None, False),
        ("203.0.113.7", None, "Bearer anything", False),
        ("203.0.113.7", "t", "Bearer t", True),
        ("203.0.113.7", "t", "Bearer x", False),
        ("203.0.113.7", "t", None, False),
        ("::ffff:203.0.113.7", None, None, False),
        ("127.0.0.1", "t", None, True),
    ],
)
def test_guard(remote: str, token: str | None, sent: str | None, allowed: bool):
    from mockai.control.access import guard

    app = create_app(Settings(port=0, watch=False, quiet=True, admin_token=token), [])
    headers = {"Authorization": sent} if sent else {}
    request = make_mocked_request("GET", "/_mockai/scenarios", headers=headers, app=app)
    request = request.clone(remote=remote)
    if allowed:
        guard(request)
    else:
        with pytest.raises(APIError) as caught:
            guard(request)
        assert caught.value.status == 403
