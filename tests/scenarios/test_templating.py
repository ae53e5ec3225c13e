"""`{{ ... }}` templates in scenario strings, over HTTP: what they read, where they apply, and
the sandbox that keeps a scenario from reaching Python internals."""

from __future__ import annotations

import json

import pytest
from helpers import api_json, chat_body, post_chat, sse

SESSION = {"X-Mockai-Session": "sess-42"}


async def body_of(client, content: str = "Hello", headers: dict | None = None, **extra):
    response = await post_chat(client, chat_body(content, **extra), headers=headers)
    return response, await api_json(response)


async def test_context_variables_in_content(serve):
    client = await serve(
        [
            {
                "name": "echo",
                "replies": [
                    {
                        "content": "{{ model }}|{{ last_user_message }}|{{ request.temperature }}|"
                        "{{ session }}|{{ step }}"
                    },
                    {
                        "content": "step {{ step }} of {{ endpoint }} for {{ request.messages | length }} message(s)"
                    },
                ],
            }
        ]
    )
    response, body = await body_of(
        client, "What's up?", SESSION, model="gpt-4o-mini", temperature=0.25
    )
    assert response.status == 200
    assert body["choices"][0]["message"]["content"] == "gpt-4o-mini|What's up?|0.25|sess-42|0"
    _, body = await body_of(client, "again", SESSION)
    assert body["choices"][0]["message"]["content"] == "step 1 of chat.completions for 1 message(s)"


async def test_system_message_headers_and_tools_variables(serve):
    client = await serve(
        [
            {
                "name": "ctx",
                "reply": {
                    "content": "{{ system_message }}/{{ headers['x-tenant'] }}/{{ tools | join(',') }}"
                },
            }
        ]
    )
    body = chat_body(
        "hi",
        tools=[
            {"type": "function", "function": {"name": "b_tool"}},
            {"type": "function", "function": {"name": "a_tool"}},
        ],
    )
    body["messages"].insert(0, {"role": "system", "content": "Be brief."})
    response = await post_chat(client, body, headers={"X-Tenant": "acme"})  # any case
    data = await api_json(response)
    assert data["choices"][0]["message"]["content"] == "Be brief./acme/a_tool,b_tool"


async def test_templates_in_tool_call_arguments(serve):
    client = await serve(
        [
            {
                "name": "call",
                "reply": {
                    "tool_calls": [
                        {
                            "name": "lookup",
                            "arguments": {
                                "query": "{{ last_user_message }}",
                                "count": 3,
                                "options": {
                                    "model": "{{ model }}",
                                    "steps": ["{{ step }}", "fixed"],
                                },
                                "stream": "{{ session }}",  # a parameter that happens to be called `stream`
                            },
                        },
                        {"name": "raw", "arguments": '{"q": "{{ last_user_message | upper }}"}'},
                    ]
                },
            }
        ]
    )
    response, body = await body_of(
        client,
        "find cats",
        SESSION,
        tools=[
            {"type": "function", "function": {"name": "lookup"}},
            {"type": "function", "function": {"name": "raw"}},
        ],
    )
    assert response.status == 200
    [first, second] = body["choices"][0]["message"]["tool_calls"]
    assert json.loads(first["function"]["arguments"]) == {
        "query": "find cats",
        "count": 3,
        "options": {"model": "gpt-4o", "steps": ["0", "fixed"]},
        "stream": "sess-42",
    }
    assert json.loads(second["function"]["arguments"]) == {"q": "FIND CATS"}
    assert body["choices"][0]["finish_reason"] == "tool_calls"


async def test_templates_in_headers_and_error_messages(serve):
    client = await serve(
        [
            {
                "name": "h",
                "headers": {"x-echo-model": "{{ model }}"},
                "replies": [
                    {"content": "ok", "headers": {"X-Step": "{{ step }}"}},
                    {"error": {"status": 429, "message": "Slow down, {{ session }}."}},
                ],
            }
        ]
    )
    response, _ = await body_of(client, headers=SESSION, model="gpt-4o-mini")
    assert response.headers["x-echo-model"] == "gpt-4o-mini"
    assert response.headers["x-step"] == "0"
    response, body = await body_of(client, headers=SESSION)
    assert response.status == 429
    assert body["error"]["message"] == "Slow down, sess-42."
    assert response.headers["x-echo-model"] == "gpt-4o"


