"""`/v1/fine_tuning/alpha/graders/run` and `/validate` over raw HTTP: every grader type with
known rewards, model graders answered by scenarios (and by default replies), python refused
to run, definitions refused with `param` naming the field, scripted errors and literal bodies,
`--lenient`. Every body is validated against the description."""

from __future__ import annotations

import time

import pytest
from helpers import AUTH, api_json

RUN = "/v1/fine_tuning/alpha/graders/run"
VALIDATE = "/v1/fine_tuning/alpha/graders/validate"


def check(operation: str = "eq", input: str = "{{sample.output_text}}", **extra) -> dict:
    return {
        "type": "string_check",
        "name": "check",
        "input": input,
        "reference": "{{item.label}}",
        "operation": operation,
        **extra,
    }


def score_model(**extra) -> dict:
    return {
        "type": "score_model",
        "name": "judge",
        "model": "gpt-4o-mini",
        "input": [
            {"role": "system", "content": "You grade answers."},
            {
                "role": "user",
                "content": [
                    {
                        "type": "input_text",
                        "text": "Reference: {{item.label}} Answer: {{sample.output_text}}",
                    }
                ],
            },
        ],
        **extra,
    }


def label_model(**extra) -> dict:
    return {
        "type": "label_model",
        "name": "sentiment",
        "model": "gpt-4o-mini",
        "input": [{"role": "user", "content": "Classify: {{sample.output_text}}"}],
        "labels": ["positive", "neutral", "negative"],
        "passing_labels": ["positive"],
        **extra,
    }


async def ran(client, grader: dict, sample: str = "Paris", item=None, headers=AUTH) -> dict:
    body = {"grader": grader, "model_sample": sample, "item": item or {"label": "Paris"}}
    response = await client.post(RUN, json=body, headers=headers)
    assert response.status == 200, await response.text()
    return await api_json(response)


async def refused(client, path: str, body: dict, status: int = 400) -> dict:
    response = await client.post(path, json=body, headers=AUTH)
    assert response.status == status, await response.text()
    return (await api_json(response))["error"]


@pytest.mark.parametrize(
    ("operation", "sample", "reward"),
    [
        ("eq", "Paris", 1.0),
        ("eq", "paris", 0.0),
        ("ne", "Lyon", 1.0),
        ("ne", "Paris", 0.0),
        ("like", "It is Paris.", 1.0),
        ("like", "It is paris.", 0.0),
        ("ilike", "It is PARIS.", 1.0),
        ("ilike", "It is Lyon.", 0.0),
    ],
)
async def test_string_check_operations(serve, operation, sample, reward):
    client = await serve()
    result = await ran(client, check(operation), sample)
    assert result["reward"] == reward
    metadata = result["metadata"]
    assert metadata["name"] == "check" and metadata["type"] == "string_check"
    assert not any(metadata["errors"].values())
    assert metadata["token_usage"] is None and metadata["sampled_model_name"] is None
    assert result["sub_rewards"] == {} and result["model_grader_token_usage_per_model"] == {}


@pytest.mark.parametrize(
    ("metric", "reward"),
    [
        ("fuzzy_match", 1.0),
        ("bleu", 1.0),
        ("gleu", 1.0),
        ("meteor", 0.9921875),  # F 1, times 1 - 0.5 * (1 chunk / 4 matches)^3
        ("rouge_1", 1.0),
        ("rouge_l", 1.0),
    ],
)
async def test_text_similarity_of_equal_texts(serve, metric, reward):
    client = await serve()
    grader = {
        "type": "text_similarity",
        "name": "similar",
        "input": "{{sample.output_text}}",
        "reference": "{{item.answer}}",
        "evaluation_metric": metric,
    }
    result = await ran(client, grader, "the cat sat down", {"answer": "the cat sat down"})
    assert result["reward"] == pytest.approx(reward)


