"""Check what the emulator sends against the official OpenAI OpenAPI description.

The emulator is only useful if clients cannot tell it from the real API, so every test that
looks at a response body should also prove the body has the real API's shape. This module
loads the vendored spec once (prepared by mockai.openapi.document, the form the runtime
reads too), repairs its known quirks, and validates bodies, error bodies
and stream chunks against it. In strict mode (the default) it also rejects object properties
the spec does not declare: JSON Schema allows them, but an invented field is shape drift.
"""

from __future__ import annotations

import copy
import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import orjson
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError, relevance
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from mockai.openapi.document import load_json
from mockai.spec import OPENAPI_PATH, STREAMS_DIR

SPEC_PATH: Path = OPENAPI_PATH
RECORDINGS: Path = STREAMS_DIR

# The spec document is registered under this URI and every local `#/...` reference is made
# absolute, so any fragment of it can be validated on its own without losing its references.
_SPEC_URI = "urn:mockai:openai-openapi"
# Not in the spec: added by `_patch_real_api` (the spec declares no completion stream schema).
COMPLETION_CHUNK = "mockai.CompletionChunk"


def _patch_real_api(prepared: dict[str, Any]) -> None:
    """Allow what the real API demonstrably sends but the spec omits; keep this short and cited.

    Evidence is the recordings in mockai/spec/streams/ or the spec's own prose. Applied
    after loading, so editing it needs no cache invalidation.
    """
    schemas = prepared["components"]["schemas"]
    # The spec's `include_obfuscation` text: an `obfuscation` string is on every Responses
    # streaming delta event by default (recorded in responses-*.sse), yet only one delta
    # schema declares it. Chat chunks declare it already.
    for union in ("ResponseStreamEvent", "BetaResponseStreamEvent"):
        for branch in schemas[union]["anyOf"]:
            event = schemas[branch["$ref"].rpartition("/")[2]]
            if event["properties"]["type"]["enum"][0].endswith(".delta"):
                event["properties"].setdefault("obfuscation", {"type": "string"})
    # responses-*.sse: a response object carries `"user": null` when the request set none,
    # `"usage": null` until it completes and `"store": true`; the spec allows none of these.
    # The `?beta=true` Responses operations answer the same object (their Beta* copies).
    for prefix in ("", "Beta"):
        schemas[f"{prefix}ModelResponseProperties"]["properties"]["user"]["type"] = [
            "string",
            "null",
        ]
        response = next(
            p for p in schemas[f"{prefix}Response"]["allOf"] if "usage" in p.get("properties", {})
        )
        usage = response["properties"]["usage"]
        response["properties"]["usage"] = {"anyOf": [usage, {"type": "null"}]}
        response["properties"]["store"] = {"type": "boolean"}
    # Batches and files carry null where the spec says string or integer: the spec's own
    # Batch example shows `errors` and the unset timestamps null; real batches show
    # `output_file_id`, `error_file_id` and `model` null until set (one is quoted in
    # ProjectTech4DevAI/kaapi-backend#723); a real upload's file has `status_details: null`
    # and `expires_at: null` when it never expires (BerriAI/litellm#37527).
    nullable = {
        "Batch": (
            "errors output_file_id error_file_id in_progress_at finalizing_at completed_at "
            "failed_at expired_at cancelling_at cancelled_at model"
        ),
        "OpenAIFile": "expires_at status_details",
    }
    for name, keys in nullable.items():
        props = schemas[name]["properties"]
        for key in keys.split():
            props[key] = {"anyOf": [props[key], {"type": "null"}]}
    # Evals: a new run is `queued` with `per_model_usage` and `per_testing_criteria_results`
    # null, and `error` null (the spec's own createEvalRun example), and a run whose data source samples no
    # model (`jsonl`) has no `model` to report (a guess: the field is null then). An output
    # item's sample that went well has `error: null` (the spec's getEvalRunOutputItem example).
    run = schemas["EvalRun"]["properties"]
    for key in ("per_model_usage", "per_testing_criteria_results", "model", "error"):
        run[key] = {"anyOf": [run[key], {"type": "null"}]}
    sample = schemas["EvalRunOutputItem"]["properties"]["sample"]["properties"]
    sample["error"] = {"anyOf": [sample["error"], {"type": "null"}]}
    # The evals operations declare their 400 and 404 bodies as the bare `Error`; the real
    # API wraps every error in `{"error": ...}` (the SDKs read it there), as everywhere else.
    for path, operations in prepared["paths"].items():
        if path.startswith("/evals"):
            for operation in operations.values():
                for code in ("400", "404"):
                    answer = (
                        operation.get("responses", {}).get(code)
                        if isinstance(operation, dict)
                        else None
                    )
                    if answer is not None:
                        answer["content"]["application/json"]["schema"] = {
                            "$ref": f"{_SPEC_URI}#/components/schemas/ErrorResponse"
                        }
    # `encoding_format: base64` answers each embedding as a base64 string of little-endian
    # float32s (the API reference's own text for the parameter; the official SDKs ask for it
    # by default and decode it), where `Embedding.embedding` declares only an array.
    embedding = schemas["Embedding"]["properties"]["embedding"]
    schemas["Embedding"]["properties"]["embedding"] = {"anyOf": [embedding, {"type": "string"}]}
    # A vector store with no expiry policy answers `"expires_after": null` (a real list of
    # stores as an API collection quotes it: `"expires_after":null,"expires_at":null`,
    # developers.qodex.ai, vector-stores/list-vector-stores-1), where the schema's policy is
    # not nullable.
    store = schemas["VectorStoreObject"]["properties"]
    store["expires_after"] = {"anyOf": [store["expires_after"], {"type": "null"}]}
    # Verbose transcriptions and translations carry `task` ("transcribe" / "translate"): the
    # spec's own examples show it, its schemas do not declare it.
    for name in ("CreateTranscriptionResponseVerboseJson", "CreateTranslationResponseVerboseJson"):
        schemas[name]["properties"].setdefault("task", {"type": "string"})
    # A file uploaded for a purpose the upload schema lists (`evals`) is answered with it,
    # though OpenAIFile's own enum of purposes is older.
    purposes = schemas["OpenAIFile"]["properties"]["purpose"]["enum"]
    for value in schemas["CreateFileRequest"]["properties"]["purpose"]["enum"]:
        if value not in purposes:
            purposes.append(value)
    _patch_stored_chat(prepared)
    # A custom voice says how it was made: the official SDK's `Voice` (openai-python
    # src/openai/types/audio/voice.py, generated from the API's newer description) requires
    # `type` ("audio_sample" or "prompt") and may carry a `prompt`; the shipped VoiceResource
    # (additionalProperties: false) declares neither.
    schemas["VoiceResource"]["properties"].update(
        type={"type": "string", "enum": ["audio_sample", "prompt"]}, prompt={"type": "string"}
    )
    # Fine-tuning jobs, as real jobs show them (SDK reprs and raw bodies quoted in public
    # code, e.g. cequence-io/openai-scala-client#80): `user_provided_suffix` (the suffix asked
    # for, or null), a `paused` status (the pause operation's own example), and the
    # "Fine-tuning job started" event's `data` null.
    job = schemas["FineTuningJob"]["properties"]
    job["user_provided_suffix"] = {"type": ["string", "null"]}
    job["status"]["enum"].append("paused")
    event = schemas["FineTuningJobEvent"]["properties"]
    event["data"] = {"type": ["object", "null"]}
    # Deleting a container or a container file answers a deletion object (the operations' own
    # examples: `{"id": "cntr_...", "object": "container.deleted", "deleted": true}`, and
    # `container.file.deleted`), where the description declares no body.
    for path in ("/containers/{container_id}", "/containers/{container_id}/files/{file_id}"):
        deleted = {
            "type": "object",
            "required": ["id", "object", "deleted"],
            "properties": {
                "id": {"type": "string"},
                "object": {"type": "string"},
                "deleted": {"type": "boolean"},
            },
        }
        answer = prepared["paths"][path]["delete"]["responses"]["200"]
        answer["content"] = {"application/json": {"schema": deleted}}
    # The beta Realtime session routes answer their ephemeral key as `client_secret` (the
    # operations' own summaries: "It responds with a session object, plus a `client_secret`
    # key", and their examples), which the session answer's schema does not declare; the
    # transcription session's example also carries its `id` and `object`.
    secret = schemas["RealtimeTranscriptionSessionCreateResponse"]["properties"]["client_secret"]
    schemas["RealtimeSessionCreateResponse"]["properties"].setdefault("client_secret", secret)
    for key in ("id", "object"):
        schemas["RealtimeTranscriptionSessionCreateResponse"]["properties"].setdefault(
            key, {"type": "string"}
        )
    # Legacy completion logprobs: `top_logprobs` is null for `logprobs: 0` (a real body quoted
    # in vllm-project/vllm#3707), and with `echo` the prompt's first token has neither a logprob
    # nor alternatives (the nulls lm-evaluation-harness skips when scoring echoed prompts).
    choice = schemas["CreateCompletionResponse"]["properties"]["choices"]["items"]
    logprobs = choice["properties"]["logprobs"]["anyOf"][0]["properties"]
    logprobs["token_logprobs"]["items"]["type"] = ["number", "null"]
    logprobs["top_logprobs"]["items"] = {
        "anyOf": [logprobs["top_logprobs"]["items"], {"type": "null"}]
    }
    logprobs["top_logprobs"]["type"] = ["array", "null"]
    # Twelve schemas require a property they do not declare (LocalShellToolCallOutput's
    # `call_id`, MCPApprovalResponse's `request_id`, the Responses audio events' `response_id`,
    # and their Beta copies): a body must carry it, so strict mode must not call it invented.
    for found in schemas.values():
        props = found.get("properties") if isinstance(found, dict) else None
        if props:
            for key in found.get("required", ()):
                props.setdefault(key, {"type": "string"})
    # An empty page has no first or last object: the real API sends `first_id`/`last_id` null
    # there (the official SDK's cursor pages type them `Optional[str]`, openai-python
    # src/openai/pagination.py), while list schemas declare plain strings.
    for found in schemas.values():
        props = found.get("properties") if isinstance(found, dict) else None
        if props and {"first_id", "last_id", "has_more", "data"} <= set(props):
            for key in ("first_id", "last_id"):
                if props[key].get("type") == "string":
                    props[key] = {**props[key], "type": ["string", "null"]}
    # Streamed completions are CreateCompletionResponse objects (its description says so) whose
    # choices have `finish_reason: null` until they end (every recorded stream). A schema of
    # mockai's own, so that full bodies keep requiring a finish reason.
    chunk = copy.deepcopy(schemas["CreateCompletionResponse"])
    finish = chunk["properties"]["choices"]["items"]["properties"]["finish_reason"]
    finish["type"], finish["enum"] = ["string", "null"], [*finish["enum"], None]
    schemas[COMPLETION_CHUNK] = chunk
    _patch_graders(schemas)


