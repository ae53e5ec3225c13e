"""Conformance cases of the vector store operations: a store made of real uploaded text files
(processed by the next read), its files and a file batch, then each operation on them."""

from __future__ import annotations

from typing import Any

from cases import Api, case

NOTES = b"The lighthouse keeper lights the lamp at dusk and trims the wick at midnight.\n"
TIDES = b"Spring tides come with the new and the full moon; neap tides at the quarters.\n"


async def _file(api: Api, name: str = "notes.txt", data: bytes = NOTES) -> str:
    form = {"purpose": "assistants", "file": (name, data, "text/plain")}
    return (await api.made("POST", "/v1/files", form=form))["id"]


async def _store(api: Api, **body: Any) -> tuple[str, str]:
    """A store holding one processed file: (store id, file id)."""
    file_id = await _file(api)
    made = await api.made("POST", "/v1/vector_stores", json={"file_ids": [file_id], **body})
    await api.made("GET", f"/v1/vector_stores/{made['id']}")  # processed from here on
    return made["id"], file_id


async def _batch(api: Api) -> tuple[str, str]:
    store_id, _ = await _store(api)
    body = {"file_ids": [await _file(api, "tides.md", TIDES)], "attributes": {"topic": "sea"}}
    made = await api.made("POST", f"/v1/vector_stores/{store_id}/file_batches", json=body)
    return store_id, made["id"]


@case("listVectorStores")
async def _list_stores(api: Api):
    await _store(api)
    return await api.send("GET", "/v1/vector_stores", params={"limit": "5", "order": "asc"})


@case("createVectorStore")
async def _create_store(api: Api):
    body = {
        "name": "handbook",
        "file_ids": [await _file(api)],
        "chunking_strategy": {
            "type": "static",
            "static": {"max_chunk_size_tokens": 400, "chunk_overlap_tokens": 100},
        },
        "expires_after": {"anchor": "last_active_at", "days": 30},
        "metadata": {"suite": "conformance"},
    }
    return await api.send("POST", "/v1/vector_stores", json=body)


@case("getVectorStore")
async def _get_store(api: Api):
    store_id, _ = await _store(api)
    return await api.send("GET", f"/v1/vector_stores/{store_id}")


@case("modifyVectorStore")
async def _modify_store(api: Api):
    store_id, _ = await _store(api)
    body = {"name": "renamed", "expires_after": {"anchor": "last_active_at", "days": 1}}
    return await api.send("POST", f"/v1/vector_stores/{store_id}", json=body)


@case("deleteVectorStore")
async def _delete_store(api: Api):
    store_id, _ = await _store(api)
    return await api.send("DELETE", f"/v1/vector_stores/{store_id}")


@case("searchVectorStore")
async def _search(api: Api):
    store_id, _ = await _store(api)
    body = {
        "query": "When does the keeper light the lamp?",
        "max_num_results": 5,
        "rewrite_query": True,
        "ranking_options": {"ranker": "auto", "score_threshold": 0.0},
        "filters": {"type": "or", "filters": [{"type": "nin", "key": "x", "value": ["y"]}]},
    }
    return await api.send("POST", f"/v1/vector_stores/{store_id}/search", json=body)


@case("listVectorStoreFiles")
async def _list_files(api: Api):
    store_id, _ = await _store(api)
    params = {"filter": "completed", "limit": "10"}
    return await api.send("GET", f"/v1/vector_stores/{store_id}/files", params=params)


@case("createVectorStoreFile")
async def _create_file(api: Api):
    store_id, _ = await _store(api)
    body = {"file_id": await _file(api, "tides.md", TIDES), "attributes": {"year": 2024}}
    return await api.send("POST", f"/v1/vector_stores/{store_id}/files", json=body)


@case("getVectorStoreFile")
async def _get_file(api: Api):
    store_id, file_id = await _store(api)
    return await api.send("GET", f"/v1/vector_stores/{store_id}/files/{file_id}")


@case("updateVectorStoreFileAttributes")
async def _update_file(api: Api):
    store_id, file_id = await _store(api)
    body = {"attributes": {"topic": "lighthouses", "checked": True, "pages": 3}}
    return await api.send("POST", f"/v1/vector_stores/{store_id}/files/{file_id}", json=body)


@case("deleteVectorStoreFile")
async def _delete_file(api: Api):
    store_id, file_id = await _store(api)
    return await api.send("DELETE", f"/v1/vector_stores/{store_id}/files/{file_id}")


@case("retrieveVectorStoreFileContent")
async def _file_content(api: Api):
    store_id, file_id = await _store(api)
    return await api.send("GET", f"/v1/vector_stores/{store_id}/files/{file_id}/content")


@case("createVectorStoreFileBatch")
async def _create_batch(api: Api):
    store_id, _ = await _store(api)
    body = {"files": [{"file_id": await _file(api, "tides.md", TIDES), "attributes": {"a": 1}}]}
    return await api.send("POST", f"/v1/vector_stores/{store_id}/file_batches", json=body)


@case("getVectorStoreFileBatch")
async def _get_batch(api: Api):
    store_id, batch_id = await _batch(api)
    return await api.send("GET", f"/v1/vector_stores/{store_id}/file_batches/{batch_id}")


@case("cancelVectorStoreFileBatch")
async def _cancel_batch(api: Api):
    store_id, batch_id = await _batch(api)
    return await api.send("POST", f"/v1/vector_stores/{store_id}/file_batches/{batch_id}/cancel")


@case("listFilesInVectorStoreBatch")
async def _list_batch_files(api: Api):
    store_id, batch_id = await _batch(api)
    path = f"/v1/vector_stores/{store_id}/file_batches/{batch_id}/files"
    return await api.send("GET", path, params={"order": "desc"})
