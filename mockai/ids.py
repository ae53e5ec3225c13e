"""Identifiers in the real API's formats (prefix + random alphanumerics or hex)."""

from __future__ import annotations

import random
import string

_ALNUM = string.ascii_letters + string.digits
_rng = random.Random()


def _alnum(n: int) -> str:
    return "".join(_rng.choices(_ALNUM, k=n))


def request_id() -> str:
    return f"req_{_rng.getrandbits(128):032x}"


def chat_completion_id() -> str:
    return "chatcmpl-" + _alnum(29)


def tool_call_id() -> str:
    return "call_" + _alnum(24)


def obfuscation(n: int) -> str:
    return _alnum(n)


def prefixed(prefix: str, n: int = 24) -> str:
    """`resp_`, `msg_`, `file-` ... style ids for later endpoint families."""
    return prefix + _alnum(n)
