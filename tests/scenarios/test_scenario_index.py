"""The scenario index finds exactly what trying every scenario in order would find, and the
phrases it files scenarios under are ones a match really needs."""

from __future__ import annotations

import random
from types import SimpleNamespace

import pytest
import yaml
from helpers import api_json, chat_body, post_chat

from mockai.endpoints import endpoint_names
from mockai.scenarios import load_text
from mockai.scenarios.call import Call
from mockai.scenarios.engine import ScenarioEngine
from mockai.scenarios.index import ScenarioIndex, _regex_literal

WORDS = [
    "weather",
    "Boston",
    "refund",
    "order",
    "ab",
    "x",
    "tool",
    "café",
    "İstanbul",
    "résumé",
    "phrase",
    "number",
    "1",
    "22",
    "333",
    "hello world",
    "straße",
    "ΣΊΣΥΦΟΣ",
    "ask",
    "aſk",
    "sit",
    "ſıt",
    "der tool",
]


def scenarios(rng: random.Random, count: int) -> list[dict]:
    out = []
    for i in range(count):
        match: dict = {}
        kind = rng.random()
        if kind < 0.6:
            match["user"] = " ".join(rng.sample(WORDS, rng.randint(1, 2)))
        elif kind < 0.8:
            word = rng.choice(WORDS)
            match["user"] = {
                "regex": rng.choice(
                    [
                        f"^{word}",
                        f"(?i){word}\\b",
                        f"{word}|tool",
                        f"[0-9]+ {word}",
                        f"{word}.*end$",
                    ]
                )
            }
        if rng.random() < 0.2:
            match["endpoint"] = rng.choice(["chat.completions", "responses"])
        out.append({"name": f"s{i}", "match": match, "reply": {"content": str(i)}})
    return out


def message(rng: random.Random) -> str:
    """A few words, sometimes shouted, sometimes buried in a long text of filler."""
    text = " ".join(
        rng.choice(WORDS + ["end", "TOOL", "WEATHER"]) for _ in range(rng.randint(0, 6))
    )
    if rng.random() < 0.3:
        text = text.upper()
    if rng.random() < 0.1:
        filler = " ".join(rng.choice(WORDS) for _ in range(2_000))
        text = rng.choice([f"{filler} {text}", f"{text} {filler}", f"{filler}{text}{filler}"])
    return text


@pytest.mark.parametrize("seed", range(5))
def test_index_agrees_with_trying_every_scenario(seed):
    rng = random.Random(seed)
    files = load_text(
        yaml.safe_dump(scenarios(rng, 300), allow_unicode=True), "many.yaml", endpoint_names()
    )
    engine = ScenarioEngine(files)
    for _ in range(400):
        text = message(rng)
        call = Call(
            endpoint=rng.choice(["chat.completions", "responses"]),
            body={},
            headers={},
            last_user_message=text,
        )
        expected = next((s for s in files if s.matches(call)), None)
        assert engine.choose(call) is expected, text


@pytest.mark.parametrize(
    "pattern, literal",
    [
        ("^topic-7\\b", "topic-7"),
        ("weather", "weather"),
        ("a|bcd", None),
        ("(?i)Boston", "ton"),
        ("x+yz", "yz"),
        ("[0-9]+ order", " order"),
        ("café", "caf"),
        ("(unclosed", None),
        ("(?i)ask me", "k me"),
        ("(?i:ask) me", " me"),
    ],
)
def test_regex_literal_is_a_run_every_match_contains(pattern, literal):
    assert _regex_literal(pattern) == literal


@pytest.mark.parametrize(
    "regex, text",
    [
        ("(?i)ask for help", "Aſk for help"),
        ("(?i)this is it", "thiſ ıs ıt"),
        ("(?i)Boston", "BOSTON"),
    ],
)
def test_case_insensitive_regex_is_tried_on_letters_that_fold_outside_ascii(regex, text):
    files = load_text(
        yaml.safe_dump(
            [{"name": "r", "match": {"user": {"regex": regex}}, "reply": {"content": "r"}}]
        ),
        "r.yaml",
        endpoint_names(),
    )
    call = Call(endpoint="chat.completions", body={}, headers={}, last_user_message=text)
    assert files[0].matches(call)
    assert ScenarioEngine(files).choose(call) is files[0]


async def test_a_long_prompt_gets_the_scenario_whose_phrase_it_hides_near_the_end(serve):
    """Over HTTP, with phrases that overlap and a runtime scenario besides the indexed ones."""
    many = [
        {
            "name": f"s{i}",
            "match": {"user": f"phrase number {i} here"},
            "reply": {"content": f"s{i}"},
        }
        for i in range(500)
    ]
    tail = [
        {
            "name": "regex",
            "match": {"user": {"regex": "(?i)ticket (\\d+) is urgent"}},
            "reply": {"content": "regex"},
        },
        {"name": "fallback", "reply": {"content": "fallback"}},
    ]
    client = await serve(many + tail)
    filler = "All work and no play makes a long prompt. " * 12_000
    answers = []
    for text in (
        f"{filler} PHRASE NUMBER 42 HERE",
        f"{filler} phrase number 4 here",
        f"{filler}number 7 here, Ticket 12 is URGENT",
        filler,
        "phrase number 499 here",
    ):
        response = await post_chat(client, chat_body(text))
        answers.append((await api_json(response))["choices"][0]["message"]["content"])
    assert answers == ["s42", "s4", "regex", "fallback", "s499"]
    added = await client.post(
        "/_mockai/scenarios",
        json=[
            {"name": "runtime", "match": {"user": "makes a long"}, "reply": {"content": "runtime"}}
        ],
    )
    assert added.status == 201, await added.text()
    response = await post_chat(client, chat_body(f"{filler} phrase number 4 here"))
    assert (await api_json(response))["choices"][0]["message"]["content"] == "runtime"


def test_lone_surrogates_in_phrases_and_messages_are_matched_not_refused():
    """The pure-Python YAML loader lets a phrase hold one, a form field may bring one."""
    odd, plain = SimpleNamespace(needle="half \ud800 pair"), SimpleNamespace(needle="pair")
    index = ScenarioIndex([odd, plain])
    for text, found in (
        ("a half \ud800 pair", [odd, plain]),
        ("half \udc00 pair", [plain]),
        ("\ud800", []),
    ):
        call = Call(endpoint="chat.completions", body={}, headers={}, last_user_message=text)
        assert list(index.candidates(call)) == found
