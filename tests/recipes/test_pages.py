"""The recipe pages (docs/recipes/*.md) include the tested files, not copies: every snippet they
include exists, and every recipe file is included by a page."""

from __future__ import annotations

import re

from recipes_support import RECIPES

ROOT = RECIPES.parents[1]
INCLUDE = re.compile(r'^--8<-- "([^"]+)"$', re.MULTILINE)


def test_pages_include_every_recipe_and_only_existing_files():
    included = {
        name
        for page in (ROOT / "docs" / "recipes").glob("*.md")
        for name in INCLUDE.findall(page.read_text())
    }
    assert included, "no page includes a recipe"
    missing = sorted(name for name in included if not (ROOT / name).is_file())
    assert missing == []
    recipes = {
        path.relative_to(ROOT).as_posix()
        for pattern in ("*.py", "*.yaml", "node/*.mjs")
        for path in RECIPES.glob(pattern)
    }
    assert sorted(recipes - included) == []
