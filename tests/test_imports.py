"""Every module of the package imports on its own, first, in a fresh interpreter.

An import cycle can hide behind whichever entry point happens to import a package first: once
`import mockai.faults` failed half-way in a fresh interpreter (the scenario engine imported
faults, which imported the scenario schema through the scenarios package's `__init__`), and so
did 20 other modules, while every entry point in use worked.
"""

from __future__ import annotations

import subprocess
import sys

# One interpreter for all modules (fast): before each import, every mockai module already
# loaded is forgotten, so each is imported first, as if alone; third-party modules stay loaded,
# which a cycle inside mockai does not depend on.
CHECK = r"""
import importlib, pkgutil, sys
import mockai
names = ["mockai"] + [m.name for m in pkgutil.walk_packages(mockai.__path__, "mockai.")
                      if not m.name.endswith("__main__")]
failed = []
for name in names:
    for loaded in [k for k in sys.modules if k == "mockai" or k.startswith("mockai.")]:
        del sys.modules[loaded]
    try:
        importlib.import_module(name)
    except Exception as exc:
        failed.append(f"{name}: {type(exc).__name__}: {exc}")
print(len(names))
print("\n".join(failed))
"""


def test_every_module_imports_alone():
    done = subprocess.run(
        [sys.executable, "-c", CHECK], capture_output=True, text=True, timeout=120, check=True
    )
    count, *failed = done.stdout.strip().split("\n")
    assert int(count) > 100, done.stdout  # the walk found the package's modules at all
    assert [line for line in failed if line] == []


def test_faults_import_first_in_a_fresh_interpreter():
    """The exact way the cycle showed: `python -c "import mockai.faults"`."""
    done = subprocess.run(
        [sys.executable, "-c", "import mockai.faults"], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
