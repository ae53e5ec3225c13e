"""The coverage table of the endpoints page (docs/endpoints/index.md): every operation of the
shipped description by tag, and how mockai answers it (a hand-built family, or the spec-driven one).

`python scripts/coverage_table.py` prints the table; `--write` replaces it in the page between its
markers. tests/test_coverage_table.py checks that the page's copy is current.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from mockai.endpoints import GENERIC, declared_routes
from mockai.openapi.operations import operations
from mockai.scenarios.endpoints import route_shape

PAGE = Path(__file__).resolve().parents[1] / "docs" / "endpoints" / "index.md"
BEGIN = "<!-- coverage table: python scripts/coverage_table.py --write -->"
END = "<!-- end of coverage table -->"


def table() -> str:
    owner = {route_shape(f"{r.method} {r.path}"): family for family, r in declared_routes()}
    hand: Counter[str] = Counter()
    spec: Counter[str] = Counter()
    for op in operations().values():
        tag = op.tags[0] if op.tags else "Other"
        family = owner.get(route_shape(f"{op.method.upper()} {op.route}"))
        if family is None:
            raise SystemExit(f"{op.operation_id}: no route answers it")
        (spec if family == GENERIC else hand)[tag] += 1
    rows = ["| Tag | Operations | Hand-built | Spec-driven |", "| --- | ---: | ---: | ---: |"]
    for tag in sorted(set(hand) | set(spec)):
        rows.append(f"| {tag} | {hand[tag] + spec[tag]} | {hand[tag]} | {spec[tag]} |")
    total_hand, total_spec = sum(hand.values()), sum(spec.values())
    rows.append(
        f"| **All** | **{total_hand + total_spec}** | **{total_hand}** | **{total_spec}** |"
    )
    return "\n".join(rows)


def in_page(text: str) -> str:
    return text.split(BEGIN, 1)[1].split(END, 1)[0].strip()


def main() -> None:
    current = table()
    if "--write" in sys.argv:
        text = PAGE.read_text(encoding="utf-8")
        head, rest = text.split(BEGIN, 1)
        PAGE.write_text(f"{head}{BEGIN}\n{current}\n{END}{rest.split(END, 1)[1]}", encoding="utf-8")
    else:
        print(current)


if __name__ == "__main__":
    main()
