"""A multipart body carries objects and arrays the way the official SDKs flatten them
(openai-python's `_qs` with brackets): `session[audio][voice]`, repeated `tags[]`, and an
array of objects as repeated `tools[][type]`. The spec-driven operations read such forms back
into the JSON value (`toolkit.multipart.nested`); repeated `[]` fields are never a
"Duplicate parameter"."""

from __future__ import annotations

import aiohttp
from helpers import AUTH

from mockai.toolkit.multipart import nested

SKILL_MD = b"---\nname: s\ndescription: A skill.\n---\n"


def test_objects_arrays_and_arrays_of_objects_are_rebuilt():
    form = {
        "model": "gpt-realtime",
        "tags[]": ["a", "b"],
        "session[audio][output][voice]": "marin",
        "session[include][]": ["item.input_audio_transcription.logprobs"],
        "session[tools][][type]": ["function", "function"],
        "session[tools][][name]": ["lookup", "book"],
    }
    assert nested(form) == {
        "model": "gpt-realtime",
        "tags": ["a", "b"],
        "session": {
            "audio": {"output": {"voice": "marin"}},
            "include": ["item.input_audio_transcription.logprobs"],
            "tools": [{"type": "function", "name": "lookup"}, {"type": "function", "name": "book"}],
        },
    }


def test_an_array_inside_an_array_of_objects_gives_each_object_its_element():
    """Ambiguous in the encoding (`[]` twice): one element per object, in order."""
    form = {"s[tools][][allowed][names][]": ["a", "b"], "s[tools][][type]": ["mcp", "mcp"]}
    assert nested(form) == {
        "s": {
            "tools": [
                {"allowed": {"names": ["a"]}, "type": "mcp"},
                {"allowed": {"names": ["b"]}, "type": "mcp"},
            ]
        }
    }


def test_a_field_that_is_both_a_value_and_an_object_keeps_the_first():
    assert nested({"a": "x", "a[b]": "y"}) == {"a": "x"}
    assert nested({"a[b]": "y", "a": "x"}) == {"a": {"b": "y"}}


async def test_repeated_array_fields_reach_a_form_route(serve):
    """`POST /realtime/calls` reads its `session` from bracketed fields too."""
    client = await serve()
    form = aiohttp.FormData(default_to_multipart=True)
    form.add_field("sdp", "v=0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\n")
    for value in ("audio", "text"):
        form.add_field("session[output_modalities][]", value)
    form.add_field("session[type]", "realtime")
    form.add_field("session[model]", "gpt-realtime")
    response = await client.post("/v1/realtime/calls", data=form, headers=AUTH)
    assert response.status == 201, await response.text()
    twice = aiohttp.FormData(default_to_multipart=True)
    twice.add_field("sdp", "v=0\r\n")
    twice.add_field("sdp", "v=0\r\n")
    refused = await client.post("/v1/realtime/calls", data=twice, headers=AUTH)
    assert refused.status == 400
    assert (await refused.json())["error"]["param"] == "sdp"


async def test_an_array_of_files_is_sent_as_repeated_parts(serve):
    """`files[]` parts, as the SDK sends `client.skills.create(files=[...])`."""
    client = await serve()
    form = aiohttp.FormData(default_to_multipart=True, quote_fields=False)  # keep the `/`
    for name, content in (("s/SKILL.md", SKILL_MD), ("s/helper.py", b"print(1)\n")):
        form.add_field("files[]", content, filename=name, content_type="text/plain")
    response = await client.post("/v1/skills", data=form, headers=AUTH)
    assert response.status == 200, await response.text()
    assert (await response.json())["object"] == "skill"


async def test_a_form_is_checked_against_its_schema(serve):
    """Text is read as the type the form wants (a skill version's `default=true` is a
    boolean), and what the schema refuses is the real 400: a value of the wrong type, a
    required field missing (a spec-driven form)."""
    client = await serve()

    def form(**fields: str) -> aiohttp.FormData:
        data = aiohttp.FormData(default_to_multipart=True, quote_fields=False)
        data.add_field("files[]", SKILL_MD, filename="s/SKILL.md", content_type="text/markdown")
        for key, value in fields.items():
            data.add_field(key, value)
        return data

    skill = await (await client.post("/v1/skills", data=form(), headers=AUTH)).json()
    path = f"/v1/skills/{skill['id']}/versions"
    made = await client.post(path, data=form(default="true"), headers=AUTH)
    assert made.status == 200, await made.text()
    wrong = await client.post(path, data=form(default="sometimes"), headers=AUTH)
    error = (await wrong.json())["error"]
    assert (wrong.status, error["param"], error["code"]) == (400, "default", "invalid_type")
    consent = aiohttp.FormData(default_to_multipart=True)
    consent.add_field("recording", b"RIFF", filename="consent.wav", content_type="audio/wav")
    consent.add_field("language", "en")
    missing = await client.post("/v1/audio/voice_consents", data=consent, headers=AUTH)
    error = (await missing.json())["error"]
    assert (missing.status, error["message"]) == (400, "Missing required parameter: 'name'.")
