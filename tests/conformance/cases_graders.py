"""Conformance cases of the graders family: a run of the description's score model grader
(answered by mockai's default chat reply) and the validation of a string check grader."""

from __future__ import annotations

from cases import Api, case

STRING_CHECK = {
    "type": "string_check",
    "name": "exact",
    "input": "{{sample.output_text}}",
    "reference": "{{item.reference_answer}}",
    "operation": "eq",
}


@case("runGrader")
async def _run(api: Api):
    grader = {
        "type": "score_model",
        "name": "Example score model grader",
        "input": [
            {
                "role": "user",
                "content": [
                    {
                        "type": "input_text",
                        "text": "Score 0-1. Reference: {{item.reference_answer}} "
                        "Model answer: {{sample.output_text}}",
                    }
                ],
            }
        ],
        "model": "gpt-4o-mini",
        "sampling_params": {"temperature": 1, "top_p": 1, "seed": 42},
    }
    body = {
        "grader": grader,
        "item": {"reference_answer": "fuzzy wuzzy was a bear"},
        "model_sample": "fuzzy wuzzy was a bear",
    }
    return await api.send("POST", "/v1/fine_tuning/alpha/graders/run", json=body)


@case("validateGrader")
async def _validate(api: Api):
    return await api.send(
        "POST", "/v1/fine_tuning/alpha/graders/validate", json={"grader": STRING_CHECK}
    )
