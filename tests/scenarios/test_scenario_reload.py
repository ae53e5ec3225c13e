"""A running `mockai serve` reloads its scenario files: edits take effect within seconds, a
broken edit keeps the last good set serving (and says why on stderr), fixing it reloads again."""

from __future__ import annotations

import time
from pathlib import Path

from serve_process import chat, clean_env, http, mockai_serve, reply_text, wait_until

RELOAD_WITHIN = 10.0  # seconds; the watcher polls twice a second


def scenario(content: str, name: str = "greeting") -> str:
    return f'- name: {name}\n  match: {{user: hello}}\n  reply:\n    content: "{content}"\n'


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
        assert wait_until(
            lambda: answer(server.root) == "version two, a little longer", RELOAD_WITHIN
        ), server.stderr()

        file.write_text(scenario("broken") + "    colour: red\n")
        assert wait_until(lambda: "refused" in server.stderr(), RELOAD_WITHIN), server.stderr()
        assert f"{file}:5: reply.colour: unknown field" in server.stderr()
        for _ in range(3):  # the last good set keeps serving
            assert answer(server.root) == "version two, a little longer"
            time.sleep(0.3)

        file.write_text(scenario("version three"))
        assert wait_until(lambda: answer(server.root) == "version three", RELOAD_WITHIN), (
            server.stderr()
        )
        assert server.process.poll() is None


def test_new_and_deleted_files_and_invalid_yaml(tmp_path: Path) -> None:
    folder = tmp_path / "scenarios"
    (folder / "0-sub").mkdir(parents=True)
    (folder / "a.yaml").write_text(scenario("from a", "a"))
    with mockai_serve("--port", "0", "--scenarios", str(folder)) as server:
        assert answer(server.root) == "from a"

        (folder / "0-sub" / "first.yaml").write_text(scenario("from sub", "sub"))
        assert wait_until(lambda: answer(server.root) == "from sub", RELOAD_WITHIN), server.stderr()

        (folder / "0-sub" / "first.yaml").write_text("- name: sub\n  reply: [\n")
        assert wait_until(lambda: "invalid YAML" in server.stderr(), RELOAD_WITHIN), server.stderr()
        assert answer(server.root) == "from sub"

        (folder / "0-sub" / "first.yaml").unlink()
        assert wait_until(lambda: answer(server.root) == "from a", RELOAD_WITHIN), server.stderr()


def test_reload_keeps_runtime_scenarios(tmp_path: Path) -> None:
    folder = tmp_path / "scenarios"
    folder.mkdir()
    file = folder / "seq.yaml"
    file.write_text(
        "- name: seq\n  match: {user: seq}\n  replies: [{content: one}, {content: two}]\n"
    )
    with mockai_serve("--port", "0", "--scenarios", str(folder), env=clean_env()) as server:
        status, _, _ = http(
            f"{server.root}/_mockai/scenarios",
            "POST",
            "- name: added\n  match: {user: added}\n  reply: {content: runtime}\n",
        )
        assert status == 201
        assert answer(server.root, "seq") == "one"
        file.write_text(
            "- name: seq\n  match: {user: seq}\n"
            "  replies: [{content: uno}, {content: dos}, {content: tres}]\n"
        )
        assert wait_until(
            lambda: answer(server.root, "seq") in ("uno", "dos", "tres"), RELOAD_WITHIN
        ), server.stderr()
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


def test_a_bad_regex_saved_while_serving_does_not_end_the_watching(tmp_path: Path) -> None:
    """The watcher refuses the edit with its FILE:LINE problem and still picks up the fix, and
    a new file, afterwards."""
    folder = tmp_path / "scenarios"
    folder.mkdir()
    file = folder / "greeting.yaml"
    file.write_text(scenario("before"))
    with mockai_serve("--port", "0", "--scenarios", str(folder)) as server:
        assert answer(server.root) == "before"

        file.write_text(
            '- name: greeting\n  match: {user: {regex: "([a-z"}}\n  reply: {content: broken}\n'
        )
        assert wait_until(lambda: "refused" in server.stderr(), RELOAD_WITHIN), server.stderr()
        assert (
            f"{file}:2: match.user.regex: unterminated character set at position 1"
            in server.stderr()
        )
        assert "Traceback" not in server.stderr()
        assert answer(server.root) == "before"

        file.write_text(scenario("fixed"))
        assert wait_until(lambda: answer(server.root) == "fixed", RELOAD_WITHIN), server.stderr()
        (folder / "0-new.yaml").write_text(scenario("from a new file", "new"))
        assert wait_until(lambda: answer(server.root) == "from a new file", RELOAD_WITHIN), (
            server.stderr()
        )


async def test_the_watcher_outlives_any_exception_from_loading(
    tmp_path: Path, monkeypatch, caplog
) -> None:
    """A loader failure that is not a list of problems (a bug, a file vanishing mid-read) is
    logged; the last good set keeps serving and the next edit is loaded."""
    import asyncio

    from mockai.endpoints import endpoint_names
    from mockai.scenarios import load, watcher
    from mockai.scenarios.engine import ScenarioEngine

    file = tmp_path / "greeting.yaml"
    file.write_text(scenario("one"))
    engine = ScenarioEngine(load([tmp_path], endpoint_names()))
    calls = []

    def flaky_load(paths, names):
        calls.append(paths)
        if len(calls) == 1:
            raise RuntimeError("the disk went away")
        return load(paths, names)

    monkeypatch.setattr(watcher, "load", flaky_load)

    async def until(predicate) -> bool:
        for _ in range(500):
            if predicate():
                return True
            await asyncio.sleep(0.02)
        return False

    def content() -> str:
        return engine.files[0].steps[0].step.content

    task = asyncio.create_task(watcher.watch([tmp_path], endpoint_names(), engine, interval=0.02))
    try:
        await asyncio.sleep(0.2)  # its first look at the files
        file.write_text(scenario("two, which fails to load"))
        assert await until(lambda: calls)
        await asyncio.sleep(0.1)
        assert content() == "one" and not task.done()
        assert "the disk went away" in caplog.text

        file.write_text(scenario("three, loaded"))
        assert await until(lambda: content() == "three, loaded")
    finally:
        task.cancel()
