"""`POST /v1/images/generations`, `/v1/images/edits` and `/v1/images/variations`, and the
files their URLs point at (`GET /v1/images/files/{name}`, no API key needed, like the real
API's signed URLs).

Each request is validated (fields, then the model's own rules), matched to a scenario step
(which may script an error, a dall-e-3 `revised_prompt` as `content`, usage or stream pacing),
and answered with real pictures drawn for it: JSON, or for the GPT image models with
`stream: true`, `partial_image` events then a `completed` one.
"""

from __future__ import annotations

from mockai.endpoints import Route

ROUTES = [
    Route("POST", "/images/generations", "handlers.generate", scenario="images.generations"),
    Route("POST", "/images/edits", "handlers.edit", scenario="images.edits"),
    Route("POST", "/images/variations", "handlers.variation", scenario="images.variations"),
    Route("GET", "/images/files/{name}", "handlers.serve_file"),
]
