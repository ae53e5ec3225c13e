"""The Conversations API's answers beyond the kept conversation object: item lists (the items
a call added, a page of them) showing what `include` asks for, and the deletion object."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from mockai.inputitems import shown


def item_list(items: list[dict[str, Any]], include: Iterable[str]) -> dict[str, Any]:
    """The items a call added, as `createConversationItems` answers them: one whole list."""
    return shown_page(
        {
            "object": "list",
            "data": items,
            "first_id": items[0]["id"] if items else None,
            "last_id": items[-1]["id"] if items else None,
            "has_more": False,
        },
        include,
    )


def shown_page(page: Mapping[str, Any], include: Iterable[str]) -> dict[str, Any]:
    """A page of items (`toolkit.pagination.page`) with what `include` asks for."""
    wanted = list(include)
    return {**page, "data": [shown(item, wanted) for item in page["data"]]}


def deleted(conversation_id: str) -> dict[str, Any]:
    return {"id": conversation_id, "object": "conversation.deleted", "deleted": True}
