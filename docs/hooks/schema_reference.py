"""MkDocs hook: a page's `<!-- schema-reference: PATH -->` marker becomes a reference of the
JSON Schema at PATH (relative to mkdocs.yml): a table of fields per object, with readable types
linking to the other objects. Registered with `hooks:` in mkdocs.yml; `render` is tested alone
(tests/test_docs.py)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

MARKER = re.compile(r"<!-- schema-reference: (\S+) -->")
BOUNDS = (("minimum", "≥"), ("exclusiveMinimum", ">"), ("maximum", "≤"), ("exclusiveMaximum", "<"))


def anchor(name: str) -> str:
    return "schema-" + re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def _ref_name(ref: str) -> str:
    return ref.rsplit("/", 1)[-1]


def _code(value: Any) -> str:
    return f"`{json.dumps(value, ensure_ascii=False)}`"


def type_of(schema: dict[str, Any]) -> str:
    """A readable type: `string`, `integer ≥ 0`, `list of [Step](#...)`, `Regex | string`."""
    if "$ref" in schema:
        name = _ref_name(schema["$ref"])
        return f"[{name}](#{anchor(name)})"
    for key in ("anyOf", "oneOf"):
        if key in schema:
            parts = [type_of(s) for s in schema[key] if s.get("type") != "null"]
            return " \\| ".join(dict.fromkeys(parts)) or "null"
    if "const" in schema:
        return _code(schema["const"])
    if "enum" in schema:
        return " \\| ".join(_code(v) for v in schema["enum"] if v is not None)
    kind = schema.get("type")
    if isinstance(kind, list):
        return " \\| ".join(type_of({**schema, "type": k}) for k in kind if k != "null")
    if kind == "array":
        items = schema.get("items")
        text = f"list of {type_of(items)}" if isinstance(items, dict) else "list"
        if "minItems" in schema:
            text += f" (at least {schema['minItems']})"
        return text
    if kind == "object":
        values = schema.get("additionalProperties")
        if isinstance(values, dict) and values:
            return f"map of string to {type_of(values)}"
        return "object"
    if kind in ("integer", "number"):
        bounds = [f"{sign} {schema[key]}" for key, sign in BOUNDS if key in schema]
        return " ".join([kind, ", ".join(bounds)]) if bounds else kind
    if kind == "string":
        notes = []
        if schema.get("minLength") == 1:
            notes.append("not empty")
        elif "minLength" in schema:
            notes.append(f"at least {schema['minLength']} characters")
        if "pattern" in schema:
            notes.append(f"matching `{schema['pattern']}`")
        return f"string ({', '.join(notes)})" if notes else "string"
    return kind or "any"


def _cell(text: str) -> str:
    return " ".join(text.split())


def _description(schema: dict[str, Any]) -> str:
    text = schema.get("description", "")
    if "default" in schema and schema["default"] is not None:
        text = f"{text} Default: {_code(schema['default'])}.".strip()
    return _cell(text)


def _refs(schema: Any) -> list[str]:
    """The definitions a schema names, in the order it names them."""
    if isinstance(schema, dict):
        own = [_ref_name(schema["$ref"])] if "$ref" in schema else []
        return own + [n for key, v in schema.items() if key != "$defs" for n in _refs(v)]
    if isinstance(schema, list):
        return [n for v in schema for n in _refs(v)]
    return []


def _definitions(schema: dict[str, Any]) -> list[str]:
    """Every definition, those the root reaches first, each after the one that names it."""
    defs = schema.get("$defs", {})
    order: list[str] = []
    queue = _refs(schema)
    while queue:
        name = queue.pop(0)
        if name in defs and name not in order:
            order.append(name)
            queue += _refs(defs[name])
    return order + [name for name in defs if name not in order]


def render(schema: dict[str, Any], level: int = 2) -> str:
    hashes = "#" * level
    lines: list[str] = []
    if "properties" not in schema and ("anyOf" in schema or "$ref" in schema):
        lines += [f"A file holds: {type_of(schema)}.", ""]
    objects = [(schema.get("title", "Root"), schema)] if "properties" in schema else []
    objects += [(name, schema["$defs"][name]) for name in _definitions(schema)]
    for name, obj in objects:
        lines += [f"{hashes} {name} {{ #{anchor(name)} }}", ""]
        if obj.get("description"):
            lines += [_cell(obj["description"]), ""]
        if "properties" not in obj:
            lines += [f"Type: {type_of(obj)}.", ""]
            continue
        required = set(obj.get("required", []))
        lines += ["| Field | Type | Required | Description |", "| --- | --- | --- | --- |"]
        for field, prop in obj["properties"].items():
            yes = "yes" if field in required else ""
            lines.append(f"| `{field}` | {type_of(prop)} | {yes} | {_description(prop)} |")
        lines.append("")
    return "\n".join(lines)


def expand(markdown: str, root: Path) -> str:
    """Every marker replaced by the reference of the schema it names."""

    def one(match: re.Match[str]) -> str:
        path = root / match.group(1)
        if not path.is_file():
            raise FileNotFoundError(
                f"schema reference: {match.group(1)} is missing (it is generated from the "
                "pydantic models; the docs cannot be built without it)"
            )
        return render(json.loads(path.read_text(encoding="utf-8")))

    return MARKER.sub(one, markdown)


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    from mkdocs.exceptions import PluginError

    try:
        return expand(markdown, Path(config.config_file_path).parent)
    except FileNotFoundError as problem:
        raise PluginError(f"{page.file.src_uri}: {problem}") from problem
