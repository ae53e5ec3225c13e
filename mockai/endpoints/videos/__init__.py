"""`/v1/videos`: Sora video jobs (create, remix, edits, extensions), their files (the MP4, a
thumbnail, a spritesheet), and characters made from uploaded videos.

A job answers at once `queued`, then moves on the job clock (`mockai.jobclock`) through
`in_progress` (`progress` rising to 99) to `completed` (`progress` 100, `completed_at`,
`expires_at`), or to `failed` with the real `error` object (`moderation_blocked`) when its
scenario step scripts an error with `stream: {error_after_chunks: N}` (it fails at N%); a
plain scripted error is the create call's own 4xx/5xx. The MP4 is real and playable: H.264
at the `size` and `seconds` asked, 24 frames a second, drawn from the prompt and `--seed`
(`footage.py`), encoded once when first downloaded; the thumbnail is WebP, the spritesheet
a JPEG grid. Requests come as JSON or as forms (what the official SDKs send), with the real
rules: sora-2 makes 720p only, an `input_reference` image must be the video's size.
"""

from __future__ import annotations

from mockai.endpoints import Route

ROUTES = [
    Route("POST", "/videos", "handlers.create", scenario="videos"),
    Route("GET", "/videos", "handlers.list_videos"),
    Route("POST", "/videos/edits", "handlers.edit", scenario="videos"),
    Route("POST", "/videos/extensions", "handlers.extend", scenario="videos"),
    Route("POST", "/videos/characters", "characters.create", scenario="videos"),
    Route("GET", "/videos/characters/{character_id}", "characters.retrieve"),
    Route("GET", "/videos/{video_id}", "handlers.retrieve"),
    Route("DELETE", "/videos/{video_id}", "handlers.delete"),
    Route("GET", "/videos/{video_id}/content", "handlers.content"),
    Route("POST", "/videos/{video_id}/remix", "handlers.remix", scenario="videos"),
]
