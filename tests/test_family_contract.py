"""Every endpoint family keeps the written contract (docs/endpoints/families.md), as far as a
parser can check it: its `__init__` declares non-empty `ROUTES` and imports nothing but
`mockai.endpoints.Route`, every module starts with a docstring whose first line says what it
holds, and the handler modules its routes name define no pydantic models (those live in the
family's `request.py`)."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

from mockai.endpoints import GENERIC, Route, declared_routes

ROOT = Path(__file__).resolve().parents[1]
ENDPOINTS = ROOT / "mockai" / "endpoints"
FAMILIES = sorted(p.name for p in ENDPOINTS.iterdir() if (p / "__init__.py").is_file())
# Modules whose role the contract defines; any other module must say its own in its docstring.
STANDARD = {"__init__", "handlers", "request", "render", "state"}
# The one generic wording a handler module may open with; no other module may.
HANDLERS_BOILERPLATE = "The handlers of this family's `ROUTES`"


def _where(path: Path) -> str:
    return str(path.relative_to(ROOT))


def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _routes(family: str) -> list[Route]:
    """The family's routes; the spec-driven family's are every operation no other declares
    (added by mockai.endpoints), so they are read from there."""
    module = f"mockai.endpoints.{family}"
    if module == GENERIC:
        return [route for owner, route in declared_routes() if owner == GENERIC]
    return list(getattr(importlib.import_module(module), "ROUTES", []))


def _handler_modules(family: str) -> set[str]:
    return {route.handler.rpartition(".")[0] for route in _routes(family)}


def _modules(family: str) -> list[Path]:
    return sorted((ENDPOINTS / family).glob("*.py"))


def test_the_families_were_found() -> None:
    assert len(FAMILIES) >= 10, FAMILIES


@pytest.mark.parametrize("family", FAMILIES)
def test_init_imports_only_route_and_declares_routes(family: str) -> None:
    path = ENDPOINTS / family / "__init__.py"
    tree = _tree(path)
    assert ast.get_docstring(tree), f"{_where(path)}: no docstring saying what the family serves"
    imports = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imports += [f"import {alias.name}" for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module != "__future__":
            names = sorted(alias.name for alias in node.names)
            if node.level or node.module != "mockai.endpoints" or names != ["Route"]:
                imports.append(f"from {'.' * node.level}{node.module} import {', '.join(names)}")
    assert imports == [], f"{_where(path)} imports more than mockai.endpoints.Route: {imports}"
    routes = _routes(family)
    assert routes, f"{_where(path)}: ROUTES is missing or empty"
    assert all(isinstance(r, Route) for r in routes), f"{_where(path)}: ROUTES holds non-Routes"


@pytest.mark.parametrize("family", FAMILIES)
def test_every_module_opens_with_its_role(family: str) -> None:
    handlers = _handler_modules(family)
    problems = []
    for path in _modules(family):
        docstring = ast.get_docstring(_tree(path), clean=False)
        first = docstring.split("\n", 1)[0].strip() if docstring else ""
        if not docstring:
            problems.append(f"{_where(path)}: no module docstring")
        elif not first:
            problems.append(f"{_where(path)}: the docstring's first line is empty (say its role)")
        elif path.stem not in STANDARD | handlers and first.startswith(HANDLERS_BOILERPLATE):
            problems.append(
                f"{_where(path)} is no handler module: its first docstring line should say "
                "which piece of the family it holds"
            )
    assert problems == [], "\n".join(problems)


def _model_classes(tree: ast.Module) -> list[str]:
    """Classes whose bases name `BaseModel`, a name ending in `Model`, or a class found so
    earlier in the same module."""
    found: list[str] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.ClassDef):
            continue
        for base in node.bases:
            name = base.id if isinstance(base, ast.Name) else getattr(base, "attr", "")
            if name == "BaseModel" or name.endswith("Model") or name in found:
                found.append(node.name)
                break
    return found


@pytest.mark.parametrize("family", FAMILIES)
def test_handler_modules_define_no_request_models(family: str) -> None:
    problems = []
    for module in sorted(_handler_modules(family)):
        path = ENDPOINTS / family / f"{module}.py"
        models = _model_classes(_tree(path))
        if models:
            problems.append(
                f"{_where(path)} is a handler module (named in ROUTES) but defines pydantic "
                f"models {models}: move them to {_where(path.with_name('request.py'))}"
            )
    assert problems == [], "\n".join(problems)
