"""Keys and other secrets are never shown in full: not in the journal, not in error bodies, not
in a printed setting or a message about one.

The shape is the real API's 401 message (`Incorrect API key provided: sk-abc12***...wxyz`): a
short prefix and the last four characters, enough to tell which of your keys it was. What counts
as a secret is decided by name, so a header nobody listed (`X-Vendor-Token`) is covered too.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

# A header, query parameter or setting whose name contains one of these holds a secret.
SECRET_WORDS = ("key", "token", "secret", "auth", "cookie", "password")


def mask_key(key: str) -> str:
    """The real API's masking: first 8 characters, one `*` per hidden one, last 4. Real keys
    are long; a shorter secret keeps a quarter at each end, so at least half stays hidden."""
    if len(key) >= 24:
        return key[:8] + "*" * (len(key) - 12) + key[-4:]
    kept = len(key) // 4
    return key[:kept] + "*" * (len(key) - 2 * kept) + key[len(key) - kept :]


def is_secret(name: str) -> bool:
    lowered = name.lower()
    return any(word in lowered for word in SECRET_WORDS)


def mask_credential(value: str) -> str:
    """`Bearer sk-...` keeps its scheme word (`Bearer`, `Basic`...) and masks the rest."""
    scheme, space, credential = value.partition(" ")
    if space and scheme.isalpha() and credential.strip():
        return f"{scheme} {mask_key(credential.strip())}"
    return mask_key(value)


def shown(name: str, value: Any) -> Any:
    """`value` as it may be shown under `name`: text under a secret name is masked, and so are
    the names in a mapping under one (the API keys in `limits: {keys: {sk-...: ...}}`)."""
    secret = is_secret(name)
    if isinstance(value, dict):
        return {
            (mask_credential(str(k)) if secret else k): shown(str(k), v) for k, v in value.items()
        }
    if isinstance(value, (list, tuple)):
        return [shown(name, v) for v in value]
    if secret and value is not None and not isinstance(value, bool):
        return mask_credential(str(value))
    return value


def masked(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Headers or query parameters as a plain dict, secrets masked."""
    return {str(name): shown(str(name), value) for name, value in pairs}