def _patch_graders(schemas: dict[str, Any]) -> None:
    """The graders as the real API reads them and answers their runs."""
    # The description's own runGrader example answers `token_usage` as an object
    # (prompt_tokens, total_tokens, completion_tokens, cached_tokens); its schema says integer.
    metadata = schemas["RunGraderResponse"]["properties"]["metadata"]["properties"]
    metadata["token_usage"]["anyOf"].append({"type": "object"})
    # The graders guide (Multigraders, and grading tool calls) defines a multi grader's
    # `graders` as an object of named graders, the names being the formula's variables; its
    # text similarity and score model graders take a `pass_threshold`, its label model grader
    # `sampling_params`.
    graders = schemas["GraderMulti"]["properties"]["graders"]
    schemas["GraderMulti"]["properties"]["graders"] = {
        "anyOf": [graders, {"type": "object", "additionalProperties": graders}]
    }
    for name in ("GraderTextSimilarity", "GraderScoreModel"):
        schemas[name]["properties"]["pass_threshold"] = {"type": "number"}
    schemas["GraderLabelModel"]["properties"]["sampling_params"] = {"type": "object"}


# Mockai's schema of a stored chat completion (`store: true`), see `_patch_stored_chat`.
STORED_CHAT = "mockai.StoredChatCompletion"


