"""Keys and other secrets are never shown in full: not in the journal, not in error bodies, not
in a printed setting or a message about one.

The shape is the real API's 401 message (`Incorrect API key provided: sk-abc12***...wxyz`): a
short prefix and the last four characters, enough to tell which of your keys it was. What counts
as a secret is decided by name, so a header nobody listed (`X-Vendor-Token`) is covered too.
"""

from __future__ import annotations

from typing import Any, Iterable

# A header, query parameter or setting whose name contains one of these holds a secret.
SECRET_WORDS = ("key", "token", "secret", "auth", "cookie", "password")


def mask_key(key: str) -> str:
    """The real API's masking: first 8 characters, one `*` per hidden one, last 4. Real keys
    are long; a shorter secret keeps a quarter at each end, so at least half stays hidden."""
    if len(key) >= 24:
        return key[:8] + "*" * (len(key) - 12) + key[-4:]
    kept = len(key) // 4
    return key[:kept] + "*" * (len(key) - 2 * kept) + key[len(key) - kept:]


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
    """`value` as it may be shown under `name`: masked when the name says it is a secret."""
    if not is_secret(name) or value is None:
        return value
    if isinstance(value, (list, tuple)):
        return [mask_credential(str(v)) for v in value]
    return mask_credential(str(value))


def masked(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Headers or query parameters as a plain dict, secrets masked."""
    return {str(name): shown(str(name), value) for name, value in pairs}
