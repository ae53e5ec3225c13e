"""`/v1/containers`: create, list, retrieve and delete containers, and the files in them
(upload or copy a stored File in, list, retrieve, download, delete).

A container is `running` until it has been idle for `expires_after.minutes` (20 by default),
then `expired`: still listed and retrievable (a snapshot), its files gone, any use of it the
real 400 `Container is expired.`. Every use touches `last_active_at`. The containers and their
files live in `mockai/toolkit/containers.py`, where Responses' code interpreter also creates
containers (`container: {type: auto}`) and writes the files its code makes.
"""

from __future__ import annotations

from mockai.endpoints import Route

ROUTES = [
    Route("POST", "/containers", "handlers.create", scenario="containers"),
    Route("GET", "/containers", "handlers.list_containers", scenario="containers"),
    Route("GET", "/containers/{container_id}", "handlers.retrieve", scenario="containers"),
    Route("DELETE", "/containers/{container_id}", "handlers.delete", scenario="containers"),
    Route("POST", "/containers/{container_id}/files", "files.create", scenario="containers.files"),
    Route(
        "GET", "/containers/{container_id}/files", "files.list_files", scenario="containers.files"
    ),
    Route(
        "GET",
        "/containers/{container_id}/files/{file_id}",
        "files.retrieve",
        scenario="containers.files",
    ),
    Route(
        "DELETE",
        "/containers/{container_id}/files/{file_id}",
        "files.delete",
        scenario="containers.files",
    ),
    Route(
        "GET",
        "/containers/{container_id}/files/{file_id}/content",
        "files.content",
        scenario="containers.files",
    ),
]
