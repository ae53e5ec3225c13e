"""Reload scenario files when they change; a broken edit keeps the last good set serving.

Whatever goes wrong in one reload (invalid files, or anything else the loader raises) is
logged and the watcher goes on: it must still pick up the edit that fixes it.
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

from mockai.scenarios import EndpointNames, ScenarioProblems, load
from mockai.scenarios.engine import ScenarioEngine
from mockai.scenarios.loader import scenario_files

log = logging.getLogger("mockai.scenarios")


def _snapshot(paths: list[Path]) -> dict[Path, tuple[float, int]]:
    files, _ = scenario_files(paths)
    out = {}
    for file in files:
        try:
            stat = file.stat()
        except OSError:
            continue
        out[file] = (stat.st_mtime, stat.st_size)
    return out


async def watch(
    paths: list[Path], names: EndpointNames, engine: ScenarioEngine, interval: float = 0.5
) -> None:
    """Poll (cheap, portable, no extra dependency) and reload in a worker thread."""
    seen = await asyncio.to_thread(_snapshot, paths)
    while True:
        await asyncio.sleep(interval)
        try:
            current = await asyncio.to_thread(_snapshot, paths)
            if current == seen:
                continue
            seen = current
            scenarios = await asyncio.to_thread(load, paths, names)
        except ScenarioProblems as exc:
            log.warning(
                "scenario change refused, still serving the last good set:\n%s",
                "\n".join(exc.problems),
            )
            continue
        except Exception:  # noqa: BLE001 - a loader bug must not end the watching
            log.exception("scenario reload failed, still serving the last good set")
            continue
        engine.replace_files(scenarios)
        log.info("scenarios reloaded: %d loaded", len(scenarios))
