"""`POST /v1/embeddings` through raw HTTP and the official SDK: input forms, dimensions,
encodings, determinism, similarity, usage counted with cl100k_base (independently of the
server), the real limits and errors, and scripted errors. Every body is validated against the
spec (CreateEmbeddingResponse, or ErrorResponse)."""

from __future__ import annotations

import base64
import json
import math
import struct

import openai
import pytest
from helpers import AUTH, api_json
from openapi import validate_response

from mockai.tokenizer import encoding_sync

MODEL = "text-embedding-3-small"


def count(text: str) -> int:
    return len(encoding_sync("cl100k_base").encode_ordinary(text))


def cosine(a: list[float], b: list[float]) -> float:
    return sum(x * y for x, y in zip(a, b, strict=False)) / math.sqrt(
        sum(x * x for x in a) * sum(y * y for y in b)
    )


def decoded(body: dict) -> dict:
    """The body with base64 embeddings decoded: the spec types `embedding` as an array of
    numbers only, though its `encoding_format` description says base64 returns a string."""
    data = [
        {**item, "embedding": list(struct.unpack(f"<{len(raw) // 4}f", raw))}
        if isinstance(item["embedding"], str) and (raw := base64.b64decode(item["embedding"]))
        else item
        for item in body["data"]
    ]
    return {**body, "data": data}


async def embed(client, status: int = 200, headers: dict | None = None, **body) -> dict:
    response = await client.post(
        "/v1/embeddings",
        data=json.dumps({"model": MODEL, **body}),
        headers={**AUTH, **(headers or {})},
    )
    data = await response.json()
    validate_response(
        "POST",
        response.url.path,
        response.status,
        decoded(data) if response.status == 200 else data,
    )
    assert response.status == status, data
    return data


async def test_string_input_gives_one_unit_vector_of_1536_floats_and_real_usage(serve):
    client = await serve()
    text = "The quick brown fox jumped over the lazy dog"
    data = await embed(client, input=text)
    assert (data["object"], data["model"]) == ("list", MODEL)
    (item,) = data["data"]
    assert (item["object"], item["index"]) == ("embedding", 0)
    vector = item["embedding"]
    assert len(vector) == 1536 and all(isinstance(x, float) for x in vector)
    assert math.isclose(sum(x * x for x in vector), 1.0, rel_tol=1e-5)
    assert sum(1 for x in vector if x == 0.0) == 0
    assert data["usage"] == {"prompt_tokens": count(text), "total_tokens": count(text)}


@pytest.mark.parametrize(
    ("model", "size", "served"),
    [
        ("text-embedding-3-small", 1536, "text-embedding-3-small"),
        ("text-embedding-3-large", 3072, "text-embedding-3-large"),
        ("text-embedding-ada-002", 1536, "text-embedding-ada-002-v2"),
    ],
)
async def test_default_dimensions_per_model(serve, model, size, served):
    data = await embed(await serve(), model=model, input="hello")
    assert len(data["data"][0]["embedding"]) == size
    assert data["model"] == served


async def test_list_inputs_token_ids_and_token_lists(serve):
    client = await serve()
    texts = ["first document", "second document", "a third one"]
    data = await embed(client, input=texts)
    assert [d["index"] for d in data["data"]] == [0, 1, 2]
    assert data["usage"]["prompt_tokens"] == sum(count(t) for t in texts)

    ids = encoding_sync("cl100k_base").encode_ordinary("first document")
    by_ids = await embed(client, input=ids)
    assert by_ids["usage"]["prompt_tokens"] == len(ids)
    # Token ids embed like the text they spell.
    assert by_ids["data"][0]["embedding"] == data["data"][0]["embedding"]

    lists = await embed(client, input=[ids, [1, 2, 3]])
    assert len(lists["data"]) == 2 and lists["usage"]["prompt_tokens"] == len(ids) + 3


async def test_a_big_batch_gives_the_same_vectors_as_single_requests(serve):
    client = await serve()
    texts = [
        f"Document {n}: notes about topic {n % 7} and its many details. " * 8 for n in range(60)
    ]
    assert sum(map(len, texts)) > 20_000  # computed off the event loop
    batch = await embed(client, input=texts, dimensions=32)
    assert [d["index"] for d in batch["data"]] == list(range(60))
    single = await embed(client, input=texts[41], dimensions=32)
    assert batch["data"][41]["embedding"] == single["data"][0]["embedding"]


