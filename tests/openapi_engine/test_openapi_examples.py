"""mockai.openapi.examples: the spec's example bodies, read although many are not strict JSON."""

from __future__ import annotations

import pytest

from mockai.openapi.examples import values
from mockai.openapi.operations import operations

CASES = [
    ('{"a": 1}', ({"a": 1},)),
    ('{\n  "a": 1,\n  "b": [1, 2,],\n}\n', ({"a": 1, "b": [1, 2]},)),  # trailing commas
    ('{\n  id: "vs_abc123",\n  deleted: true\n}\n', ({"id": "vs_abc123", "deleted": True},)),
    ('{\n  "data": [\n    {"id": "x"},\n    { ... },\n  ]\n}', ({"data": [{"id": "x"}]},)),
    ('{\n  "e": [\n    0.1,\n    .... (1536 floats total)\n    0.2\n  ]\n}', ({"e": [0.1, 0.2]},)),
    ('{\n  "s": {...},\n  "n": None\n}', ({"s": {}, "n": None},)),
    ('{\n  "model": "m"\n  "x": 1\n}', ({"model": "m", "x": 1},)),  # a missing comma
    ('{"i": 1}\n\n{"i": 2}\n', ({"i": 1}, {"i": 2})),  # chunks one after another
    ('event: a\ndata: {"i": 1}\n\nevent: b\ndata: {"i": 2}\n', ({"i": 1}, {"i": 2})),
    ("<binary content of the file>\n", ()),
    ("v=0\no=- 1 2 IN IP4 127.0.0.1\n", ()),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_values(text, expected):
    assert values(text) == expected


def test_nearly_every_example_of_the_spec_reads():
    unread = [
        str(found)
        for found in operations().values()
        for example in found.examples
        if example.response.strip() and not values(example.response)
    ]
    # Not JSON at all: a container file's bytes, an SDP answer; and two beyond repair:
    # `POST /evals` (a brace missing) and `POST /vector_stores/{id}/files/{file_id}`.
    assert len(unread) <= 4, unread
