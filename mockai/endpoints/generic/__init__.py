"""Every operation of the official description that no other family hand-builds (assistants,
threads, fine-tuning, evals, videos, the administration API...), answered from the description
itself.

Its routes are not listed here: `mockai.endpoints` adds one for each operation of the shipped
index (`mockai/spec/operations.json`) whose route no family declares, each named
`generic.handlers.answer` with the operationId as its scenario endpoint name. A request is
checked against the operation's schemas (a 400 in the real API's words), may be answered by a
scenario step, and then does what its path says (resources.py): create, list, retrieve,
update and delete objects kept per session (state.py), act on one, read or write a singleton.
The answer is generated from the response schema (mockai.openapi), with the stored fields.
`--lenient` answers any id as if it existed.
"""

from __future__ import annotations

from mockai.endpoints import Route

ROUTES: list[Route] = []  # every unserved operation: added by mockai.endpoints.all_routes
