"""`--mockai-tiktoken-cache` / ini `mockai_tiktoken_cache = true | DIR`: before the tests run,
fill a tiktoken cache from mockai's vocabularies (see mockai.tiktoken_cache) and point
`TIKTOKEN_CACHE_DIR` at it for the session, so code under test that counts tokens with
tiktoken itself (LangChain's embeddings, LiteLLM) downloads nothing.

The flag is a switch: a value after it would swallow the test paths that follow
(`pytest --mockai-tiktoken-cache tests/`). The folder is the ini key's (relative to the ini
file; `-o mockai_tiktoken_cache=DIR` on the command line), else mockai's own cache folder.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from mockai.tiktoken_cache import VARIABLE, default_dir, populate

KEY = "mockai_tiktoken_cache"
FLAG = "--mockai-tiktoken-cache"
HELP = (
    f"set {VARIABLE} for the session to a tiktoken cache filled from mockai's "
    f"vocabularies (ini: true, or the folder)"
)
OFF = ("", "false", "no", "off", "0")
ON = ("true", "yes", "on", "1")


def add_option(parser: pytest.Parser) -> None:
    parser.getgroup("mockai").addoption(FLAG, action="store_true", dest=KEY, help=HELP)
    parser.addini(KEY, HELP, type="string", default="")


def cache_folder(config: pytest.Config) -> Path | None:
    """The folder to fill, or None when the session did not ask for one."""
    value = config.getini(KEY).strip()
    if value.lower() in OFF and not config.getoption(KEY):
        return None
    if value.lower() in OFF + ON:
        return default_dir()
    base = config.inipath.parent if config.inipath else config.invocation_params.dir
    return base / value


def configure(config: pytest.Config) -> None:
    folder = cache_folder(config)
    if folder is None:
        return
    try:
        populate(folder)
    except (OSError, ValueError) as exc:
        raise pytest.UsageError(f"{KEY}: cannot fill {folder}: {exc}") from exc
    previous = os.environ.get(VARIABLE)
    os.environ[VARIABLE] = str(folder)
    config.add_cleanup(lambda: _restore(previous))


def _restore(previous: str | None) -> None:
    if previous is None:
        os.environ.pop(VARIABLE, None)
    else:
        os.environ[VARIABLE] = previous