async def test_templates_in_streamed_content(serve):
    client = await serve([{"name": "s", "reply": {"content": "You said: {{ last_user_message }}"}}])
    events = await sse(await post_chat(client, chat_body("streaming works", stream=True)))
    text = "".join(
        e["choices"][0]["delta"].get("content") or "" for e in events[:-1] if e["choices"]
    )
    assert text == "You said: streaming works"


async def test_request_text_is_data_not_template(serve):
    """A user message that looks like a template is echoed as-is, never evaluated."""
    client = await serve([{"name": "echo", "reply": {"content": "<{{ last_user_message }}>"}}])
    _, body = await body_of(client, "{{ 7 * 7 }} {% raw %}")
    assert body["choices"][0]["message"]["content"] == "<{{ 7 * 7 }} {% raw %}>"


async def test_jinja_filters_and_conditionals_work(serve):
    client = await serve(
        [
            {
                "name": "cond",
                "reply": {
                    "content": "{% if 'urgent' in last_user_message %}NOW{% else %}later{% endif %}:"
                    "{{ last_user_message | title }}"
                },
            }
        ]
    )
    _, body = await body_of(client, "urgent thing")
    assert body["choices"][0]["message"]["content"] == "NOW:Urgent Thing"


UNSAFE = [
    "{{ request.__class__.__mro__ }}",
    "{{ ''.__class__ }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ request.__init__.__globals__ }}",
    "{{ '{0.__class__}'.format(request) }}",
    "{{ messages.append(1) }}",
    "{{ request.update({'model': 'x'}) }}",
    "{{ cycler.__init__.__globals__.os }}",
    "{{ lipsum.__globals__['os'].popen('id').read() }}",
    "{% for c in [].__class__.__base__.__subclasses__() %}{{ c }}{% endfor %}",
]


@pytest.mark.parametrize("template", UNSAFE)
async def test_sandbox_refuses_unsafe_access(serve, template: str):
    client = await serve(
        [
            {"name": "evil", "match": {"user": "evil"}, "reply": {"content": template}},
            {"name": "fine", "reply": {"content": "still serving"}},
        ]
    )
    response, body = await body_of(client, "evil")
    assert response.status == 500
    assert response.headers["Content-Type"].startswith("application/json")
    assert set(body["error"]) == {"message", "type", "param", "code"}
    assert body["error"]["code"] == "scenario_template_error"
    assert "unsafe" in body["error"]["message"]  # refused by the sandbox, not some other failure
    text = json.dumps(body)
    assert "Traceback" not in text and "<html" not in text.lower()
    assert "uid=" not in text and "<class" not in text
    # The server lives on, and the failed render changed nothing.
    _, body = await body_of(client, "next")
    assert body["choices"][0]["message"]["content"] == "still serving"
    entries = await (await client.get("/_mockai/requests")).json()
    assert [e["status"] for e in entries["data"]] == [500, 200]


async def test_missing_request_field_is_an_openai_error(serve):
    client = await serve([{"name": "t", "reply": {"content": "{{ request.temperature }}"}}])
    response, body = await body_of(client)  # no temperature in the request
    assert response.status == 500
    assert body["error"]["type"] == "server_error"
    assert body["error"]["code"] == "scenario_template_error"
    assert "temperature" in body["error"]["message"]


async def test_template_problems_are_refused_at_load(serve):
    client = await serve()
    response = await client.post(
        "/_mockai/scenarios",
        data=(
            "- name: t\n"
            "  replies:\n"
            "    - content: fine\n"
            "    - content: \"{{ __import__('os') }}\"\n"
        ),
    )
    body = await response.json()
    assert response.status == 400
    assert body["problems"] == [
        "<request>:4: replies[1].content: template uses unknown variable(s) __import__; known: "
        "endpoint, headers, "
        "last_user_message, messages, model, request, session, step, system_message, tools"
    ]


