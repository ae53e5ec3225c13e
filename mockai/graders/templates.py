"""Grader templates: `{{ item.x }}` and `{{ sample.output_text }}` replaced by their values.

As the graders guide describes: any `{{ }}` holds a namespace and a variable, the only
namespaces are `item` (the dataset row) and `sample` (the model's output: `output_text`,
`output_json` when the sample is JSON, `output_tools`, `choices`), and nested values are read
with a JSON-path-like syntax (`{{ sample.output_tools[0].function.name }}`). A string value is
put as it is, any other value as JSON.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import orjson

NAMESPACES = ("item", "sample")
_TAG = re.compile(r"\{\{(.*?)\}\}", re.DOTALL)
_STEP = re.compile(r"\.([^.\[\]\s]+)|\[(\d+)\]")
_NAMESPACE = re.compile(r"[A-Za-z_]\w*")


class TemplateError(ValueError):
    """A tag that is no `namespace.variable` of a known namespace (a definition's error)."""


class MissingVariable(LookupError):
    """A variable the item or sample does not have (`invalid_variable_error` when run)."""


class NoOutputJson(LookupError):
    """`sample.output_json` read from a sample that is not JSON (`sample_parse_error`)."""


@dataclass(frozen=True)
class Path:
    namespace: str
    steps: tuple[str | int, ...]


@dataclass
class Context:
    """What templates read: the dataset item and the sample (`sample_of` builds one from a
    model's text)."""

    item: Any = field(default_factory=dict)
    sample: Mapping[str, Any] = field(default_factory=dict)


def sample_of(text: str) -> dict[str, Any]:
    """The sample namespace for a model's output text: `output_json` only when it is JSON."""
    sample: dict[str, Any] = {"output_text": text, "output_tools": [], "choices": []}
    try:
        sample["output_json"] = orjson.loads(text)
    except orjson.JSONDecodeError:
        pass
    return sample


def _path(tag: str) -> Path:
    text = tag.strip()
    head = _NAMESPACE.match(text)
    if head is None or head.group() not in NAMESPACES:
        raise TemplateError(
            f"Invalid template '{{{{{tag}}}}}': the namespace must be one of "
            f"{', '.join(NAMESPACES)}."
        )
    steps: list[str | int] = []
    at = head.end()
    while at < len(text):
        step = _STEP.match(text, at)
        if step is None:
            raise TemplateError(f"Invalid template '{{{{{tag}}}}}': cannot parse the variable.")
        steps.append(step.group(1) if step.group(1) is not None else int(step.group(2)))
        at = step.end()
    if not steps:
        raise TemplateError(f"Invalid template '{{{{{tag}}}}}': no variable is named.")
    return Path(head.group(), tuple(steps))


def check(text: str) -> None:
    """Raise `TemplateError` for a tag `render` could never read."""
    for tag in _TAG.findall(text):
        _path(tag)


def value_at(path: Path, context: Context) -> Any:
    node: Any = context.item if path.namespace == "item" else context.sample
    for index, step in enumerate(path.steps):
        if path.namespace == "sample" and index == 0 and step == "output_json":
            if "output_json" not in context.sample:
                raise NoOutputJson(path)
        if isinstance(step, int) and isinstance(node, list) and step < len(node):
            node = node[step]
        elif isinstance(step, str) and isinstance(node, Mapping) and step in node:
            node = node[step]
        else:
            raise MissingVariable(path)
    return node


def _shown(value: Any) -> str:
    return value if isinstance(value, str) else orjson.dumps(value).decode()


def render(text: str, context: Context) -> str:
    """`text` with every tag replaced (raises `MissingVariable`, `NoOutputJson`)."""
    return _TAG.sub(lambda tag: _shown(value_at(_path(tag.group(1)), context)), text)
