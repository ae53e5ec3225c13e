"""The Conversations API's request bodies, strict like the real API's, and its `include` query
parameter: the values the description lists, the real 400 for any other."""

from __future__ import annotations

from typing import Any

from multidict import MultiMapping
from pydantic import BaseModel, ConfigDict, Field

from mockai.errors import choices, invalid_request
from mockai.inputitems import INCLUDES

MAX_NEW_ITEMS = 20  # items per call, `POST /conversations` and `POST .../items` alike


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class CreateConversation(_Model):
    """`POST /v1/conversations` (CreateConversationBody): items are Responses input items, plain
    dicts checked by `mockai.inputitems.normalise`."""

    metadata: dict[str, str] | None = None
    items: list[dict[str, Any]] | None = Field(None, max_length=MAX_NEW_ITEMS)
    # Sent by the current SDKs though newer than the shipped description: accepted, ignored.
    safety_identifier: str | None = None


class UpdateConversation(_Model):
    """`POST /v1/conversations/{conversation_id}` (UpdateConversationBody)."""

    metadata: dict[str, str] | None


class CreateItems(_Model):
    """`POST /v1/conversations/{conversation_id}/items`."""

    items: list[dict[str, Any]] = Field(max_length=MAX_NEW_ITEMS)


def includes(query: MultiMapping[str]) -> list[str]:
    """The `include` query parameter's values (`include=a&include=b`, or `include[]=...` as the
    official SDKs send an array), each one the description lists."""
    values = query.getall("include", []) + query.getall("include[]", [])
    for index, value in enumerate(values):
        if value not in INCLUDES:
            raise invalid_request(
                f"Invalid value: '{value}'. Supported values are: {choices(INCLUDES)}.",
                f"include[{index}]",
                "invalid_value",
            )
    return values
