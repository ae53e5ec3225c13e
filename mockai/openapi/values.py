"""Scalar values for generated bodies: strings by format and field name, numbers within their
bounds, timestamps that say now.

Strings come from Faker (seeded from the generator's `random.Random` through
`mockai.generation.faker`, so a body is reproducible): a `date-time` or `uri` format first, then
the field's name (`email`, `filename`, `description`, `title`, `url`, `name`...), then a short
sentence; `minLength`/`maxLength` and the few simple `pattern`s of the description are kept.
Fields named `created`, `created_at` or `*_at` (and any `format: unixtime`) hold the current time,
as an integer where the schema says integer; `expires_at` and the like lie an hour ahead.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Mapping
from datetime import datetime, timezone
from typing import Any

from mockai.generation import faker

__all__ = ["boolean", "is_timestamp", "number", "string"]

_FUTURE = ("expires", "expiry", "deadline", "cutoff")


def is_timestamp(name: str, schema: Mapping[str, Any]) -> bool:
    """A field that holds a point in time: `created`, `created_at`, `*_at`, `format: unixtime`."""
    return (
        schema.get("format") == "unixtime"
        or name in ("created", "timestamp")
        or name.endswith("_at")
        or name.endswith("_time")
        or name == "expires"
    )


def _moment(name: str, now: int) -> int:
    return now + 3600 if any(word in name for word in _FUTURE) else now


def number(
    schema: Mapping[str, Any], rng: random.Random, name: str, integer: bool, now: int
) -> int | float:
    """A number within `minimum`/`maximum` (exclusive ones too); a timestamp for a time field."""
    if is_timestamp(name, schema):
        moment = _moment(name, now)
        return moment if integer else float(moment)
    low = schema.get("minimum")
    high = schema.get("maximum")
    if "exclusiveMinimum" in schema:
        low = schema["exclusiveMinimum"] + (1 if integer else 1e-6)
    if "exclusiveMaximum" in schema:
        high = schema["exclusiveMaximum"] - (1 if integer else 1e-6)
    if name in ("index", "output_index", "content_index", "sequence_number"):
        low = low if low is not None else 0
        high = low
    low = low if low is not None else 0
    high = high if high is not None else max(low, 0) + (1 if _fraction(name) else 100)
    high = min(high, low + 10_000) if high > low + 10_000 else high
    if integer:
        return rng.randint(int(low), max(int(low), int(high)))
    return round(rng.uniform(low, high), 4)


def _fraction(name: str) -> bool:
    return any(word in name for word in ("score", "prob", "ratio", "temperature", "top_p"))


def boolean(rng: random.Random, name: str) -> bool:
    if name == "deleted":
        return True  # a deletion object says what happened
    return rng.random() < 0.5


def _by_name(fake: Any, rng: random.Random, name: str) -> Callable[[], str] | None:
    lowered = name.lower()
    table: tuple[tuple[tuple[str, ...], Callable[[], str]], ...] = (
        (("email",), fake.email),
        (("filename", "file_name"), lambda: fake.file_name(extension=rng.choice(_EXTENSIONS))),
        (("url", "uri", "link", "href"), fake.url),
        (("domain", "hostname"), fake.domain_name),
        (("phone",), fake.phone_number),
        (
            ("description", "instructions", "summary", "message", "text", "content", "prompt"),
            lambda: fake.sentence(nb_words=rng.randint(6, 12)),
        ),
        (("title", "label"), lambda: fake.sentence(nb_words=rng.randint(2, 5)).rstrip(".")),
        (("country",), fake.country_code),
        (("city",), fake.city),
        (("region",), fake.state),
        (("timezone",), fake.timezone),
        (("language",), lambda: rng.choice(_LANGUAGES)),
        (("model",), lambda: rng.choice(_MODELS)),
        (("role",), lambda: rng.choice(("owner", "member", "reader"))),
        (("version",), lambda: f"{rng.randint(1, 9)}"),
        (("name", "owner", "user"), fake.name),
        (("company", "organization"), fake.company),
        (("color", "colour"), fake.color_name),
        (
            ("secret", "value", "key", "token"),
            lambda: fake.password(length=32, special_chars=False),
        ),
    )
    for words, make in table:
        if any(word in lowered for word in words):
            return make
    return None


_EXTENSIONS = ("jsonl", "pdf", "txt", "csv", "json", "png", "mp3")
_LANGUAGES = ("en", "fr", "de", "es", "ja")
_MODELS = ("gpt-4o", "gpt-4o-mini", "gpt-4.1", "gpt-5", "o3")


def string(schema: Mapping[str, Any], rng: random.Random, name: str, now: int) -> str:
    """A string for field `name` (see the module docstring)."""
    fake = faker(rng)
    fmt = schema.get("format")
    moment = datetime.fromtimestamp(_moment(name, now), tz=timezone.utc)
    by_format: dict[str, Callable[[], str]] = {
        "date-time": lambda: moment.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "date": lambda: moment.strftime("%Y-%m-%d"),
        "time": lambda: moment.strftime("%H:%M:%S"),
        "email": fake.email,
        "uri": fake.url,
        "url": fake.url,
        "uuid": lambda: str(fake.uuid4()),
        "binary": lambda: "",
        "byte": lambda: "",
    }
    make = by_format.get(fmt) if isinstance(fmt, str) else None
    if make is None and (name.endswith("_at") or name in ("created", "date")):
        make = by_format["date-time"]
    if make is None and name == "object":
        make = _object_type(schema)
    make = make or _by_name(fake, rng, name) or (lambda: fake.sentence(nb_words=4).rstrip("."))
    value = make()
    pattern = schema.get("pattern")
    if isinstance(pattern, str) and not re.search(pattern, value):
        value = _matching(pattern, value, rng)
    return _fit(value, schema)


_NAMED_TYPE = re.compile(r"`([a-z_]+(?:\.[a-z_]+)+|[a-z_]+)`")


def _object_type(schema: Mapping[str, Any]) -> Callable[[], str] | None:
    """An `object` field without a constant names its value in prose ("The type of this
    object (`container.file`).")."""
    found = _NAMED_TYPE.search(str(schema.get("description", "")))
    return (lambda: found[1]) if found else None


def _fit(value: str, schema: Mapping[str, Any]) -> str:
    high = schema.get("maxLength")
    if isinstance(high, int) and len(value) > high:
        value = value[:high].rstrip() or value[:high]
    low = schema.get("minLength")
    if isinstance(low, int) and len(value) < low:
        value = value.ljust(low, "x")
    return value


_CLASS = re.compile(r"\[([^\]]+)\](\{(\d+)\}|\+|\*)?")


def _matching(pattern: str, hint: str, rng: random.Random) -> str:
    """A string for the simple patterns the description uses: `^[a-zA-Z0-9_-]+$`,
    `^tunnel_[a-z0-9]{32}$` (literal text, then character classes with a count or `+`)."""
    body = pattern.removeprefix("^").removesuffix("$")
    out = []
    position = 0
    for found in _CLASS.finditer(body):
        out.append(body[position : found.start()].replace("\\", ""))
        alphabet = _expand(found[1])
        count = int(found[3]) if found[3] else 0
        if count == 0:
            slug = "".join(c for c in hint.lower().replace(" ", "_") if c in alphabet)
            out.append(slug or "".join(rng.choice(alphabet) for _ in range(8)))
        else:
            out.append("".join(rng.choice(alphabet) for _ in range(count)))
        position = found.end()
    out.append(body[position:].replace("\\", ""))
    return "".join(out)


def _expand(spec: str) -> str:
    chars = []
    i = 0
    while i < len(spec):
        if i + 2 < len(spec) and spec[i + 1] == "-":
            chars += [chr(c) for c in range(ord(spec[i]), ord(spec[i + 2]) + 1)]
            i += 3
        else:
            chars.append(spec[i])
            i += 1
    return "".join(chars)
