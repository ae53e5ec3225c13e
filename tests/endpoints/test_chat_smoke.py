"""First end-to-end checks: a scripted reply over raw HTTP, and the SDK against the fixture."""

from helpers import api_json, post_chat, sse


async def test_scripted_reply_over_raw_http(serve):
    client = await serve(
        [{"name": "hi", "match": {"user": "hello"}, "reply": {"content": "Hi there!"}}]
    )
    response = await post_chat(client)
    body = await api_json(response)
    assert body["choices"][0]["message"]["content"] == "Hi there!"
    assert body["model"] == "gpt-4o-2024-08-06"
    assert body["usage"]["completion_tokens"] == 3  # "Hi", " there", "!"


async def test_scripted_stream_over_raw_http(serve):
    client = await serve([{"name": "hi", "reply": {"content": "Hi there!"}}])
    events = await sse(await post_chat(client, stream=True))
    assert events[-1] == "[DONE]"
    text = "".join(
        e["choices"][0]["delta"].get("content") or "" for e in events[:-1] if e["choices"]
    )
    assert text == "Hi there!"


def test_sdk_against_fixture(mockai):
    mockai.add_scenario({"name": "sdk", "reply": {"content": "From the SDK."}})
    completion = mockai.client().chat.completions.create(
        model="gpt-4o-mini", messages=[{"role": "user", "content": "hi"}]
    )
    assert completion.choices[0].message.content == "From the SDK."
    assert [r["scenario"] for r in mockai.requests] == ["sdk"]
