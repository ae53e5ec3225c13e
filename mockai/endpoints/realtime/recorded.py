"""A recorded Realtime response (a scenario's `events:` step, as `mockai record` writes one
from a proxied session) played back: each server event after its recorded delay (divided by
`--replay-speed`), with fresh ids where the recording wrote placeholders; its output items join
the conversation, as a rendered response's do."""

from __future__ import annotations

import asyncio
from typing import Any

import orjson

from mockai.recording.normalise import Fresh
from mockai.vocabulary import Event


async def replay(connection: Any, recorded: list[Event], in_conversation: bool) -> None:
    """`connection`: the socket's `turn.Connection` (not imported: turn imports this)."""
    speed = connection.state.settings.replay_speed
    fresh = Fresh()
    for each in recorded:
        if speed > 0 and each.after_ms:
            await asyncio.sleep(each.after_ms / 1000 / speed)
        event = orjson.loads(fresh(each.data))
        event.pop("event_id", None)  # the connection gives each event its own
        kind = event.get("type")
        if kind == "response.created":
            connection.last_response = event["response"]["id"]
        if kind == "response.output_item.done" and in_conversation:
            connection.session.add(dict(event["item"]))
        await connection.send(event)
