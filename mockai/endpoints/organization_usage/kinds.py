"""What each Usage API operation takes and reports: its filters, its `group_by` fields, its
result object and figures, as the OpenAPI description lists them (`tests/endpoints/
test_organization_usage.py` checks this table against it)."""

from __future__ import annotations

from dataclasses import dataclass

# Query parameter -> the dimension it filters (mockai.usage.Dims).
FILTERS = {
    "project_ids": "project_id",
    "user_ids": "user_id",
    "api_key_ids": "api_key_id",
    "models": "model",
    "sources": "source",
    "sizes": "size",
    "context_levels": "context_level",
    "vector_store_ids": "vector_store_id",
}
# The filters whose values the description enumerates.
FILTER_VALUES = {
    "sources": ("image.generation", "image.edit", "image.variation"),
    # The description's five, then the other sizes mockai's image models draw (dall-e-3's
    # landscape, the GPT image models'), which a filter must be able to name too.
    "sizes": (
        "256x256",
        "512x512",
        "1024x1024",
        "1792x1792",
        "1024x1792",
        "1792x1024",
        "1536x1024",
        "1024x1536",
    ),
    "context_levels": ("low", "medium", "high"),
}
_PEOPLE = ("project_ids", "user_ids", "api_key_ids")


@dataclass(frozen=True)
class Kind:
    """One `GET /organization/usage/<name>` operation."""

    name: str
    filters: tuple[str, ...]  # query parameters that filter (besides the time range)
    group_by: tuple[str, ...]  # the `group_by` values; each is also a field of the result
    figures: tuple[str, ...]  # the result's counts
    batch: bool = False  # takes the `batch` filter
    result: str = ""  # the result's `object`, when not `organization.usage.<name>.result`

    @property
    def object(self) -> str:
        return self.result or f"organization.usage.{self.name}.result"


_MODEL_GROUPS = ("project_id", "user_id", "api_key_id", "model")
_TOKENS = ("input_tokens", "num_model_requests")

KINDS = {
    kind.name: kind
    for kind in (
        Kind(
            "completions",
            (*_PEOPLE, "models"),
            (*_MODEL_GROUPS, "batch", "service_tier"),
            (
                "input_tokens",
                "input_cached_tokens",
                "input_cache_write_tokens",
                "input_uncached_tokens",
                "output_tokens",
                "input_text_tokens",
                "output_text_tokens",
                "input_cached_text_tokens",
                "input_audio_tokens",
                "input_cached_audio_tokens",
                "output_audio_tokens",
                "input_image_tokens",
                "input_cached_image_tokens",
                "output_image_tokens",
                "num_model_requests",
            ),
            batch=True,
        ),
        Kind("embeddings", (*_PEOPLE, "models"), _MODEL_GROUPS, _TOKENS),
        Kind("moderations", (*_PEOPLE, "models"), _MODEL_GROUPS, _TOKENS),
        Kind(
            "images",
            ("sources", "sizes", *_PEOPLE, "models"),
            (*_MODEL_GROUPS, "size", "source"),
            ("images", "num_model_requests"),
        ),
        Kind(
            "audio_speeches",
            (*_PEOPLE, "models"),
            _MODEL_GROUPS,
            ("characters", "num_model_requests"),
        ),
        Kind(
            "audio_transcriptions",
            (*_PEOPLE, "models"),
            _MODEL_GROUPS,
            ("seconds", "num_model_requests"),
        ),
        Kind("vector_stores", ("project_ids",), ("project_id",), ("usage_bytes",)),
        Kind("code_interpreter_sessions", ("project_ids",), ("project_id",), ("num_sessions",)),
        Kind(
            "file_search_calls",
            (*_PEOPLE, "vector_store_ids"),
            ("project_id", "user_id", "api_key_id", "vector_store_id"),
            ("num_requests",),
            result="organization.usage.file_searches.result",
        ),
        Kind(
            "web_search_calls",
            (*_PEOPLE, "models", "context_levels"),
            (*_MODEL_GROUPS, "context_level"),
            ("num_model_requests", "num_requests"),
            result="organization.usage.web_searches.result",
        ),
    )
}

# `GET /organization/costs`.
COSTS_FILTERS = ("project_ids", "api_key_ids")
COSTS_GROUP_BY = ("project_id", "line_item", "api_key_id")

# Bucket widths in seconds, and each one's `limit` default and maximum.
WIDTHS = {"1m": 60, "1h": 3600, "1d": 86400}
LIMITS = {"1m": (60, 1440), "1h": (24, 168), "1d": (7, 31)}
COSTS_LIMIT = (7, 180)
