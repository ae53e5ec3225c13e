"""The official OpenAPI description and real recorded streams, shipped with the package.

See README.md beside this file for where they come from. Code reads them through these paths,
never through a path outside the package, so an installed mockai and a lone clone both work.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["OPENAPI_PATH", "OPERATIONS_PATH", "STREAMS_DIR"]

_HERE = Path(__file__).resolve().parent

OPENAPI_PATH: Path = _HERE / "openapi.yaml"
"""The OpenAPI 3.1 description of the OpenAI API (2026-08-21 edition, 288 operations)."""

OPERATIONS_PATH: Path = _HERE / "operations.json"
"""Every operation of that description, `{operationId: "METHOD /path"}`: read in a millisecond,
where parsing the description takes a second (generated from it; a test keeps them in step)."""

STREAMS_DIR: Path = _HERE / "streams"
"""Verbatim server-sent-event bodies recorded from the real API (`*.sse`)."""
