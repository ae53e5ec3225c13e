"""The official OpenAPI description as a runtime engine's foundation (issue 15).

- `document`: the description, prepared once (nullable, oneOf) and cached on disk, so a start
  costs a JSON read; `$ref` resolution.
- `operations`: a read-only index of every operation (parameters, bodies, success response,
  streaming, examples).
- `examples`: the spec's example bodies read leniently (many are not strict JSON).
- `idshapes`: the id prefixes learned from those examples, and ids in their form.
- `schemas`: `$ref`/`allOf`/`anyOf` flattened into plain alternatives.
- `generate`: a deterministic body from a response schema; `values` its strings, numbers, times.

Nothing is loaded at import time; the first use loads, or `document.warm_up()` does it ahead
(for `mockai.warmup.when_quiet`; not wired into the server until something serves from it).
"""

from __future__ import annotations