async def test_text_similarity_partial_scores(serve):
    client = await serve()

    async def score(metric: str, sample: str, reference: str) -> float:
        grader = {
            "type": "text_similarity",
            "name": metric,
            "input": sample,
            "reference": reference,
            "evaluation_metric": metric,
        }
        return (await ran(client, grader))["reward"]

    # "the cat sat" vs "the cat ran": 2 of 3 unigrams, 1 of 2 bigrams.
    assert await score("rouge_1", "the cat sat", "the cat ran") == pytest.approx(2 / 3)
    assert await score("rouge_2", "the cat sat", "the cat ran") == pytest.approx(1 / 2)
    assert await score("rouge_3", "the cat sat", "the cat ran") == 0.0
    assert await score("rouge_l", "the cat sat", "the cat ran") == pytest.approx(2 / 3)
    # BLEU over 3 words (orders 1-3): (2/3 * 1/2 * 0)^(1/3) = 0; gleu: 3 matches of 6.
    assert await score("bleu", "the cat sat", "the cat ran") == 0.0
    assert await score("gleu", "the cat sat", "the cat ran") == pytest.approx(3 / 6)
    # fuzzy: LCS("abcd", "abed") = 3, 2 * 3 / 8.
    assert await score("fuzzy_match", "abcd", "abed") == pytest.approx(0.75)
    similar = await score("cosine", "the cat sat on the mat", "the cat sat on a mat")
    unrelated = await score("cosine", "the cat sat on the mat", "quarterly revenue grew")
    assert 0.5 < similar <= 1.0 and unrelated < similar


async def test_multi_formula(serve):
    client = await serve()
    grader = {
        "type": "multi",
        "name": "both",
        "graders": {
            "exact": check("eq"),
            "close": {
                "type": "text_similarity",
                "name": "close",
                "input": "{{sample.output_json.city}}",
                "reference": "{{item.label}}",
                "evaluation_metric": "fuzzy_match",
            },
        },
        "calculate_output": "0.5 * exact + 0.5 * max(close, 0) ^ 2",
    }
    result = await ran(client, grader, '{"city": "Pari"}')
    # exact: the whole sample is no "Paris" (0); close: 2 * 4 / 9.
    assert result["sub_rewards"] == {"exact": 0.0, "close": pytest.approx(8 / 9)}
    assert result["reward"] == pytest.approx(0.5 * (8 / 9) ** 2)
    assert result["metadata"]["type"] == "multi"
    not_json = await ran(client, grader, "Paris")
    assert not_json["metadata"]["errors"]["sample_parse_error"] is True
    assert not_json["sub_rewards"] == {"exact": 1.0, "close": 0.0}


SCORE_SCENARIO = [
    {
        "name": "grader-model",
        "match": {"endpoint": "chat.completions", "user": "Answer: Paris"},
        "replies": [
            {
                "content": '{"steps": [{"description": "compare", "conclusion": "same"}], "result": 0.75}'
            },
            {"content": "4"},
            {"content": "not a number"},
            {"error": 503},
        ],
    },
    {
        "name": "label-model",
        "match": {"endpoint": "chat.completions", "user": "Classify"},
        "replies": [{"content": '{"steps": [], "result": "positive"}'}, {"content": "negative"}],
    },
]


async def test_score_model_answered_by_a_scenario(serve):
    client = await serve(SCORE_SCENARIO)
    first = await ran(client, score_model())
    assert first["reward"] == 0.75
    metadata = first["metadata"]
    assert metadata["sampled_model_name"].startswith("gpt-4o-mini")
    usage = metadata["token_usage"]
    assert usage["total_tokens"] == usage["prompt_tokens"] + usage["completion_tokens"] > 0
    assert first["model_grader_token_usage_per_model"] == {metadata["sampled_model_name"]: usage}
    clamped = await ran(client, score_model(range=[0, 2]))  # "4": truncated to the range
    assert clamped["reward"] == 2
    unreadable = await ran(client, score_model())
    assert (
        unreadable["reward"] == 0 and unreadable["metadata"]["errors"]["model_grader_parse_error"]
    )
    failed = (await ran(client, score_model()))["metadata"]["errors"]
    assert failed["model_grader_server_error"] is True
    assert "503" in failed["model_grader_server_error_details"]