async def test_vectors_are_deterministic_per_model_input_and_seed(serve):
    client = await serve()
    a = (await embed(client, input="stable text"))["data"][0]["embedding"]
    b = (await embed(client, input="stable text", user="someone"))["data"][0]["embedding"]
    assert a == b
    other_model = (await embed(client, model="text-embedding-ada-002", input="stable text"))[
        "data"
    ][0]["embedding"]
    assert other_model != a
    reseeded = await serve(seed=7)
    assert (await embed(reseeded, input="stable text"))["data"][0]["embedding"] != a


async def test_similar_texts_are_nearer_than_unrelated_ones(serve):
    client = await serve()
    texts = [
        "The cat sat on the mat.",
        "A cat was sitting on the mat.",
        "Quarterly revenue grew by twelve percent.",
        "How do I reset my password?",
        "I forgot my password, how can I reset it?",
    ]
    vectors = [d["embedding"] for d in (await embed(client, input=texts))["data"]]
    assert cosine(vectors[0], vectors[1]) > 0.4
    assert cosine(vectors[3], vectors[4]) > 0.4
    for i, j in ((0, 2), (1, 3), (2, 4), (0, 4)):
        assert abs(cosine(vectors[i], vectors[j])) < 0.15
    # Retrieval: the password question finds the password text first.
    query = vectors[4]
    ranked = sorted(range(4), key=lambda i: -cosine(query, vectors[i]))
    assert ranked[0] == 3


async def test_dimensions_give_the_normalised_prefix_of_the_full_vector(serve):
    client = await serve()
    full = (await embed(client, model="text-embedding-3-large", input="matryoshka"))["data"][0][
        "embedding"
    ]
    short = (
        await embed(client, model="text-embedding-3-large", input="matryoshka", dimensions=256)
    )["data"][0]["embedding"]
    assert len(short) == 256
    norm = math.sqrt(sum(x * x for x in full[:256]))
    assert all(
        math.isclose(s, f / norm, rel_tol=1e-4, abs_tol=1e-7)
        for s, f in zip(short, full, strict=False)
    )
    assert math.isclose(sum(x * x for x in short), 1.0, rel_tol=1e-5)


async def test_base64_is_the_same_vector_as_little_endian_float32(serve):
    client = await serve()
    floats = (await embed(client, input="encode me", dimensions=64))["data"][0]["embedding"]
    data = await embed(client, input="encode me", dimensions=64, encoding_format="base64")
    raw = base64.b64decode(data["data"][0]["embedding"])
    assert len(raw) == 64 * 4
    decoded = struct.unpack("<64f", raw)
    assert list(decoded) == [struct.unpack("<f", struct.pack("<f", x))[0] for x in floats]


@pytest.mark.parametrize(
    ("body", "message", "param", "code"),
    [
        (
            {"model": "text-embedding-ada-002", "input": "x", "dimensions": 256},
            "This model does not support specifying dimensions.",
            None,
            None,
        ),
        (
            {"input": "x", "dimensions": 0},
            "Invalid 'dimensions': integer below minimum value. Expected a value >= 1, but got 0 instead.",
            "dimensions",
            "integer_below_min_value",
        ),
        (
            {"input": "x", "dimensions": 2000},
            "Invalid 'dimensions': integer above maximum value. Expected a value <= 1536, but got 2000 "
            "instead.",
            "dimensions",
            "integer_above_max_value",
        ),
        (
            {"input": ""},
            "'$.input' is invalid. Please check the API reference: "
            "https://platform.openai.com/docs/api-reference.",
            None,
            None,
        ),
        (
            {"input": []},
            "'$.input' is invalid. Please check the API reference: "
            "https://platform.openai.com/docs/api-reference.",
            None,
            None,
        ),
        (
            {"input": ["ok", ""]},
            "'$.input' is invalid. Please check the API reference: "
            "https://platform.openai.com/docs/api-reference.",
            None,
            None,
        ),
        (
            {"input": ["text", [1, 2]]},
            "'$.input' is invalid. Please check the API reference: "
            "https://platform.openai.com/docs/api-reference.",
            None,
            None,
        ),
        (
            {"input": ["x"] * 2049},
            "Invalid 'input': array too long. Expected an array with maximum length 2048, but got an "
            "array with length 2049 instead.",
            "input",
            "array_above_max_length",
        ),
        (
            {"input": "x", "temperature": 1},
            "Unrecognized request argument supplied: temperature",
            None,
            None,
        ),
    ],
)
async def test_invalid_requests_get_the_real_400s(serve, body, message, param, code):
    client = await serve()
    response = await client.post(
        "/v1/embeddings", data=json.dumps({"model": MODEL, **body}), headers=AUTH
    )
    error = (await api_json(response))["error"]
    assert response.status == 400
    assert (error["message"], error["type"], error["param"], error["code"]) == (
        message,
        "invalid_request_error",
        param,
        code,
    )


