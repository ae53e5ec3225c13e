"""The catalog against its sources: every model id the OpenAPI description enumerates and
every literal of the installed official SDK is known, and its facts hold together."""

from __future__ import annotations

import typing

from model_ids import sdk_model_ids, spec_model_ids
from openai.types.shared.reasoning_effort import ReasoningEffort
from openapi import spec

from mockai.models import BUILTIN, KINDS, ModelRegistry
from mockai.models.model import KIND_ENDPOINTS

EFFORTS = set(spec()["components"]["schemas"]["ReasoningEffort"]["anyOf"][0]["enum"])


def test_the_description_lists_no_model_the_catalog_does_not_know():
    known = {m.id for m in BUILTIN}
    assert len(spec_model_ids()) > 150  # the walk found the enums at all
    assert sorted(spec_model_ids() - known) == []


def test_the_sdk_names_no_model_the_catalog_does_not_know():
    known = {m.id for m in BUILTIN}
    assert "gpt-5.6-luna" in sdk_model_ids()
    assert sorted(sdk_model_ids() - known) == []


# Ids the real GET /v1/models lists (captured listings; catalog.yaml cites them) that neither
# the description nor the SDK names: older dated snapshots that clients still send.
LISTED_BY_THE_REAL_API = {
    "tts-1-1106",
    "tts-1-hd-1106",
    "gpt-4o-mini-tts-2025-03-20",
    "gpt-4o-mini-transcribe-2025-03-20",
    "text-moderation-007",
}


def test_the_catalog_holds_nothing_its_sources_do_not_name():
    known = {m.id for m in BUILTIN}
    assert LISTED_BY_THE_REAL_API <= known
    assert sorted(known - spec_model_ids() - sdk_model_ids() - LISTED_BY_THE_REAL_API) == []


def test_ids_are_unique_and_every_snapshot_is_a_model_of_its_own():
    ids = [m.id for m in BUILTIN]
    assert len(ids) == len(set(ids))
    registry = ModelRegistry()
    for model in BUILTIN:
        if model.snapshot is not None:
            served = registry.get(model.snapshot)
            assert served is not None and served.snapshot is None, model.id
            assert (served.kind, served.efforts) == (model.kind, model.efforts)


def test_efforts_are_values_of_the_description_and_the_default_is_one_of_them():
    sdk_efforts = set(typing.get_args(typing.get_args(ReasoningEffort)[0]))
    assert EFFORTS == sdk_efforts
    for model in BUILTIN:
        assert model.kind in KINDS
        assert set(model.served_by) <= {e for es in KIND_ENDPOINTS.values() for e in es}
        if model.reasoning and model.efforts:
            assert set(model.efforts) <= EFFORTS, model.id
            assert model.default_effort in model.efforts, model.id
        elif not model.reasoning:
            assert model.efforts is None, model.id


def test_responses_only_models_of_the_description_are_served_by_responses_alone():
    schema = spec()["components"]["schemas"]["ModelIdsResponses"]["anyOf"]
    only = next(s["enum"] for s in schema if s.get("title") == "ResponsesOnlyModel")
    registry = ModelRegistry()
    for model_id in only:
        assert registry.get(model_id).served_by == ("responses",), model_id


def test_the_agents_sdk_default_efforts_are_accepted_by_their_models():
    """The OpenAI Agents SDK sends each gpt-5 model a default `reasoning.effort` that the real
    API accepts (its `default_models` table; `none` for gpt-5.1+ and the gpt-5.6 family, its
    default `gpt-5.6-luna` included): every catalog model it names must accept that effort."""
    from agents.models import default_models

    from mockai.models.registry import ModelRegistry

    named = {
        model_id: (default_models._get_default_reasoning_effort(model_id), model.efforts)
        for model_id, model in ModelRegistry()._models.items()
    }
    named = {k: v for k, v in named.items() if v[0] is not None}
    assert "gpt-5.6-luna" in named
    refused = {k: v for k, v in named.items() if v[0] not in (v[1] or [])}
    assert not refused, f"(SDK default, catalog efforts) refused: {refused}"
