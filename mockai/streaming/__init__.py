"""Server-sent event streams: framing, pacing and cut-offs shared by every streaming endpoint."""
