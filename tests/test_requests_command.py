"""`mockai requests [--follow]` against a real `mockai serve`: the lines it prints, JSON Lines,
colour only when asked or on a terminal, following new requests (also across a server that
was not listening yet), Ctrl-C, and the one-line failures (unreachable, refused)."""

from __future__ import annotations

import contextlib
import json
import os
import pty
import re
import selectors
import signal
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import IO

import pytest
from serve_process import AUTH, Served, chat, clean_env, http, mockai_serve, run_cli

from mockai.cli import main

ANSI = "\033["
LINE = re.compile(
    r"^\d\d:\d\d:\d\d\.\d{3}  (?P<method>\S+) +(?P<path>\S+) +(?P<status>\d{3}|---) +"
    r"(?P<ms>\d+\.\d) ms(?:  (?P<details>.*))?$"
)


@pytest.fixture(scope="module")
def server() -> Iterator[Served]:
    with mockai_serve("--port", "0", "--quiet") as served:
        yield served


def printed(capsys, *args: str) -> tuple[int, list[str], str]:
    code = main(["requests", *args])
    out, err = capsys.readouterr()
    return code, out.splitlines(), err


def readline(stream: IO[str], timeout: float = 20) -> str:
    """The stream's next line, or a failure after `timeout` seconds."""
    with selectors.DefaultSelector() as selector:
        selector.register(stream, selectors.EVENT_READ)
        assert selector.select(timeout), f"nothing printed within {timeout}s"
    return stream.readline()


def follower(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "mockai", "requests", "--follow", "--interval", "0.1", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env or clean_env(),
    )


def stop(process: subprocess.Popen[str]) -> tuple[int, str]:
    """Ctrl-C, then its exit status and what it said on stderr."""
    process.send_signal(signal.SIGINT)
    try:
        _, err = process.communicate(timeout=20)
    finally:
        process.kill()
    return process.returncode, err


def test_one_line_per_request(server, capsys):
    assert chat(server.root, headers={"X-Mockai-Session": "lines"})[0] == 200
    status, _, _ = chat(server.root, headers={"X-Mockai-Session": "lines", "X-Mockai-Chaos": "503"})
    assert status == 503
    code, lines, err = printed(capsys, "--url", server.root, "--session", "lines")
    assert (code, err) == (0, "")
    parsed = [LINE.match(line) for line in lines]
    assert all(parsed), lines
    assert [(m["method"], m["path"], m["status"]) for m in parsed if m] == [
        ("POST", "/v1/chat/completions", "200"),
        ("POST", "/v1/chat/completions", "503"),
    ]
    assert "model=gpt-4o" in lines[0] and "session=lines" in lines[0]
    assert "fault=" not in lines[0]
    assert lines[1].endswith("fault=chaos:503")
    assert ANSI not in "".join(lines)  # captured, not a terminal: no colour


def test_filters_reach_the_server(server, capsys):
    for content in ("a", "b", "c"):
        assert chat(server.root, content, headers={"X-Mockai-Session": "filters"})[0] == 200
    http(f"{server.root}/v1/models/nope", headers={**AUTH, "X-Mockai-Session": "filters"})
    session = ("--url", server.root, "--session", "filters")
    _, lines, _ = printed(capsys, *session, "--status", "4xx")
    assert [line.split()[2] for line in lines] == ["/v1/models/nope"]
    _, lines, _ = printed(capsys, *session, "--path", "/v1/chat/*", "--limit", "2")
    assert len(lines) == 2
    _, lines, _ = printed(capsys, *session, "--scenario", "-")
    assert len(lines) == 4


def test_json_lines(server, capsys):
    assert chat(server.root, headers={"X-Mockai-Session": "json"})[0] == 200
    code, lines, _ = printed(capsys, "--url", server.root, "--session", "json", "--json")
    assert code == 0
    entries = [json.loads(line) for line in lines]
    _, _, journal = http(f"{server.root}/_mockai/requests?session=json")
    assert [e["id"] for e in entries] == [e["id"] for e in journal["data"]]
    assert entries[0]["body"]["model"] == "gpt-4o"


