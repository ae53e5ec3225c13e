"""Look-up of the models mockai knows: the catalog, config-defined ones, fine-tuned ids.

Requests name aliases (`gpt-4o`); responses name the dated snapshot that served them
(`gpt-4o-2024-08-06`), as the real API does. Fine-tuned ids (`ft:BASE:org::id`) inherit
their base model. A config file can add or override entries (`models:` in mockai.yaml).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import fields, replace
from typing import Any

from mockai.config import SettingError
from mockai.errors import model_not_found
from mockai.models.model import BUILTIN, KINDS, Model
from mockai.tokenizer import ENCODINGS

# What a config entry's known fields must be (a bool is not a number, whatever Python says).
_PYTHON_TYPES: dict[str, type[Any]] = {"str": str, "int": int, "bool": bool}
_FIELD_TYPES = {
    f.name: f.type
    for f in fields(Model)
    if f.type in _PYTHON_TYPES and f.name not in ("generic", "default_effort")
}
_CHOICES = {"kind": KINDS, "encoding": ENCODINGS}
_ABOUT = {
    "id": "The model id requests name.",
    "base": "A catalog model whose facts this one starts from; default: a generic chat model.",
    "kind": "What it does, which decides the endpoints that serve it.",
    "context_window": "Input plus output tokens it takes.",
    "max_output_tokens": "The most output tokens a reply may have.",
    "encoding": "The tokenizer counting its tokens.",
    "reasoning": "A reasoning model (reasoning tokens, `reasoning_effort`).",
    "created": "The `created` time /v1/models lists (Unix seconds).",
    "owned_by": "The `owned_by` /v1/models lists.",
    "audio_required": "Wants audio in or out, as the audio chat models.",
    "tools": "Accepts tools.",
    "checked": "false: no endpoint, effort or parameter check of this model applies.",
}
_JSON_TYPES: dict[str, dict[str, Any]] = {
    "str": {"type": "string"},
    "int": {"type": "integer", "minimum": 0},
    "bool": {"type": "boolean"},
}


def entry_schema() -> dict[str, Any]:
    """The JSON Schema of one `models:` entry, as `_checked_entry` checks it; other keys are
    kept as the model's extra facts (`dimensions` of an embedding model)."""
    properties: dict[str, Any] = {"base": {"type": "string"}}
    for name, wanted in _FIELD_TYPES.items():
        choices = _CHOICES.get(name)
        properties[name] = {"enum": list(choices)} if choices else dict(_JSON_TYPES[wanted])
    properties["id"]["minLength"] = 1
    for name, about in _ABOUT.items():
        properties[name]["description"] = about
    return {
        "type": "object",
        "description": "A model to add to the catalog or override; other keys are kept as its "
        "extra facts (e.g. `dimensions` of an embedding model).",
        "required": ["id"],
        "properties": properties,
        "additionalProperties": True,
    }


def _checked_entry(index: int, entry: Any) -> dict[str, Any]:
    if not isinstance(entry, dict) or not isinstance(entry.get("id"), str) or not entry["id"]:
        raise SettingError("models", "expected a mapping with an `id`", within=f"{index}")
    if not isinstance(entry.get("base", ""), str):
        raise SettingError("models", f"{entry['base']!r} is not text", within=f"{index}.base")
    for name, wanted in _FIELD_TYPES.items():
        value = entry.get(name)
        if value is None:
            continue
        choices = _CHOICES.get(name)
        fits = type(value) is _PYTHON_TYPES[wanted] and not (wanted == "int" and value < 0)
        if not fits or choices is not None and value not in choices:
            allowed = f" (one of {', '.join(choices)})" if choices else ""
            raise SettingError(
                "models", f"{value!r} is not a valid {name}{allowed}", within=f"{index}.{name}"
            )
    return dict(entry)


class ModelRegistry:
    """Look-up of models by id, including fine-tuned ids and config-defined ones."""

    def __init__(self, models: Iterable[Model] = BUILTIN) -> None:
        self._models: dict[str, Model] = {m.id: m for m in models}

    def add(self, model: Model) -> None:
        self._models[model.id] = model

    def add_from_config(self, entries: Iterable[dict[str, Any]]) -> None:
        """Config entries: `{id, base?, context_window?, max_output_tokens?, ...}`; one of the
        wrong shape is a SettingError naming it, not a crash on the first request."""
        if not isinstance(entries, list):
            raise SettingError("models", "expected a list of models")
        for index, entry in enumerate(entries):
            entry = _checked_entry(index, entry)
            base = self._models.get(entry.pop("base", ""), Model(entry["id"]))
            known = {k: entry.pop(k) for k in list(entry) if k in _FIELD_TYPES}
            self.add(replace(base, snapshot=None, **known, extra=entry))

    def get(self, model_id: str) -> Model | None:
        found = self._models.get(model_id)
        if found is None and model_id.startswith("ft:"):
            base = self._models.get(model_id.split(":")[1])
            if base is not None:
                found = replace(base, id=model_id, snapshot=None, owned_by="user")
        return found

    def resolve(self, model_id: str, *, lenient: bool = False) -> Model:
        """The model, or the real API's 404. `--lenient` serves unknown ids as a generic
        model, and lets every model through every endpoint, effort and parameter check
        (`checked=False`): only the description's constraints apply there."""
        found = self.get(model_id)
        if found is not None:
            return replace(found, checked=False) if lenient else found
        if lenient:
            return Model(model_id, generic=True, checked=False)
        raise model_not_found(model_id)

    def __iter__(self):
        return iter(self._models.values())
