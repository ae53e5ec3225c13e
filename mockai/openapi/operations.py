"""Every operation of the description, indexed once and read-only.

For each operation: its id, method and path, the path/query/header parameters, the request
bodies by content type (JSON, multipart...), the success response (status, content types, the
JSON schema, whether it can stream SSE or sends binary), tags and the examples it carries.
Schemas are the document's own nodes, frozen (`MappingProxyType`s and tuples, references
left as `$ref`s for `document.resolve`): the index is shared, like every cached value
(mockai.caches' immutability rule).

The seven `...?beta=true` paths are separate operations (`beta_createResponse`...): the same
route for the beta SDK. `path` keeps the spec's text; `route` is the path alone and `query`
the fixed query it carries.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any
from urllib.parse import parse_qsl

from mockai.caches import memoized
from mockai.openapi.document import document, resolve

__all__ = [
    "Example",
    "Operation",
    "Parameter",
    "RequestBody",
    "Success",
    "freeze",
    "match",
    "operation",
    "operations",
]

METHODS = ("get", "post", "put", "patch", "delete")
SSE = "text/event-stream"


def freeze(node: Any) -> Any:
    """A read-only copy: mappings become `MappingProxyType`s, lists tuples."""
    if isinstance(node, Mapping):
        return MappingProxyType({k: freeze(v) for k, v in node.items()})
    if isinstance(node, (list, tuple)):
        return tuple(freeze(v) for v in node)
    return node


@dataclass(frozen=True)
class Parameter:
    name: str
    location: str  # "path", "query" or "header"
    required: bool
    schema: Mapping[str, Any]
    description: str = ""


@dataclass(frozen=True)
class RequestBody:
    content_type: str  # "application/json", "multipart/form-data", "application/sdp"...
    schema: Mapping[str, Any]
    required: bool

    @property
    def multipart(self) -> bool:
        return self.content_type == "multipart/form-data"


@dataclass(frozen=True)
class Success:
    """The 2xx answer: its JSON schema, its SSE event schema, whether a body is binary."""

    status: int
    content_types: tuple[str, ...]
    schema: Mapping[str, Any] | None  # the application/json body; None when there is none
    stream_schema: Mapping[str, Any] | None  # one text/event-stream event's data
    binary: bool  # a content type whose body is not JSON or SSE (audio, zip, mp4, SDP...)

    @property
    def streams(self) -> bool:
        return self.stream_schema is not None

    @property
    def json(self) -> bool:
        return self.schema is not None


@dataclass(frozen=True)
class Example:
    title: str
    request: Mapping[str, str]  # language ("curl", "python"...) -> code
    response: str  # as the reference shows it: often not strict JSON (see examples.values)


@dataclass(frozen=True)
class Operation:
    operation_id: str
    method: str  # upper case
    path: str  # as the spec writes it, `/responses?beta=true` included
    summary: str
    tags: tuple[str, ...]
    deprecated: bool
    parameters: tuple[Parameter, ...]
    bodies: Mapping[str, RequestBody]  # by content type, in the spec's order
    body_required: bool
    success: Success
    examples: tuple[Example, ...]
    route: str = field(init=False)  # the path without its query
    query: Mapping[str, str] = field(init=False)  # `{"beta": "true"}` or empty

    def __post_init__(self) -> None:
        route, _, query = self.path.partition("?")
        object.__setattr__(self, "route", route)
        object.__setattr__(self, "query", MappingProxyType(dict(parse_qsl(query))))

    def parameters_in(self, location: str) -> tuple[Parameter, ...]:
        return tuple(p for p in self.parameters if p.location == location)

    @property
    def json_body(self) -> RequestBody | None:
        return self.bodies.get("application/json")

    def __str__(self) -> str:
        return f"{self.method} {self.path}"


def _parameters(node: Mapping[str, Any]) -> tuple[Parameter, ...]:
    found = []
    for raw in node.get("parameters", ()):
        param = resolve(raw)
        found.append(
            Parameter(
                name=param["name"],
                location=param["in"],
                required=bool(param.get("required", param["in"] == "path")),
                schema=freeze(param.get("schema", {})),
                description=param.get("description", ""),
            )
        )
    return tuple(found)


def _success(responses: Mapping[str, Any]) -> Success:
    codes = sorted(c for c in responses if c.startswith("2"))
    if not codes:
        return Success(200, (), None, None, False)
    code = codes[0]
    content = resolve(responses[code]).get("content") or {}
    schema = stream = None
    binary = False
    for media, body in content.items():
        if "json" in media:
            schema = freeze(body.get("schema", {}))
        elif media == SSE:
            stream = freeze(body.get("schema", {}))
        else:
            binary = True
    return Success(int(code), tuple(content), schema, stream, binary)


def _examples(meta: Mapping[str, Any]) -> tuple[Example, ...]:
    raw = meta.get("examples")
    items = raw if isinstance(raw, list) else [raw] if isinstance(raw, Mapping) else []
    return tuple(
        Example(
            title=item.get("title", ""),
            request=freeze(item.get("request") or {}),
            response=item.get("response") or "",
        )
        for item in items
    )


def _build(path: str, method: str, node: Mapping[str, Any]) -> Operation:
    body = resolve(node.get("requestBody") or {})
    return Operation(
        operation_id=node["operationId"],
        method=method.upper(),
        path=path,
        summary=node.get("summary", ""),
        tags=tuple(node.get("tags", ())),
        deprecated=bool(node.get("deprecated", False)),
        parameters=_parameters(node),
        bodies=MappingProxyType(
            {
                media: RequestBody(
                    media, freeze(spec.get("schema", {})), bool(body.get("required"))
                )
                for media, spec in (body.get("content") or {}).items()
            }
        ),
        body_required=bool(body.get("required")),
        success=_success(node.get("responses", {})),
        examples=_examples(node.get("x-oaiMeta", {})),
    )


@memoized(limit=1)
def operations() -> Mapping[str, Operation]:
    """operationId -> Operation, in the spec's order (built on first use, in a few ms)."""
    found = {}
    for path, item in document()["paths"].items():
        for method in METHODS:
            if method in item:
                built = _build(path, method, item[method])
                found[built.operation_id] = built
    return MappingProxyType(found)


