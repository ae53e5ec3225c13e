"""What the server keeps of a Realtime call (`rtc_...`): its status, the session it runs and
where it was referred, per `X-Mockai-Session`.

mockai receives no SIP traffic, so a call made with `POST /v1/realtime/calls` also stands for
an incoming SIP call: it rings until it is accepted (with a session) or rejected. The
lifecycle: `ringing` -> `active` (accept) or `rejected` (reject); `active` -> `active` (refer,
which hands the call to another destination) or `ended` (hang up; a ringing call can be hung
up too). What the real API answers for any other transition, and in what words, is not
known: mockai answers 409 in the words of the Uploads API's refusals.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from mockai.errors import APIError
from mockai.store import Kind

# The real API's 404 wording for an unknown call id is not known; this follows its other
# "No such ... object" 404s.
KIND: Kind[StoredCall] = Kind(
    "realtime_calls", missing="No such Realtime call object: {id}", param="call_id"
)

# action -> the statuses it is taken in, and the status it leaves
TRANSITIONS: dict[str, tuple[frozenset[str], str | None]] = {
    "accept": (frozenset({"ringing"}), "active"),
    "reject": (frozenset({"ringing"}), "rejected"),
    "refer": (frozenset({"active"}), None),  # the call stays up until the transfer ends it
    "hang up": (frozenset({"ringing", "active"}), "ended"),
}


@dataclass
class StoredCall:
    id: str
    session: dict[str, Any] | None  # the session object it runs (given at create or accept)
    status: str = "ringing"
    referred_to: list[str] = field(default_factory=list)
    rejected_with: int | None = None

    def move(self, action: str, lenient: bool = False) -> None:
        """Take `action`, or the refusal of a call whose status does not allow it
        (`--lenient`: every action is taken, as the description states no lifecycle)."""
        allowed, after = TRANSITIONS[action]
        if self.status not in allowed and not lenient:
            raise APIError(409, f"Cannot {action} a call with status '{self.status}'.", code=None)
        if after is not None:
            self.status = after
