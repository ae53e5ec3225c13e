"""`POST /v1/moderations` through raw HTTP and the official SDK: string, list and multi-modal
inputs, the 13 categories with scores and applied input types, verdicts from scenario steps
and from the default keyword rules, legacy text models, and errors. Bodies validated against
the spec's CreateModerationResponse (or ErrorResponse)."""

from __future__ import annotations

import json
import re

import openai
import pytest
from helpers import AUTH, api_json
from openapi import validate_response

from mockai.endpoints.moderations.rules import CATEGORIES

IMAGE = {"type": "image_url", "image_url": {"url": "https://example.com/cat.png"}}


async def moderate(client, status: int = 200, **body) -> dict:
    response = await client.post("/v1/moderations", data=json.dumps(body), headers=AUTH)
    data = await api_json(response)
    assert response.status == status, data
    return data


def flagged(result: dict) -> set[str]:
    return {c for c, v in result["categories"].items() if v}


async def test_harmless_string_with_the_default_model(serve):
    data = await moderate(await serve(), input="What a lovely day for a picnic.")
    assert re.fullmatch(r"modr-[0-9a-f]{32}", data["id"])
    assert data["model"] == "omni-moderation-latest"
    (result,) = data["results"]
    assert result["flagged"] is False and flagged(result) == set()
    assert list(result["categories"]) == list(CATEGORIES) and len(CATEGORIES) == 13
    assert all(0 <= s < 0.001 for s in result["category_scores"].values())
    assert all(types == ["text"] for types in result["category_applied_input_types"].values())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I will kill you", {"violence", "harassment", "harassment/threatening"}),
        ("I want to die, I keep thinking about suicide", {"self-harm", "self-harm/intent"}),
        (
            "Tell me how to shoplift and how to make a bomb",
            {"illicit", "illicit/violent", "violence"},
        ),
        ("so much blood and gore", {"violence/graphic", "violence"}),
    ],
)
async def test_default_rules_flag_keywords_deterministically(serve, text, expected):
    client = await serve()
    first = (await moderate(client, input=text))["results"][0]
    again = (await moderate(client, input=text))["results"][0]
    assert first["flagged"] is True and flagged(first) == expected
    assert first["category_scores"] == again["category_scores"]
    assert all(first["category_scores"][c] >= 0.8 for c in expected)
    assert all(first["category_scores"][c] < 0.001 for c in set(CATEGORIES) - expected)


async def test_list_of_strings_gets_one_result_each(serve):
    data = await moderate(await serve(), input=["hello there", "you are an idiot"])
    assert [r["flagged"] for r in data["results"]] == [False, True]
    assert flagged(data["results"][1]) == {"harassment"}


async def test_multimodal_input_is_one_result_with_image_types(serve):
    data = await moderate(await serve(), input=[{"type": "text", "text": "a nude painting"}, IMAGE])
    (result,) = data["results"]
    assert flagged(result) == {"sexual"}
    applied = result["category_applied_input_types"]
    assert applied["sexual"] == ["text", "image"] and applied["violence"] == ["text", "image"]
    assert applied["harassment"] == ["text"] and applied["sexual/minors"] == ["text"]
    image_only = (await moderate(await serve(), input=[IMAGE]))["results"][0]
    assert image_only["category_applied_input_types"]["hate"] == []
    assert image_only["category_applied_input_types"]["self-harm"] == ["image"]


async def test_scenario_verdicts_list_scores_and_flag(serve):
    client = await serve(
        [
            {
                "name": "scored",
                "match": {"endpoint": "moderations", "user": "score me"},
                "reply": {"categories": {"violence": 0.97, "hate": 0.2}},
            },
            {
                "name": "listed",
                "match": {"endpoint": "moderations", "user": "list me"},
                "reply": {"flagged": True, "categories": ["hate", "hate/threatening"]},
            },
            {
                "name": "cleared",
                "match": {"endpoint": "moderations", "user": "kill"},
                "reply": {"flagged": False},
            },
            {
                "name": "down",
                "match": {"endpoint": "moderations", "user": "outage"},
                "reply": {"error": 500},
            },
        ]
    )
    scored = (await moderate(client, input="score me"))["results"][0]
    assert scored["flagged"] is True and flagged(scored) == {"violence"}
    assert (scored["category_scores"]["violence"], scored["category_scores"]["hate"]) == (0.97, 0.2)
    listed = (await moderate(client, input="please list me"))["results"][0]
    assert flagged(listed) == {"hate", "hate/threatening"}
    assert listed["category_scores"]["hate"] >= 0.8
    cleared = (await moderate(client, input="kill the process"))["results"][0]
    assert cleared["flagged"] is False and flagged(cleared) == set()
    failed = await moderate(client, status=500, input="outage")
    assert failed["error"]["type"] == "server_error"


async def test_unknown_scenario_category_is_reported(serve):
    client = await serve(
        [
            {
                "name": "typo",
                "match": {"endpoint": "moderations"},
                "reply": {"categories": ["violense"]},
            }
        ]
    )
    error = (await moderate(client, status=500, input="x"))["error"]
    assert "violense" in error["message"]


async def test_legacy_text_model(serve):
    client = await serve()
    data = await moderate(client, model="text-moderation-latest", input="I will kill you")
    assert re.fullmatch(r"modr-[A-Za-z0-9]{29}", data["id"])
    assert data["model"] == "text-moderation-007"
    result = data["results"][0]
    assert result["categories"]["illicit"] is None and result["categories"]["violence"] is True
    refused = await moderate(client, status=400, model="text-moderation-latest", input=[IMAGE])
    assert refused["error"]["param"] == "input"


async def test_errors(serve):
    client = await serve()
    assert (await moderate(client, status=404, model="gpt-4o", input="x"))["error"][
        "code"
    ] == "model_not_found"
    missing = await moderate(client, status=400, model="omni-moderation-latest")
    assert missing["error"]["message"] == "Missing required parameter: 'input'."
    bad_part = await moderate(client, status=400, input=[{"type": "audio", "data": "x"}])
    assert (bad_part["error"]["param"], bad_part["error"]["code"]) == (
        "input[0].type",
        "invalid_value",
    )
    mixed = await moderate(client, status=400, input=["a", IMAGE])
    assert (
        mixed["error"]["message"]
        == "Invalid type for 'input[1]': expected a string, but got an object instead."
    )
    empty = await moderate(client, status=400, input=[])
    assert empty["error"]["code"] == "empty_array"


def test_sdk_create(mockai):
    client = mockai.client(max_retries=0)
    raw = client.moderations.with_raw_response.create(input=["nice", "you moron"])
    validate_response("POST", "/v1/moderations", 200, raw.http_response.json())
    result = raw.parse()
    assert [r.flagged for r in result.results] == [False, True]
    assert result.results[1].categories.harassment is True
    multimodal = client.moderations.create(
        model="omni-moderation-latest", input=[{"type": "text", "text": "hi"}, IMAGE]
    )
    assert multimodal.results[0].category_applied_input_types.violence == ["text", "image"]
    assert mockai.requests[-1]["body"]["input"][1] == IMAGE
    with pytest.raises(openai.NotFoundError):
        client.moderations.create(model="whisper-1", input="x")
