"""Running a batch: validate its input file, send each request to this very server, then write
the output and error files.

Each request is a real loopback HTTP call (`mockai.toolkit.loopback`) to the socket the batch
was created through, carrying the creator's headers (API key, `X-Mockai-Session`, scenario
headers). So a line is answered exactly as the same request sent directly would be: same
validation, scenarios, sequences and journal entries (tagged with `x-mockai-batch`), and an
endpoint is answered as a direct call to it would be.

Lines run one after another, in file order, so scenario sequences step through them
predictably. The task stops on its own when its batch is no longer stored (deleted by
`/_mockai/reset`), and a cancel lets it write what it has so far.
"""

from __future__ import annotations

import asyncio
from typing import Any

import aiohttp
import orjson

from mockai import ids
from mockai.endpoints.batches.inputfile import Line, check_input
from mockai.endpoints.batches.state import KIND, StoredBatch
from mockai.toolkit.files import find_file, put_file
from mockai.toolkit.state import ServerState
from mockai.usage import TokenCounts

OutputLine = dict[str, Any]  # one line of the output or error file (`replies.Outcome` is a reply)


def _line(line: Line, response: dict[str, Any] | None, error: dict[str, Any] | None) -> OutputLine:
    return {
        "id": ids.batch_request_id(),
        "custom_id": line.custom_id,
        "response": response,
        "error": error,
    }


def _add_usage(total: dict[str, Any], body: Any) -> None:
    """Sum chat (`prompt_tokens`...), Responses (`input_tokens`...) and embeddings usage."""
    counts = TokenCounts.of(body.get("usage")) if isinstance(body, dict) else None
    if counts is None:
        return
    total["input_tokens"] += counts.input_tokens
    total["output_tokens"] += counts.output_tokens
    total["total_tokens"] += counts.input_tokens + counts.output_tokens
    total["input_tokens_details"]["cached_tokens"] += counts.cached_tokens
    total["output_tokens_details"]["reasoning_tokens"] += counts.reasoning_tokens


async def _send(http: aiohttp.ClientSession, batch: StoredBatch, line: Line) -> OutputLine:
    target = batch.target.loopback
    try:
        async with http.post(
            target.base_url + line.url, data=orjson.dumps(line.body), headers=target.headers
        ) as answer:
            raw = await answer.read()
            status, req_id = answer.status, answer.headers.get("x-request-id", "")
    except aiohttp.ClientError as exc:
        return _line(line, None, {"code": "server_error", "message": f"The request failed: {exc}"})
    try:
        body: Any = orjson.loads(raw)
    except orjson.JSONDecodeError:
        body = raw.decode("utf-8", errors="replace")
    return _line(line, {"status_code": status, "request_id": req_id, "body": body}, None)


def _write(
    state: ServerState,
    session: str | None,
    batch: StoredBatch,
    done: list[OutputLine],
    failed: list[OutputLine],
) -> None:
    """The output file (2xx answers) and the error file (everything else), each only when it
    has lines, as `batch_<id>_output.jsonl` / `batch_<id>_error.jsonl`, purpose batch_output."""
    for key, name, lines in (
        ("output_file_id", "output", done),
        ("error_file_id", "error", failed),
    ):
        if lines:
            data = b"".join(orjson.dumps(line) + b"\n" for line in lines)
            stored = put_file(
                state,
                session,
                filename=f"{batch.body['id']}_{name}.jsonl",
                purpose="batch_output",
                data=data,
                expires_after=batch.output_expires_after,
            )
            batch.body[key] = stored.body["id"]


def _validate(
    state: ServerState, session: str | None, batch: StoredBatch
) -> tuple[list, list[Line]]:
    file_id = batch.body["input_file_id"]
    found = find_file(state, session, file_id)
    if found is None:
        return [
            {
                "code": "invalid_request",
                "param": "file_id",
                "line": None,
                "message": f"Cannot find file {file_id}, or organization user-mockai does not "
                "have access to it.",
            }
        ], []
    if found.body["purpose"] != "batch":
        return [
            {
                "code": "invalid_request",
                "param": "input_file_id",
                "line": None,
                "message": f"The input file {file_id} must be uploaded with purpose 'batch', "
                f"not '{found.body['purpose']}'.",
            }
        ], []
    return check_input(found.data, batch.body["endpoint"], state.models, state.settings.lenient)


async def run(state: ServerState, session: str | None, batch: StoredBatch) -> None:
    """The batch's life after creation: each stage and each request takes `line_delay_s` of
    the batch's job time (at once on an instant clock, when advanced on a paused one)."""
    delay, time = batch.target.line_delay_s, batch.target.time
    moment = 0.0

    async def after_delay() -> None:
        nonlocal moment
        moment += delay
        await time.reached(moment)

    done: list[OutputLine] = []
    failed: list[OutputLine] = []
    lines: list[Line] = []
    counts = batch.body["request_counts"]

    def alive() -> bool:
        return state.store.get(session, KIND, batch.body["id"]) is batch

    try:
        await after_delay()
        errors, lines = _validate(state, session, batch)
        if not alive():
            return
        if errors:
            batch.body["errors"] = {"object": "list", "data": errors}
            batch.move("failed")
            return
        model = lines[0].body.get("model")  # moderations and images may leave it out
        if isinstance(model, str):
            known = state.models.get(model)
            batch.body["model"] = known.served_as if known is not None else model
        counts["total"] = len(lines)
        batch.move("in_progress")
        async with batch.target.loopback.client() as http:
            for line in lines:
                await after_delay()
                if not alive():
                    return
                outcome = await _send(http, batch, line)
                response = outcome["response"]
                if response is not None and 200 <= response["status_code"] < 300:
                    done.append(outcome)
                    counts["completed"] += 1
                    _add_usage(batch.body["usage"], response["body"])
                else:
                    failed.append(outcome)
                    counts["failed"] += 1
        batch.move("finalizing")
        await after_delay()
        if alive():
            _write(state, session, batch, done, failed)
            batch.move("completed")
    except asyncio.CancelledError:
        if batch.body["status"] != "cancelling" or not alive():
            raise
        answered = {o["custom_id"] for o in done + failed}
        for line in lines:
            if line.custom_id not in answered:
                failed.append(
                    _line(
                        line,
                        None,
                        {
                            "code": "batch_cancelled",
                            "message": "The batch was cancelled before this request executed.",
                        },
                    )
                )
                counts["failed"] += 1
        _write(state, session, batch, done, failed)
        batch.move("cancelled")
