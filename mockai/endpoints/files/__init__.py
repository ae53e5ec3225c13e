"""`/v1/files`: upload (multipart), list, retrieve, download and delete files.

Limits and wordings follow the real API: 512 MB per file, 200 MB and `.jsonl` for batch input
files, purpose errors in its `'x' is not one of [...] - 'purpose'` form, 404 `No such File
object: <id>` with `param: id`. A batch input file's lines are checked only as far as the real
upload checks them (the file parses as JSONL); the request format is the batch's to validate.
"""

from __future__ import annotations

from mockai.endpoints import Route

ROUTES = [
    Route("POST", "/files", "handlers.create", scenario="files"),
    Route("GET", "/files", "handlers.list_files"),
    Route("GET", "/files/{file_id}", "handlers.retrieve"),
    Route("GET", "/files/{file_id}/content", "handlers.content"),
    Route("DELETE", "/files/{file_id}", "handlers.delete"),
]