async def test_unknown_encoding_format(serve):
    error = (await embed(await serve(), status=400, input="x", encoding_format="int8"))["error"]
    # The exact list wording comes from mockai.validation (shared); the real API joins two
    # values with a bare "and".
    assert error["message"].startswith("Invalid value: 'int8'. Supported values are: 'float'")
    assert (error["param"], error["code"]) == ("encoding_format", "invalid_value")


async def test_token_limits_per_input_and_per_request(serve):
    client = await serve()
    long = await embed(client, status=400, input=[[100] * 5, [100] * 8193])
    assert long["error"]["message"] == (
        "This model's maximum context length is 8192 tokens, however you requested 8193 tokens "
        "(8193 in your prompt; 0 for the completion). Please reduce your prompt; or completion length."
    )
    assert (await embed(client, input=[[100] * 8192]))["usage"]["prompt_tokens"] == 8192
    many = await embed(client, status=400, input=[[100] * 8000] * 38)
    assert many["error"] == {
        "message": "Requested 304000 tokens, max 300000 tokens per request",
        "type": "max_tokens_per_request",
        "param": None,
        "code": "max_tokens_per_request",
    }


async def test_unknown_and_non_embedding_models(serve):
    client = await serve()
    unknown = await embed(client, status=404, model="text-embedding-9", input="x")
    assert unknown["error"]["code"] == "model_not_found"
    chat = await embed(client, status=403, model="gpt-4o", input="x")
    assert chat["error"] == {
        "message": "You are not allowed to generate embeddings from this model",
        "type": "invalid_request_error",
        "param": None,
        "code": None,
    }
    missing = await embed(client, status=400, model=None, input="x")
    assert (
        missing["error"]["message"]
        == "Invalid type for 'model': expected a string, but got null instead."
    )
    response = await client.post("/v1/embeddings", data=json.dumps({"input": "x"}), headers=AUTH)
    assert (await api_json(response))["error"]["message"] == "you must provide a model parameter"


async def test_fine_tuned_and_lenient_models_embed(serve):
    data = await embed(await serve(), model="ft:text-embedding-3-small:acme::abc123", input="x")
    assert len(data["data"][0]["embedding"]) == 1536
    lenient = await embed(await serve(lenient=True), model="my-embedder", input="x")
    assert lenient["model"] == "my-embedder"


async def test_scenario_scripts_errors_matched_on_input_text_and_usage(serve):
    client = await serve(
        [
            {
                "name": "fail-secret",
                "match": {"endpoint": "embeddings", "user": "secret"},
                "replies": [{"error": 429}, {"usage": {"prompt_tokens": 99}}],
            },
        ]
    )
    assert (await embed(client, input="plain text"))["usage"]["prompt_tokens"] == 2
    limited = await embed(client, status=429, input=["a", "the SECRET plan"])
    assert limited["error"]["code"] == "rate_limit_exceeded"
    second = await embed(client, input="the secret plan")
    assert second["usage"] == {"prompt_tokens": 99, "total_tokens": 99}


def test_sdk_decodes_its_default_base64_and_floats(mockai):
    client = mockai.client()
    raw = client.embeddings.with_raw_response.create(model=MODEL, input=["alpha", "beta"])
    body = raw.http_response.json()
    validate_response("POST", "/v1/embeddings", 200, decoded(body))
    assert isinstance(body["data"][0]["embedding"], str)  # the SDK asks for base64 by default
    result = raw.parse()
    assert [len(d.embedding) for d in result.data] == [1536, 1536]
    floats = client.embeddings.create(
        model=MODEL, input=["alpha", "beta"], encoding_format="float", dimensions=1536
    )
    as_float32 = [
        list(struct.unpack("<1536f", struct.pack("<1536f", *d.embedding))) for d in floats.data
    ]
    assert as_float32 == [d.embedding for d in result.data]
    assert result.usage.prompt_tokens == count("alpha") + count("beta")
    assert mockai.requests[0]["body"]["input"] == ["alpha", "beta"]


def test_sdk_raises_typed_errors(mockai):
    client = mockai.client(max_retries=0)
    with pytest.raises(openai.BadRequestError) as bad:
        client.embeddings.create(model="text-embedding-ada-002", input="x", dimensions=8)
    assert bad.value.message.endswith("This model does not support specifying dimensions.")
    with pytest.raises(openai.PermissionDeniedError):
        client.embeddings.create(model="gpt-4o-mini", input="x")
    with pytest.raises(openai.NotFoundError):
        client.embeddings.create(model="nope", input="x")
