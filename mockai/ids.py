"""Identifiers in the real API's formats (prefix + random alphanumerics or hex): every id
mockai makes comes from here.

Random bytes mapped through a translation table: an id costs about a microsecond, which
matters because every response carries one or two.
"""

from __future__ import annotations

import hashlib
import os
import string

_ALNUM = (string.ascii_letters + string.digits).encode()
_TO_ALNUM = bytes(_ALNUM[i % len(_ALNUM)] for i in range(256))


def _alnum(n: int) -> str:
    return os.urandom(n).translate(_TO_ALNUM).decode()


def request_id() -> str:
    return "req_" + os.urandom(16).hex()


def chat_completion_id() -> str:
    return "chatcmpl-" + _alnum(29)


def completion_id() -> str:
    """Legacy completions: `cmpl-` + 29 alphanumerics, like chat's `chatcmpl-` ids."""
    return "cmpl-" + _alnum(29)


def moderation_id(legacy: bool = False) -> str:
    """`modr-` + 32 hex digits (omni-moderation), or + 29 alphanumerics (text-moderation)."""
    return "modr-" + (_alnum(29) if legacy else os.urandom(16).hex())


def tool_call_id() -> str:
    return "call_" + _alnum(24)


def obfuscation(n: int) -> str:
    return _alnum(n)


def organization_id(api_key: str) -> str:
    """`org-` + 24 alphanumerics, stable per API key (rate-limit messages name the organization)."""
    return "org-" + hashlib.sha256(api_key.encode()).digest()[:24].translate(_TO_ALNUM).decode()


def api_key_id(api_key: str) -> str:
    """An API key's tracking id (`key_` + 16 alphanumerics), stable per key: what the Usage,
    Costs and Audit Logs APIs name a key by (`api_key_id`), never the key itself."""
    return (
        "key_"
        + hashlib.sha256(b"key:" + api_key.encode()).digest()[:16].translate(_TO_ALNUM).decode()
    )


def audit_log_id() -> str:
    """An audit log entry: `audit_log-` + 24 hex digits."""
    return "audit_log-" + os.urandom(12).hex()


def item_id(prefix: str) -> str:
    """Responses API ids: `resp_`, `msg_`, `fc_`, `rs_`, `ws_`... followed by 48 hex digits."""
    return prefix + os.urandom(24).hex()


def file_id() -> str:
    """`file-` + 22 alphanumerics, as in `file-52voFe6FU6MWyAwa1Uj39R`."""
    return "file-" + _alnum(22)


def upload_id() -> str:
    return "upload_" + os.urandom(16).hex()


def upload_part_id() -> str:
    return "part_" + os.urandom(16).hex()


def batch_id() -> str:
    """`batch_` + 32 hex digits, as in `batch_69c3c347282c81908ede48ecc95bf201`."""
    return "batch_" + os.urandom(16).hex()


def batch_request_id() -> str:
    """A batch output line's id: `batch_req_` + 32 hex digits."""
    return "batch_req_" + os.urandom(16).hex()


def steer_id() -> str:
    """A Responses WebSocket steer: `steer_` + 32 hex digits."""
    return "steer_" + os.urandom(16).hex()
