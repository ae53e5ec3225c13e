"""The model ids the shipped OpenAPI description and the installed official SDK name: what
the catalog must know. Read from the sources each time, never copied into a list here."""

from __future__ import annotations

import re
import typing
from collections.abc import Iterator
from functools import cache
from typing import Any

import openai.types as sdk_types
from openai.types.audio.speech_model import SpeechModel
from openapi import spec

# The SDK's model literals (ChatModel, ResponsesModel, the image, audio, embedding,
# moderation and video models); SpeechModel lives apart.
# Schemas that are lists of model ids (ModelIdsShared, BetaModelIdsResponses, VideoModel, ...).
MODEL_LISTS = re.compile(r"(Beta)?ModelIds\w*|\w*VideoModel|AssistantSupportedModels")
SDK_MODEL_TYPES = [
    getattr(sdk_types, name)
    for name in dir(sdk_types)
    if name.endswith("Model") and name != "Model"
] + [SpeechModel]


def _enums(node: Any, in_model: bool) -> Iterator[str]:
    """Every string of an `enum` reached through a `model` property or a MODEL_LISTS schema."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "enum" and in_model and isinstance(value, list):
                yield from (v for v in value if isinstance(v, str))
            else:
                yield from _enums(
                    value, in_model or key == "model" or MODEL_LISTS.fullmatch(key) is not None
                )
    elif isinstance(node, list):
        for item in node:
            yield from _enums(item, in_model)


@cache
def spec_model_ids() -> frozenset[str]:
    return frozenset(_enums(spec()["components"]["schemas"], False))


def _literals(annotation: Any) -> Iterator[str]:
    for arg in typing.get_args(annotation):
        if isinstance(arg, str):
            yield arg
        else:
            yield from _literals(arg)


@cache
def sdk_model_ids() -> frozenset[str]:
    return frozenset(i for t in SDK_MODEL_TYPES for i in _literals(t))
