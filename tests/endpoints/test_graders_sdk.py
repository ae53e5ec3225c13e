"""Graders through the official SDK: `client.fine_tuning.alpha.graders.run(...)` for each
grader type with its expected reward (model graders answered by a scenario), and
`.validate(...)`. Each answer is validated against the description through its JSON dump."""

from __future__ import annotations

import openai
import pytest
from responses_support import check_sdk

ITEM = {"reference_answer": "fuzzy wuzzy was a bear", "label": "positive"}
SAMPLE = "fuzzy wuzzy was a bear"
STRING_CHECK = {
    "type": "string_check",
    "name": "exact",
    "input": "{{sample.output_text}}",
    "reference": "{{item.reference_answer}}",
    "operation": "eq",
}
SCORE_MODEL = {
    "type": "score_model",
    "name": "judge",
    "model": "gpt-4o-mini",
    "input": [
        {
            "role": "user",
            "content": [
                {
                    "type": "input_text",
                    "text": "Reference answer: {{item.reference_answer}}\n"
                    "Model answer: {{sample.output_text}}",
                }
            ],
        }
    ],
    "range": [0, 10],
    "sampling_params": {"temperature": 1, "top_p": 1, "seed": 42},
}
LABEL_MODEL = {
    "type": "label_model",
    "name": "sentiment",
    "model": "gpt-4o-mini",
    "input": [{"role": "user", "content": "Label the sentiment: {{sample.output_text}}"}],
    "labels": ["positive", "negative"],
    "passing_labels": ["positive"],
}
JUDGES = [
    {
        "name": "judge",
        "match": {"endpoint": "chat.completions", "user": "Reference answer:"},
        "reply": {"content": '{"steps": [], "result": 7.5}'},
    },
    {
        "name": "labeller",
        "match": {"endpoint": "chat.completions", "user": "Label the sentiment"},
        "reply": {"content": '{"steps": [], "result": "positive"}'},
    },
]


def similarity(metric: str) -> dict:
    return {
        "type": "text_similarity",
        "name": metric,
        "input": "{{sample.output_text}}",
        "reference": "fuzzy wuzzy had no hair",
        "evaluation_metric": metric,
    }


def run(client, grader) -> float:
    result = client.fine_tuning.alpha.graders.run(grader=grader, item=ITEM, model_sample=SAMPLE)
    check_sdk(result, "RunGraderResponse")
    assert result.metadata.name == grader["name"] and result.metadata.type == grader["type"]
    return result.reward


@pytest.mark.parametrize(
    ("grader", "reward"),
    [
        (STRING_CHECK, 1.0),
        ({**STRING_CHECK, "operation": "ne"}, 0.0),
        ({**STRING_CHECK, "operation": "like", "reference": "wuzzy"}, 1.0),
        ({**STRING_CHECK, "operation": "ilike", "reference": "FUZZY"}, 1.0),
        (similarity("rouge_1"), 0.4),  # "fuzzy", "wuzzy": 2 of 5 words on each side
        (similarity("rouge_2"), 0.25),  # "fuzzy wuzzy": 1 of 4 bigrams on each side
        (similarity("gleu"), 3 / 14),  # 2 unigrams + 1 bigram of 5 + 4 + 3 + 2 n-grams
    ],
)
def test_deterministic_graders(mockai, grader, reward):
    assert run(mockai.client(), grader) == pytest.approx(reward)


def test_model_graders_and_multi(mockai):
    mockai.add_scenario(JUDGES)
    client = mockai.client()
    assert run(client, SCORE_MODEL) == 7.5
    multi = {
        "type": "multi",
        "name": "combined",
        "graders": {"exact": STRING_CHECK, "judge": SCORE_MODEL, "tone": LABEL_MODEL},
        "calculate_output": "exact * (judge / 10 + tone) / 2",
    }
    result = client.fine_tuning.alpha.graders.run(grader=multi, item=ITEM, model_sample=SAMPLE)
    check_sdk(result, "RunGraderResponse")
    assert result.sub_rewards == {"exact": 1.0, "judge": 7.5, "tone": 1.0}
    assert result.reward == pytest.approx(0.875)
    assert result.metadata.sampled_model_name.startswith("gpt-4o-mini")


def test_python_grader_reports_no_sandbox(mockai):
    client = mockai.client()
    grader = {"type": "python", "name": "py", "source": "def grade(sample, item):\n    return 1\n"}
    result = client.fine_tuning.alpha.graders.run(grader=grader, model_sample=SAMPLE)
    check_sdk(result, "RunGraderResponse")
    assert result.reward == 0 and result.metadata.errors.python_grader_server_error


def test_validate(mockai):
    client = mockai.client()
    validated = client.fine_tuning.alpha.graders.validate(grader=SCORE_MODEL)
    check_sdk(validated, "ValidateGraderResponse")
    assert validated.grader.type == "score_model" and validated.grader.range == [0, 10]
    with pytest.raises(openai.BadRequestError) as caught:
        client.fine_tuning.alpha.graders.validate(
            grader={**STRING_CHECK, "reference": "{{ answer }}"}
        )
    assert caught.value.body["param"] == "grader.reference"
