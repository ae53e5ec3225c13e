"""The id prefixes of the real API, learned from the description's own examples.

Every example body (`x-oaiMeta` responses, schema `example`s, an `id` property's `example` or
the `` `sess_1234` `` its description quotes) is read alongside its schema, and each object
carrying an `id` teaches which prefix that kind of object has: by its `object` value
(`vector_store` -> `vs_`) and by the component schema it is (`ContainerResource` -> `cntr_`);
`*_id` fields teach the prefix of what they point at (`assistant_id` -> `asst_`). The random
part's form comes from the examples that look real (16 characters or more: `cntr_682e0e73...`
is 48 hex digits); a prefix seen only with placeholders (`asst_abc123`) takes the form
`mockai.ids.SHAPES` knows for it, else `DEFAULT` (24 alphanumerics, the classic form:
`asst_`, `thread_`, `ftjob-`, `proj_`, `user-`). The same reading teaches the `object` value
of the schemas whose `object` is a free string (`ContainerResource` -> `container`). Learned
once, on first use, in about 0.1 s.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from mockai import ids
from mockai.caches import memoized
from mockai.openapi.document import document
from mockai.openapi.examples import values
from mockai.openapi.operations import operations
from mockai.openapi.schemas import Branch, branches, const

__all__ = [
    "DEFAULT",
    "IdShape",
    "Learned",
    "learned",
    "object_of_schema",
    "shape_for_field",
    "shape_for_object",
]

DEFAULT = (24, ids.ALNUM)
REAL = 16  # a random part this long is a real id's, not a placeholder
# Placeholder words that end a prefix (`audit_log-xxx...`) rather than extend it.
_PLACEHOLDERS = {"abc", "abcd", "abcdef", "def", "xyz", "xxx", "yyy", "zzz", "foo", "bar", "id"}
_ID_CHARACTERS = re.compile(r"[A-Za-z0-9_.-]+")
_QUOTED = re.compile(r"`([a-z][a-z0-9]*[_-][A-Za-z0-9_-]+)`")
# Objects whose ids are names, not prefixed random strings (`gpt-4o`, `model-id-0`).
_NAMED = {"model", "Model"}
# Where the examples disagree with themselves, the real API's form. Users: bodies say
# `user_abc`, the same pages' `first_id`/`last_id` and the audit-log actors `user-abc`/`user-xxx`;
# real user ids are `user-` + 24 alphanumerics.
_REAL_FORM = {"user_": "user-"}


@dataclass(frozen=True)
class IdShape:
    prefix: str  # "vs_", "ftjob-"
    length: int  # of the random part
    alphabet: str  # ids.HEX or ids.ALNUM
    samples: tuple[str, ...]  # the example ids it was learned from

    def make(self, rng: random.Random) -> str:
        return ids.seeded(rng, self.prefix, self.length, self.alphabet)

    def fits(self, value: str) -> bool:
        rest = value[len(self.prefix) :]
        chars = "[0-9a-f]" if self.alphabet == ids.HEX else "[A-Za-z0-9]"
        form = f"{chars}{{{self.length}}}"
        return value.startswith(self.prefix) and bool(re.fullmatch(form, rest))


@dataclass(frozen=True)
class Learned:
    by_object: Mapping[str, IdShape]  # `object` value -> shape
    by_schema: Mapping[str, IdShape]  # component schema name -> shape
    by_field: Mapping[str, IdShape]  # `assistant_id` -> shape
    by_schema_field: Mapping[tuple[str, str], IdShape]  # (schema, `*_id` field) -> shape
    objects: Mapping[str, str]  # component schema name -> `object` value, where not constant


def split(value: str) -> tuple[str, str] | None:
    """`("vs_", "abc123")` for `vs_abc123`; None for what is no prefixed id."""
    if not _ID_CHARACTERS.fullmatch(value) or not value[:1].islower():
        return None
    tokens = re.split(r"([_-])", value)
    prefix = ""
    for i in range(0, len(tokens) - 2, 2):
        word = tokens[i]
        if not (word.isalpha() and word.islower()) or word in _PLACEHOLDERS or len(prefix) > 20:
            break
        prefix += word + tokens[i + 1]
    rest = value[len(prefix) :]
    word = re.split(r"[_-]", rest)[0]
    if not prefix or (word.isalpha() and word.islower() and word not in _PLACEHOLDERS):
        return None  # `function_call` is a word, not an id
    return _REAL_FORM.get(prefix, prefix), rest


class _Votes:
    def __init__(self) -> None:
        self.by_object: dict[str, Counter[str]] = {}
        self.by_schema: dict[str, Counter[str]] = {}
        self.by_field: dict[str, Counter[str]] = {}
        self.by_schema_field: dict[tuple[str, str], Counter[str]] = {}
        self.objects: dict[str, Counter[str]] = {}
        self.samples: dict[str, list[str]] = {}

    def add(self, table: dict[Any, Counter[str]], key: Any, value: str) -> None:
        found = split(value)
        if key is None or found is None:
            return
        prefix, rest = found
        table.setdefault(key, Counter())[prefix] += 1
        samples = self.samples.setdefault(prefix, [])
        if value not in samples:
            samples.append(value)

    def shape(self, prefix: str) -> IdShape:
        samples = self.samples.get(prefix, ())
        parts = [re.split(r"[_-]", found[1])[0] for found in map(split, samples) if found]
        real = [p for p in parts if len(p) >= REAL]
        if real:
            counts = Counter(len(p) for p in real)  # a tie goes to the form ids knows
            known = ids.SHAPES.get(prefix, DEFAULT)[0]
            length = max(counts, key=lambda n: (counts[n], n == known, n))
            hexadecimal = all(re.fullmatch("[0-9a-f]+", p) for p in real)
            alphabet = ids.HEX if hexadecimal else ids.ALNUM
        else:
            length, alphabet = ids.SHAPES.get(prefix, DEFAULT)
        return IdShape(prefix, length, alphabet, tuple(samples))

    def table(self, votes: Mapping[Any, Counter[str]]) -> Mapping[Any, IdShape]:
        return MappingProxyType(
            {key: self.shape(count.most_common(1)[0][0]) for key, count in votes.items()}
        )


def _pick(value: Mapping[str, Any], options: list[Branch]) -> Branch | None:
    """The alternative an example object is: none of its constants contradicted, most of its
    keys declared."""

    def score(branch: Branch) -> int:
        props = branch.schema.get("properties") or {}
        for key, sub in props.items():
            fixed = const(sub)
            if fixed is not None and key in value and value[key] != fixed:
                return -1_000
        return sum(1 if key in props else -2 for key in value)

    return max(options, key=score, default=None)


def _walk(value: Any, schema: Any, votes: _Votes, depth: int = 0) -> None:
    if depth > 40:
        return
    if isinstance(value, list):
        items = [b.schema["items"] for b in branches(schema) if "items" in b.schema]
        for item in value:
            _walk(item, items[0] if items else {}, votes, depth + 1)
        return
    if not isinstance(value, Mapping):
        return
    chosen = _pick(value, [b for b in branches(schema) if "properties" in b.schema])
    props = chosen.schema.get("properties", {}) if chosen else {}
    name = chosen.name if chosen else None
    shown = value.get("object")
    if name and isinstance(shown, str) and "object" in props and const(props["object"]) is None:
        votes.objects.setdefault(name, Counter())[shown] += 1
    if isinstance(value.get("id"), str) and name not in _NAMED:
        kind = value.get("object")
        kind = kind if isinstance(kind, str) else const(props.get("object"))
        if kind not in _NAMED:
            votes.add(votes.by_object, kind if isinstance(kind, str) else None, value["id"])
            votes.add(votes.by_schema, name, value["id"])
    for key, sub in value.items():
        if key.endswith("_id") and key not in ("first_id", "last_id") and isinstance(sub, str):
            votes.add(votes.by_field, key, sub)
            votes.add(votes.by_schema_field, (name, key) if name else None, sub)
        _walk(sub, props.get(key, {}), votes, depth + 1)


def _from_schemas(votes: _Votes) -> None:
    """Component schemas' own examples, and what an `id` property's example or text shows."""
    for name, schema in document()["components"]["schemas"].items():
        ref = {"$ref": f"#/components/schemas/{name}"}
        if isinstance(schema, Mapping) and "example" in schema:
            _walk(schema["example"], ref, votes)
        for branch in branches(ref):
            prop = (branch.schema.get("properties") or {}).get("id")
            if not isinstance(prop, Mapping) or branch.name != name or name in _NAMED:
                continue
            shown = [prop["example"]] if isinstance(prop.get("example"), str) else []
            shown += _QUOTED.findall(prop.get("description", ""))
            kind = const((branch.schema.get("properties") or {}).get("object"))
            for value in shown:
                votes.add(votes.by_schema, name, value)
                votes.add(votes.by_object, kind if isinstance(kind, str) else None, value)


@memoized(limit=1)
def learned() -> Learned:
    """What the whole description's examples teach (see the module docstring)."""
    votes = _Votes()
    for found in operations().values():
        for example in found.examples:
            text = example.response.strip()
            if not text:
                continue
            streamed = text.startswith(("event:", "data:"))
            schema = found.success.stream_schema if streamed else found.success.schema
            for value in values(text):
                _walk(value, schema or {}, votes)
    _from_schemas(votes)
    return Learned(
        by_object=votes.table(votes.by_object),
        by_schema=votes.table(votes.by_schema),
        by_field=votes.table(votes.by_field),
        by_schema_field=votes.table(votes.by_schema_field),
        objects=MappingProxyType(
            {name: count.most_common(1)[0][0] for name, count in votes.objects.items()}
        ),
    )


def object_of_schema(schema_name: str | None) -> str | None:
    """The `object` value the examples show for a schema that does not fix it."""
    return learned().objects.get(schema_name) if schema_name is not None else None


def shape_for_object(kind: str | None, schema_name: str | None) -> IdShape | None:
    """The id shape of an object by its `object` value, else by its component schema."""
    known = learned()
    if kind is not None and kind in known.by_object:
        return known.by_object[kind]
    return known.by_schema.get(schema_name) if schema_name is not None else None


def shape_for_field(field: str, schema_name: str | None = None) -> IdShape | None:
    """The id shape a `*_id` field holds: as seen in that schema's examples, in any example,
    else that of the object its stem names (`vector_store_id` -> `vector_store`)."""
    known = learned()
    if schema_name is not None and (schema_name, field) in known.by_schema_field:
        return known.by_schema_field[(schema_name, field)]
    if field in known.by_field:
        return known.by_field[field]
    stem = field.removesuffix("_id")
    if stem in known.by_object:
        return known.by_object[stem]
    tails = sorted(k for k in known.by_object if k.endswith("." + stem))
    return known.by_object[tails[0]] if tails else None
