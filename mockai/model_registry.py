"""The models mockai knows, with the limits and tokenizers of the real ones.

Requests name aliases (`gpt-4o`); responses name the dated snapshot that served them
(`gpt-4o-2024-08-06`), as the real API does. Fine-tuned ids (`ft:BASE:org::id`) inherit
their base model. A config file can add or override entries (`models:` in mockai.yaml).
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from typing import Any, Iterable

from mockai.config import SettingError
from mockai.tokenizer import ENCODINGS

KINDS = ("chat", "completion", "embedding", "image", "audio", "moderation")


@dataclass(frozen=True)
class Model:
    id: str
    kind: str = "chat"  # one of KINDS
    context_window: int = 128_000
    max_output_tokens: int = 16_384
    encoding: str = "o200k_base"
    reasoning: bool = False
    snapshot: str | None = None  # what responses report in `model`
    created: int = 1_700_000_000
    owned_by: str = "system"
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def served_as(self) -> str:
        return self.snapshot or self.id


def _chat(id: str, snapshot: str | None, window: int, out: int, created: int, *,
          encoding: str = "o200k_base", reasoning: bool = False, owned_by: str = "system") -> list[Model]:
    base = Model(id, "chat", window, out, encoding, reasoning, snapshot, created, owned_by)
    models = [base]
    if snapshot and snapshot != id:
        models.append(replace(base, id=snapshot))
    return models


BUILTIN: list[Model] = [
    *_chat("gpt-4o", "gpt-4o-2024-08-06", 128_000, 16_384, 1715367049),
    *_chat("gpt-4o-2024-11-20", None, 128_000, 16_384, 1731975040),
    *_chat("gpt-4o-2024-05-13", None, 128_000, 4_096, 1715368132),
    *_chat("gpt-4o-mini", "gpt-4o-mini-2024-07-18", 128_000, 16_384, 1721172741),
    *_chat("gpt-4.1", "gpt-4.1-2025-04-14", 1_047_576, 32_768, 1744316542),
    *_chat("gpt-4.1-mini", "gpt-4.1-mini-2025-04-14", 1_047_576, 32_768, 1744318173),
    *_chat("gpt-4.1-nano", "gpt-4.1-nano-2025-04-14", 1_047_576, 32_768, 1744321025),
    *_chat("gpt-5", "gpt-5-2025-08-07", 400_000, 128_000, 1754425777, reasoning=True),
    *_chat("gpt-5-mini", "gpt-5-mini-2025-08-07", 400_000, 128_000, 1754425867, reasoning=True),
    *_chat("gpt-5-nano", "gpt-5-nano-2025-08-07", 400_000, 128_000, 1754426303, reasoning=True),
    *_chat("o1", "o1-2024-12-17", 200_000, 100_000, 1734375816, reasoning=True),
    *_chat("o3", "o3-2025-04-16", 200_000, 100_000, 1744225308, reasoning=True),
    *_chat("o3-mini", "o3-mini-2025-01-31", 200_000, 100_000, 1737146383, reasoning=True),
    *_chat("o4-mini", "o4-mini-2025-04-16", 200_000, 100_000, 1744225351, reasoning=True),
    *_chat("gpt-4-turbo", "gpt-4-turbo-2024-04-09", 128_000, 4_096, 1712361441,
           encoding="cl100k_base"),
    *_chat("gpt-4", "gpt-4-0613", 8_192, 8_192, 1687882411, encoding="cl100k_base",
           owned_by="openai"),
    *_chat("gpt-3.5-turbo", "gpt-3.5-turbo-0125", 16_385, 4_096, 1677610602,
           encoding="cl100k_base", owned_by="openai"),
    # 4,097: the window its context-length errors name (the docs round it to 4,096).
    Model("gpt-3.5-turbo-instruct", "completion", 4_097, 4_096, "cl100k_base",
          created=1692901427),
    Model("davinci-002", "completion", 16_384, 16_384, "cl100k_base", created=1692634301),
    Model("babbage-002", "completion", 16_384, 16_384, "cl100k_base", created=1692634615),
    Model("text-embedding-3-small", "embedding", 8_191, 0, "cl100k_base", created=1705948997),
    Model("text-embedding-3-large", "embedding", 8_191, 0, "cl100k_base", created=1705953180),
    Model("text-embedding-ada-002", "embedding", 8_191, 0, "cl100k_base", created=1671217299,
          owned_by="openai-internal"),
    Model("dall-e-2", "image", created=1698798177),
    Model("dall-e-3", "image", created=1698785189),
    Model("gpt-image-1", "image", created=1745517030),
    Model("gpt-image-1-mini", "image", created=1759708800),
    Model("gpt-image-1.5", "image", created=1765843200),
    Model("tts-1", "audio", created=1681940951, owned_by="openai-internal"),
    Model("tts-1-hd", "audio", created=1699046015),
    Model("gpt-4o-mini-tts", "audio", created=1742403959),
    Model("whisper-1", "audio", created=1677532384, owned_by="openai-internal"),
    Model("gpt-4o-transcribe", "audio", created=1742068463),
    Model("gpt-4o-mini-transcribe", "audio", created=1742068596),
    Model("omni-moderation-latest", "moderation", created=1731689265),
    Model("text-moderation-latest", "moderation", created=1669248000),
]


# What a config entry's known fields must be (a bool is not a number, whatever Python says).
_FIELD_TYPES = {f.name: f.type for f in fields(Model) if f.name not in ("snapshot", "extra")}
_PYTHON_TYPES = {"str": str, "int": int, "bool": bool}
_CHOICES = {"kind": KINDS, "encoding": ENCODINGS}


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
            raise SettingError("models", f"{value!r} is not a valid {name}{allowed}",
                               within=f"{index}.{name}")
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
            known = {k: entry.pop(k) for k in list(entry) if k in Model.__dataclass_fields__}
            self.add(replace(base, snapshot=None, **known, extra=entry))

    def get(self, model_id: str) -> Model | None:
        found = self._models.get(model_id)
        if found is None and model_id.startswith("ft:"):
            base = self._models.get(model_id.split(":")[1])
            if base is not None:
                found = replace(base, id=model_id, snapshot=None, owned_by="user")
        return found

    def resolve(self, model_id: str, *, lenient: bool = False) -> Model:
        """The model, or the real API's 404; `--lenient` serves unknown ids as a generic model."""
        found = self.get(model_id)
        if found is not None:
            return found
        if lenient:
            return Model(model_id)
        from mockai.errors import model_not_found

        raise model_not_found(model_id)

    def __iter__(self):
        return iter(self._models.values())
