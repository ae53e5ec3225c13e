"""The models mockai knows (catalog.yaml), their look-up, and the per-model capability
checks handlers run: which endpoints, reasoning efforts, parameters, modalities and tools
each model takes, with the real API's error for each refusal."""

from mockai.models.model import BUILTIN, KINDS, Model
from mockai.models.registry import ModelRegistry

__all__ = ["BUILTIN", "KINDS", "Model", "ModelRegistry"]