def _patch_stored_chat(prepared: dict[str, Any]) -> None:
    """The spec's own examples for the stored chat completion routes show what the real API
    answers there: the completion with the request's facts kept beside it (`request_id`,
    `seed`, the sampling settings, `tools`...), and a message list of the request's messages
    (any role, no `refusal`) where the item schema is the assistant's response message."""
    schemas = prepared["components"]["schemas"]
    stored = copy.deepcopy(schemas["CreateChatCompletionResponse"])
    number, text = {"type": ["number", "null"]}, {"type": ["string", "null"]}
    stored["properties"].update(
        request_id={"type": "string"},
        seed={"type": ["integer", "null"]},
        temperature=number,
        top_p=number,
        presence_penalty=number,
        frequency_penalty=number,
        input_user=text,
        tools={"type": ["array", "null"]},
        tool_choice={},
        response_format={"type": ["object", "null"]},
    )
    schemas[STORED_CHAT] = stored
    ref = {"$ref": f"{_SPEC_URI}#/components/schemas/{STORED_CHAT}"}
    schemas["ChatCompletionList"]["properties"]["data"]["items"] = ref
    item = prepared["paths"]["/chat/completions/{completion_id}"]
    for method in ("get", "post"):
        item[method]["responses"]["200"]["content"]["application/json"]["schema"] = ref
    messages = schemas["ChatCompletionMessageList"]["properties"]["data"]
    answer, extra = messages["items"]["allOf"]
    asked = {
        "type": "object",
        "required": ["id", "role", "content"],
        "properties": {
            **extra["properties"],
            "role": {"enum": ["system", "developer", "user", "assistant", "tool", "function"]},
            "content": text,
            "name": text,
            "tool_calls": {"type": "array"},
            "function_call": {"type": "object"},
        },
    }
    messages["items"] = {"anyOf": [messages["items"], asked]}