@pytest.mark.parametrize(
    "source, unknown",
    [
        ("{{ model }} {{ request.messages | length }}", None),  # only known names: the quick check
        (
            "{% for m in messages %}{{ m.content }}{{ loop.index }}{% endfor %}",
            None,
        ),  # declared ones
        ("{% set who = model %}{{ who }}", None),
        ("{{ town }} {{ model }}", "town"),
        ("{% for m in messages %}{{ m }}{% endfor %}{{ m }}", "m"),  # not declared outside the loop
    ],
)
def test_unknown_variables_are_found_whichever_check_runs(source, unknown):
    from mockai.templating import Template, TemplateProblem

    if unknown is None:
        Template(source)
    else:
        with pytest.raises(TemplateProblem, match=rf"unknown variable\(s\) {unknown};"):
            Template(source)


# Each builds far more than memory holds from a number the request brings (so the template
# cannot be refused when it loads); the sandbox must refuse it at once.
TOO_LARGE = [
    "{{ 'a' * (last_user_message | int) }}",
    "{{ [1, 2] * (last_user_message | int) }}",
    "{{ 10 ** (last_user_message | int) }}",
    "{{ 'x' | center(last_user_message | int) }}",
    "{{ model.ljust(last_user_message | int) }}",
    "{{ '%*d' % (last_user_message | int, 1) }}",
    "{{ range(last_user_message | int) | list | length }}",
    "{% for i in range(90000) %}{% for j in range(90000) %}{% endfor %}{% endfor %}",
    "{% set x = 'a' * 4000000 %}{% set x = x ~ x %}{% set x = x ~ x %}{{ x | length }}",
    "{% set x = ['a' * 4000000] %}{% set y = [x, x] %}{% set z = [y, y] %}{{ z | length }}",
    "{{ range(90000) | join('a' * 4000000) | length }}",
    "{% set t %}{% for i in range(90000) %}{{ 'a' * 4000000 }}{% endfor %}{% endset %}{{ t | length }}",
]


@pytest.mark.parametrize("template", TOO_LARGE)
async def test_templates_too_large_to_build_fail_fast(serve, template: str):
    import time

    client = await serve(
        [
            {"name": "huge", "match": {"user": "0"}, "reply": {"content": template}},
            {"name": "fine", "reply": {"content": "still serving"}},
        ]
    )
    started = time.perf_counter()
    response, body = await body_of(client, "10000000000")
    assert time.perf_counter() - started < 2
    assert response.status == 500
    assert body["error"]["code"] == "scenario_template_error"
    assert body["error"]["message"].startswith(
        "Scenario 'huge': template in reply.content failed: "
    )
    assert (
        "at most 4,194,304" in body["error"]["message"]
        or "bits" in body["error"]["message"]
        or "count past" in body["error"]["message"]
        or "is over 4,194,304" in body["error"]["message"]
    )
    _, body = await body_of(client, "next")
    assert body["choices"][0]["message"]["content"] == "still serving"


async def test_templates_within_the_bounds_still_work(serve):
    client = await serve(
        [
            {
                "name": "ok",
                "reply": {
                    "content": "{{ 'ab' * 3 }} {{ 2 ** 10 }} {{ [1] + [2] }} {{ '%05d' % 42 }} {{ 'x' | center(5) }}|"
                    "{{ range(3) | join(',') }} {{ '{:>4}'.format(step) }} {{ '%d' % 12345678901 }}"
                    "{% for m in messages %} {{ m.role }}{% endfor %} {{ (model ~ '!') | length }} "
                    "{{ '+'.join(messages | map(attribute='content')) }}"
                },
            }
        ]
    )
    _, body = await body_of(client, "hi")
    assert (
        body["choices"][0]["message"]["content"]
        == "ababab 1024 [1, 2] 00042   x  |0,1,2    0 12345678901 user 7 hi"
    )


async def test_a_constant_template_too_large_is_refused_when_it_loads(serve):
    client = await serve()
    response = await client.post(
        "/_mockai/scenarios", data=("- name: t\n  reply:\n    content: \"{{ 'a' * 10**10 }}\"\n")
    )
    assert response.status == 400
    assert (await response.json())["problems"] == [
        "<request>:3: reply.content: template too large: a repetition 10,000,000,000 times would "
        "have 10,000,000,000 characters or items; a template may build at most 4,194,304"
    ]
