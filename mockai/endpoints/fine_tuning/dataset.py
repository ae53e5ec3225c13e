"""Reading a training or validation file the way the fine-tuning service does while a job is
`validating_files`: JSONL lines in the format the job's method reads (chat, preference,
reinforcement, or the legacy prompt/completion), counted, tokenized.

The first bad line fails the job with the real `error`. Wordings, from real failed jobs:
`The job failed due to a file format error in the training file. Invalid file format. Example
1 contains an extra "weight".` (code `invalid_file_format`), `... Example 100, message 2
Discriminator 'role' is missing in value`, `Invalid file format. Example 1 is missing key
'messages'.`, `Invalid file format. Example 1273 cannot be parsed. Error: line contains invalid
json: Expecting ',' delimiter: line 1 column 79 (char 78) (line 1273)` and `Training file has 7
example(s), but must have at least 10 examples` (code `invalid_n_examples`). A wrong role is
worded as the same (pydantic 1) validator words an unmatched discriminator, and a conversation
with no assistant message as the guide's checks name it: both inferred, not quoted.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from mockai.tokenizer import Tokenizer

MIN_EXAMPLES = 10
ROLES = ("system", "developer", "user", "assistant", "function", "tool")
# The keys each format's line may carry (anything else is "an extra"); reinforcement lines
# carry any reference fields the grader reads beside their messages.
_KEYS = {
    "chat": ("messages", "tools", "parallel_tool_calls", "functions"),
    "preference": ("input", "preferred_output", "non_preferred_output"),
    "completion": ("prompt", "completion"),
}
_REQUIRED = {
    "chat": ("messages",),
    "reinforcement": ("messages",),
    "preference": ("input", "preferred_output", "non_preferred_output"),
    "completion": ("prompt", "completion"),
}
MESSAGE_OVERHEAD = 3  # tokens a chat message costs beyond its content (and 3 to close)


class BadLine(Exception):
    """Why one example is refused (the text after `Invalid file format. `)."""


@dataclass(frozen=True)
class Dataset:
    examples: int
    tokens: int  # the whole file, once


def _text(content: Any) -> str:
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return " ".join(p.get("text", "") for p in content if isinstance(p, dict))
    return "" if content is None else json.dumps(content)


def _messages(number: int, messages: Any, where: str = "") -> list[dict[str, Any]]:
    if not isinstance(messages, list) or not messages:
        raise BadLine(f"Example {number}{where} has no messages.")
    for index, message in enumerate(messages, start=1):
        if not isinstance(message, dict) or "role" not in message:
            raise BadLine(
                f"Example {number}, message {index} Discriminator 'role' is missing in value"
            )
        if message["role"] not in ROLES:
            allowed = ", ".join(f"'{role}'" for role in ROLES)
            raise BadLine(
                f"Example {number}, message {index} No match for discriminator 'role' and "
                f"value {message['role']!r} (allowed values: {allowed})"
            )
    return messages


def _tokens(tokenizer: Tokenizer, messages: list[dict[str, Any]]) -> int:
    total = MESSAGE_OVERHEAD
    for message in messages:
        total += MESSAGE_OVERHEAD + tokenizer.count(_text(message.get("content")))
        for call in message.get("tool_calls") or ():
            total += tokenizer.count(json.dumps(call.get("function", call)))
    return total


def _example(tokenizer: Tokenizer, form: str, number: int, line: dict[str, Any]) -> int:
    """The example's tokens, or BadLine."""
    for key in _REQUIRED[form]:
        if key not in line:
            raise BadLine(f"Example {number} is missing key '{key}'.")
    if form in _KEYS:
        extra = next((key for key in line if key not in _KEYS[form]), None)
        if extra is not None:
            raise BadLine(f'Example {number} contains an extra "{extra}".')
    if form == "completion":
        return tokenizer.count(_text(line["prompt"])) + tokenizer.count(_text(line["completion"]))
    if form == "preference":
        asked = line["input"]
        prompt = _messages(number, asked.get("messages") if isinstance(asked, dict) else None)
        answers = [
            _messages(number, line[key], f" {key}")
            for key in ("preferred_output", "non_preferred_output")
        ]
        return _tokens(tokenizer, prompt) + sum(_tokens(tokenizer, a) for a in answers)
    messages = _messages(number, line["messages"])
    if form == "chat" and not any(m["role"] == "assistant" for m in messages):
        raise BadLine(f"Example {number} has no assistant messages.")
    return _tokens(tokenizer, messages)


def read(data: bytes, form: str, tokenizer: Tokenizer, which: str) -> Dataset | dict[str, Any]:
    """The dataset, or the job's `error` ({code, message, param}) for a bad file. `which`:
    `training` or `validation`."""
    examples = tokens = 0
    lines = [raw for raw in data.splitlines() if raw.strip()]
    try:
        for number, raw in enumerate(lines, start=1):
            try:
                line = json.loads(raw)
            except (ValueError, UnicodeDecodeError) as exc:
                raise BadLine(
                    f"Example {number} cannot be parsed. Error: line contains invalid json: "
                    f"{exc} (line {number})"
                ) from None
            if not isinstance(line, dict):
                raise BadLine(f"Example {number} is not a JSON object.")
            tokens += _example(tokenizer, form, number, line)
            examples += 1
    except BadLine as bad:
        return {
            "code": "invalid_file_format",
            "message": f"The job failed due to a file format error in the {which} file. "
            f"Invalid file format. {bad}",
            "param": f"{which}_file",
        }
    if which == "training" and examples < MIN_EXAMPLES:
        return {
            "code": "invalid_n_examples",
            "message": f"Training file has {examples} example(s), but must have at least "
            f"{MIN_EXAMPLES} examples",
            "param": "training_file",
        }
    return Dataset(examples, tokens)