@cache
def spec() -> dict[str, Any]:
    """The prepared spec, with the real-API patches applied; loaded once per process."""
    prepared = _load_prepared()
    _patch_real_api(prepared)
    return prepared


@cache
def document() -> dict[str, Any]:
    """The prepared spec as a self-contained OpenAPI 3.1 document (its references local
    again), for tools that resolve references themselves, such as schemathesis."""
    return json.loads(json.dumps(spec()).replace(f'"{_SPEC_URI}#', '"#'))


def _load_prepared() -> dict[str, Any]:
    """The spec as mockai prepares it (`mockai.openapi.document.prepare`: nullable, oneOf),
    from mockai's own cache of that form, our copy with every local reference made absolute."""
    absolute = b'"$ref":"' + _SPEC_URI.encode() + b"#"
    return orjson.loads(load_json(SPEC_PATH).replace(b'"$ref":"#', absolute))


@cache
def _registry() -> Registry:
    """Registry holding the spec; the document itself is deliberately never validated."""
    return Registry().with_resource(_SPEC_URI, DRAFT202012.create_resource(spec()))


def _pointer(*parts: str) -> str:
    return "".join("/" + p.replace("~", "~0").replace("/", "~1") for p in parts)


@cache
def _validator_at(pointer: str) -> Draft202012Validator:
    return Draft202012Validator({"$ref": f"{_SPEC_URI}#{pointer}"}, registry=_registry())


def schema(name: str) -> Draft202012Validator:
    """Validator for `#/components/schemas/<name>`, built on first use and memoised."""
    if name not in spec()["components"]["schemas"]:
        raise KeyError(f"no schema {name!r} in {SPEC_PATH}")
    return _validator_at(_pointer("components", "schemas", name))


def _excerpt(value: Any, limit: int = 160) -> str:
    text = json.dumps(value, default=str)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _explain(error: ValidationError) -> ValidationError:
    """The most telling error under an anyOf failure (every oneOf was made an anyOf).

    The spec's unions (e.g. ResponseStreamEvent, 50+ branches) are told apart by a `type`
    property, so branches whose `type` does not match are ignored; of the rest, the deepest
    error says best how far the instance got.
    """
    while error.context:
        branches: dict[Any, list[ValidationError]] = {}
        for sub in error.context:
            branches.setdefault(sub.relative_schema_path[0], []).append(sub)
        kin = [
            b
            for b in branches.values()
            if not any(
                list(e.relative_path) == ["type"] and e.validator in ("enum", "const") for e in b
            )
        ]
        error = max(
            (e for b in kin or branches.values() for e in b),
            key=lambda e: (len(e.path), e.validator != "anyOf"),
        )
    return error