def test_colour_when_asked_and_never_when_refused(server, capsys):
    assert chat(server.root, headers={"X-Mockai-Session": "colour"})[0] == 200
    status, _, _ = chat(
        server.root, headers={"X-Mockai-Session": "colour", "X-Mockai-Chaos": "500"}
    )
    assert status == 500
    _, lines, _ = printed(capsys, "--url", server.root, "--session", "colour", "--color")
    assert lines[0].startswith(ANSI + "32m")  # green 2xx
    assert lines[1].startswith(ANSI + "31m")  # red 5xx
    _, lines, _ = printed(capsys, "--url", server.root, "--session", "colour", "--no-color")
    assert ANSI not in "".join(lines)


def test_piped_output_has_no_colour(server):
    assert chat(server.root, headers={"X-Mockai-Session": "piped"})[0] == 200
    done = run_cli("requests", "--url", server.root, "--session", "piped")
    assert done.returncode == 0, done.stderr
    assert "/v1/chat/completions" in done.stdout and ANSI not in done.stdout


def on_a_terminal(*args: str, env: dict[str, str]) -> str:
    """What `mockai requests ARGS` writes to a terminal (a pseudo-terminal as its stdout)."""
    leader, follower_fd = pty.openpty()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "mockai", "requests", *args],
            stdout=follower_fd,
            stderr=subprocess.PIPE,
            env=env,
            timeout=60,
        )
        assert done.returncode == 0, done.stderr
        os.close(follower_fd)
        follower_fd = -1
        out = b""
        with contextlib.suppress(OSError):  # Linux: EIO once the terminal's writer is gone
            while chunk := os.read(leader, 4096):
                out += chunk
        return out.decode()
    finally:
        os.close(leader)
        if follower_fd != -1:
            os.close(follower_fd)


def test_colour_on_a_terminal_unless_no_color(server):
    assert chat(server.root, headers={"X-Mockai-Session": "tty"})[0] == 200
    args = ("--url", server.root, "--session", "tty")
    assert (ANSI + "32m") in on_a_terminal(*args, env=clean_env())
    plain = on_a_terminal(*args, env=clean_env(NO_COLOR="1"))
    assert "/v1/chat/completions" in plain and ANSI not in plain


def test_a_bad_interval_is_a_usage_error(server, capsys):
    code, lines, err = printed(capsys, "--url", server.root, "--follow", "--interval", "0")
    assert (code, lines) == (2, [])
    assert "--interval" in err


def test_the_server_comes_from_the_environment(server):
    assert chat(server.root, headers={"X-Mockai-Session": "env"})[0] == 200
    for env in (clean_env(MOCKAI_PORT=str(server.port)), clean_env(MOCKAI_URL=server.root + "/")):
        done = run_cli("requests", "--session", "env", env=env)
        assert done.returncode == 0, done.stderr
        assert len(done.stdout.splitlines()) == 1


