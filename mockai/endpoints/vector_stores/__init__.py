"""`/v1/vector_stores`: vector stores, their files and file batches, and search over them.

Files attached to a store (`file_ids` at creation, one by one, or in batches) are the session's
uploaded Files, read (text, Markdown, JSON, code, HTML, PDF, DOCX, PPTX), cut into chunks of
real cl100k_base tokens as the chunking strategy says (`auto`: 800 with 400 overlap) and
embedded with mockai's deterministic vectors (`mockai.retrieval`, `toolkit.vectorstores`).
They answer `in_progress` when attached and `completed` from the next read (or `failed` with
the real `last_error` for an unsupported or empty file); the request header
`X-Mockai-Processing-Ms: N` on the attaching call keeps them in progress N ms, a pace asked
for (`X-Mockai-Job-Clock`, `--job-clock`) puts them on the job clock, and while they are,
answers carry `openai-poll-after-ms` so the SDK poll helpers come back soon. Cancelling a
batch cancels its files still in progress. Counts, usage bytes, statuses and expiry
(`expires_after` from `last_active_at`) are read from the clock and the files at each request.

Search ranks the chunks of a store's completed files by a hybrid score (embedding cosine and
BM25 keywords, in [0, 1]) with `max_num_results`, `ranking_options`, `rewrite_query` and
attribute `filters`; Responses' `file_search` tool runs the same search. Wordings quoted from
the real API: the store 404 ("No vector store found with id '...'."), the file 404 ("No file
found with id '...' in vector store '...'."), the batch id's 400 ("Expected an ID that begins
with 'vsfb_'."), a file's `last_error`s; the others are marked where they are made.

Scenarios answer the routes that change something, when they name them: `vector_stores`
(create, modify, delete), `vector_stores.files` (attach, update, detach),
`vector_stores.file_batches` (create, cancel) and `vector_stores.search`.
"""

from __future__ import annotations

from mockai.endpoints import Route

_STORE = "/vector_stores/{vector_store_id}"
_FILE = f"{_STORE}/files/{{file_id}}"
_BATCH = f"{_STORE}/file_batches/{{batch_id}}"

ROUTES = [
    Route("GET", "/vector_stores", "handlers.list_stores"),
    Route("POST", "/vector_stores", "handlers.create", scenario="vector_stores"),
    Route("GET", _STORE, "handlers.retrieve"),
    Route("POST", _STORE, "handlers.modify", scenario="vector_stores"),
    Route("DELETE", _STORE, "handlers.delete", scenario="vector_stores"),
    Route("POST", f"{_STORE}/search", "handlers.search_store", scenario="vector_stores.search"),
    Route("GET", f"{_STORE}/files", "files.list_files"),
    Route("POST", f"{_STORE}/files", "files.create", scenario="vector_stores.files"),
    Route("GET", _FILE, "files.retrieve"),
    Route("POST", _FILE, "files.update", scenario="vector_stores.files"),
    Route("DELETE", _FILE, "files.delete", scenario="vector_stores.files"),
    Route("GET", f"{_FILE}/content", "files.content"),
    Route(
        "POST", f"{_STORE}/file_batches", "batches.create", scenario="vector_stores.file_batches"
    ),
    Route("GET", _BATCH, "batches.retrieve"),
    Route("POST", f"{_BATCH}/cancel", "batches.cancel", scenario="vector_stores.file_batches"),
    Route("GET", f"{_BATCH}/files", "batches.list_files"),
]
