"""Steering a running response over WebSocket (`response.steer`), as the official SDK defines
it (the shipped description does not have it yet).

A steer names a response streaming on this connection and brings user input. It is accepted
(`response.steer.accepted`, in the target's event sequence) and queued; the target stops at the
next output item boundary and ends `incomplete` with `incomplete_details.reason: steered`, and
an automatic successor (the target's create fields, `previous_response_id` = the target, the
queued input) runs next on the same lane: its `response.created` commits the input. A target
that ends on its own first (its terminal event was already on its way) is followed by the
successor too, unless it stopped for function call outputs: then `response.steer.pending` lists
them and the input waits for the client's explicit create continuing that response, where it
is prepended. A steer that cannot be accepted gets `response.steer.failed` with its input back.
"""

from __future__ import annotations

from typing import Any

from mockai import ids
from mockai.endpoints.responses.lanes import Connection, Event, Running
from mockai.endpoints.responses.state import KIND
from mockai.toolkit.state import ServerState

_FIELDS = frozenset({"type", "previous_response_id", "input"})
_PARTS = frozenset({"input_text", "input_image", "input_file"})


def _valid_message(item: Any) -> bool:
    """Steering takes user messages only: `type` (message), `role`, `content` and no more."""
    if (
        not isinstance(item, dict)
        or item.get("role") != "user"
        or not set(item) <= {"type", "role", "content"}
    ):
        return False
    if item.get("type", "message") != "message":
        return False
    content = item.get("content")
    return isinstance(content, str) or (
        isinstance(content, list)
        and bool(content)
        and all(isinstance(part, dict) and part.get("type") in _PARTS for part in content)
    )


def _valid_input(value: Any) -> bool:
    if isinstance(value, str):
        return bool(value)
    return isinstance(value, list) and bool(value) and all(_valid_message(i) for i in value)


def _items(value: Any) -> list[Any]:
    return (
        [{"type": "message", "role": "user", "content": value}]
        if isinstance(value, str)
        else list(value)
    )


def _lane(event: Event, stream_id: str | None) -> Event:
    if stream_id is not None:
        event["stream_id"] = stream_id
    return event


async def _fail(
    connection: Connection,
    steer: dict[str, Any],
    code: str,
    message: str,
    *,
    running: Running | None = None,
    lane: str | None = None,
) -> None:
    """`response.steer.failed`: in the target's sequence and on its lane when it has them."""
    event = {
        "type": "response.steer.failed",
        "sequence_number": 0,
        "steer": steer,
        "error": {"type": "invalid_request_error", "code": code, "message": message},
    }
    await connection.send(_lane(event, running.stream_id if running else lane), running)


async def steer(connection: Connection, event: Event) -> None:
    target = event.get("previous_response_id")
    given = event.get("input")
    steer_ = {"input": given, "previous_response_id": target if isinstance(target, str) else ""}
    if not isinstance(target, str) or not set(event) <= _FIELDS or not _valid_input(given):
        await _fail(
            connection,
            steer_,
            "invalid_input",
            "A steer takes only 'previous_response_id' and 'input': a non-empty string or "
            "user messages with input_text, input_image or input_file content.",
        )
        return
    running = connection.running.get(target)
    if running is None or running.ended:
        if target in connection.ended:
            await _fail(
                connection,
                steer_,
                "response_already_completed",
                f"Response '{target}' has already completed.",
                lane=connection.ended[target],
            )
        else:
            await _fail(
                connection,
                steer_,
                "response_not_found",
                f"Response '{target}' is not active on this connection.",
            )
        return
    if running.body.get("conversation") is not None or running.body.get("context_management"):
        await _fail(
            connection,
            steer_,
            "steering_not_supported",
            "Responses bound to a conversation or using automatic compaction do not "
            "support steering.",
            running=running,
        )
        return
    accepted = {"id": ids.steer_id(), "previous_response_id": target}
    running.steers.append({**accepted, "input": given})
    await connection.send(
        _lane(
            {"type": "response.steer.accepted", "sequence_number": 0, "steer": accepted},
            running.stream_id,
        ),
        running,
    )


def with_pending(connection: Connection, body: dict[str, Any]) -> dict[str, Any]:
    """An explicit create continuing a response whose steering is pending: the queued input
    first, in submission order, then the request's own."""
    queued = connection.pending.pop(body.get("previous_response_id") or "", None)
    if not queued:
        return body
    own = body.get("input")
    return {
        **body,
        "input": [item for s in queued for item in _items(s["input"])]
        + (_items(own) if own is not None else []),
    }


def _store_steered(state: ServerState, session: str | None, response: dict[str, Any]) -> None:
    """The stored response as it ended, so continuing it sees only the output that was sent."""
    stored = state.store.get(session, KIND, response["id"])
    if stored is None:
        return
    prior = stored.context[: len(stored.context) - len(stored.body.get("output") or [])]
    stored.context = prior + list(response["output"])
    stored.body = response


def attach(connection: Connection, state: ServerState, session: str | None) -> None:
    """Plug steering into the connection's lanes: what follows a response that was steered."""

    async def after(running: Running) -> Running | None:
        if not running.steers:
            return None
        if not running.ended:
            response = {
                **running.response,
                "status": "incomplete",
                "output": running.items,
                "incomplete_details": {"reason": "steered"},
            }
            _store_steered(state, session, response)
            running.ended = True
            await connection.send(
                _lane(
                    {"type": "response.incomplete", "sequence_number": 0, "response": response},
                    running.stream_id,
                ),
                running,
            )
        elif running.response.get("status") != "completed":
            for queued in running.steers:
                await _fail(
                    connection,
                    queued,
                    "response_not_active",
                    f"Response '{running.id}' ended {running.response.get('status')}.",
                    running=running,
                )
            return None
        elif calls := [i for i in running.items if i.get("type") == "function_call"]:
            connection.pending[running.id or ""] = running.steers
            stubs = [
                {"type": "function_call_output", "call_id": c["call_id"], "name": c["name"]}
                for c in calls
            ]
            for queued in running.steers:
                await connection.send(
                    _lane(
                        {
                            "type": "response.steer.pending",
                            "sequence_number": 0,
                            "reason": "waiting_for_required_input",
                            "required_input": stubs,
                            "steer": {"id": queued["id"], "previous_response_id": running.id},
                        },
                        running.stream_id,
                    ),
                    running,
                )
            return None
        given = [item for queued in running.steers for item in _items(queued["input"])]
        return Running(
            running.stream_id, {**running.body, "previous_response_id": running.id, "input": given}
        )

    connection.after = after