def _check(validator: Draft202012Validator, instance: Any, label: str, strict: bool) -> None:
    """Raise AssertionError naming where, which keyword and what, for the first problem."""
    error = max(validator.iter_errors(instance), key=relevance, default=None)
    if error is not None:
        error = _explain(error)
        raise AssertionError(
            f"{label}: {error.json_path}: '{error.validator}' failed: "
            f"{_excerpt(error.message, 300)}\n  value: {_excerpt(error.instance)}"
        )
    if strict:
        extras = _undeclared(instance, validator.schema, "$")
        if extras:
            raise AssertionError(f"{label}: properties the spec does not declare: {extras}")


def _lookup(ref: str) -> Any:
    return _registry().resolver().lookup(ref).contents


def _applicable(instance: Any, node: Any) -> list[dict[str, Any]]:
    """The schema objects that apply to `instance`: itself, $ref targets, allOf members and
    the anyOf branches (oneOf was made anyOf) that the instance actually satisfies."""
    if not isinstance(node, dict):
        return []
    found = [node]
    if "$ref" in node:
        found += _applicable(instance, _lookup(node["$ref"]))
    for sub in node.get("allOf", []):
        found += _applicable(instance, sub)
    for sub in node.get("anyOf", []):
        if Draft202012Validator(sub, registry=_registry()).is_valid(instance):
            found += _applicable(instance, sub)
    return found


def _undeclared(instance: Any, node: Any, where: str) -> list[str]:
    """JSON paths of object properties that no applicable schema declares.

    An object is free-form when an applicable schema allows additionalProperties or when none
    of them lists `properties` (e.g. `metadata`, JSON-schema parameters).
    """
    if not isinstance(instance, (dict, list)):
        return []
    nodes = _applicable(instance, node)
    if isinstance(instance, list):
        items = [n["items"] for n in nodes if "items" in n]
        return [
            p
            for i, v in enumerate(instance)
            for p in _undeclared(v, {"allOf": items}, f"{where}[{i}]")
        ]
    declared: dict[str, list[Any]] = {}
    for n in nodes:
        for key, sub in n.get("properties", {}).items():
            declared.setdefault(key, []).append(sub)
    extra = [
        n["additionalProperties"]
        for n in nodes
        if n.get("additionalProperties", False) is not False
    ]
    free = bool(extra) or not any("properties" in n for n in nodes)
    found: list[str] = []
    for key, value in instance.items():
        path = f"{where}.{key}"
        if key in declared:
            found += _undeclared(value, {"allOf": declared[key]}, path)
        elif free:
            found += _undeclared(value, {"allOf": [e for e in extra if isinstance(e, dict)]}, path)
        else:
            found.append(path)
    return found


def validate_schema(name: str, instance: Any, *, strict: bool = True) -> None:
    """Assert `instance` matches `#/components/schemas/<name>`."""
    _check(schema(name), instance, name, strict)


def validate_error(body: Any, *, strict: bool = True) -> None:
    """Assert `body` is an OpenAI error body (`{"error": {...}}`)."""
    validate_schema("ErrorResponse", body, strict=strict)


def validate_completion_chunk(chunk: dict[str, Any], *, strict: bool = True) -> None:
    """Assert one parsed `data:` payload of a legacy completion stream is a valid chunk."""
    validate_schema(COMPLETION_CHUNK, chunk, strict=strict)


def validate_chat_chunk(chunk: dict[str, Any], *, strict: bool = True) -> None:
    """Assert one parsed `data:` payload of a chat completion stream is a valid chunk."""
    validate_schema("CreateChatCompletionStreamResponse", chunk, strict=strict)


