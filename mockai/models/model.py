"""What mockai knows about one model, and the catalog of real ones (catalog.yaml).

The facts a request is checked against live here as data, not in the handlers: which
endpoints serve the model, which reasoning efforts it takes (and runs with by default),
which modalities and tools it has. The catalog is read once, at import, from the small
committed YAML file (never from the 3 MB OpenAPI description).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

KINDS = ("chat", "completion", "embedding", "image", "audio", "moderation", "realtime", "video")

# The endpoints a model of each kind is served by, unless its entry names its own.
KIND_ENDPOINTS: dict[str, tuple[str, ...]] = {
    "chat": ("chat.completions", "responses"),
    "completion": ("completions",),
    "embedding": ("embeddings",),
    "image": ("images",),
    "audio": ("audio.speech", "audio.transcriptions", "audio.translations"),
    "moderation": ("moderations",),
    "realtime": ("realtime",),
    "video": ("videos",),
}

CATALOG = Path(__file__).with_name("catalog.yaml")


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
    # The reasoning efforts it accepts (None: any, as a config-defined reasoning model) and
    # the one it runs with when the request names none.
    efforts: tuple[str, ...] | None = None
    default_effort: str = "medium"
    endpoints: tuple[str, ...] = ()  # empty: those of its kind
    modalities_in: tuple[str, ...] = ("text", "image")
    modalities_out: tuple[str, ...] = ("text",)
    audio_required: bool = False  # the audio chat models want audio in or out
    tools: bool = True
    # `--lenient`'s stand-in for an unknown id.
    generic: bool = False
    # False under `--lenient`: no endpoint, effort or parameter check of this model applies
    # (the real API's per-model rules are stricter than the description).
    checked: bool = True
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def served_as(self) -> str:
        return self.snapshot or self.id

    @property
    def served_by(self) -> tuple[str, ...]:
        return self.endpoints or KIND_ENDPOINTS[self.kind]


_TUPLES = ("efforts", "endpoints", "modalities_in", "modalities_out")
# A snapshot's own facts where they differ from its alias's (the real listing's `created`,
# sometimes `owned_by`).
_SNAPSHOT_OWN = {"snapshot_created": "created", "snapshot_owned_by": "owned_by"}
_NOT_INHERITED = ("id", "snapshot", *_SNAPSHOT_OWN)


def _model(facts: dict[str, Any]) -> Model:
    facts = {k: v for k, v in facts.items() if k not in _SNAPSHOT_OWN}
    for name in _TUPLES:
        if facts.get(name) is not None:
            facts[name] = tuple(facts[name])
    return Model(reasoning="efforts" in facts, **facts)


def load(path: Path = CATALOG) -> list[Model]:
    """The catalog's models in file order, each alias followed by its snapshot."""
    data = yaml.load(
        path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    )
    seen: dict[str, dict[str, Any]] = {}
    models: list[Model] = []
    for entry in data["models"]:
        like = seen[entry["like"]] if "like" in entry else data["defaults"]
        facts = {k: v for k, v in like.items() if k not in _NOT_INHERITED}
        facts.update({k: v for k, v in entry.items() if k != "like"})
        seen[entry["id"]] = facts
        models.append(_model(facts))
        snapshot = facts.get("snapshot")
        if snapshot:
            own = {fact: facts[key] for key, fact in _SNAPSHOT_OWN.items() if key in facts}
            models.append(_model({**facts, "id": snapshot, "snapshot": None, **own}))
    return models


BUILTIN: list[Model] = load()
