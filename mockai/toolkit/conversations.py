"""The conversations of the Conversations API, which a Responses call with `conversation` also
reads and extends: each conversation's object and its items in order, per session.

The Conversations family creates, updates and deletes them and their items; the Responses family
finds one (`find`: the real 404 for an id never made), reads its items as the model's context
and appends a turn's input and output items (`append`), so listing a conversation's items,
a response's token counts and `previous_response_id` chains all see the same items.

A conversation keeps at most `MAX_ITEMS` items: beyond that the oldest are dropped, as the store
drops a session's oldest objects (the real API documents no limit).
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from mockai import ids
from mockai.errors import APIError, invalid_request
from mockai.inputitems import ITEM_TYPES
from mockai.store import Kind
from mockai.toolkit.state import ServerState, find_or_stand_in

# The wordings observed on the real API (GET /v1/conversations/{id} and a Responses call
# naming a conversation never made: 404, `param` and `code` null).
KIND: Kind[Conversation] = Kind("conversations", missing="Conversation with id '{id}' not found.")
ITEM_MISSING = "Item with id '{id}' not found in conversation."
MAX_ITEMS = 1000

# What a conversation holds: the input item types that are items of their own (a conversation
# item is one of the Response object's output types). An `item_reference` names an item kept
# elsewhere, a `compaction_trigger` asks for a compaction: neither is kept.
KEPT = frozenset(ITEM_TYPES) - {"item_reference", "compaction_trigger"}
# Types whose conversation item has a `status` their input form may leave out.
_STATUSED = frozenset(
    {
        "message",
        "function_call",
        "function_call_output",
        "computer_call_output",
        "tool_search_call",
        "tool_search_output",
        "shell_call",
        "shell_call_output",
    }
)


def _part(part: Any) -> Any:
    """A message's content part as a conversation item shows it: an `output_text` with its
    `annotations` and `logprobs`, an `input_image` with its `detail`."""
    if not isinstance(part, dict):
        return part
    if part.get("type") == "output_text":
        return {"annotations": [], "logprobs": [], **part}
    if part.get("type") == "input_image":
        return {"detail": "auto", **part}
    return part


# The types whose conversation item is whole once normalised and `as_item` has done its part.
# None of their fields (or their parts' fields) is both required and nullable: a null one is
# left out, as the real API reads a null field of a Responses request as one left out.
WHOLE = frozenset({"message", "function_call", "function_call_output"})


def _present(value: Any) -> Any:
    if not isinstance(value, dict):
        return value
    return {key: given for key, given in value.items() if given is not None}


def as_item(item: Mapping[str, Any]) -> dict[str, Any]:
    """A normalised input item (or a response's output item) as a conversation keeps it."""
    kept = dict(item)
    if kept["type"] in WHOLE:
        kept = _present(kept)
        for parts in ("content", "output"):
            if isinstance(kept.get(parts), list):
                kept[parts] = [_present(part) for part in kept[parts]]
    if kept["type"] in _STATUSED and kept.get("status") is None:
        kept["status"] = "completed"
    if kept["type"] == "message" and isinstance(kept.get("content"), list):
        kept["content"] = [_part(part) for part in kept["content"]]
    return kept


@dataclass
class Conversation:
    body: dict[str, Any]  # the `conversation` object: id, created_at, metadata
    items: OrderedDict[str, dict[str, Any]] = field(default_factory=OrderedDict)

    @classmethod
    def new(cls, metadata: Mapping[str, str] | None, key: str | None = None) -> Conversation:
        return cls(
            {
                "id": key or ids.conversation_id(),
                "object": "conversation",
                "created_at": int(time.time()),
                "metadata": dict(metadata or {}),
            }
        )

    def context(self) -> list[dict[str, Any]]:
        """Its items, oldest first: what a Responses call continuing it starts from."""
        return list(self.items.values())

    def add(self, items: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
        """Keep `items` (normalised, unique ids) after the others; the added ones, as kept."""
        added = []
        for item in items:
            if item["type"] not in KEPT:
                continue
            kept = as_item(item)
            self.items[kept["id"]] = kept
            added.append(kept)
        while len(self.items) > MAX_ITEMS:
            self.items.popitem(last=False)
        return added

    def item(self, item_id: str) -> dict[str, Any]:
        """The item `item_id`, or the real 404 (observed on GET .../items/{item_id})."""
        found = self.items.get(item_id)
        if found is None:
            raise APIError(404, ITEM_MISSING.format(id=item_id), code=None)
        return found

    def remove(self, item_id: str) -> None:
        del self.items[self.item(item_id)["id"]]


def find(state: ServerState, session: str | None, conversation_id: str) -> Conversation:
    """The session's conversation `conversation_id`, or the real 404; under `--lenient` an id
    never made is an empty conversation, kept from then on."""
    return find_or_stand_in(
        state, session, KIND, conversation_id, lambda: Conversation.new(None, conversation_id)
    )


def check_unique(
    kept: Iterable[Mapping[str, Any]], new: Iterable[Mapping[str, Any]], param: str
) -> None:
    """New items may not repeat an id of the conversation's items or of each other (the real
    API's 400, `param` naming where they were given)."""
    seen = {item.get("id") for item in kept}
    for item in new:
        if item["id"] in seen:
            raise invalid_request(
                f"Duplicate item found with id {item['id']}. Remove duplicate items from your "
                "input and try again.",
                param,
            )
        seen.add(item["id"])


def append(
    state: ServerState, session: str | None, conversation_id: str, items: list[dict[str, Any]]
) -> None:
    """A Responses turn's input and output items, added to its conversation (unless the
    conversation was deleted meanwhile)."""
    found = state.store.get(session, KIND, conversation_id)
    if found is not None:
        found.add(items)
