"""Scenario files from captured exchanges: one file per group (`GROUP.yaml`, a test or a name
the client chose with the `X-Mockai-Record-Group` header), scenarios in the order their first
request came, named `GROUP-N`. A request whose match is already in the group adds a step to
that scenario's `replies:`, so the same prompt sent twice replays its two answers in order.

A recorder starts each group's file afresh, so re-recording replaces what was there. Files
are written on a worker thread, whole, through a temporary file: nothing blocks the event loop
and nobody reads a half-written file.
"""

from __future__ import annotations

import asyncio
import os
import re
from pathlib import Path
from typing import Any

import yaml

from mockai.recording.capture import Captured
from mockai.recording.steps import Facts, Options, Redactor, match_of, step_of

GROUP_HEADER = "x-mockai-record-group"
DEFAULT_GROUP = "recording"
HEADER = "# Recorded by mockai (`mockai record`); replay with `mockai serve --scenarios DIR`.\n"


def file_name(group: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", group).strip("._") or DEFAULT_GROUP


class Recorder:
    """Writes `out/GROUP.yaml`; a fixed `group` (the pytest plugin's: the test's recording)
    takes every exchange, whatever group the request names."""

    def __init__(self, out: Path, options: Options | None = None, group: str | None = None) -> None:
        self.out = out
        self.options = options or Options()
        self.group = group
        self.groups: dict[str, list[dict[str, Any]]] = {}
        self.lock = asyncio.Lock()

    async def add(self, group: str, facts: Facts, captured: Captured, secrets: list[str]) -> Path:
        """Add the exchange to its group's scenarios and rewrite the group's file."""
        redact = Redactor(self.options.redact, secrets)
        match = match_of(facts, self.options, redact)
        step = step_of(captured, facts.endpoint, self.options, redact)
        name = file_name(group)
        async with self.lock:
            scenarios = self.groups.setdefault(name, [])
            same = next((s for s in scenarios if s["match"] == match), None)
            if same is None:
                scenarios.append({"name": f"{name}-{len(scenarios) + 1}", "match": match})
                scenarios[-1]["replies"] = [step]
            else:
                same["replies"].append(step)
            text = HEADER + yaml.safe_dump(
                scenarios, sort_keys=False, allow_unicode=True, width=1_000_000
            )
            path = self.out / f"{name}.yaml"
            await asyncio.to_thread(_write, path, text)
        return path


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    part = path.with_suffix(".yaml.part")
    part.write_text(text, encoding="utf-8")
    os.replace(part, path)
