"""The graders domain package (`mockai.graders`) on its own: templates, the similarity
metrics on hand-computed examples, the multi graders' formulas (and what they refuse), and
runs with an injected model."""

from __future__ import annotations

import math
from typing import get_args

import pytest

from mockai.graders import formula, similarity, templates
from mockai.graders.models import TextSimilarity, parse
from mockai.graders.run import ModelAnswer, ModelCall, grade


def test_templates_read_nested_paths():
    sample = templates.sample_of('{"answer": {"city": "Paris"}, "n": [1, 2]}')
    sample["output_tools"] = [{"function": {"name": "get_weather"}}]
    context = templates.Context(item={"ref": {"list": ["a", "b"]}, "score": 1.0}, sample=sample)
    render = templates.render
    assert render("{{ sample.output_json.answer.city }}", context) == "Paris"
    assert render("{{sample.output_json.n}}", context) == "[1,2]"  # not a string: JSON
    assert render("{{ sample.output_tools[0].function.name }}!", context) == "get_weather!"
    assert render("{{item.ref.list[1]}} {{ item.score }}", context) == "b 1.0"
    with pytest.raises(templates.MissingVariable):
        render("{{ item.ref.list[2] }}", context)
    with pytest.raises(templates.NoOutputJson):
        render("{{ sample.output_json.x }}", templates.Context(sample=templates.sample_of("hi")))
    for bad in ("{{ answer }}", "{{ items.x }}", "{{ item }}", "{{ item.a b }}", "{{ item.[0] }}"):
        with pytest.raises(templates.TemplateError):
            templates.check(bad)


def test_similarity_metrics_by_hand():
    score = similarity.score
    # BLEU-4: p1..p4 = 5/6, 3/5, 2/4, 1/3, same length: (1/12)^(1/4).
    assert score("bleu", "the cat sat on the mat", "the cat sat on a mat") == pytest.approx(
        (1 / 12) ** 0.25
    )
    # A 2-word answer uses orders 1 and 2 (both 1), times the brevity penalty exp(1 - 4/2).
    assert score("bleu", "the cat", "the cat sat on") == pytest.approx(math.exp(-1))
    # METEOR: 3 matches in 2 chunks: 1 - 0.5 * (2/3)^3.
    assert score("meteor", "the cat sat", "sat the cat") == pytest.approx(1 - 0.5 * (2 / 3) ** 3)
    assert score("meteor", "a b", "c d") == 0.0
    # ROUGE on rouge-score's tokens (lower case, punctuation dropped).
    assert score("rouge_1", "The cat, sat!", "the cat sat") == 1.0
    assert score("rouge_l", "a b c d", "a c d e") == pytest.approx(0.75)  # LCS "a c d"
    assert score("rouge_4", "a b c d e", "a b c d f") == pytest.approx(0.5)  # 1 of 2
    assert score("rouge_5", "a b c", "a b c") == 0.0  # no 5-gram at all
    assert score("gleu", "a b", "a b") == 1.0
    assert score("fuzzy_match", "kitten", "sitting") == pytest.approx(8 / 13)  # LCS "ittn"
    assert score("fuzzy_match", "", "") == 1.0
    assert score("cosine", "same words here", "same words here") == pytest.approx(1.0)
    metrics = get_args(TextSimilarity.model_fields["evaluation_metric"].annotation)
    assert set(metrics) == {*similarity._TEXT_METRICS, "cosine"}  # every one computed


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("0.5 * a + 0.5 * b", 0.75),
        ("(a + b) / 2", 0.75),
        ("b ^ 2", 0.25),
        ("b ** 2", 0.25),
        ("-a + 2", 1.0),
        ("min(a, b, 0.1) + max(a, b)", 1.1),
        ("abs(-b) + floor(1.7) + ceil(0.2)", 2.5),
        ("exp(0) + sqrt(4) + log(1)", 3.0),
        ("2 * 3 ^ 2", 18.0),  # power binds tighter than product
    ],
)
def test_formulas(text, value):
    assert formula.evaluate(formula.parse(text, {"a", "b"}), {"a": 1.0, "b": 0.5}) == value


@pytest.mark.parametrize(
    "text",
    [
        "a + c",
        "__import__('os').system('true')",
        "a.real",
        "round(a)",
        "min()",
        "sqrt(a, b)",
        "[a]",
        "a if b else 1",
        "a < b",
        "lambda: 1",
        "'a'",
        "True",
        "a % b",
        "max(a, key=b)",
        "(a + ",
        "",
        "-" * 100_000 + "a",  # the parser's stack
        "a" + " + a" * 20_000,  # the check's recursion
    ],
)
def test_formulas_refused(text):
    with pytest.raises(formula.FormulaError):
        formula.parse(text, {"a", "b"})


def test_formula_runtime_errors():
    for text in ("a / 0", "log(0)", "(-1) ^ 0.5", "10 ^ 400", "sqrt(-1)"):
        with pytest.raises((ArithmeticError, ValueError)):
            formula.evaluate(formula.parse(text, {"a"}), {"a": 1.0})


async def test_runs_with_an_injected_model():
    asked: list[ModelCall] = []
    answers = iter(["7", '{"result": 12, "steps": []}', "maybe", None])

    async def ask(call: ModelCall) -> ModelAnswer:
        asked.append(call)
        text = next(answers)
        usage = {"prompt_tokens": 3, "completion_tokens": 2, "total_tokens": 5, "cached_tokens": 0}
        return ModelAnswer(text=text, refusal=None if text else "no", model="m-1", usage=usage)

    grader = parse(
        {
            "type": "score_model",
            "name": "s",
            "model": "m",
            "input": [{"role": "user", "content": "Grade {{sample.output_text}}"}],
            "range": [0, 10],
        }
    )
    context = templates.Context(sample=templates.sample_of("forty-two"))
    first = await grade(grader, context, ask)
    assert first.reward == 7 and first.body()["metadata"]["token_usage"]["total_tokens"] == 5
    assert asked[0].messages[0].content == "Grade forty-two"
    assert asked[0].schema["properties"]["result"] == {
        "type": "number",
        "minimum": 0,
        "maximum": 10,
    }
    assert (await grade(grader, context, ask)).reward == 10  # clamped to the range
    unreadable = await grade(grader, context, ask)
    assert unreadable.reward == 0 and unreadable.errors["model_grader_parse_error"]
    refused = await grade(grader, context, ask)
    assert refused.errors["model_grader_refusal_error"] and refused.passed is False
