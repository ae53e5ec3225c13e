"""`mockai init [DIR]`: a starter project, ready for `mockai validate` and `mockai serve`.

It writes `mockai.yaml`, a few commented scenarios under `scenarios/` and the JSON Schemas
under `.mockai/`, out of the folder mockai loads scenarios from. Each YAML file names its schema
in its first line (`# yaml-language-server: $schema=...`), the line the YAML language server
reads (VS Code, Neovim, JetBrains...), so editors complete and check it. Existing files are
never overwritten without `--force`.
"""

from __future__ import annotations

import argparse
import shlex
import sys
from importlib.resources import files
from pathlib import Path

from mockai.schema_command import CONFIG_FILE, SCENARIO_FILE, SHIPPED

NAME = "init"
STARTER = files("mockai") / "starter"
SCHEMA_FOLDER = ".mockai"
REFUSED = 2  # the command line's usage error: nothing was written


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        NAME,
        help="write a starter project: mockai.yaml, scenarios/ and editor schemas",
        description="Write mockai.yaml, example scenarios under scenarios/ and the JSON Schemas "
        f"editors use under {SCHEMA_FOLDER}/ into DIR.",
    )
    parser.add_argument("directory", nargs="?", default=".", metavar="DIR", help="default: .")
    parser.add_argument("--force", action="store_true", help="overwrite files that exist")


def starter_files() -> dict[str, bytes]:
    """Each file `init` writes: its path in the project and its content."""
    scenarios = sorted(STARTER.joinpath("scenarios").iterdir(), key=lambda f: f.name)
    sources = {
        "mockai.yaml": STARTER / "mockai.yaml",
        **{f"scenarios/{f.name}": f for f in scenarios if f.name.endswith(".yaml")},
        f"{SCHEMA_FOLDER}/{SCENARIO_FILE}": SHIPPED / SCENARIO_FILE,
        f"{SCHEMA_FOLDER}/{CONFIG_FILE}": SHIPPED / CONFIG_FILE,
    }
    return {name: source.read_bytes() for name, source in sources.items()}


def run(args: argparse.Namespace) -> int:
    root = Path(args.directory)
    wanted = starter_files()
    if not args.force:
        existing = [root / name for name in wanted if (root / name).exists()]
        if existing:
            print(f"mockai: {existing[0]} exists; use --force to overwrite", file=sys.stderr)
            return REFUSED
    try:
        for name, content in wanted.items():
            target = root / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
            print(f"wrote {target}")
    except OSError as exc:
        print(f"mockai: cannot write into {root}: {exc.strerror}", file=sys.stderr)
        return 1
    steps = [] if root == Path(".") else [f"cd {shlex.quote(str(root))}"]
    steps += [
        "mockai validate    # checks mockai.yaml and scenarios/",
        "mockai serve       # answers on http://127.0.0.1:8000/v1",
    ]
    print("\nnext:\n" + "\n".join(f"  {step}" for step in steps))
    return 0
