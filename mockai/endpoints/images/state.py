"""The picture files behind the URLs an images answer returns, kept per session."""

from __future__ import annotations

from dataclasses import dataclass

from mockai.store import Kind
from mockai.toolkit.state import ServerState

KEPT_PER_SESSION = 200  # served files kept per session: pictures are big, unlike other objects


@dataclass(frozen=True)
class StoredImage:
    name: str
    data: bytes
    media_type: str


KIND: Kind[StoredImage] = Kind("images")


def keep(state: ServerState, session: str | None, image: StoredImage) -> None:
    """Keep a picture its URL serves, forgetting the session's oldest past the bound."""
    state.store.put(session, KIND, image.name, image)
    for old in list(state.store.values(session, KIND))[:-KEPT_PER_SESSION]:
        state.store.delete(session, KIND, old.name)
