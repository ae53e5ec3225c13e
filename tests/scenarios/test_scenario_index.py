"""The scenario index finds exactly what trying every scenario in order would find, and the
phrases it files scenarios under are ones a match really needs."""

from __future__ import annotations

import random

import pytest
import yaml

from mockai.scenarios import load_text
from mockai.scenarios.call import Call
from mockai.scenarios.engine import ScenarioEngine
from mockai.scenarios.index import _regex_literal

WORDS = ["weather", "Boston", "refund", "order", "ab", "x", "tool", "café", "İstanbul", "résumé",
         "phrase", "number", "1", "22", "333", "hello world", "straße", "ΣΊΣΥΦΟΣ"]


def scenarios(rng: random.Random, count: int) -> list[dict]:
    out = []
    for i in range(count):
        match: dict = {}
        kind = rng.random()
        if kind < 0.6:
            match["user"] = " ".join(rng.sample(WORDS, rng.randint(1, 2)))
        elif kind < 0.8:
            word = rng.choice(WORDS)
            match["user"] = {"regex": rng.choice([f"^{word}", f"(?i){word}\\b", f"{word}|tool",
                                                   f"[0-9]+ {word}", f"{word}.*end$"])}
        if rng.random() < 0.2:
            match["endpoint"] = rng.choice(["chat.completions", "responses"])
        out.append({"name": f"s{i}", "match": match, "reply": {"content": str(i)}})
    return out


@pytest.mark.parametrize("seed", range(5))
def test_index_agrees_with_trying_every_scenario(seed):
    rng = random.Random(seed)
    files = load_text(yaml.safe_dump(scenarios(rng, 300), allow_unicode=True), "many.yaml")
    engine = ScenarioEngine(files)
    for _ in range(400):
        text = " ".join(rng.choice(WORDS + ["end", "TOOL", "WEATHER"]) for _ in range(rng.randint(0, 6)))
        if rng.random() < 0.3:
            text = text.upper()
        call = Call(endpoint=rng.choice(["chat.completions", "responses"]), body={}, headers={},
                    last_user_message=text)
        expected = next((s for s in files if s.matches(call)), None)
        assert engine.choose(call) is expected, text


@pytest.mark.parametrize("pattern, literal", [
    ("^topic-7\\b", "topic-7"), ("weather", "weather"), ("a|bcd", None), ("(?i)Boston", "Boston"),
    ("x+yz", "yz"), ("[0-9]+ order", " order"), ("café", "caf"), ("(unclosed", None),
])
def test_regex_literal_is_a_run_every_match_contains(pattern, literal):
    assert _regex_literal(pattern) == literal
