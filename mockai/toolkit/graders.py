"""Graders run by a route: their definition read and checked (`definition`), and run
(`run`) with the model graders answered by mockai's own `POST /v1/chat/completions`.

A model grader's question is a real loopback call (`mockai.toolkit.loopback`) carrying the
caller's headers (key, `X-Mockai-Session`): so a scenario matching that chat request (its
model, its messages) scripts what the grader model says, and without one mockai's default
reply answers. The call asks for the structured output the graders guide documents
(`response_format` json_schema: `result` a number within the grader's range, or one of its
labels, and reasoning `steps`), so the default reply is always a valid grade. Chat
completions, not Responses: the graders' `sampling_params` are chat's
(`max_completions_tokens`, `seed`) and their token usage is reported in chat's words
(`prompt_tokens`, `completion_tokens`, `cached_tokens`). The grading itself is
`mockai.graders`; the evals family runs its testing criteria through here too.
"""

from __future__ import annotations

from typing import Any

import aiohttp
import orjson
from aiohttp import web

from mockai.graders import rules, templates
from mockai.graders.models import Grader, Message, SpecCheck, parse
from mockai.graders.run import Graded, ModelAnswer, ModelCall, grade
from mockai.toolkit.loopback import Loopback, loopback
from mockai.toolkit.state import state_of
from mockai.usage import TokenCounts

CHAT = "/v1/chat/completions"


def definition(
    request: web.Request, body: Any, where: str, spec_check: SpecCheck | None = None
) -> Grader:
    """The grader `body` defines, checked by its schema and its rules (under `--lenient`,
    only by what the description states: a run then flags what breaks the rules)."""
    lenient = state_of(request).settings.lenient
    grader = parse(body, where, lenient=lenient, spec_check=spec_check)
    if not lenient:
        rules.check(grader, where)
    return grader


def _part(part: dict[str, Any]) -> dict[str, Any]:
    if part["type"] in ("input_text", "output_text"):
        return {"type": "text", "text": part["text"]}
    if part["type"] == "input_image":
        image = {"url": part["image_url"]}
        if "detail" in part:
            image["detail"] = part["detail"]
        return {"type": "image_url", "image_url": image}
    return {"type": "input_audio", "input_audio": part["input_audio"]}


def _chat_message(message: Message) -> dict[str, Any]:
    content = message.model_dump(exclude_none=True)["content"]
    if not isinstance(content, str):
        content = [_part(p) for p in (content if isinstance(content, list) else [content])]
    return {"role": message.role, "content": content}


def chat_body(call: ModelCall) -> dict[str, Any]:
    """The chat completion request a model grader sends."""
    body: dict[str, Any] = {
        "model": call.grader.model,
        "messages": [_chat_message(m) for m in call.messages],
        "response_format": {
            "type": "json_schema",
            "json_schema": {
                "name": f"{call.grader.type}_grader",
                "strict": True,
                "schema": call.schema,
            },
        },
    }
    params = call.grader.sampling_params
    if params is not None:
        for key, value in params.model_dump(exclude_none=True).items():
            body["max_completion_tokens" if key == "max_completions_tokens" else key] = value
    return body


def _answer(status: int, body: Any) -> ModelAnswer:
    if not isinstance(body, dict):
        return ModelAnswer(error=f"The grader model's answer ({status}) is not a JSON object.")
    if status != 200:
        error = body.get("error")
        message = error.get("message") if isinstance(error, dict) else None
        return ModelAnswer(error=f"Error code: {status} - {message or body}")
    choices = body.get("choices") or [{}]
    message = choices[0].get("message") or {} if isinstance(choices[0], dict) else {}
    counts = TokenCounts.of(body.get("usage"))
    content = message.get("content")
    return ModelAnswer(
        text=content if isinstance(content, str) else None,
        refusal=message.get("refusal"),
        model=body.get("model") if isinstance(body.get("model"), str) else None,
        usage=None if counts is None else counts.chat_words(),
    )


async def _ask_chat(target: Loopback, http: aiohttp.ClientSession, call: ModelCall) -> ModelAnswer:
    try:
        async with http.post(
            target.base_url + CHAT, data=orjson.dumps(chat_body(call)), headers=target.headers
        ) as answer:
            raw, status = await answer.read(), answer.status
    except aiohttp.ClientError as exc:
        return ModelAnswer(error=f"The grader model's request failed: {exc}")
    try:
        return _answer(status, orjson.loads(raw))
    except orjson.JSONDecodeError:
        return _answer(status, None)


async def run(request: web.Request, grader: Grader, item: Any, sample: dict[str, Any]) -> Graded:
    """`grader` run on `item` and `sample` (`templates.sample_of` makes one from a text)."""
    return await run_at(loopback(request), state_of(request).settings.seed, grader, item, sample)


async def run_at(
    target: Loopback, seed: int, grader: Grader, item: Any, sample: dict[str, Any]
) -> Graded:
    """`run` for a job that outlives its request (an eval run): its model graders ask
    `target`, the server as the request that started the job reached it."""
    context = templates.Context(item=item if item is not None else {}, sample=sample)
    async with target.client() as http:

        async def ask(call: ModelCall) -> ModelAnswer:
            return await _ask_chat(target, http, call)

        return await grade(grader, context, ask, seed=seed)
