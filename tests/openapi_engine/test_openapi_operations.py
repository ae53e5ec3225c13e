"""mockai.openapi.operations: every operation of the description, indexed and read-only."""

from __future__ import annotations

import dataclasses
import json

import pytest

from mockai.openapi.operations import match, operation, operations, path_parameters
from mockai.spec import OPERATIONS_PATH


def test_every_operation_is_indexed_as_operations_json_names_it():
    listed = json.loads(OPERATIONS_PATH.read_text(encoding="utf-8"))
    assert {k: str(v) for k, v in operations().items()} == listed
    assert len(operations()) == 288


def test_an_operation_in_full():
    found = operation("createAssistant")
    assert (found.method, found.path, found.tags) == ("POST", "/assistants", ("Assistants",))
    assert found.deprecated and found.body_required
    assert found.json_body is not None and dict(found.json_body.schema) == {
        "$ref": "#/components/schemas/CreateAssistantRequest"
    }
    assert found.success.status == 200 and found.success.json and not found.success.streams
    assert found.examples and '"asst_abc123"' in found.examples[0].response
    assert "curl" in found.examples[0].request


def test_parameters_by_location():
    found = operation("listVectorStoreFiles")
    assert [p.name for p in found.parameters_in("path")] == ["vector_store_id"]
    assert {p.name for p in found.parameters_in("query")} >= {"limit", "order", "after", "filter"}
    assert all(p.required for p in found.parameters_in("path"))
    assert not any(p.required for p in found.parameters_in("query"))


def test_bodies_streams_and_binary_answers():
    upload = operation("createFile")
    assert (
        list(upload.bodies) == ["multipart/form-data"]
        and upload.bodies["multipart/form-data"].multipart
    )
    assert list(operation("createVideo").bodies) == ["multipart/form-data", "application/json"]
    responses = operation("createResponse").success
    assert responses.json and responses.streams and not responses.binary
    speech = operation("createSpeech").success
    assert speech.binary and speech.streams and not speech.json
    assert operation("deleteResponse").success.content_types == ()
    assert sum(o.success.json for o in operations().values()) == 277


def test_the_index_cannot_be_changed():
    found = operation("createAssistant")
    with pytest.raises(dataclasses.FrozenInstanceError):
        found.path = "/x"  # type: ignore[misc]
    with pytest.raises(TypeError):
        found.success.schema["$ref"] = "#/x"  # type: ignore[index]
    with pytest.raises(TypeError):
        operations()["x"] = found  # type: ignore[index]


def test_match_a_concrete_path():
    assert match("GET", "/v1/vector_stores/vs_1").operation_id == "getVectorStore"
    assert match("post", "/api/openai/v1/responses/compact").operation_id == "Compactconversation"
    assert match("POST", "/v1/responses").operation_id == "createResponse"
    assert match("POST", "/v1/responses", {"beta": "true"}).operation_id == "beta_createResponse"
    assert match("PATCH", "/v1/vector_stores/vs_1") is None
    found = operation("getVectorStoreFile")
    assert dict(path_parameters(found, "/v1/vector_stores/vs_1/files/file-2")) == {
        "vector_store_id": "vs_1",
        "file_id": "file-2",
    }