async def test_label_model_answered_by_a_scenario_in_a_multi(serve):
    client = await serve(SCORE_SCENARIO)
    grader = {
        "type": "multi",
        "name": "tone",
        "graders": {"sentiment": label_model(), "exact": check()},
        "calculate_output": "sentiment * exact",
    }
    passing = await ran(client, grader)
    assert passing["reward"] == 1.0 and passing["sub_rewards"] == {"sentiment": 1.0, "exact": 1.0}
    failing = await ran(client, grader)
    assert failing["reward"] == 0.0 and failing["sub_rewards"]["sentiment"] == 0.0
    assert not any(failing["metadata"]["errors"].values())


async def test_model_graders_without_a_scenario_answer_a_valid_grade(serve):
    client = await serve()
    scored = await ran(client, score_model(range=[1, 5]))
    assert 1 <= scored["reward"] <= 5 and not any(scored["metadata"]["errors"].values())
    again = await ran(client, score_model(range=[1, 5]))
    assert again["reward"] == scored["reward"]  # the default reply is deterministic
    grader = {
        "type": "multi",
        "name": "labels",
        "graders": {"sentiment": label_model()},
        "calculate_output": "sentiment",
    }
    labelled = await ran(client, grader)
    assert labelled["reward"] in (0.0, 1.0) and not any(labelled["metadata"]["errors"].values())


async def test_python_grader_is_validated_but_never_run(serve):
    client = await serve()
    grader = {
        "type": "python",
        "name": "py",
        "source": "def grade(sample, item):\n    return 1.0\n",
        "image_tag": "2025-05-08",
    }
    response = await client.post(VALIDATE, json={"grader": grader}, headers=AUTH)
    assert (await api_json(response)) == {"grader": grader}
    result = await ran(client, grader)
    errors = result["metadata"]["errors"]
    assert result["reward"] == 0.0 and errors["python_grader_server_error"] is True
    assert errors["python_grader_server_error_type"] == "sandbox_unavailable"
    bad = {**grader, "source": "def grade(sample):\n    return 1\n"}
    error = await refused(client, VALIDATE, {"grader": bad})
    assert error["param"] == "grader.source"
    broken = {**grader, "source": "def grade(sample, item)\n"}
    assert (await refused(client, RUN, {"grader": broken, "model_sample": "x"}))["param"] == (
        "grader.source"
    )


async def test_validate_answers_the_grader(serve):
    client = await serve()
    for grader in (check(), score_model(range=[0, 10], sampling_params={"seed": 1})):
        response = await client.post(VALIDATE, json={"grader": grader}, headers=AUTH)
        assert (await api_json(response)) == {"grader": grader}


