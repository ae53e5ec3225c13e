"""A running `mockai serve` reloads its scenario files: edits take effect within seconds, a
broken edit keeps the last good set serving (and says why on stderr), fixing it reloads again."""

from __future__ import annotations

import time
from pathlib import Path

from serve_process import chat, clean_env, http, mockai_serve, reply_text, wait_until

RELOAD_WITHIN = 10.0  # seconds; the watcher polls twice a second


def scenario(content: str, name: str = "greeting") -> str:
    return f"- name: {name}\n  match: {{user: hello}}\n  reply:\n    content: \"{content}\"\n"


def answer(root: str, text: str = "hello there") -> str | None:
    status, _, body = chat(root, text)
    assert status == 200, body
    return reply_text(body)


def test_edit_broken_edit_and_fix(tmp_path: Path) -> None:
    folder = tmp_path / "scenarios"
    folder.mkdir()
    file = folder / "greeting.yaml"
    file.write_text(scenario("version one"))
    with mockai_serve("--port", "0", "--scenarios", str(folder)) as server:
        assert answer(server.root) == "version one"

        file.write_text(scenario("version two, a little longer"))
        assert wait_until(lambda: answer(server.root) == "version two, a little longer",
                          RELOAD_WITHIN), server.stderr()

        file.write_text(scenario("broken") + "    colour: red\n")
        assert wait_until(lambda: "refused" in server.stderr(), RELOAD_WITHIN), server.stderr()
        assert f"{file}:5: reply.colour: unknown field" in server.stderr()
        for _ in range(3):  # the last good set keeps serving
            assert answer(server.root) == "version two, a little longer"
            time.sleep(0.3)

        file.write_text(scenario("version three"))
        assert wait_until(lambda: answer(server.root) == "version three", RELOAD_WITHIN), \
            server.stderr()
        assert server.process.poll() is None


def test_new_and_deleted_files_and_invalid_yaml(tmp_path: Path) -> None:
    folder = tmp_path / "scenarios"
    (folder / "0-sub").mkdir(parents=True)
    (folder / "a.yaml").write_text(scenario("from a", "a"))
    with mockai_serve("--port", "0", "--scenarios", str(folder)) as server:
        assert answer(server.root) == "from a"

        (folder / "0-sub" / "first.yaml").write_text(scenario("from sub", "sub"))
        assert wait_until(lambda: answer(server.root) == "from sub", RELOAD_WITHIN), \
            server.stderr()

        (folder / "0-sub" / "first.yaml").write_text("- name: sub\n  reply: [\n")
        assert wait_until(lambda: "invalid YAML" in server.stderr(), RELOAD_WITHIN), server.stderr()
        assert answer(server.root) == "from sub"

        (folder / "0-sub" / "first.yaml").unlink()
        assert wait_until(lambda: answer(server.root) == "from a", RELOAD_WITHIN), server.stderr()


def test_reload_keeps_runtime_scenarios(tmp_path: Path) -> None:
    folder = tmp_path / "scenarios"
    folder.mkdir()
    file = folder / "seq.yaml"
    file.write_text("- name: seq\n  match: {user: seq}\n  replies: [{content: one}, {content: two}]\n")
    with mockai_serve("--port", "0", "--scenarios", str(folder), env=clean_env()) as server:
        status, _, _ = http(f"{server.root}/_mockai/scenarios", "POST",
                            "- name: added\n  match: {user: added}\n  reply: {content: runtime}\n")
        assert status == 201
        assert answer(server.root, "seq") == "one"
        file.write_text("- name: seq\n  match: {user: seq}\n"
                        "  replies: [{content: uno}, {content: dos}, {content: tres}]\n")
        assert wait_until(lambda: answer(server.root, "seq") in ("uno", "dos", "tres"),
                          RELOAD_WITHIN), server.stderr()
        assert answer(server.root, "added") == "runtime"


def test_no_watch_keeps_the_loaded_set(tmp_path: Path) -> None:
    folder = tmp_path / "scenarios"
    folder.mkdir()
    file = folder / "greeting.yaml"
    file.write_text(scenario("frozen"))
    with mockai_serve("--port", "0", "--scenarios", str(folder), "--no-watch") as server:
        file.write_text(scenario("changed on disk"))
        time.sleep(2.5)
        assert answer(server.root) == "frozen"
