"""`mockai tiktoken-cache [DIR]`: fill DIR (default: mockai's cache folder) with tiktoken's
cached vocabularies (see mockai.tiktoken_cache) and print the line that points tiktoken at it,
so `eval "$(mockai tiktoken-cache)"` makes a shell's client-side token counting offline."""

from __future__ import annotations

import argparse
import shlex
import sys
from pathlib import Path

from mockai.tiktoken_cache import SHA256, VARIABLE, default_dir, populate

NAME = "tiktoken-cache"


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        NAME,
        help="fill a TIKTOKEN_CACHE_DIR from mockai's vocabularies (no download)",
        description=f"Write {' and '.join(SHA256)} where tiktoken looks for them and print "
        f"`export {VARIABLE}=DIR`.",
    )
    parser.add_argument(
        "directory", nargs="?", metavar="DIR", help=f"the cache folder (default: {default_dir()})"
    )


def run(args: argparse.Namespace) -> int:
    directory = Path(args.directory).resolve() if args.directory else default_dir()
    try:
        populate(directory)
    except (OSError, ValueError) as exc:
        print(f"mockai: cannot fill {directory}: {exc}", file=sys.stderr)
        return 1
    print(f"export {VARIABLE}={shlex.quote(str(directory))}")
    return 0