@pytest.mark.parametrize(
    ("grader", "param", "code"),
    [
        (check("equals"), "grader.operation", "invalid_value"),
        (check(input="{{ answer }}"), "grader.input", "invalid_value"),
        (check(input="{{ item.a b }}"), "grader.input", "invalid_value"),
        (
            {"type": "string_check", "name": "x", "input": "a", "operation": "eq"},
            "grader.reference",
            "missing_required_parameter",
        ),
        ({**check(), "extra": 1}, "grader.extra", "unknown_parameter"),
        ({"type": "regex", "name": "x"}, "grader.type", "invalid_value"),
        (score_model(input=[]), "grader.input", "invalid_value"),
        (score_model(range=[1, 0]), "grader.range", "invalid_value"),
        (
            score_model(
                input=[{"role": "user", "content": [{"type": "input_text", "text": "{{x.y}}"}]}]
            ),
            "grader.input[0].content[0].text",
            "invalid_value",
        ),
        (
            {
                "type": "text_similarity",
                "name": "t",
                "input": "a",
                "reference": "b",
                "evaluation_metric": "rouge_9",
            },
            "grader.evaluation_metric",
            "invalid_value",
        ),
        (
            {"type": "multi", "name": "m", "graders": {"a": check()}, "calculate_output": "a + b"},
            "grader.calculate_output",
            "invalid_value",
        ),
        (
            {
                "type": "multi",
                "name": "m",
                "graders": {"a": check()},
                "calculate_output": "__import__('os')",
            },
            "grader.calculate_output",
            "invalid_value",
        ),
        (
            {"type": "multi", "name": "m", "graders": {"a": check()}, "calculate_output": "a.real"},
            "grader.calculate_output",
            "invalid_value",
        ),
        (
            {"type": "multi", "name": "m", "graders": {"a": check()}, "calculate_output": "(a +"},
            "grader.calculate_output",
            "invalid_value",
        ),
        (
            {
                "type": "multi",
                "name": "m",
                "graders": {"a": check("nope")},
                "calculate_output": "a",
            },
            "grader.graders.a.operation",
            "invalid_value",
        ),
        (
            {
                "type": "multi",
                "name": "m",
                "graders": {
                    "a": {"type": "multi", "name": "n", "graders": {}, "calculate_output": "1"}
                },
                "calculate_output": "a",
            },
            "grader.graders.a.type",
            "invalid_value",
        ),
        (label_model(passing_labels=["great"]), "grader.passing_labels", "invalid_value"),
    ],
)
async def test_bad_definitions_are_refused(serve, grader, param, code):
    client = await serve()
    for path, body in (
        (VALIDATE, {"grader": grader}),
        (RUN, {"grader": grader, "model_sample": "x"}),
    ):
        error = await refused(client, path, body)
        assert error["param"] == param and error["code"] == code, error
        assert error["type"] == "invalid_request_error"


async def test_run_needs_a_sample_and_reports_missing_variables(serve):
    client = await serve()
    error = await refused(client, RUN, {"grader": check()})
    assert error["param"] == "model_sample"
    result = await ran(client, check(), item={"other": 1})
    assert result["reward"] == 0 and result["metadata"]["errors"]["invalid_variable_error"]


async def test_scenarios_script_errors_latency_and_literal_bodies(serve):
    literal = {
        "reward": 0.5,
        "metadata": {
            "name": "scripted",
            "type": "string_check",
            "errors": {"formula_parse_error": False},
            "execution_time": 0.1,
            "scores": {},
            "token_usage": None,
            "sampled_model_name": None,
        },
        "sub_rewards": {},
        "model_grader_token_usage_per_model": {},
    }
    client = await serve(
        [
            {
                "name": "literal-run",
                "match": {"endpoint": "graders", "headers": {"x-test": "literal"}},
                "replies": [{"latency_ms": 150, "body": literal}],
            },
            {
                "name": "refuse",
                "match": {"endpoint": "graders", "headers": {"x-test": "error"}},
                "reply": {"error": 503},
            },
        ]
    )
    started = time.monotonic()
    response = await client.post(
        RUN, json={"grader": check(), "model_sample": "x"}, headers={**AUTH, "x-test": "literal"}
    )
    assert (await response.json()) == literal and time.monotonic() - started >= 0.15
    response = await client.post(
        VALIDATE, json={"grader": check()}, headers={**AUTH, "x-test": "error"}
    )
    assert response.status == 503
    assert (await api_json(response))["error"]["type"] == "server_error"
    assert (await ran(client, check()))["reward"] == 1.0  # not targeted: graded


async def test_lenient_flags_what_the_rules_refuse(serve):
    client = await serve(lenient=True)
    grader = {"type": "multi", "name": "m", "graders": {"a": check()}, "calculate_output": "a +"}
    result = await ran(client, grader)
    assert result["reward"] == 0 and result["metadata"]["errors"]["formula_parse_error"]
    one = {"type": "multi", "name": "m", "graders": check(), "calculate_output": "check"}
    assert (await ran(client, one))["reward"] == 1.0  # the description's form: one grader
