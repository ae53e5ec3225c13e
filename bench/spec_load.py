"""Loading the OpenAPI description (mockai.openapi): cold (YAML parsed and prepared, the cache
written) and warm (the cached JSON read), each in a fresh interpreter, plus building the
operations index, learning the id prefixes and generating one body per JSON operation.

    python bench/spec_load.py [--quick] [--repeats N]

Every case runs in its own `python -c` with `XDG_CACHE_HOME` pointing at a temp folder (empty for
the cold case, filled for the warm one), timed inside that interpreter with perf_counter around
the call alone, so interpreter start and imports are not counted (the first generated body
imports Faker, counted in the mean); median of the repeats.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

try:
    from bench.common import ROOT, Row
except ImportError:  # run as `python bench/spec_load.py`
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from common import ROOT, Row

PROBE = r"""
import json, time
from mockai.openapi import document, generate, idshapes, operations
t0 = time.perf_counter()
document.document()
t1 = time.perf_counter()
ops = operations.operations()
t2 = time.perf_counter()
idshapes.learned()
t3 = time.perf_counter()
made = [generate.body(o, seed=1) for o in ops.values() if o.success.json]
t4 = time.perf_counter()
print(json.dumps({"load": t1 - t0, "index": t2 - t1, "learn": t3 - t2,
                  "generate": (t4 - t3) / len(made), "bodies": len(made)}))
"""


def _probe(cache: str) -> dict:
    env = {**os.environ, "XDG_CACHE_HOME": cache, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout)


def measure(repeats: int) -> dict[str, list[dict]]:
    cold, warm = [], []
    for _ in range(repeats):
        with tempfile.TemporaryDirectory() as cache:
            cold.append(_probe(cache))
            warm.append(_probe(cache))
    return {"cold": cold, "warm": warm}


def run(quick: bool = False, repeats: int | None = None) -> list[Row]:
    data = measure(repeats or (2 if quick else 5))

    def median(case: str, key: str) -> float:
        return round(statistics.median(r[key] for r in data[case]) * 1000, 1)

    bodies = data["warm"][0]["bodies"]
    return [
        Row(
            "OpenAPI description: cold load (parse, prepare, cache)",
            median("cold", "load"),
            "ms",
            better="lower",
            note="YAML parsed with libyaml, prepared, written as JSON to the cache folder",
        ),
        Row(
            "OpenAPI description: cached load",
            median("warm", "load"),
            "ms",
            target=100,
            better="lower",
            note="the YAML's digest, then one orjson read of the prepared JSON",
        ),
        Row("OpenAPI operations index (288)", median("warm", "index"), "ms", better="lower"),
        Row("OpenAPI id prefixes learned from examples", median("warm", "learn"), "ms"),
        Row(
            "OpenAPI generated body, mean per operation",
            median("warm", "generate"),
            "ms",
            better="lower",
            note=f"one body for each of the {bodies} operations with a JSON success response",
        ),
    ]


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--repeats", type=int)
    args = parser.parse_args()
    for row in run(args.quick, args.repeats):
        print(f"{row.name:55} {row.value:8.1f} {row.unit}  {row.note}")
