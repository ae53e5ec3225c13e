"""Deterministic default content: what mockai answers when no scenario matches.

Everything here is drawn from a `random.Random` seeded by `--seed` and the request itself, so
the same request to a server with the same seed always gets the same text, JSON or tool call.
Faker is imported lazily: it is slow to import and many runs never need it.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Mapping
from typing import Any

import orjson

_IGNORED_FOR_SEED = ("stream", "stream_options")
_faker = None


def rng_for(seed: int, endpoint: str, body: Mapping[str, Any], salt: int = 0) -> random.Random:
    """A generator fixed by the server seed and the request (streaming or not gets the same)."""
    material = {k: v for k, v in body.items() if k not in _IGNORED_FOR_SEED}
    digest = hashlib.blake2b(
        orjson.dumps([seed, endpoint, salt, material], option=orjson.OPT_SORT_KEYS, default=str),
        digest_size=8,
    ).digest()
    return random.Random(int.from_bytes(digest, "big"))


def faker(rng: random.Random):
    global _faker
    if _faker is None:
        from faker import Faker

        _faker = Faker("en_US")
    _faker.seed_instance(rng.getrandbits(64))
    return _faker


def warm_up() -> None:
    faker(random.Random(0))


def text(rng: random.Random, sentences: tuple[int, int] = (2, 6)) -> str:
    return faker(rng).paragraph(nb_sentences=rng.randint(*sentences), variable_nb_sentences=False)


def _string_for(schema: dict[str, Any], rng: random.Random, name: str) -> str:
    fake = faker(rng)
    fmt = schema.get("format")
    by_format = {
        "date-time": lambda: fake.date_time().isoformat() + "Z",
        "date": lambda: fake.date(),
        "time": lambda: fake.time(),
        "email": fake.email,
        "uri": fake.url,
        "url": fake.url,
        "uuid": lambda: str(fake.uuid4()),
        "ipv4": fake.ipv4,
        "hostname": fake.hostname,
    }
    if fmt in by_format:
        return by_format[fmt]()
    lowered = name.lower()
    by_name = {
        "city": fake.city,
        "country": fake.country,
        "name": fake.name,
        "email": fake.email,
        "location": fake.city,
        "address": fake.address,
        "company": fake.company,
        "phone": fake.phone_number,
        "url": fake.url,
        "title": lambda: fake.sentence(4),
    }
    for key, make in by_name.items():
        if key in lowered:
            return make()
    value = fake.word() if schema.get("maxLength", 99) < 20 else fake.sentence(nb_words=4)
    if "maxLength" in schema:
        value = value[: schema["maxLength"]]
    if len(value) < schema.get("minLength", 0):
        value = value.ljust(schema["minLength"], "x")
    return value


def instance(
    schema: Any,
    rng: random.Random,
    root: dict[str, Any] | None = None,
    name: str = "",
    depth: int = 0,
) -> Any:
    """A value valid against a JSON schema (the subset structured outputs allow, and more)."""
    if not isinstance(schema, dict):
        return None
    root = schema if root is None else root
    if "$ref" in schema:
        target: Any = root
        for part in schema["$ref"].lstrip("#/").split("/"):
            target = target.get(part, {}) if isinstance(target, dict) else {}
        return instance(target, rng, root, name, depth + 1) if depth < 12 else None
    if "const" in schema:
        return schema["const"]
    if schema.get("enum"):
        return rng.choice(schema["enum"])
    for key in ("anyOf", "oneOf"):
        if schema.get(key):
            options = [s for s in schema[key] if s.get("type") != "null"] or schema[key]
            return instance(options[0], rng, root, name, depth + 1)
    if schema.get("allOf"):
        merged: dict[str, Any] = {}
        for part in schema["allOf"]:
            merged.update(part)
        return instance(merged, rng, root, name, depth + 1)
    kind = schema.get("type")
    if isinstance(kind, list):
        kind = next((k for k in kind if k != "null"), "null")
    if kind is None:
        kind = "object" if "properties" in schema else "string"
    if kind == "object":
        props = schema.get("properties", {})
        required = schema.get("required", list(props))
        return {
            key: instance(sub, rng, root, key, depth + 1)
            for key, sub in props.items()
            if key in required or depth < 2
        }
    if kind == "array":
        low: Any = schema.get("minItems", 1)  # JSON numbers, as the schema gives them
        high = max(low, min(schema.get("maxItems", 3), 3))
        return [
            instance(schema.get("items", {}), rng, root, name, depth + 1)
            for _ in range(rng.randint(low, high))
        ]
    if kind in ("integer", "number"):
        low = schema.get("minimum", schema.get("exclusiveMinimum", 0))
        high = schema.get("maximum", schema.get("exclusiveMaximum", low + 100))
        if kind == "number":
            return round(rng.uniform(low, high), 2)
        low = int(low) + ("minimum" not in schema and "exclusiveMinimum" in schema)
        high = int(high) - ("maximum" not in schema and "exclusiveMaximum" in schema)
        return rng.randint(low, max(low, high))
    if kind == "boolean":
        return rng.random() < 0.5
    if kind == "null":
        return None
    return _string_for(schema, rng, name)


def json_object(rng: random.Random) -> dict[str, Any]:
    fake = faker(rng)
    return {"answer": fake.sentence(nb_words=8), "confidence": round(rng.uniform(0.5, 1.0), 2)}


def logprob(rng: random.Random) -> float:
    return -round(rng.expovariate(6.0), 6)
