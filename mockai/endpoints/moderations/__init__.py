"""`POST /v1/moderations`: text, text lists and multi-modal (text + image) inputs, the real
category list and scores, the verdict from a scenario step (`flagged`, `categories`) or from
the default keyword rules (`rules`).

A list of strings gets one result per string; a list of text and image parts is one input and
gets one result, as in the spec's examples. Legacy text-moderation models report the dated
model name, leave the omni-only `illicit` categories null and refuse images.

A scenario step decides every result of its request: `categories: [violence, ...]` flags those
(scores 0.80-0.99); `categories: {violence: 0.97}` sets those scores and flags the ones at 0.5
or above; `flagged: true` alone flags what the rules find (and the result even if they find
nothing); `flagged: false` clears every flag but keeps the scores.
"""

from __future__ import annotations

from mockai.endpoints import Route

ROUTES = [
    Route("POST", "/moderations", "handlers.create", scenario="moderations"),
]
