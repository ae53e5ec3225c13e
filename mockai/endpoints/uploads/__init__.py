"""`/v1/uploads`: create an Upload, add Parts (multipart `data`), complete it into a File, or
cancel it.

The documented rules are enforced: at most 8 GB per Upload and 64 MB per Part, an hour to
complete, the completed bytes equal to the declared `bytes`, an optional `md5` to match, and no
Parts after completion or cancellation. A `batch` Upload completes only into a valid batch
input file, as a direct file upload would.
"""

from __future__ import annotations

from mockai.endpoints import Route

ROUTES = [
    Route("POST", "/uploads", "handlers.create", scenario="uploads"),
    Route("POST", "/uploads/{upload_id}/parts", "handlers.add_part"),
    Route("POST", "/uploads/{upload_id}/complete", "handlers.complete"),
    Route("POST", "/uploads/{upload_id}/cancel", "handlers.cancel"),
]
