"""The moderation verdict when no scenario decides: a small, documented keyword rule set.

Each category below is flagged when the text contains one of its phrases (case-insensitive,
at word boundaries); a flagged sub-category also flags its parent (`self-harm/intent` flags
`self-harm`). Flagged categories score between 0.80 and 0.99, the others below 0.001, both
fixed by the text, so the same input always gets the same scores.

- harassment: idiot, stupid, loser, moron, worthless, shut up
- harassment/threatening: i will hurt you, i will kill you, you will pay, watch your back
- hate: subhuman, vermin, inferior race, go back to your country
- hate/threatening: exterminate them, ethnic cleansing, wipe them out
- illicit: shoplift, steal, counterfeit, launder money, hack into, buy drugs, make meth
- illicit/violent: make a bomb, build a bomb, build a gun, untraceable gun, buy a gun illegally
- self-harm: suicide, self-harm, hurt myself, cut myself
- self-harm/intent: i want to die, kill myself, end my life
- self-harm/instructions: how to kill myself, ways to commit suicide, how to cut myself
- sexual: porn, nude, explicit sex, sexual
- sexual/minors: (a `sexual` phrase together with) child, minor, underage, kid
- violence: kill, murder, shoot, stab, attack, bomb, beat up
- violence/graphic: blood, gore, dismember, mutilate, disembowel
"""

from __future__ import annotations

import hashlib
import re

CATEGORIES = (
    "harassment",
    "harassment/threatening",
    "hate",
    "hate/threatening",
    "illicit",
    "illicit/violent",
    "self-harm",
    "self-harm/intent",
    "self-harm/instructions",
    "sexual",
    "sexual/minors",
    "violence",
    "violence/graphic",
)
# Categories whose scores also apply to images (the spec's category_applied_input_types).
IMAGE_CATEGORIES = frozenset(
    {
        "self-harm",
        "self-harm/intent",
        "self-harm/instructions",
        "sexual",
        "violence",
        "violence/graphic",
    }
)

_PHRASES = {
    "harassment": ("idiot", "stupid", "loser", "moron", "worthless", "shut up"),
    "harassment/threatening": (
        "i will hurt you",
        "i will kill you",
        "you will pay",
        "watch your back",
    ),
    "hate": ("subhuman", "vermin", "inferior race", "go back to your country"),
    "hate/threatening": ("exterminate them", "ethnic cleansing", "wipe them out"),
    "illicit": (
        "shoplift",
        "steal",
        "counterfeit",
        "launder money",
        "hack into",
        "buy drugs",
        "make meth",
    ),
    "illicit/violent": (
        "make a bomb",
        "build a bomb",
        "build a gun",
        "untraceable gun",
        "buy a gun illegally",
    ),
    "self-harm": ("suicide", "self-harm", "hurt myself", "cut myself"),
    "self-harm/intent": ("i want to die", "kill myself", "end my life"),
    "self-harm/instructions": ("how to kill myself", "ways to commit suicide", "how to cut myself"),
    "sexual": ("porn", "nude", "explicit sex", "sexual"),
    "violence": ("kill", "murder", "shoot", "stab", "attack", "bomb", "beat up"),
    "violence/graphic": ("blood", "gore", "dismember", "mutilate", "disembowel"),
}
_MINORS = ("child", "minor", "underage", "kid")
_PATTERNS = {
    category: re.compile(r"\b(?:" + "|".join(map(re.escape, phrases)) + r")\w*\b", re.IGNORECASE)
    for category, phrases in _PHRASES.items()
}
_MINORS_PATTERN = re.compile(r"\b(?:" + "|".join(_MINORS) + r")\w*\b", re.IGNORECASE)


def flagged_categories(text: str) -> set[str]:
    found = {category for category, pattern in _PATTERNS.items() if pattern.search(text)}
    if "sexual" in found and _MINORS_PATTERN.search(text):
        found.add("sexual/minors")
    found.update({category.partition("/")[0] for category in found if "/" in category})
    return found


def score(text: str, category: str, flagged: bool) -> float:
    """A stable score for (text, category): 0.80-0.99 when flagged, under 0.001 otherwise."""
    digest = hashlib.blake2b(f"{category}|{text}".encode(), digest_size=8).digest()
    unit = int.from_bytes(digest, "big") / 2**64
    return 0.8 + 0.19 * unit if flagged else 10 ** (-3 - 5 * unit)
