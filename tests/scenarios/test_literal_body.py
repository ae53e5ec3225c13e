"""A step's literal answer: `body:` (any JSON), `status:` and `headers:`, on any endpoint, in a
sequence with the other kinds of steps; and the load-time problems of mixing it with them."""

from __future__ import annotations

import pytest
from helpers import AUTH, chat_body, post_chat

from mockai.endpoints import endpoint_names
from mockai.scenarios import ScenarioProblems, load_text

PAYMENT = {"error": {"message": "Payment required", "code": "billing_hard_limit"}}


async def test_a_literal_body_is_sent_as_it_is(serve):
    client = await serve(
        [
            {
                "name": "teapot",
                "match": {"endpoint": "chat.completions"},
                "reply": {"body": PAYMENT, "status": 402, "headers": {"x-custom": "yes"}},
            }
        ]
    )
    for stream in (False, True):  # a streamed request gets the literal answer too
        response = await post_chat(client, chat_body("hi", stream=stream))
        assert response.status == 402
        assert response.content_type == "application/json"
        assert await response.json() == PAYMENT
        assert response.headers["x-custom"] == "yes"
        assert response.headers["x-request-id"].startswith("req_")


async def test_the_status_defaults_to_200_and_any_json_goes(serve):
    client = await serve([{"name": "list", "reply": {"body": [1, "two", None]}}])
    response = await post_chat(client, chat_body("hi"))
    assert (response.status, await response.json()) == (200, [1, "two", None])


async def test_a_literal_body_is_templated_and_sequenced_with_other_steps(serve):
    client = await serve(
        [
            {
                "name": "echo",
                "match": {"endpoint": "listModels"},
                "replies": [
                    {"body": {"object": "list", "data": [], "seen": "{{ endpoint }} {{ step }}"}},
                    {"error": {"status": 503}},
                ],
            }
        ]
    )
    first = await client.get("/v1/models", headers=AUTH)
    assert await first.json() == {"object": "list", "data": [], "seen": "models 0"}
    second = await client.get("/v1/models", headers=AUTH)
    assert second.status == 503


@pytest.mark.parametrize(
    ("step", "reason"),
    [
        ({"body": {"a": 1}, "content": "hi"}, "a step with `body` is the whole answer"),
        ({"body": {"a": 1}, "error": 500}, "a step with `body` is the whole answer"),
        ({"body": {"a": 1}, "stream": {"chunk_ms": 5}}, "a step with `body` is the whole answer"),
        ({"status": 201, "content": "hi"}, "`status` goes with a literal `body`"),
        ({"body": {"a": 1}, "status": 42}, "greater than or equal to 100"),
    ],
)
def test_a_literal_body_mixed_with_another_kind_is_a_load_problem(step, reason):
    text = f"- name: bad\n  reply: {step!r}\n".replace("'", '"').replace("None", "null")
    with pytest.raises(ScenarioProblems) as caught:
        load_text(text, "bad.yaml", endpoint_names())
    [problem] = caught.value.problems
    assert problem.startswith("bad.yaml:2: reply") and reason in problem, problem


async def test_scenarios_reach_spec_driven_operations_by_id_or_route(serve):
    client = await serve(
        [
            {
                "name": "quota",
                "match": {"endpoint": "createAssistant"},
                "replies": [{"error": {"status": 429, "message": "slow down"}}, {"body": {"x": 1}}],
            },
            {
                "name": "by-route",
                "match": {"endpoint": "GET /assistants/{assistant_id}"},
                "reply": {"body": {"id": "asst_scripted", "object": "assistant"}},
            },
        ]
    )
    first = await client.post("/v1/assistants", json={"model": "gpt-4o"}, headers=AUTH)
    assert first.status == 429 and (await first.json())["error"]["message"] == "slow down"
    second = await client.post("/v1/assistants", json={"model": "gpt-4o"}, headers=AUTH)
    assert await second.json() == {"x": 1}
    scripted = await client.get("/v1/assistants/asst_any", headers=AUTH)
    assert (await scripted.json())["id"] == "asst_scripted"
    # Without a matching scenario, the operation answers from its state as usual.
    listed = await client.get("/v1/assistants", headers=AUTH)
    assert (await listed.json())["data"] == []
