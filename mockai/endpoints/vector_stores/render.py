"""The bodies the vector store routes answer, each read at one moment (`now`): a vector store,
a vector store file, a file batch, a deletion, a file's parsed content and a search page.

Shapes follow the description and real bodies: a store without `expires_after` shows it
`null` (a real list of stores, quoted in `tests/openapi.py`), a file's `chunking_strategy`
shows `auto` as the static sizes it stands for, a batch is a `vector_store.files_batch`.
"""

from __future__ import annotations

from typing import Any

from mockai.toolkit.vectorstores import FileBatch, Found, StoreFile, VectorStore, file_counts


def store(found: VectorStore, now: float) -> dict[str, Any]:
    return {
        "id": found.id,
        "object": "vector_store",
        "created_at": found.created_at,
        "name": found.name,
        "usage_bytes": found.usage_bytes(now),
        "file_counts": file_counts(found.files.values(), now),
        "status": found.status(now),
        "expires_after": found.expires_after,
        "expires_at": found.expires_at,
        "last_active_at": found.last_active_at,
        "metadata": found.metadata,
    }


def store_file(store_id: str, attached: StoreFile, now: float) -> dict[str, Any]:
    return {
        "id": attached.id,
        "object": "vector_store.file",
        "usage_bytes": attached.usage_bytes(now),
        "created_at": attached.created_at,
        "vector_store_id": store_id,
        "status": attached.status(now),
        "last_error": attached.last_error(now),
        "chunking_strategy": attached.strategy.body(),
        "attributes": attached.attributes,
    }


def batch(store_id: str, made: FileBatch, now: float) -> dict[str, Any]:
    return {
        "id": made.id,
        "object": "vector_store.files_batch",
        "created_at": made.created_at,
        "vector_store_id": store_id,
        "status": made.status(now),
        "file_counts": file_counts(made.files, now),
    }


def deleted(key: str, kind: str) -> dict[str, Any]:
    return {"id": key, "object": f"{kind}.deleted", "deleted": True}


def content(attached: StoreFile, now: float) -> dict[str, Any]:
    """The parsed text, a page per PDF page or slide; nothing until the file is done."""
    document = attached.processing.document
    pages = document.pages if document is not None and attached.status(now) == "completed" else ()
    return {
        "object": "vector_store.file_content.page",
        "data": [{"type": "text", "text": page} for page in pages],
        "has_more": False,
        "next_page": None,
    }


def search_page(found: Found) -> dict[str, Any]:
    return {
        "object": "vector_store.search_results.page",
        "search_query": found.queries,
        "data": [
            {
                "file_id": hit.file.id,
                "filename": hit.file.filename,
                "score": hit.score,
                "attributes": hit.file.attributes,
                "content": [{"type": "text", "text": hit.text}],
            }
            for hit in found.hits
        ],
        "has_more": False,
        "next_page": None,
    }
