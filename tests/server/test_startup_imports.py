"""What a start imports: an endpoint family's handlers only on the family's first request, so
`mockai serve` does not pay for the families a run never calls, and nothing of the OpenAPI
engine's validation (jsonschema, ~30 ms) until a request needs it. Checked in a fresh
interpreter (this one has long imported everything)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import asyncio, json, sys
from aiohttp.test_utils import TestClient, TestServer
from mockai.config import Settings
from mockai.server.app import create_app

def loaded():
    return sorted(m for m in sys.modules if m.startswith("mockai.endpoints."))

app = create_app(Settings(port=0, watch=False, quiet=True))
at_start = loaded()

async def first_request():
    async with TestClient(TestServer(app)) as client:
        response = await client.get("/v1/models", headers={"Authorization": "Bearer sk-test"})
        assert response.status == 200, await response.text()

asyncio.run(first_request())
print(json.dumps({
    "at_start": at_start,
    "after": loaded(),
    "validation": sorted(m for m in ("jsonschema", "mockai.openapi.check") if m in sys.modules),
}))
"""


def test_a_family_is_imported_on_its_first_request():
    done = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert done.returncode == 0, done.stderr
    modules = json.loads(done.stdout)
    families = {
        p.name
        for p in (ROOT / "mockai" / "endpoints").iterdir()
        if p.is_dir() and (p / "__init__.py").exists()
    }
    assert set(modules["at_start"]) == {f"mockai.endpoints.{f}" for f in families}
    assert set(modules["after"]) - set(modules["at_start"]) == {
        "mockai.endpoints.models.handlers",
        "mockai.endpoints.models.state",
    }
    assert modules["validation"] == []