@cache
def _templates() -> list[tuple[re.Pattern[str], str]]:
    """Path templates as regexes, literal-heavy first so `/responses/compact` beats
    `/responses/{response_id}`. The `...?beta=true` duplicates (beta SDK variants of the
    Responses operations) are left out: the query string is not part of the route."""
    paths = sorted(
        (t for t in spec()["paths"] if "?" not in t), key=lambda t: (t.count("{"), -len(t))
    )
    return [(re.compile(re.sub(r"\\\{[^/]+?\\\}", "[^/]+", re.escape(t)) + "$"), t) for t in paths]


def find_operation(method: str, path: str) -> tuple[str, dict[str, Any]]:
    """(template, operation) for a concrete URL path such as `/api/openai/v1/models/gpt-4o`.

    Everything up to and including the first `/v1` segment is dropped (the spec's paths are
    relative to `https://api.openai.com/v1`, the emulator may be mounted under a prefix).
    """
    local = re.sub(r"^.*?/v1(?=/|$)", "", path.split("?", 1)[0]) or "/"
    for regex, template in _templates():
        if regex.match(local):
            operation = spec()["paths"][template].get(method.lower())
            if operation is not None:
                return template, operation
    raise AssertionError(f"{method.upper()} {path}: no such operation in the spec")


def validate_response(
    method: str, path: str, status: int, body: Any, *, strict: bool = True
) -> None:
    """Assert `body` is what the spec says `method path` answers with `status`.

    Takes the exact status, else `default`; error statuses the operation does not declare
    must still be an ErrorResponse, as every real API error is.
    """
    template, operation = find_operation(method, path)
    label = f"{method.upper()} {template} {status}"
    responses = operation.get("responses", {})
    code = str(status) if str(status) in responses else "default"
    response = responses.get(code) or {}
    pointer = _pointer("paths", template, method.lower(), "responses", code)
    if "$ref" in response:
        pointer = response["$ref"].partition("#")[2]
        response = _lookup(response["$ref"])
    content = response.get("content", {})
    media = next((m for m in content if "json" in m), None)
    if media is not None:
        pointer += _pointer("content", media, "schema")
        return _check(_validator_at(pointer), body, label, strict)
    if status >= 400:
        return _check(schema("ErrorResponse"), body, f"{label} ErrorResponse", strict)
    if not response:
        raise AssertionError(f"{label}: status not declared (has {sorted(responses)})")
    raise AssertionError(f"{label}: no JSON body declared (content: {sorted(content)})")


def parse_sse_events(text: str) -> list[tuple[str | None, Any]]:
    """Split a server-sent-event body into (event name or None, data) pairs.

    Follows the SSE rules that matter here: events end at a blank line, several `data:`
    lines join with newlines, `:` lines are comments. Data is parsed as JSON except the
    chat terminator, which stays the literal string "[DONE]".
    """
    events: list[tuple[str | None, Any]] = []
    name: str | None = None
    data: list[str] = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n") + [""]:
        if not line:
            if data:
                payload = "\n".join(data)
                events.append((name, payload if payload == "[DONE]" else json.loads(payload)))
            name, data = None, []
            continue
        field, _, value = line.partition(":")
        value = value[1:] if value.startswith(" ") else value
        if field == "data":
            data.append(value)
        elif field == "event":
            name = value
    return events


def parse_sse(text: str) -> list[Any]:
    """The data payloads of an SSE body in order, e.g. chat chunks followed by "[DONE]"."""
    return [data for _, data in parse_sse_events(text)]


def validate_operation(
    template: str,
    method: str,
    status: int,
    body: Any,
    *,
    strict: bool = True,
    media: str = "json",
) -> None:
    """Assert `body` is what the spec says the operation at `template` (the spec's own path
    text, `...?beta=true` variants included) answers with `status`: as JSON, or, with
    `media="text/event-stream"`, as one event of its stream."""
    label = f"{method.upper()} {template} {status} {media}"
    response = spec()["paths"][template][method.lower()]["responses"][str(status)]
    pointer = _pointer("paths", template, method.lower(), "responses", str(status))
    if "$ref" in response:
        pointer = response["$ref"].partition("#")[2]
        response = _lookup(response["$ref"])
    found = next(m for m in response["content"] if media in m)
    _check(_validator_at(pointer + _pointer("content", found, "schema")), body, label, strict)