def operation(operation_id: str) -> Operation:
    """The operation of that id; KeyError when the spec has none."""
    return operations()[operation_id]


@memoized(limit=1)
def _routes() -> tuple[tuple[re.Pattern[str], Operation], ...]:
    """Route regexes, literal-heavy first so `/responses/compact` beats `/responses/{id}`."""
    ordered = sorted(
        operations().values(), key=lambda o: (o.route.count("{"), -len(o.route), bool(o.query))
    )
    return tuple(
        (re.compile(re.sub(r"\\\{[^/]+?\\\}", "[^/]+", re.escape(o.route)) + "$"), o)
        for o in ordered
    )


def match(method: str, path: str, query: Mapping[str, str] | None = None) -> Operation | None:
    """The operation serving a concrete request path such as `/api/openai/v1/models/gpt-4o`
    (everything up to the first `/v1` segment is dropped); a beta variant when the query
    carries its fixed query (`beta=true`), else the plain one. None when nothing matches."""
    local = re.sub(r"^.*?/v1(?=/|$)", "", path.split("?", 1)[0]) or "/"
    method = method.upper()
    query = query or {}
    plain = None
    for regex, found in _routes():
        if found.method == method and regex.match(local):
            if found.query and all(query.get(k) == v for k, v in found.query.items()):
                return found
            if not found.query and plain is None:
                plain = found
    return plain


def path_parameters(found: Operation, path: str) -> Mapping[str, str]:
    """`{"vector_store_id": "vs_abc"}` for a concrete path of `found` (prefix dropped)."""
    local = re.sub(r"^.*?/v1(?=/|$)", "", path.split("?", 1)[0]) or "/"
    pattern = re.sub(r"\\\{([^/]+?)\\\}", r"(?P<\1>[^/]+)", re.escape(found.route))
    hit = re.fullmatch(pattern, local)
    return MappingProxyType(hit.groupdict() if hit else {})
