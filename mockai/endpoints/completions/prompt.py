"""The prompts of a completions request as the model sees them, and as scenarios see them.

A request holds one prompt or several (a list of strings, or of token arrays); each gets its
own `n` choices. Strings are encoded with `<|endoftext|>` read as the special token it is (the
spec's default prompt is that one token), other special-token text as plain text; token
arrays are checked against the vocabulary and decoded, so scenarios can match them and
`echo` can show them. There is no chat framing: usage counts exactly the prompt's tokens.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from mockai.endpoints.completions.request import CompletionRequest
from mockai.errors import APIError, invalid_request
from mockai.scenarios.call import Call
from mockai.tokenizer import Tokenizer

DEFAULT_PROMPT = "<|endoftext|>"
_SPECIAL = frozenset({DEFAULT_PROMPT})


@dataclass(frozen=True)
class Prompt:
    text: str
    ids: tuple[int, ...]


def _invalid_token(token: int, tok: Tokenizer) -> APIError:
    """Worded as the real API words it (a recorded body in DataDog/dd-trace-py's langchain
    test fixtures); the maximum is the encoding's `<|endoftext|>` id."""
    return invalid_request(
        f"Invalid token in prompt: {token}. Minimum value is 0, maximum value "
        f"is {tok.enc.eot_token} (inclusive)."
    )


def _known(token: int, tok: Tokenizer) -> bool:
    """In range and in the vocabulary (cl100k leaves a few ids below the maximum unused)."""
    if not 0 <= token <= tok.enc.eot_token:
        return False
    try:
        tok.enc.decode_single_token_bytes(token)
    except KeyError:
        return False
    return True


def _from_ids(ids: list[int], tok: Tokenizer) -> Prompt:
    for token in ids:
        if not _known(token, tok):
            raise _invalid_token(token, tok)
    return Prompt("".join(tok.pieces_of(ids)), tuple(ids))


def prompts_of(req: CompletionRequest, tok: Tokenizer) -> list[Prompt]:
    raw = req.prompt if req.prompt is not None else DEFAULT_PROMPT
    items: list[Any] = [raw] if isinstance(raw, str) or isinstance(raw[0], int) else list(raw)
    return [
        Prompt(item, tuple(tok.enc.encode(item, allowed_special=_SPECIAL, disallowed_special=())))
        if isinstance(item, str)
        else _from_ids(item, tok)
        for item in items
    ]


def to_call(
    req: CompletionRequest,
    prompts: list[Prompt],
    body: Mapping[str, Any],
    headers: Mapping[str, str],
    session: str | None,
) -> Call:
    """`user:` matches the last prompt (the only one, usually); there is no system message and
    there are no tools."""
    return Call(
        endpoint="completions",
        body=body,
        headers=headers,
        session=session,
        model=req.model,
        last_user_message=prompts[-1].text,
    )
