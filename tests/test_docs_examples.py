"""The documentation's whole-program examples run as printed, against a real mockai server: the
Realtime one (its base URL pointed at the test's server) prints the answer's text."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

DOCS = Path(__file__).resolve().parents[1] / "docs"
MARK = "# With `make run` (or `mockai serve`) listening on port 8000:"


def _programs() -> list[str]:
    blocks = [
        block
        for page in sorted(DOCS.rglob("*.md"))
        for block in re.findall(r"```python\n(.*?)```", page.read_text(encoding="utf-8"), re.S)
    ]
    return [block for block in blocks if block.startswith(MARK)]


def test_the_realtime_example_runs(mockai):
    mockai.add_scenario(
        {"name": "docs", "match": {"endpoint": "realtime"}, "reply": {"content": "Hello!"}}
    )
    (program,) = [p for p in _programs() if "client.realtime.connect" in p]
    pointed = program.replace("http://127.0.0.1:8000/v1", mockai.url).replace(
        'api_key="sk-test"', f'api_key="sk-test", default_headers={mockai.headers!r}'
    )
    assert pointed != program
    done = subprocess.run(
        [sys.executable, "-c", pointed], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "Hello!"
