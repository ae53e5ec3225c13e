"""How the models' chat format counts in tokens, for every endpoint that sends messages.

Each message costs 3 tokens of framing plus its role and content (+1 with a name), the reply
is primed with 3 more, and offered functions are rendered into the system prompt the way the
API does internally (a TypeScript-like namespace). Chat completions and Responses both count
their prompts this way.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Protocol

import orjson

TOKENS_PER_MESSAGE = 3
TOKENS_PER_NAME = 1
REPLY_PRIMING = 3


class Function(Protocol):
    """An offered function, as a chat or Responses request describes it."""

    @property
    def name(self) -> str: ...

    @property
    def description(self) -> str | None: ...

    @property
    def parameters(self) -> dict[str, Any] | None: ...


_TS_TYPES = {"integer": "number", "number": "number", "boolean": "boolean", "null": "null"}


def _ts_type(schema: dict[str, Any]) -> str:
    if "enum" in schema:
        return " | ".join(orjson.dumps(v).decode() for v in schema["enum"])
    kind = schema.get("type")
    if isinstance(kind, list):  # `["string", "null"]`: JSON Schema's nullable form
        return " | ".join(_ts_type({**schema, "type": one}) for one in kind)
    if kind == "array":
        return f"{_ts_type(schema.get('items', {}))}[]"
    if kind == "object":
        return "object"
    return _TS_TYPES.get(kind, "string") if isinstance(kind, str) else "string"


def render_functions(functions: Iterable[Function]) -> str:
    """The offered functions as the model sees them in its system prompt."""
    lines = ["# Tools", "", "## functions", "", "namespace functions {", ""]
    for function in functions:
        if function.description:
            lines.append(f"// {function.description}")
        params = (function.parameters or {}).get("properties") or {}
        if params:
            required = set((function.parameters or {}).get("required", []))
            lines.append(f"type {function.name} = (_: {{")
            for name, schema in params.items():
                if schema.get("description"):
                    lines.append(f"// {schema['description']}")
                optional = "" if name in required else "?"
                lines.append(f"{name}{optional}: {_ts_type(schema)},")
            lines.append("}) => any;")
        else:
            lines.append(f"type {function.name} = () => any;")
        lines.append("")
    lines.append("} // namespace functions")
    return "\n".join(lines)
