"""Record and replay per test: `@pytest.mark.mockai_recording("name")` names a test's
recording, `<test dir>/recordings/<name>.yaml` (ini `mockai_recordings_dir`), and
`--mockai-record=none|new|all` (ini `mockai_record`) says what happens to it.

Replay (the file exists; `none` or `new`): the test's `mockai` session gets the file's scenarios,
and nothing is forwarded anywhere. Record (the file is missing under `new`; always under `all`):
the test's `mockai` runs on a server of its own that forwards what no scenario answers to
`MOCKAI_RECORD_UPSTREAM` (default OpenAI's API) and writes each answer to the test's file; its
clients send `OPENAI_API_KEY`, which is never written. A missing file under `none` fails the test
with the command line that records it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from mockai.config import Settings
from mockai.pytest_plugin.options import overridden
from mockai.pytest_plugin.server import MockaiServer
from mockai.pytest_plugin.session import MockaiSession
from mockai.recording.writer import HEADER, file_name

MARKER = "mockai_recording"
MODE = "mockai_record"
DIR_KEY = "mockai_recordings_dir"
MODES = ("none", "new", "all")
UPSTREAM_VARIABLE = "MOCKAI_RECORD_UPSTREAM"
DEFAULT_UPSTREAM = "https://api.openai.com/v1"
KEY_VARIABLE = "OPENAI_API_KEY"
MARKER_HELP = (
    "mockai_recording(name=None): replay the test's mockai traffic from "
    "<test dir>/recordings/<name>.yaml, or record it there (--mockai-record=new|all)"
)


def add_options(parser: pytest.Parser) -> None:
    group = parser.getgroup("mockai")
    help_mode = (
        "tests marked mockai_recording: none replays and fails on a missing recording "
        "(default), new records the missing ones, all records every one again"
    )
    group.addoption("--mockai-record", choices=MODES, dest=MODE, default=None, help=help_mode)
    parser.addini(MODE, help_mode, default="none")
    parser.addini(
        DIR_KEY,
        "folder of the recordings, relative to each test module's folder (default recordings)",
        default="recordings",
    )


def mode_of(config: pytest.Config) -> str:
    mode = config.getoption(MODE) or str(config.getini(MODE)).strip() or "none"
    if mode not in MODES:
        raise pytest.UsageError(f"{MODE}: {mode!r} is not one of {', '.join(MODES)}")
    return mode


def name_of(node: pytest.Item) -> str | None:
    """The marker's name, or one made from the test's module and name (class and parameters
    included), safe as a file name; None when the test is not marked."""
    mark = node.get_closest_marker(MARKER)
    if mark is None:
        return None
    given = mark.args[0] if mark.args else mark.kwargs.get("name")
    if given is None:
        module = node.path.stem
        given = module + "-" + node.nodeid.split("::", 1)[-1].replace("::", "-")
    return file_name(str(given))


@dataclass(frozen=True)
class Recording:
    name: str
    path: Path
    mode: str

    @property
    def records(self) -> bool:
        return self.mode == "all" or (self.mode == "new" and not self.path.exists())


def recording_of(node: pytest.Item) -> Recording | None:
    name = name_of(node)
    if name is None:
        return None
    folder = Path(str(node.config.getini(DIR_KEY)).strip() or "recordings")
    if not folder.is_absolute():
        folder = node.path.parent / folder
    return Recording(name, folder / f"{name}.yaml", mode_of(node.config))


def replay(session: MockaiSession, recording: Recording, nodeid: str) -> None:
    """Give the session the recording's scenarios, or fail the test when there is none."""
    __tracebackhide__ = True
    if not recording.path.exists():
        pytest.fail(
            f"mockai: no recording {recording.path} for {nodeid} (--mockai-record=none); "
            f"record it with: {KEY_VARIABLE}=... pytest --mockai-record=new '{nodeid}'",
            pytrace=False,
        )
    text = recording.path.read_text(encoding="utf-8")
    if yaml.safe_load(text):
        session.add_scenario(text)


def record(
    settings: Settings, overrides: dict[str, Any], recording: Recording
) -> Iterator[MockaiSession]:
    """A session on a recording server of its own, stopped (and the file completed) after
    the test. The server accepts any key (the caller's real one is forwarded)."""
    __tracebackhide__ = True
    key = os.environ.get(KEY_VARIABLE)
    if not key:
        pytest.fail(
            f"mockai: recording {recording.path} needs the upstream's key in {KEY_VARIABLE}",
            pytrace=False,
        )
    upstream = os.environ.get(UPSTREAM_VARIABLE) or DEFAULT_UPSTREAM
    changed = {
        **overrides,
        "api_key": [],
        "proxy_unmatched": upstream,
        "record": str(recording.path.parent),
    }
    recording.path.unlink(missing_ok=True)  # `all`: what this run records replaces it
    server = MockaiServer(overridden(settings, changed), record_group=recording.name)
    try:
        yield MockaiSession(server, api_key=key)
    finally:
        server.stop()
        if not recording.path.exists():  # nothing was forwarded: replaying needs nothing either
            recording.path.parent.mkdir(parents=True, exist_ok=True)
            recording.path.write_text(HEADER + "[]\n", encoding="utf-8")
