"""Rate-limit state and the `x-ratelimit-*` headers every response carries."""