def test_the_server_comes_from_the_mockai_yaml_serve_would_read(server, tmp_path):
    """No flag, no MOCKAI_URL: the port (and admin token) of ./mockai.yaml, as `mockai serve`
    started in that folder would listen on; a bad setting there is a usage error."""
    assert chat(server.root, headers={"X-Mockai-Session": "yaml"})[0] == 200
    (tmp_path / "mockai.yaml").write_text(f"port: {server.port}\n")
    done = run_cli("requests", "--session", "yaml", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert len(done.stdout.splitlines()) == 1
    (tmp_path / "mockai.yaml").write_text("port: lots\n")
    done = run_cli("requests", cwd=tmp_path)
    assert done.returncode == 2 and "port" in done.stderr


def test_follow_prints_what_comes_after(server):
    headers = {"X-Mockai-Session": "follow"}
    assert chat(server.root, "before", headers=headers)[0] == 200
    process = follower("--url", server.root, "--session", "follow")
    assert process.stdout is not None
    try:
        assert "/v1/chat/completions" in readline(process.stdout)
        assert chat(server.root, "after", headers={**headers, "X-Mockai-Chaos": "503"})[0] == 503
        assert readline(process.stdout).rstrip().endswith("fault=chaos:503")
        code, err = stop(process)
    finally:
        process.kill()
    assert code == 0
    assert "Traceback" not in err and err == ""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_follow_waits_for_a_server_that_is_not_listening_yet():
    port = free_port()
    process = follower("--url", f"http://127.0.0.1:{port}")
    assert process.stdout is not None and process.stderr is not None
    try:
        assert readline(process.stderr).startswith(f"mockai: waiting for http://127.0.0.1:{port}")
        with mockai_serve("--port", str(port), "--quiet") as served:
            assert chat(served.root)[0] == 200
            assert "POST    /v1/chat/completions" in readline(process.stdout)
        code, err = stop(process)
    finally:
        process.kill()
    assert code == 0
    assert "Traceback" not in err


def test_an_unreachable_server_is_one_line_and_exit_1():
    done = run_cli("requests", "--url", f"http://127.0.0.1:{free_port()}")
    assert done.returncode == 1
    assert done.stdout == ""
    assert len(done.stderr.splitlines()) == 1 and "does not answer" in done.stderr


def test_a_bad_filter_is_the_servers_message(server, capsys):
    code, lines, err = printed(capsys, "--url", server.root, "--status", "9xx")
    assert (code, lines) == (1, [])
    assert err.startswith("mockai: 400 Invalid status '9xx'")


class _StandIn(BaseHTTPRequestHandler):
    """Answers every GET with `answer` (status, body) and notes the Authorization it got."""

    url = ""
    answer: tuple[int, bytes] = (200, b"")
    seen: list[str | None] = []

    def do_GET(self) -> None:
        self.seen.append(self.headers.get("Authorization"))
        status, raw = self.answer
        self.send_response(status)
        self.send_header("Content-Length", str(len(raw)))
        self.end_headers()
        self.wfile.write(raw)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def stand_in() -> Iterator[type[_StandIn]]:
    """A server on loopback that is not mockai; its URL is `stand_in.url`."""

    class Handler(_StandIn):
        seen: list[str | None] = []

    with ThreadingHTTPServer(("127.0.0.1", 0), Handler) as server:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        Handler.url = f"http://127.0.0.1:{server.server_address[1]}"
        try:
            yield Handler
        finally:
            server.shutdown()


def test_a_403_is_the_servers_message_and_the_token_goes_as_bearer(stand_in, monkeypatch, capsys):
    """A loopback client never meets the 403 of a real server, so a stand-in answers it."""
    error = {"error": {"message": "The control API needs the admin token.", "type": "forbidden"}}
    stand_in.answer = (403, json.dumps(error).encode())
    monkeypatch.setenv("MOCKAI_ADMIN_TOKEN", "s3cret")
    code, lines, err = printed(capsys, "--url", stand_in.url)
    assert (code, lines) == (1, [])
    assert err == "mockai: 403 The control API needs the admin token.\n"
    assert stand_in.seen == ["Bearer s3cret"]


def test_something_else_than_mockai_is_one_line(stand_in, monkeypatch, capsys):
    monkeypatch.delenv("MOCKAI_ADMIN_TOKEN", raising=False)
    stand_in.answer = (200, b"<html>a web page</html>")
    code, lines, err = printed(capsys, "--url", stand_in.url)
    assert (code, lines) == (1, [])
    assert err == f"mockai: {stand_in.url} answered something other than a mockai journal\n"
    assert stand_in.seen == [None]  # no token given, none sent
