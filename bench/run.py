"""`make bench`: every benchmark, one table, one JSON file under bench/results/.

    python bench/run.py [--quick] [--only throughput,streams,...]  (the names in SUITES)

Each figure is shown with its target and, where there is one, its ratio to the bare aiohttp
baseline measured in the same run.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import platform
import sys
import time

from common import HERE, Row

SUITES = ("throughput", "streams", "startup", "tokens", "spec_load", "realtime_audio", "realtime")


def machine() -> dict:
    model = next(
        (
            line.split(":", 1)[1].strip()
            for line in open("/proc/cpuinfo")
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    from importlib.util import find_spec

    loop = "uvloop" if find_spec("uvloop") is not None else "asyncio"
    return {
        "platform": platform.platform(),
        "cpu": model,
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "event_loop": loop,
    }


def table(rows: list[Row]) -> str:
    lines = [f"{'figure':52} {'value':>12} {'unit':8} {'target':>10} {'ratio':>6}  met"]
    for row in rows:
        target = (
            "" if row.target is None else f"{'≥' if row.better == 'higher' else '≤'}{row.target:g}"
        )
        ratio = "" if row.ratio is None else f"{row.ratio:.2f}"
        met = {True: "yes", False: "NO", None: ""}[row.met]
        lines.append(
            f"{row.name:52} {row.value:12,.1f} {row.unit:8} {target:>10} {ratio:>6}  {met}"
        )
        if row.note:
            lines.append(f"{'':52}   {row.note}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="short runs, for a smoke test")
    parser.add_argument("--only", default=",".join(SUITES))
    args = parser.parse_args()
    rows: list[Row] = []
    for name in args.only.split(","):
        print(f"running {name} ...", file=sys.stderr, flush=True)
        rows.extend(importlib.import_module(name).run(args.quick))
    print(table(rows))
    stamp = time.strftime("%Y%m%d-%H%M%S")
    out = HERE / "results" / f"bench-{stamp}.json"
    out.write_text(
        json.dumps(
            {
                "time": stamp,
                "quick": args.quick,
                "machine": machine(),
                "figures": [row.as_dict() for row in rows],
            },
            indent=2,
        )
        + "\n"
    )
    print(f"written {out.relative_to(HERE.parent)}")


if __name__ == "__main__":
    main()
