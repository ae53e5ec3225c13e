"""Which models can be fine-tuned, with which methods, as the fine-tuning guide lists them:
the snapshot each name trains, and the data format each method reads."""

from __future__ import annotations

# method -> the training data format it reads (`dataset.py`)
FORMATS = {"supervised": "chat", "dpo": "preference", "reinforcement": "reinforcement"}

SUPERVISED = ("supervised",)
SUPERVISED_AND_DPO = ("supervised", "dpo")
REINFORCEMENT = ("reinforcement",)

# snapshot -> (the methods it takes, its aliases)
_MODELS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "gpt-4.1-2025-04-14": (SUPERVISED_AND_DPO, ("gpt-4.1",)),
    "gpt-4.1-mini-2025-04-14": (SUPERVISED_AND_DPO, ("gpt-4.1-mini",)),
    "gpt-4.1-nano-2025-04-14": (SUPERVISED_AND_DPO, ("gpt-4.1-nano",)),
    "gpt-4o-2024-08-06": (SUPERVISED_AND_DPO, ("gpt-4o",)),
    "gpt-4o-mini-2024-07-18": (SUPERVISED_AND_DPO, ("gpt-4o-mini",)),
    "o4-mini-2025-04-16": (REINFORCEMENT, ("o4-mini",)),
    "gpt-4-0613": (SUPERVISED, ()),
    "gpt-3.5-turbo-0125": (SUPERVISED, ("gpt-3.5-turbo",)),
    "gpt-3.5-turbo-1106": (SUPERVISED, ()),
    "gpt-3.5-turbo-0613": (SUPERVISED, ()),
    "davinci-002": (SUPERVISED, ()),
    "babbage-002": (SUPERVISED, ()),
}
METHODS_OF = {snapshot: methods for snapshot, (methods, _) in _MODELS.items()}
_NAMES = {
    name: snapshot for snapshot, (_, aliases) in _MODELS.items() for name in (snapshot, *aliases)
}
# The legacy completion models read `{prompt, completion}` lines instead of chat ones.
COMPLETION_MODELS = ("davinci-002", "babbage-002")


def tunable(model: str) -> tuple[str, str] | None:
    """(what the job reports as its `model`, the snapshot whose rules apply), or None. A
    fine-tuned model (`ft:BASE:...`) can be trained further, reported under its own name."""
    if model.startswith("ft:"):
        base = _NAMES.get(model.split(":")[1])
        return None if base is None else (model, base)
    snapshot = _NAMES.get(model)
    return None if snapshot is None else (snapshot, snapshot)


def base_of(model: str) -> str:
    """The snapshot under a job's `model` (itself, unless it is an `ft:` model)."""
    found = tunable(model)
    return found[1] if found is not None else model
